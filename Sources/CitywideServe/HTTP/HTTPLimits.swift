import Foundation

/// How much the preview server accepts from one connection, and for how
/// long it waits. Any web page can make the browser send requests to
/// 127.0.0.1, so a hostile page must not be able to freeze the preview
/// with a huge request or hold every file descriptor with idle sockets.
public struct HTTPLimits: Sendable {
    /// A longer request line is answered 414 and the connection closed.
    public var requestLine = 8 * 1024
    /// A longer head (request line and headers) is answered 431.
    public var head = 64 * 1024
    /// A request body (the preview takes none) longer than this is answered 413.
    public var body = 64 * 1024
    /// A connection that sends nothing for this long is closed.
    public var idle: TimeInterval = 15
    /// A request head must arrive whole within this time (a client that
    /// sends one byte at a time does not keep the connection for ever).
    public var headDeadline: TimeInterval = 30
    /// Open connections at most; past it, the longest-idle one is closed.
    public var connections = 256

    public init() {}
}
