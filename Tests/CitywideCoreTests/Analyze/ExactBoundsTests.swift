import Testing
@testable import CitywidePublish

/// The audit's algebra (`ReducedEquations`, `UnboundedRay`) against the
/// solver: on random small tables with random cells withheld, every range
/// the algebra gives must be exactly the one CBC/CLP finds (an over-wide
/// range would let a leak through, a narrow one would withhold too much).
@Suite("Exact bounds without the solver")
struct ExactBoundsTests {
    /// A random table and its lines: parent = Σ parts, cell numbers 0..<count.
    struct Table {
        var values: [Int]
        var lines: [[Int]]
    }

    /// A total with two one-way margins (T = Σ a = Σ b), the benchmark's table.
    static func twoMargins(_ random: inout SeededRandom) -> Table {
        let rows = Int.random(in: 2...3, using: &random), columns = Int.random(in: 2...3, using: &random)
        let interior = (0..<(rows * columns)).map { _ in [0, 0, 1, 2, 3, 5, 8, 12, 20].randomElement(using: &random) ?? 0 }
        return crossed(rows, columns, interior, withInterior: false)
    }

    /// A two-way table with its margins and total, interior cells published too.
    static func twoWay(_ random: inout SeededRandom) -> Table {
        let rows = Int.random(in: 2...3, using: &random), columns = Int.random(in: 2...3, using: &random)
        let interior = (0..<(rows * columns)).map { _ in [0, 1, 2, 3, 5, 8, 13].randomElement(using: &random) ?? 0 }
        return crossed(rows, columns, interior, withInterior: true)
    }

    /// Cells: total 0, rows 1...r, columns r+1...r+c, then the interior row by row.
    static func crossed(_ r: Int, _ c: Int, _ interior: [Int], withInterior: Bool) -> Table {
        let rowSums = (0..<r).map { i in (0..<c).reduce(0) { $0 + interior[i * c + $1] } }
        let columnSums = (0..<c).map { j in (0..<r).reduce(0) { $0 + interior[$1 * c + j] } }
        var values = [rowSums.reduce(0, +)] + rowSums + columnSums
        var lines = [[0] + Array(1...r), [0] + Array((r + 1)...(r + c))]
        if withInterior {
            let first = values.count
            values += interior
            for i in 0..<r { lines.append([1 + i] + (0..<c).map { first + i * c + $0 }) }
            for j in 0..<c { lines.append([1 + r + j] + (0..<r).map { first + $0 * c + j }) }
        }
        return Table(values: values, lines: lines)
    }

    /// Two tables whose totals are one count (the twin of an inferred link).
    static func linkedPair(_ random: inout SeededRandom) -> Table {
        let a = twoMargins(&random)
        var b = twoMargins(&random)
        b.values[0] = a.values[0]
        // Rescale b's first margin line so it still adds up: put the difference on its first part.
        let rowsOfB = b.lines[0].dropFirst().reduce(0) { $0 + b.values[$1] }
        let columnsOfB = b.lines[1].dropFirst().reduce(0) { $0 + b.values[$1] }
        b.values[b.lines[0][1]] += a.values[0] - rowsOfB
        b.values[b.lines[1][1]] += a.values[0] - columnsOfB
        guard b.values.allSatisfy({ $0 >= 0 }) else { return a }
        let shift = a.values.count
        let lines = a.lines + b.lines.map { $0.map { $0 + shift } } + [[0, shift]]
        return Table(values: a.values + b.values, lines: lines)
    }

    /// The solver's range of `cell` (nil: unbounded), for the reader's system.
    /// Unknowns are capped at `IntegerProgram.unboundedCap`, so an unbounded
    /// cell can stop a little below the cap (others on its ray reach it first):
    /// a range of that order is "no bound".
    static func solverRange(_ table: Table, unknown: Set<Int>, cell: Int) -> Int? {
        var program = IntegerProgram()
        for (i, value) in table.values.enumerated() {
            let fixed = unknown.contains(i) ? nil : Double(value)
            _ = program.addVariable(lower: fixed ?? 0, upper: fixed ?? IntegerProgram.unboundedCap)
        }
        for line in table.lines {
            program.equations.append(IntegerProgram.Equation(
                variables: line.map(Int32.init), coefficients: line.indices.map { $0 == 0 ? 1 : -1 }, rhs: 0))
        }
        let solver = program.solver()
        guard case let .value(high) = solver.maximum(of: cell) else { return nil }
        guard case let .value(low) = solver.minimum(of: cell) else { return -1 }
        return Double(high - low + 1) > IntegerProgram.unboundedCap / 2 ? nil : high - low + 1
    }

    @Test("ranges from the algebra equal the solver's on 600 random tables", arguments: ["twoMargins", "twoWay", "linkedPair"])
    func algebraMatchesSolver(shape: String) {
        var random = SeededRandom(seed: UInt64(shape.utf8.count) &* 7919)
        var answered = 0, unbounded = 0, determined = 0
        for _ in 0..<200 {
            let table = switch shape {
            case "twoWay": Self.twoWay(&random)
            case "linkedPair": Self.linkedPair(&random)
            default: Self.twoMargins(&random)
            }
            let share = Double.random(in: 0.15...0.7, using: &random)
            let unknown = Set(table.values.indices.filter { _ in Double.random(in: 0..<1, using: &random) < share })
            let reduced = ReducedEquations(lines: table.lines, known: { unknown.contains($0) ? nil : Double(table.values[$0]) })
            for cell in unknown.sorted() {
                switch reduced.range(cell) {
                case let .values(count):
                    #expect(Self.solverRange(table, unknown: unknown, cell: cell) == count, "\(table) unknown \(unknown.sorted()) cell \(cell)")
                    answered += 1
                    if count == 1 { determined += 1 }
                case .unbounded:
                    #expect(Self.solverRange(table, unknown: unknown, cell: cell) == nil, "\(table) unknown \(unknown.sorted()) cell \(cell)")
                    unbounded += 1
                case .solverNeeded:
                    break
                }
            }
        }
        // The comparison really ran on every kind of answer.
        #expect(answered > 50 && unbounded > 20 && determined > 10)
    }

    @Test("a total beside two margins, withheld with a cell of each margin: unbounded, found without the solver")
    func totalBesideTwoMargins() {
        // T = a1 + a2 = b1 + b2 with 20 = 9 + 11 = 4 + 16; T, a1 and b1 withheld.
        let lines = [[0, 1, 2], [0, 3, 4]]
        let values: [Double] = [20, 9, 11, 4, 16]
        let reduced = ReducedEquations(lines: lines, known: { [0, 1, 3].contains($0) ? nil : values[$0] })
        #expect(reduced.range(0) == .unbounded)
        #expect(reduced.range(1) == .unbounded)
        #expect(reduced.range(3) == .unbounded)
        // With b1 published, b's line fixes T (one value), and a1 then too.
        let fixed = ReducedEquations(lines: lines, known: { [0, 1].contains($0) ? nil : values[$0] })
        #expect(fixed.range(0) == .values(1))
        #expect(fixed.range(1) == .values(1))
    }
}
