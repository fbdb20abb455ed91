import CCbc
import Foundation

/// A small integer program, "minimise or maximise one variable subject to
/// A x = b, integer x within bounds", solved by COIN-OR CBC (EPL-2.0).
///
/// The disclosure auditor asks it for the smallest and largest value a
/// reader could give a withheld cell. Variables without an upper bound get
/// `IntegerProgram.unboundedCap`: an optimum at the cap means "no upper bound".
struct IntegerProgram {
    /// One equation: Σ coefficient × variable = rhs.
    struct Equation {
        var variables: [Int32]
        var coefficients: [Double]
        var rhs: Double
    }

    enum Optimum: Equatable {
        case value(Int)
        /// The variable can grow past `unboundedCap`.
        case unbounded
        /// No integer point satisfies the equations (the published figures contradict each other).
        case infeasible
    }

    /// Far above any count a city publishes, low enough for exact doubles.
    static let unboundedCap = 1e9

    var lower: [Double] = []
    var upper: [Double] = []
    var equations: [Equation] = []
    /// Rows `variables[0] - variables[1] >= 0`: cumulative figures never fall.
    var nonDecreasing: [(later: Int32, earlier: Int32)] = []

    mutating func addVariable(lower: Double = 0, upper: Double = IntegerProgram.unboundedCap) -> Int {
        self.lower.append(lower)
        self.upper.append(upper)
        return self.lower.count - 1
    }

    /// CBC keeps global state in CbcMain1: one solve at a time.
    private static let lock = NSLock()

    func minimum(of variable: Int) -> Optimum { solve(variable, sense: 1) }
    func maximum(of variable: Int) -> Optimum { solve(variable, sense: -1) }

    private func solve(_ variable: Int, sense: Double) -> Optimum {
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
        for pair in nonDecreasing {
            Cbc_addRow(model, "", 2, [pair.later, pair.earlier], [1, -1], CChar(UInt8(ascii: "G")), 0)
        }
        Cbc_setObjSense(model, sense)
        _ = Cbc_solve(model)
        if Cbc_isProvenInfeasible(model) != 0 { return .infeasible }
        guard Cbc_isProvenOptimal(model) != 0 else { return .infeasible }
        let value = Cbc_getObjValue(model)
        if value >= Self.unboundedCap - 0.5 { return .unbounded }
        return .value(Int(value.rounded()))
    }
}
