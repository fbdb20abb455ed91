/// The lines (equations) through each cell of `LinkedTables`, in line
/// order: one array of line numbers with each cell's start in it, where an
/// array per cell cost an allocation for each of a million cells.
struct CellLines {
    private let starts: [Int]
    private let lineNumbers: [Int]

    init(_ lines: [[Int]], cellCount: Int) {
        var counts = [Int](repeating: 0, count: cellCount + 1)
        for line in lines { for cell in line { counts[cell + 1] += 1 } }
        for cell in 0 ..< cellCount { counts[cell + 1] += counts[cell] }
        var next = counts
        var lineNumbers = [Int](repeating: 0, count: counts[cellCount])
        for (l, line) in lines.enumerated() {
            for cell in line {
                lineNumbers[next[cell]] = l
                next[cell] += 1
            }
        }
        starts = counts
        self.lineNumbers = lineNumbers
    }

    /// The lines through `cell`, in line order (a line through it twice is listed twice).
    subscript(cell: Int) -> ArraySlice<Int> {
        lineNumbers[starts[cell] ..< starts[cell + 1]]
    }
}
