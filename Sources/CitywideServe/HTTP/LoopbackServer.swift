import Foundation

#if canImport(Glibc)
import Glibc

private let streamSocket = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
private let shutBoth = Int32(SHUT_RDWR)
private func acceptClient(_ fd: Int32) -> Int32 {
    let client = accept(fd, nil, nil)
    if client >= 0 { _ = fcntl(client, F_SETFD, FD_CLOEXEC) }
    return client
}
private func sendBytes(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
#elseif canImport(Darwin)
import Darwin

private let streamSocket = SOCK_STREAM
private let shutBoth = SHUT_RDWR
private func acceptClient(_ fd: Int32) -> Int32 {
    let client = accept(fd, nil, nil)
    var yes: Int32 = 1
    if client >= 0 { setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size)) }
    return client
}
private func sendBytes(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int { Darwin.send(fd, bytes.baseAddress, bytes.count, 0) }
#endif

/// A small HTTP/1.1 server on 127.0.0.1, one thread per connection, with the
/// limits FlyingFox's `HTTPServer` cannot be given (request size, idle and
/// head timeouts, a connection cap) and a `Host` check. Requests are passed
/// to an `answer` function (the `PreviewHandler`, in FlyingFox's types).
///
/// Blocking sockets with `SO_RCVTIMEO` make every wait bounded: a silent
/// client is dropped after `limits.idle`, and a slow one after
/// `limits.headDeadline`. When file descriptors run out, idle connections
/// are closed and the listener keeps accepting.
final class LoopbackServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [(name: String, value: String)]
    }

    struct Response: Sendable {
        var status: Int
        var reason: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]
    }

    enum StartError: Error, CustomStringConvertible {
        case portInUse(UInt16)
        case system(String)

        var description: String {
            switch self {
            case .portInUse(let port):
                "port \(port) is in use (another program, or another citywide serve, listens there); choose another with --port, for example --port \(port == 65535 ? 8001 : port + 1)"
            case .system(let what): what
            }
        }
    }

    let limits: HTTPLimits
    private let answer: @Sendable (Request) async -> Response
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var stopped = false
    private var connections: [Int32: Connection] = [:]
    /// Kept open so that, when descriptors run out, one can be freed to
    /// accept and close a waiting connection instead of spinning on EMFILE.
    private var spare: Int32 = -1
    private(set) var port: UInt16 = 0

    private final class Connection: @unchecked Sendable {
        let fd: Int32
        var lastActive = Date()
        var busy = false
        init(fd: Int32) { self.fd = fd }
    }

    init(limits: HTTPLimits = HTTPLimits(), answer: @escaping @Sendable (Request) async -> Response) {
        self.limits = limits
        self.answer = answer
    }

    /// Binds and listens now (so a port in use is reported at once); accepts
    /// on its own thread until `stop()`.
    func start(port requested: UInt16) throws {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw StartError.system("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = requested.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if bound != 0 {
            let code = errno
            close(fd)
            if code == EADDRINUSE || code == EACCES && requested != 0 && requested < 1024 {
                throw code == EADDRINUSE ? StartError.portInUse(requested) : StartError.system("port \(requested) needs administrator rights; choose one above 1023 with --port")
            }
            throw StartError.system("cannot listen on 127.0.0.1:\(requested): \(String(cString: strerror(code)))")
        }
        guard listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw StartError.system("cannot listen on 127.0.0.1:\(requested): \(String(cString: strerror(code)))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: actual.sin_port)
        listener = fd
        spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "citywide-accept"
        thread.start()
    }

    /// Stops accepting and closes every connection (their threads finish).
    func stop() {
        let open: [Connection] = lock.withLock {
            stopped = true
            return Array(connections.values)
        }
        for connection in open { shutdown(connection.fd, shutBoth) }
    }

    var openConnections: Int { lock.withLock { connections.count } }

    private var isStopped: Bool { lock.withLock { stopped } }

    // MARK: accepting

    private func acceptLoop(_ fd: Int32) {
        defer {
            close(fd)
            if spare >= 0 { close(spare) }
        }
        while !isStopped {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 200) > 0 else { continue }
            let client = acceptClient(fd)
            if client < 0 {
                if errno == EMFILE || errno == ENFILE { shedLoad(fd) }
                continue
            }
            if openConnections >= limits.connections { closeLongestIdle() }
            let connection = Connection(fd: client)
            lock.withLock { connections[client] = connection }
            let thread = Thread { [self] in serve(connection) }
            thread.name = "citywide-http"
            thread.start()
        }
    }

    /// Out of descriptors: close idle connections, and use the spare
    /// descriptor to take the waiting connection off the queue.
    private func shedLoad(_ fd: Int32) {
        closeLongestIdle(all: true)
        if spare >= 0 {
            close(spare)
            let waiting = acceptClient(fd)
            if waiting >= 0 { close(waiting) }
            spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
        usleep(10_000)
    }

    /// Shuts down the longest-idle connection (or every idle one); its
    /// thread sees the end of input, and closes the descriptor itself.
    private func closeLongestIdle(all: Bool = false) {
        let idle = lock.withLock { connections.values.filter { !$0.busy }.sorted { $0.lastActive < $1.lastActive } }
        for connection in all ? idle : Array(idle.prefix(1)) {
            shutdown(connection.fd, shutBoth)
        }
    }

    // MARK: one connection

    private func serve(_ connection: Connection) {
        let fd = connection.fd
        defer {
            lock.withLock { _ = connections.removeValue(forKey: fd) }
            close(fd)
        }
        setTimeout(fd, SO_RCVTIMEO, limits.idle)
        setTimeout(fd, SO_SNDTIMEO, limits.idle)
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var headStarted = Date()
        while !isStopped {
            switch RequestHead.read(buffer, limits: limits) {
            case .refused(let status, let reason):
                send(fd, plain(status, reason), keepAlive: false)
                return
            case .incomplete:
                if !buffer.isEmpty, Date().timeIntervalSince(headStarted) > limits.headDeadline {
                    send(fd, plain(408, "request head not received in time"), keepAlive: false)
                    return
                }
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return } // closed, idle timeout or shut down
                if buffer.isEmpty { headStarted = Date() }
                buffer.append(contentsOf: chunk[..<count])
                lock.withLock { connection.lastActive = Date() }
            case .complete(let head):
                buffer.removeFirst(head.length)
                guard discardBody(head, fd, &buffer, &chunk) else { return }
                lock.withLock { connection.busy = true }
                let response = respond(to: head)
                lock.withLock {
                    connection.busy = false
                    connection.lastActive = Date()
                }
                let keepAlive = Self.keepsAlive(head)
                guard send(fd, response, keepAlive: keepAlive), keepAlive else { return }
                headStarted = Date()
            }
        }
    }

    private func respond(to head: RequestHead) -> Response {
        guard LoopbackHost.allows(head.header("host"), port: port) else {
            return plain(403, "the preview answers only to 127.0.0.1, localhost or [::1] (this request names another host)")
        }
        let request = Request(method: head.method, target: head.target, headers: head.headers)
        return ConnectionExecutor().run { [answer] in await answer(request) }
    }

    /// The preview takes no request bodies; a small one is read and
    /// dropped, so the next request on the connection starts clean.
    private func discardBody(_ head: RequestHead, _ fd: Int32, _ buffer: inout [UInt8], _ chunk: inout [UInt8]) -> Bool {
        if head.header("transfer-encoding") != nil {
            send(fd, plain(501, "request bodies are not supported"), keepAlive: false)
            return false
        }
        guard let text = head.header("content-length") else { return true }
        guard let length = Int(text), length >= 0 else {
            send(fd, plain(400, "bad Content-Length"), keepAlive: false)
            return false
        }
        guard length <= limits.body else {
            send(fd, plain(413, "request body too large"), keepAlive: false)
            return false
        }
        while buffer.count < length {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
        }
        buffer.removeFirst(length)
        return true
    }

    static func keepsAlive(_ head: RequestHead) -> Bool {
        let connection = head.header("connection")?.lowercased() ?? ""
        if head.version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }

    private func plain(_ status: Int, _ reason: String) -> Response {
        Response(status: status, reason: Self.phrase(status), headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
                 body: Array("\(status) \(Self.phrase(status)): \(reason)\n".utf8))
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        default: "Status"
        }
    }

    @discardableResult
    private func send(_ fd: Int32, _ response: Response, keepAlive: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
        for (name, value) in response.headers where !["content-length", "connection"].contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(response.body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        let bytes = Array(head.utf8) + response.body
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { sendBytes(fd, $0) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    private func setTimeout(_ fd: Int32, _ option: Int32, _ seconds: TimeInterval) {
        var value = timeval(tv_sec: .init(seconds.rounded(.down)), tv_usec: .init((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
    }
}
