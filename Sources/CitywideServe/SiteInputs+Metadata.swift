import Foundation
import CitywideCore

extension SiteInputs {
    /// Paths, sizes and modification times: what the polling watcher compares.
    static func metadata(of site: URL) -> Int {
        var hasher = Hasher()
        for path in files(in: site) {
            hasher.combine(path)
            let attributes = try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            hasher.combine((attributes?[.size] as? NSNumber)?.int64Value ?? -1)
            hasher.combine((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)
        }
        return hasher.finalize()
    }
}
