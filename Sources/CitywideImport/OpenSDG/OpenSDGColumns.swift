import CitywideInput
import Foundation
/// The columns of an Open SDG indicator file (`data/indicator_*.csv`), as
/// sdg-build reads them: `Year` first, `Value` last, and between them the
/// disaggregations and the columns that are not disaggregations: `Units`,
/// `Series`, `GeoCode`, `Observation status`, `Unit multiplier`,
/// `Unit measure` (or `UNIT_MEASURE`) and `COMMENT_*`.
package struct OpenSDGColumns: Sendable {
    package enum Role: Equatable, Sendable {
        case year, value, units, series, geocode, status, multiplier, unitMeasure, comment
        case disaggregation
    }

    package var roles: [Role]

    package init(_ headings: [String]) {
        roles = headings.map(Self.role)
    }

    package func index(_ role: Role) -> Int? { roles.firstIndex(of: role) }

    package var disaggregations: [Int] { roles.indices.filter { roles[$0] == .disaggregation } }

    package static func role(_ heading: String) -> Role {
        let name = heading.trimmingSpaces.lowercased().replacingOccurrences(of: "_", with: " ")
        switch name {
        case "year": return .year
        case "value": return .value
        case "units", "unit": return .units
        case "series": return .series
        case "geocode", "geo code": return .geocode
        case "observation status", "obs status": return .status
        case "unit multiplier", "unit mult": return .multiplier
        case "unit measure": return .unitMeasure
        default: return name.hasPrefix("comment ") ? .comment : .disaggregation
        }
    }
}
