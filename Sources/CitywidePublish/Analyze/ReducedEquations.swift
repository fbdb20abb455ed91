/// A component's equations as a reader holds them, solved as far as exact
/// algebra goes without a solver (`DisclosureAudit` asks the solver only
/// about what is left).
///
/// The reader's system: every line parent = Σ parts holds, a known cell is
/// its constant, an unknown cell is an integer ≥ 0. Built only when the true
/// values are a point of that system (`DisclosureAudit` checks it), so the
/// system is feasible and every right-hand side below is what the true values
/// give. Then, exactly:
///
/// 1. Knowns move to the right: Σ c_u x_u = R over the unknowns, c_u = ±1.
/// 2. An equation left with one unknown fixes it (x = R / c); its value is
///    moved to the right of every other equation, and so on until no equation
///    has a single unknown. These cells have one possible value, and fixing
///    them removes nothing else from the system: the remaining equations
///    have the same solutions for the other unknowns.
/// 3. The remaining unknowns fall into groups linked by shared equations;
///    no equation spans two groups, so the system's solutions are the
///    product of the groups' solutions and a cell's range is its group's.
/// 4. A group of one equation has a closed form (`closedFormRange`).
/// 5. In a larger group, a cell is unbounded above when `UnboundedRay`
///    finds a direction that raises it and keeps every equation; otherwise
///    the caller asks the solver.
package struct ReducedEquations {
    package struct Equation {
        package var cells: [Int]
        package var coefficients: [Double]
        package var rhs: Double
    }

    /// What the algebra says about one unknown cell.
    package enum Range: Equatable {
        /// The number of values the cell can take.
        case values(Int)
        case unbounded
        /// Bounded or not, only the solver can say.
        case solverNeeded
    }

    /// The equations that still have an unknown after step 2.
    package private(set) var equations: [Equation] = []
    /// Unknowns fixed by step 2, with their value.
    package private(set) var determined: [Int: Double] = [:]
    /// Each remaining unknown's equations (indices in `equations`).
    private var equationsOf: [Int: [Int]] = [:]
    /// Each remaining unknown's group (its smallest equation index).
    private var groupOf: [Int: Int] = [:]
    private var groupSize: [Int: Int] = [:]

    package init(lines: [[Int]], known: (Int) -> Double?) {
        var all: [Equation] = []
        for line in lines {
            var equation = Equation(cells: [], coefficients: [], rhs: 0)
            for (position, cell) in line.enumerated() {
                let sign: Double = position == 0 ? 1 : -1
                if let value = known(cell) {
                    equation.rhs -= sign * value
                } else {
                    equation.cells.append(cell)
                    equation.coefficients.append(sign)
                }
            }
            if !equation.cells.isEmpty { all.append(equation) }
        }
        propagate(&all)
        equations = all.filter { !$0.cells.isEmpty }
        for (e, equation) in equations.enumerated() {
            for cell in equation.cells { equationsOf[cell, default: []].append(e) }
        }
        group()
    }

    /// Step 2: equations with a single unknown fix it, until none is left.
    private mutating func propagate(_ all: inout [Equation]) {
        var touching: [Int: [Int]] = [:]
        for (e, equation) in all.enumerated() {
            for cell in equation.cells { touching[cell, default: []].append(e) }
        }
        var queue = all.indices.filter { all[$0].cells.count == 1 }
        while let e = queue.popLast() {
            guard all[e].cells.count == 1 else { continue }
            let cell = all[e].cells[0]
            let value = all[e].rhs / all[e].coefficients[0]
            determined[cell] = value
            for other in touching[cell] ?? [] {
                guard let position = all[other].cells.firstIndex(of: cell) else { continue }
                all[other].rhs -= all[other].coefficients[position] * value
                all[other].cells.remove(at: position)
                all[other].coefficients.remove(at: position)
                if all[other].cells.count == 1 { queue.append(other) }
            }
        }
    }

    /// Step 3: groups of unknowns linked by equations (union-find over equations).
    private mutating func group() {
        var sets = UnionFind(count: equations.count)
        for list in equationsOf.values {
            for e in list.dropFirst() { sets.union(list[0], e) }
        }
        for (cell, list) in equationsOf {
            let root = sets.find(list[0])
            groupOf[cell] = root
        }
        for e in equations.indices { groupSize[sets.find(e), default: 0] += 1 }
    }

    /// Steps 2 to 5 for one unknown cell.
    package func range(_ cell: Int) -> Range {
        if determined[cell] != nil { return .values(1) }
        guard let list = equationsOf[cell], let root = groupOf[cell] else { return .unbounded }
        if groupSize[root] == 1 { return Self.closedFormRange(equations[list[0]]) }
        return UnboundedRay.exists(through: cell, equations: equations, equationsOf: equationsOf) ? .unbounded : .solverNeeded
    }

    /// One equation Σ c_u x_u = R (c_u = ±1, two or more unknowns) whose
    /// unknowns are in no other equation, so it stands alone:
    /// * all c_u of one sign (say +, so R ≥ 0 as the true values satisfy it):
    ///   x_u ≥ 0 for all u gives x_u ≤ R, reached by putting the others at 0,
    ///   and x_u = 0 is reached by putting R on another unknown (there is one):
    ///   the range is [0, R], R + 1 values;
    /// * mixed signs: for any t ≥ 0, raising a plus-term and a minus-term by t
    ///   keeps the equation, so every unknown is unbounded above.
    package static func closedFormRange(_ equation: Equation) -> Range {
        if equation.cells.count == 1 { return .values(1) }
        let positive = equation.coefficients.filter { $0 > 0 }.count
        if positive != 0, positive != equation.coefficients.count { return .unbounded }
        let r = positive == 0 ? -equation.rhs : equation.rhs
        return .values(Int(r.rounded()) + 1)
    }
}
