import CitywideModel

/// site.yml's `key_metrics:` names metrics, which are read after site.yml:
/// each name must be a metric of `Metrics/`, and named once.
package enum KeyMetricNames {
    package static func check(_ site: Site, log: DiagnosticLog) {
        var seen: Set<String> = []
        for name in site.config.keyMetrics {
            if site.metric(name.id) == nil {
                // A metric file that could not be read was reported already.
                if !site.unreadable.metrics.contains(name.id) {
                    log.error(name.location, "key_metrics names unknown metric '\(name.id)': no Metrics/\(name.id).yml")
                }
            } else if !seen.insert(name.id).inserted {
                log.warning(name.location, "key_metrics names '\(name.id)' twice; the overview shows it once")
            }
        }
    }
}
