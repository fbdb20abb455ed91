import CCbc
import Foundation
import CitywideModel
import CitywidePublished
internal import CitywideInput

/// A small integer program, "minimise or maximise one variable subject to
/// A x = b, integer x within bounds", solved by COIN-OR CBC (EPL; see docs/release.md).
///
/// The disclosure auditor asks it for the smallest and largest value a
/// reader could give a withheld cell. Variables without an upper bound get
/// `IntegerProgram.unboundedCap`: an optimum at the cap means "no upper bound".
package struct IntegerProgram {
    /// One equation: Σ coefficient × variable = rhs.
    package struct Equation {
        var variables: [Int32]
        var coefficients: [Double]
        var rhs: Double
    }

    package enum Optimum: Equatable {
        case value(Int)
        /// The variable can grow past `unboundedCap`.
        case unbounded
        /// No integer point satisfies the equations (the published figures contradict each other).
        case infeasible
    }

    /// Far above any count a city publishes, low enough for exact doubles.
    package static let unboundedCap = 1e9

    package var lower: [Double] = []
    package var upper: [Double] = []
    package var equations: [Equation] = []

    package mutating func addVariable(lower: Double = 0, upper: Double = IntegerProgram.unboundedCap) -> Int {
        self.lower.append(lower)
        self.upper.append(upper)
        return self.lower.count - 1
    }

    /// Solves many objectives over the same equations; bounds may change between solves.
    package func solver() -> Solver { Solver(self) }

    package func minimum(of variable: Int) -> Optimum { solver().minimum(of: variable) }
    package func maximum(of variable: Int) -> Optimum { solver().maximum(of: variable) }

    /// The linear relaxation first (CLP, warm-started from the previous
    /// objective's basis): when its optimal point is integral it is also the
    /// integer optimum, since it is feasible for the integer program and no
    /// integer point can beat the relaxation. Tables of one or two dimensions
    /// (totally unimodular) always end there; otherwise CBC branches.
    package final class Solver {
        private var program: IntegerProgram
        private let lp: UnsafeMutableRawPointer?

        init(_ program: IntegerProgram) {
            self.program = program
            let columns = program.lower.count
            var entries = [[(row: Int32, value: Double)]](repeating: [], count: columns)
            for (r, equation) in program.equations.enumerated() {
                for (v, c) in zip(equation.variables, equation.coefficients) { entries[Int(v)].append((Int32(r), c)) }
            }
            var start: [Int32] = [0], index: [Int32] = [], value: [Double] = []
            for column in entries {
                for entry in column { index.append(entry.row); value.append(entry.value) }
                start.append(Int32(index.count))
            }
            let rhs = program.equations.map(\.rhs)
            lp = Clp_newModel()
            if let lp {
                Clp_setLogLevel(lp, 0)
                Clp_loadProblem(lp, Int32(columns), Int32(rhs.count), start, index, value, program.lower, program.upper, nil, rhs, rhs)
            }
        }

        deinit { if let lp { Clp_deleteModel(lp) } }

        /// Fixes a variable to a value (a published cell), or frees it (nil: an unknown ≥ 0).
        func fix(_ variable: Int, to value: Double?) {
            guard variable < program.lower.count else { return }
            program.lower[variable] = value ?? 0
            program.upper[variable] = value ?? IntegerProgram.unboundedCap
            if let lp, let lower = Clp_columnLower(lp), let upper = Clp_columnUpper(lp) {
                lower[variable] = program.lower[variable]
                upper[variable] = program.upper[variable]
            }
        }

        func minimum(of variable: Int) -> Optimum { solve(variable, sense: 1) }
        func maximum(of variable: Int) -> Optimum { solve(variable, sense: -1) }

        private func solve(_ variable: Int, sense: Double) -> Optimum {
            let columns = program.lower.count
            guard let lp, variable < columns else { return .infeasible }
            var objective = [Double](repeating: 0, count: columns)
            objective[variable] = 1
            Clp_chgObjCoefficients(lp, objective)
            Clp_setOptimizationDirection(lp, sense)
            _ = Clp_primal(lp, 0)
            switch Clp_status(lp) {
            case 0:
                guard let solution = Clp_primalColumnSolution(lp) else { break }
                let integral = (0..<columns).allSatisfy { abs(solution[$0] - solution[$0].rounded()) < 1e-6 }
                if integral { return Self.optimum(solution[variable]) }
            case 1:
                return .infeasible
            default:
                break
            }
            return program.branchAndBound(variable, sense: sense)
        }
        static func optimum(_ value: Double) -> Optimum {
            value >= IntegerProgram.unboundedCap - 0.5 ? .unbounded : .value(Int(value.rounded()))
        }
    }

    /// CBC keeps global state in CbcMain1: one solve at a time.
    private static let lock = NSLock()

    fileprivate func branchAndBound(_ variable: Int, sense: Double) -> Optimum {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        guard let model = Cbc_newModel() else { return .infeasible }
        defer { Cbc_deleteModel(model) }
        Cbc_setLogLevel(model, 0)
        for v in lower.indices {
            Cbc_addCol(model, "", lower[v], upper[v], v == variable ? 1 : 0, 1, 0, nil, nil)
        }
        for equation in equations {
            Cbc_addRow(model, "", Int32(equation.variables.count), equation.variables, equation.coefficients,
                       CChar(UInt8(ascii: "E")), equation.rhs)
        }
        Cbc_setObjSense(model, sense)
        _ = Cbc_solve(model)
        if Cbc_isProvenInfeasible(model) != 0 { return .infeasible }
        guard Cbc_isProvenOptimal(model) != 0 else { return .infeasible }
        return Solver.optimum(Cbc_getObjValue(model))
    }
}
