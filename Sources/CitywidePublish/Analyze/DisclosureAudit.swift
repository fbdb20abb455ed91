import CitywideModel
import CitywidePublished
internal import CitywideInput

/// The attacker, inside the product: for a withheld cell, the smallest and
/// largest integer value consistent with everything published.
///
/// The reader's model, written down truthfully:
/// * every line (parent = Σ parts) of the linked tables holds;
/// * a published cell is the constant it shows;
/// * an unknown cell (withheld, not available, or an increment of a
///   cumulative metric next to one) is an integer ≥ 0. Nothing more: every
///   withheld cell has the one status `suppressed`, and a withheld cell may be
///   0 (suppression withholds a zero when nothing else protects a line, and
///   withholds whole tables), so a reader cannot say "≥ 1".
///
/// A withheld cell is protected when its range holds at least `width`
/// integers (min_cell - 1: a reader may learn "small", never which).
package final class DisclosureAudit {
    /// The component's equations over all its cells; published cells are
    /// fixed columns, so withholding one more only frees a column and the
    /// same solver (and its basis) serves every round.
    private let lines: [[Int]]
    private let column: [Int: Int]
    private let solver: IntegerProgram.Solver

    /// `fixed(cell)`: the value a reader has for the cell, nil for an unknown.
    package init(cells: [Int], lines: [[Int]], fixed: (Int) -> Double?) {
        self.lines = lines
        var program = IntegerProgram()
        var column: [Int: Int] = [:]
        for cell in cells {
            let value = fixed(cell)
            column[cell] = program.addVariable(lower: value ?? 0, upper: value ?? IntegerProgram.unboundedCap)
        }
        self.column = column
        for line in lines {
            program.equations.append(IntegerProgram.Equation(
                variables: line.compactMap { column[$0].map(Int32.init) },
                coefficients: line.indices.map { $0 == 0 ? 1 : -1 }, rhs: 0))
        }
        solver = program.solver()
    }

    /// A published cell was withheld: it is an unknown ≥ 0 from now on.
    package func free(_ cell: Int) {
        if let c = column[cell] { solver.fix(c, to: nil) }
    }

    /// The cells among `cells` whose range is narrower than `width(cell)`.
    /// `known(cell)` is what a reader has (nil: unknown); `truth` (the input
    /// value, when there is one) saves one solve of two.
    package func violations(_ cells: [Int], known: (Int) -> Double?, width: (Int) -> Int, truth: (Int) -> Double?) -> [Int] {
        let reduced = ReducedEquations(lines: lines, known: known)
        if reduced.eachUnknownInOneEquation {
            return cells.filter { cell in reduced.closedFormRange(cell).map { $0 < width(cell) } ?? false }
        }
        return cells.filter { cell in
            guard let v = column[cell] else { return false }
            let need = width(cell)
            let maximum = solver.maximum(of: v)
            guard case let .value(high) = maximum else {
                // Unbounded above is protected; an infeasible or failed solve is no proof.
                return maximum != .unbounded
            }
            if let t = truth(cell), Double(high) - t + 1 >= Double(need) { return false }
            guard case let .value(low) = solver.minimum(of: v) else { return true }
            return high - low + 1 < need
        }
    }
}

/// The equations with published cells moved to the right: Σ c_u x_u = rhs
/// over the unknowns u, with c_u = ±1.
package struct ReducedEquations {
    package var equations: [(cells: [Int], coefficients: [Double], rhs: Double)] = []

    package init(lines: [[Int]], known: (Int) -> Double?) {
        for line in lines {
            var cells: [Int] = []
            var coefficients: [Double] = []
            var rhs = 0.0
            for (position, cell) in line.enumerated() {
                let sign: Double = position == 0 ? 1 : -1
                if let value = known(cell) {
                    rhs -= sign * value
                } else {
                    cells.append(cell)
                    coefficients.append(sign)
                }
            }
            if !cells.isEmpty { equations.append((cells, coefficients, rhs)) }
        }
    }

    package var eachUnknownInOneEquation: Bool {
        var seen: Set<Int> = []
        for equation in equations {
            for cell in equation.cells where !seen.insert(cell).inserted { return false }
        }
        return true
    }
    /// When every unknown is in at most one equation, each equation stands
    /// alone. Write it Σ c_u x_u = R with c_u = ±1 over its unknowns:
    /// * one unknown: x = R / c, exact;
    /// * all c_u of one sign (say +, so R ≥ 0 as the true values satisfy it):
    ///   x_u ≥ 0 for all u gives x_u ≤ R, reached by putting the others at 0,
    ///   and x_u = 0 is reached by putting R on another unknown (there is one):
    ///   the range is [0, R], R + 1 values;
    /// * mixed signs: for any t ≥ 0, raising a plus-term and a minus-term by t
    ///   keeps the equation, so every unknown is unbounded above.
    /// No other equation touches these unknowns, so these ranges are exact.
    /// Returns the number of possible values, nil for unbounded.
    package func closedFormRange(_ cell: Int) -> Int? {
        guard let equation = equations.first(where: { $0.cells.contains(cell) }) else { return nil }
        if equation.cells.count == 1 { return 1 }
        let positive = equation.coefficients.filter { $0 > 0 }.count
        if positive != 0, positive != equation.coefficients.count { return nil }
        let r = positive == 0 ? -equation.rhs : equation.rhs
        return Int(r.rounded()) + 1
    }
}
