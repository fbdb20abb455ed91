import CitywideModel
import CitywidePublished
internal import CitywideInput

/// The additive relations a reader can write for one metric, city and
/// period: every cell that is not broken down by a dimension equals the sum
/// of its breakdown by that dimension (a total equals its parts; a one-way
/// cell equals the sum of its two-way cells; and so on up the hierarchy).
///
/// A line exists only when the cell and every one of its parts are in the
/// table: without all of them no exact equation can be written.
package struct TableLines {
    /// Each line: the parent's index in `cells`, then its parts' indices.
    package let lines: [[Int]]

    package init(cells: [CellKey], dimensions: [CitywideModel.Dimension]) {
        var index: [CellKey: Int] = [:]
        for (i, cell) in cells.enumerated() { index[cell] = i }
        var lines: [[Int]] = []
        for (p, cell) in cells.enumerated() {
            for (d, dimension) in dimensions.enumerated() where cell.code(d) == 0 {
                var line = [p]
                for v in dimension.values.indices {
                    guard let child = index[cell.setting(d, to: v + 1)] else { line = []; break }
                    line.append(child)
                }
                if line.count > 1 { lines.append(line) }
            }
        }
        self.lines = lines
    }
}
