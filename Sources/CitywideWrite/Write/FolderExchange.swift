import Foundation
import CitywideModel

/// Swaps two folders in one step: `renameat2(RENAME_EXCHANGE)` on Linux, so
/// there is no moment without an output folder, and a build killed at any
/// point leaves either the old output or the new one.
package enum FolderExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1

    /// Looked up at run time: Swift's Glibc module does not declare it, and
    /// a C library without it (glibc before 2.28) gets the fallback.
    nonisolated(unsafe) private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Exchanges `a` and `b` (both must exist). Returns false, changing
    /// nothing, when the system or the file system cannot exchange.
    package static func exchange(_ a: String, _ b: String) throws -> Bool {
        guard let renameat2 else { return false }
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
        let error = errno
        if error == ENOSYS || error == EINVAL || error == ENOTSUP { return false }
        throw OutputWriter.Failure.io("cannot swap \(b) with the new build: \(String(cString: strerror(error)))")
    }

    /// A plain rename (`b` must not exist, or be an empty folder).
    package static func move(_ a: String, to b: String) throws {
        guard rename(a, b) == 0 else {
            throw OutputWriter.Failure.io("cannot move \(a) to \(b): \(String(cString: strerror(errno)))")
        }
    }
}
