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
        for (m, list) in observations.byMetric.enumerated() {
            bytes += Array((m < site.metrics.count ? site.metrics[m].id : "").utf8)
            for observation in list {
                for word in [UInt64(bitPattern: Int64(observation.city)), UInt64(observation.period.endMonth), observation.cell.raw,
                             observation.value?.bitPattern ?? .max] {
                    for b in 0..<8 { bytes.append(UInt8((word >> (8 * UInt64(b))) & 0xFF)) }
                }
            }
        }
        let seed = KeyedHash(k0: 0x0123_4567_89AB_CDEF, k1: 0xFEDC_BA98_7654_3210)
        let k0 = seed.hash(bytes)
        return KeyedHash(k0: k0, k1: KeyedHash(k0: k0, k1: ~k0).hash(bytes))
    }
}
