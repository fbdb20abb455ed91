/// One named step of a run, as in JohnSundell/Publish: a pipeline is a list
/// of these, run in order and timed one by one. A stage returns false to stop
/// the run (it has logged why).
public struct Stage<State>: Sendable {
    public let name: String
    public let run: @Sendable (State) -> Bool

    public init(_ name: String, _ run: @escaping @Sendable (State) -> Bool) {
        self.name = name
        self.run = run
    }

    /// This stage, run on the part of a larger state it works on.
    public func on<Whole>(_ part: @escaping @Sendable (Whole) -> State) -> Stage<Whole> {
        let run = self.run
        return Stage<Whole>(name) { run(part($0)) }
    }
}

extension Array {
    /// Runs the stages in order until one stops, timing each; true when all ran.
    public func run<State>(on state: State, clock: StageClock?) -> Bool where Element == Stage<State> {
        for stage in self {
            let carryOn = stage.run(state)
            clock?.mark(stage.name)
            if !carryOn { return false }
        }
        return true
    }
}
