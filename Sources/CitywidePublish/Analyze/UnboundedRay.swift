/// A proof that an unknown cell has no upper bound: a set S of unknowns,
/// holding the cell, such that raising every cell of S by the same t ≥ 0
/// keeps every equation (in each equation Σ c_u x_u = R, the cells of S have
/// as many c_u = +1 as c_u = -1).
///
/// Why that is a proof: the true values x* are a solution (integers ≥ 0);
/// x* + t·1_S is one too for every integer t ≥ 0 (the equations keep their
/// balance, and nothing decreases), so the cell takes every value from its
/// true value upwards, and a reader cannot bound it. The search is a small
/// depth-first search with a budget: finding no such S proves nothing, and
/// the caller then asks the solver. A table's total beside two margins
/// (T = Σ a = Σ b, T and a cell on each side unknown) is the common case:
/// S = {T, a_i, b_j}.
enum UnboundedRay {
    /// Steps of the search before giving up (a component is a few tables).
    static let budget = 256

    static func exists(through cell: Int, equations: [ReducedEquations.Equation], equationsOf: [Int: [Int]]) -> Bool {
        var chosen: Set<Int> = [cell]
        var steps = 0

        /// The first equation (in index order) that S leaves unbalanced, and its imbalance Σ_{u ∈ S} c_u.
        func unbalanced() -> (equation: Int, imbalance: Double)? {
            var touched = Set<Int>()
            for u in chosen { for e in equationsOf[u] ?? [] { touched.insert(e) } }
            for e in touched.sorted() {
                let equation = equations[e]
                var imbalance = 0.0
                for (u, c) in zip(equation.cells, equation.coefficients) where chosen.contains(u) { imbalance += c }
                if imbalance != 0 { return (e, imbalance) }
            }
            return nil
        }

        func search() -> Bool {
            guard let (e, imbalance) = unbalanced() else { return true }
            let equation = equations[e]
            for (u, c) in zip(equation.cells, equation.coefficients) where !chosen.contains(u) && c * imbalance < 0 {
                steps += 1
                if steps > budget { return false }
                chosen.insert(u)
                if search() { return true }
                chosen.remove(u)
            }
            return false
        }
        return search()
    }
}
