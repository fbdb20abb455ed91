import CitywideModel
import CitywidePublished
internal import CitywideInput

/// The key of the keyed choice of protecting cells (`ComplementarySuppression`).
///
/// Derived from the raw inputs, which a reader does not have: output stays a
/// deterministic function of the inputs (two fresh builds match), yet the
/// choice cannot be replayed from what is published.
package enum SecretKey {
    static func derive(_ site: Site, _ observations: ObservationSet) -> KeyedHash {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(observations.count * 32 + observations.byMetric.count * 16)
        /// A word's 8 bytes, least significant first.
        func append(_ word: UInt64) {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
        }
        for (m, list) in observations.byMetric.enumerated() {
            bytes += Array((m < site.metrics.count ? site.metrics[m].id : "").utf8)
            for observation in list {
                append(UInt64(bitPattern: Int64(observation.city)))
                append(UInt64(observation.period.endMonth))
                append(observation.cell.raw)
                append(observation.value?.bitPattern ?? .max)
            }
        }
        let seed = KeyedHash(k0: 0x0123_4567_89AB_CDEF, k1: 0xFEDC_BA98_7654_3210)
        let k0 = seed.hash(bytes)
        return KeyedHash(k0: k0, k1: KeyedHash(k0: k0, k1: ~k0).hash(bytes))
    }
}
