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
    private let cells: [Int]
    /// Each cell's value for the solver: a published cell's constant, nil for an unknown.
    private var fixed: [Int: Double?] = [:]
    /// Whether the true values satisfy every line (whole numbers ≥ 0, none
    /// missing): then the system is feasible and `ReducedEquations` answers
    /// exactly what the solver would. Otherwise (a cell not available) only
    /// the solver decides, as before.
    private let truthIsASolution: Bool
    /// Built on the first question the algebra cannot answer.
    private var solver: (IntegerProgram.Solver, column: [Int: Int])?

    /// `fixed(cell)`: the value a reader has for the cell, nil for an unknown;
    /// `truth(cell)`: the input value, nil when not available.
    package init(cells: [Int], lines: [[Int]], fixed: (Int) -> Double?, truth: (Int) -> Double?) {
        self.lines = lines
        self.cells = cells
        for cell in cells { self.fixed[cell] = fixed(cell) }
        truthIsASolution = cells.allSatisfy { cell in
            guard let t = truth(cell), t >= 0, t == t.rounded() else { return false }
            return fixed(cell).map { $0 == t } ?? true
        } && lines.allSatisfy { line in
            let parts = line.dropFirst().reduce(0.0) { $0 + (truth($1) ?? .nan) }
            return abs((truth(line[0]) ?? .nan) - parts) < 1e-6
        }
    }

    /// A published cell was withheld: it is an unknown ≥ 0 from now on.
    package func free(_ cell: Int) {
        guard fixed[cell] != nil else { return }
        fixed[cell] = .some(nil)
        if let (solver, column) = solver, let c = column[cell] { solver.fix(c, to: nil) }
    }

    /// The cells among `cells` whose range is narrower than `width(cell)`.
    /// `known(cell)` is what a reader has (nil: unknown); `truth` (the input
    /// value, when there is one) saves one solve of two.
    package func violations(_ cells: [Int], known: (Int) -> Double?, width: (Int) -> Int, truth: (Int) -> Double?) -> [Int] {
        guard truthIsASolution else { return violationsWithoutProof(cells, known: known, width: width, truth: truth) }
        let reduced = ReducedEquations(lines: lines, known: known)
        return cells.filter { cell in
            switch reduced.range(cell) {
            case let .values(count): return count < width(cell)
            case .unbounded: return false
            case .solverNeeded: return solverViolation(cell, width: width(cell), truth: truth(cell))
            }
        }
    }

    /// When the true values are not known to solve the system: the single
    /// equations' closed form when every unknown is in one equation, else the solver.
    private func violationsWithoutProof(_ cells: [Int], known: (Int) -> Double?, width: (Int) -> Int, truth: (Int) -> Double?) -> [Int] {
        var equations: [ReducedEquations.Equation] = []
        var seen: Set<Int> = []
        var eachInOne = true
        for line in lines {
            var equation = ReducedEquations.Equation(cells: [], coefficients: [], rhs: 0)
            for (position, cell) in line.enumerated() {
                let sign: Double = position == 0 ? 1 : -1
                if let value = known(cell) { equation.rhs -= sign * value } else {
                    equation.cells.append(cell)
                    equation.coefficients.append(sign)
                    if !seen.insert(cell).inserted { eachInOne = false }
                }
            }
            if !equation.cells.isEmpty { equations.append(equation) }
        }
        if eachInOne {
            return cells.filter { cell in
                guard let equation = equations.first(where: { $0.cells.contains(cell) }),
                      case let .values(count) = ReducedEquations.closedFormRange(equation) else { return false }
                return count < width(cell)
            }
        }
        return cells.filter { solverViolation($0, width: width($0), truth: truth($0)) }
    }

    private func solverViolation(_ cell: Int, width need: Int, truth: Double?) -> Bool {
        let (solver, column) = builtSolver()
        guard let v = column[cell] else { return false }
        let maximum = solver.maximum(of: v)
        guard case let .value(high) = maximum else {
            // Unbounded above is protected; an infeasible or failed solve is no proof.
            return maximum != .unbounded
        }
        if let t = truth, Double(high) - t + 1 >= Double(need) { return false }
        guard case let .value(low) = solver.minimum(of: v) else { return true }
        return high - low + 1 < need
    }

    private func builtSolver() -> (IntegerProgram.Solver, column: [Int: Int]) {
        if let solver { return solver }
        var program = IntegerProgram()
        var column: [Int: Int] = [:]
        for cell in cells {
            let value = fixed[cell] ?? nil
            column[cell] = program.addVariable(lower: value ?? 0, upper: value ?? IntegerProgram.unboundedCap)
        }
        for line in lines {
            program.equations.append(IntegerProgram.Equation(
                variables: line.compactMap { column[$0].map(Int32.init) },
                coefficients: line.indices.map { $0 == 0 ? 1 : -1 }, rhs: 0))
        }
        let built = (program.solver(), column: column)
        solver = built
        return built
    }
}
