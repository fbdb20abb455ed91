/// DNS rebinding: a page on `evil.example` whose name is made to resolve to
/// 127.0.0.1 can read the preview as same-origin. Its requests still carry
/// `Host: evil.example:PORT`, so only loopback names are answered.
enum LoopbackHost {
    static let names = ["127.0.0.1", "localhost", "[::1]"]

    /// Whether a `Host` header names this server by a loopback name, with
    /// its port or without one.
    static func allows(_ host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return false }
        return names.contains { host == $0 || host == "\($0):\(port)" }
    }
}
