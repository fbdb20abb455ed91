/// A metric without the words only pages show: its title, description,
/// translations, source and SDG goal. Nothing that decides a figure reads
/// them, so a new title leaves the disclosure (`DisclosureInput`) and the
/// data files' reading (`DataFileMemo`) as they were.
extension MetricDefinition {
    package var withoutPageText: MetricDefinition {
        var metric = self
        metric.title = ""
        metric.description = ""
        metric.localized = [:]
        metric.source = nil
        metric.sdg = nil
        return metric
    }
}
