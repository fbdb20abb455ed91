import Foundation
import CitywideInput
import CitywideModel

/// Which units, series and geography of an Open SDG file to import. A file
/// may hold several of each; without an option naming one, an import would
/// mix them into one metric, so it stops and lists the choices instead.
package struct OpenSDGSelection: Sendable {
    package var units: String?
    package var series: String?
    package var geocode: String?

    package init(units: String? = nil, series: String? = nil, geocode: String? = nil) {
        self.units = units
        self.series = series
        self.geocode = geocode
    }

    /// One selectable column: its role, the file's heading, the option that picks a value.
    struct Axis {
        var role: OpenSDGColumns.Role
        var option: String
        var chosen: String?
    }

    var axes: [Axis] {
        [Axis(role: .units, option: "--units", chosen: units),
         Axis(role: .series, option: "--series", chosen: series),
         Axis(role: .geocode, option: "--geocode", chosen: geocode)]
    }

    /// The rows to import (indices into `grid.rows`), or nil after reporting
    /// why the choice cannot be made (several values and no option, or an
    /// option naming a value the file does not have). Rows of other values
    /// are reported as not imported, with their lines.
    func rows(of grid: SourceGrid, columns: OpenSDGColumns, log: DiagnosticLog) -> [Int]? {
        var keep = Array(grid.rows.indices)
        var ok = true
        for axis in axes {
            let heading = columns.index(axis.role).map { grid.header.cell($0).trimmed } ?? ""
            guard let column = columns.index(axis.role) else {
                if let chosen = axis.chosen {
                    log.error(SourceLocation(path: grid.path), "\(axis.option) '\(chosen)': the file has no \(Self.name(axis.role)) column, so there is nothing to choose; leave the option out")
                    ok = false
                }
                continue
            }
            var counts: [String: Int] = [:]
            var order: [String] = []
            for i in keep {
                let value = grid.rows[i].cell(column).trimmed
                if counts[value] == nil { order.append(value) }
                counts[value, default: 0] += 1
            }
            let choices = order.map { "'\($0)' (\(counts[$0] ?? 0) \(counts[$0] == 1 ? "row" : "rows"))" }.joined(separator: ", ")
            let at = grid.header.cell(column).location
            if let chosen = axis.chosen {
                guard counts[chosen.trimmingSpaces] != nil else {
                    log.error(at, "\(axis.option) '\(chosen)' is not in the \(heading) column; the file has \(choices)")
                    ok = false
                    continue
                }
                var left: [Int] = []
                keep = keep.filter { i in
                    let match = grid.rows[i].cell(column).trimmed == chosen.trimmingSpaces
                    if !match { left.append(grid.rows[i].location.line) }
                    return match
                }
                if !left.isEmpty {
                    log.warning(at, "not imported: \(left.count) \(left.count == 1 ? "row" : "rows") of another \(heading) than '\(chosen)' (\(axis.option)): \(LineList.phrase(left))")
                }
            } else if order.count > 1 {
                log.error(at, "the file holds \(order.count) \(Self.plural(axis.role)) in its \(heading) column: \(choices); choose one with \(axis.option) (e.g. \(axis.option) \(Self.shellQuoted(order[0]))); nothing was written")
                ok = false
            }
        }
        return ok ? keep : nil
    }

    static func name(_ role: OpenSDGColumns.Role) -> String {
        switch role {
        case .units: "Units"
        case .series: "Series"
        default: "GeoCode"
        }
    }

    static func plural(_ role: OpenSDGColumns.Role) -> String {
        switch role {
        case .units: "units"
        case .series: "series"
        default: "geographies"
        }
    }

    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
