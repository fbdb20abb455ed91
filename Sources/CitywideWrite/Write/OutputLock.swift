import Foundation
import CitywideModel

/// One build at a time per output folder: an exclusive `flock` on the folder
/// that holds the output (the output itself is exchanged, so its inode does
/// not stay put; its parent does), held from the staging folder's creation
/// to the swap. Builds started together queue here instead of moving each
/// other's folders (once they failed 1 in 150 and left copies). No lock file
/// is written, so a build writes nothing beside its output; builds into two
/// outputs of the same folder take turns too. The kernel releases the lock
/// when the process ends, however it ends.
package final class OutputLock {
    private var descriptor: Int32

    /// Blocks until no other build holds the lock of `output`.
    package init(beside output: URL) throws {
        let path = output.deletingLastPathComponent().path
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputWriter.Failure.io("cannot open \(path) to lock it: \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let message = String(cString: strerror(errno))
                close(descriptor)
                descriptor = -1
                throw OutputWriter.Failure.io("cannot lock \(path): \(message)")
            }
        }
    }

    package func release() {
        guard descriptor >= 0 else { return }
        close(descriptor) // closing the only descriptor releases the flock
        descriptor = -1
    }

    deinit { release() }

    /// Removes staging and old-output folders of `output` left by builds that
    /// were killed (their process is gone). Called with the lock held, so no
    /// live build of this output is between creating and removing one.
    package static func removeLeftovers(beside output: URL) {
        let parent = output.deletingLastPathComponent()
        let prefixes = [".\(output.lastPathComponent).citywide-staging-", ".\(output.lastPathComponent).citywide-old-"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                  let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }),
                  pid == getpid() || !processIsAlive(pid)
            else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    private static func processIsAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
