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
struct DisclosureAudit {
    /// Unknown cells of one component and the equations between them.
    let unknown: [Int]
    let equations: [(cells: [Int], coefficients: [Double], rhs: Double)]

    /// `known(cell)`: the published value, nil for an unknown cell.
    init(lines: [[Int]], known: (Int) -> Double?) {
        var unknown: Set<Int> = []
        var equations: [(cells: [Int], coefficients: [Double], rhs: Double)] = []
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
                    unknown.insert(cell)
                }
            }
            if !cells.isEmpty { equations.append((cells, coefficients, rhs)) }
        }
        self.unknown = unknown.sorted()
        self.equations = equations
    }

    /// The cells among `cells` whose range is narrower than `width(cell)`.
    /// `truth` (the input value, when known) saves one solve of two.
    func violations(_ cells: [Int], width: (Int) -> Int, truth: (Int) -> Double?) -> [Int] {
        var lineCount: [Int: Int] = [:]
        for equation in equations { for cell in equation.cells { lineCount[cell, default: 0] += 1 } }
        if unknown.allSatisfy({ (lineCount[$0] ?? 0) <= 1 }) {
            return cells.filter { cell in closedFormRange(cell).map { $0 < width(cell) } ?? false }
        }
        return solverViolations(cells, width: width, truth: truth)
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
    func closedFormRange(_ cell: Int) -> Int? {
        guard let equation = equations.first(where: { $0.cells.contains(cell) }) else { return nil }
        if equation.cells.count == 1 { return 1 }
        let positive = equation.coefficients.filter { $0 > 0 }.count
        if positive != 0, positive != equation.coefficients.count { return nil }
        let r = positive == 0 ? -equation.rhs : equation.rhs
        return Int(r.rounded()) + 1
    }

    private func solverViolations(_ cells: [Int], width: (Int) -> Int, truth: (Int) -> Double?) -> [Int] {
        var program = IntegerProgram()
        var variable: [Int: Int] = [:]
        for cell in unknown { variable[cell] = program.addVariable() }
        for equation in equations {
            program.equations.append(IntegerProgram.Equation(
                variables: equation.cells.compactMap { variable[$0].map(Int32.init) },
                coefficients: equation.coefficients, rhs: equation.rhs))
        }
        let solver = program.solver()
        return cells.filter { cell in
            guard let v = variable[cell] else { return false }
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
