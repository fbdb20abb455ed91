import CitywideModel

/// A result kept between `serve`'s builds together with the problems that
/// came with it, so that reusing the result reports them again. The log
/// sorts and de-duplicates, so problems logged again in a later build read
/// exactly as if the work had been done again.
package struct RecordedProblems<Value> {
    package var value: Value
    package var diagnostics: [Diagnostic]

    /// Runs `work` on a log of its own and records what it logged.
    package init(_ work: (DiagnosticLog) -> Value) {
        let own = DiagnosticLog()
        value = work(own)
        diagnostics = own.diagnostics
    }

    /// Logs the recorded problems into `log`, and gives the value.
    package func replay(into log: DiagnosticLog) -> Value {
        for diagnostic in diagnostics { log.add(diagnostic) }
        return value
    }
}
