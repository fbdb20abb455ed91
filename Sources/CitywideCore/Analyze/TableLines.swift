/// The additive relations a reader can write for one metric, city and
/// period: every cell that is not broken down by a dimension equals the sum
/// of its breakdown by that dimension (a total equals its parts; a one-way
/// cell equals the sum of its two-way cells; and so on up the hierarchy).
///
/// A line exists only when the cell and every one of its parts are in the
/// table: without all of them no exact equation can be written.
struct TableLines {
    /// Each line: the parent's index in `cells`, then its parts' indices.
    let lines: [[Int]]

    init(cells: [CellKey], dimensions: [Dimension]) {
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

/// Which unknown cells of a table a reader could compute exactly from the
/// published ones, using every line at once (not one line at a time).
///
/// Each line is an equation `parent - Σ parts = 0`. Moving the published
/// cells to the right leaves a linear system in the unknowns; an unknown is
/// determined exactly when its unit vector lies in the row space of that
/// system, which reduced row echelon form shows directly: some row of the
/// reduced matrix is exactly that unit vector.
enum LinearDisclosure {
    static func determined(unknown: [Bool], lines: [[Int]]) -> [Int] {
        var column: [Int: Int] = [:]
        var cells: [Int] = []
        for (cell, isUnknown) in unknown.enumerated() where isUnknown {
            column[cell] = cells.count
            cells.append(cell)
        }
        guard !cells.isEmpty else { return [] }
        var rows: [[Double]] = []
        for line in lines {
            var row = [Double](repeating: 0, count: cells.count)
            var any = false
            for (position, cell) in line.enumerated() {
                if let c = column[cell] {
                    row[c] += position == 0 ? 1 : -1
                    any = true
                }
            }
            if any { rows.append(row) }
        }
        let reduced = reducedRowEchelon(rows, columns: cells.count)
        var result: [Int] = []
        for row in reduced {
            let nonZero = row.indices.filter { abs(row[$0]) > 1e-9 }
            if nonZero.count == 1 { result.append(cells[nonZero[0]]) }
        }
        return result.sorted()
    }

    /// Gauss-Jordan elimination with partial pivoting. Entries start as
    /// small integers, so a tolerance of 1e-9 separates zero from non-zero.
    static func reducedRowEchelon(_ input: [[Double]], columns: Int) -> [[Double]] {
        var m = input
        var pivotRow = 0
        for c in 0..<columns where pivotRow < m.count {
            var best = pivotRow
            for r in pivotRow..<m.count where abs(m[r][c]) > abs(m[best][c]) { best = r }
            guard abs(m[best][c]) > 1e-9 else { continue }
            m.swapAt(pivotRow, best)
            let pivot = m[pivotRow][c]
            for k in 0..<columns { m[pivotRow][k] /= pivot }
            for r in 0..<m.count where r != pivotRow && abs(m[r][c]) > 1e-9 {
                let factor = m[r][c]
                for k in 0..<columns { m[r][k] -= factor * m[pivotRow][k] }
            }
            pivotRow += 1
        }
        return Array(m.prefix(pivotRow))
    }
}
