/// What a command leaves for the end of the process to free. A large
/// build's site and published figures are millions of small objects: freed
/// one by one when the command returns, they kept one core busy after the
/// output was written (about 100 samples at 2 kHz on the 10,000-city
/// benchmark), while the operating system takes a process's memory back
/// whole. `citywide` (main.swift) says its process ends with the command;
/// tests run commands in their own process, which goes on, and free as usual.
package enum ProcessEnd {
    /// Set by the executable before its command runs.
    nonisolated(unsafe) package static var followsCommand = false
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Holds `value` until the process exits, when it ends with the command.
    static func keep(_ value: Any) {
        if followsCommand { kept.append(value) }
    }
}
