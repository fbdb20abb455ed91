import CitywideModel

/// Where a download's bytes go while it is made. A 10,000-city build's
/// `data/<metric>.json` is 29 MB: made whole, it and the download made beside
/// it on the other core sat on top of everything else at the build's peak
/// of memory. Handed over a piece at a time, each written as soon as it is
/// full, a download costs about one piece of memory however long it is.
package struct DownloadPieces {
    /// Bytes handed over at a time when writing to disk.
    package static let pieceSize = 1 << 20

    /// Bytes held before they are handed over (`Int.max`: all of them, at the end).
    let size: Int
    let emit: ([UInt8]) -> Void

    package init(size: Int = DownloadPieces.pieceSize, emit: @escaping ([UInt8]) -> Void) {
        self.size = size
        self.emit = emit
    }

    /// A writer's first capacity: the whole download's estimate, but no more
    /// than one piece (and a row's slack) when it is written in pieces.
    func capacity(_ estimate: Int) -> Int {
        size == .max ? estimate : min(estimate, size + size / 8)
    }

    /// Hands over `out`'s bytes once they fill a piece, keeping its buffer.
    func flush(_ out: inout ByteText) {
        guard out.count >= size else { return }
        emit(out.bytes)
        out.bytes.removeAll(keepingCapacity: true)
    }

    /// Hands over the last bytes.
    func end(_ rest: [UInt8]) {
        emit(rest)
    }

    /// A download made whole, as one array: what `serve` keeps in memory,
    /// and what the tests read.
    package static func whole(_ make: (DownloadPieces) -> Void) -> [UInt8] {
        final class Collected { var bytes: [UInt8] = [] }
        let collected = Collected()
        make(DownloadPieces(size: .max) { piece in
            if collected.bytes.isEmpty { collected.bytes = piece } else { collected.bytes += piece }
        })
        return collected.bytes
    }
}
