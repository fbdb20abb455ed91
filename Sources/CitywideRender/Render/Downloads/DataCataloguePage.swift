import CitywideModel
import CitywidePublished
import CitywideWrite

/// `data/index.html`: every download the site writes, with its format, how
/// many rows it has and what it holds, for readers who would otherwise meet
/// the catalogue as JSON. The files are shared by every language; the page
/// is made in each.
package struct DataCataloguePage {
    package let context: SiteContext

    package func page() -> Page {
        let t = context.t
        let location = context.location(Paths.dataPage)
        let layout = context.layout(location, title: t("data_title"), description: t("data_description"), section: "data")
        let metrics = context.published.metrics
        let figures = metrics.reduce(0) { $0 + $1.figures.count }
        // progress.json's entries: each metric and city with a status.
        let statuses = context.published.metrics.indices.reduce(0) { total, m in
            total + context.site.blueprints.indices.filter { context.published.progress(metric: m, city: $0) != nil }.count
        }
        func file(_ path: String, _ format: String, _ size: String, _ holds: String) -> DataCatalogueView.File {
            DataCatalogueView.File(name: String(path.dropFirst("data/".count)), href: location.href(path), format: format, size: size, holds: holds)
        }
        var files = [file(Paths.dataAllCSV, "CSV", t.plural("data_rows", figures), t("data_all_holds"))]
        for metric in metrics {
            let d = metric.definition
            let rows = t.plural("data_rows", metric.figures.count)
            files.append(file(Paths.dataCSV(d.id), "CSV", rows, t("data_metric_csv_holds", ["title": d.title, "breakdowns": breakdowns(metric)])))
            files.append(file(Paths.dataJSON(d.id), "JSON", rows, t("data_metric_json_holds", ["title": d.title])))
            files.append(file(OpenSDGExport.path(d.id), "CSV", rows, t("data_metric_opensdg_holds", ["title": d.title])))
        }
        files.append(file(Paths.progress, "JSON", t.plural("data_rows", statuses), t("data_progress_holds")))
        files.append(file(Paths.dataCatalog, "JSON", t.plural("data_rows", metrics.count), t("data_catalog_holds")))
        let view = DataCatalogueView(title: t("data_title"), intro: t("data_intro"), files: files)
        return Page(path: location.outputPath, template: "data", layout: layout, view: view)
    }

    /// ", by trafficking type, sex and age group", in the page's language,
    /// or nothing for a metric without dimensions.
    private func breakdowns(_ metric: PublishedMetric) -> String {
        let figures = MetricFigures(site: context.site, metric: metric, t: context.t)
        let names = metric.definition.dimensions.map { figures.label(of: $0).lowercased() }
        guard let last = names.last else { return "" }
        let list = names.count == 1 ? last : context.t("data_list_and", ["list": names.dropLast().joined(separator: ", "), "last": last])
        return context.t("data_breakdowns", ["list": list])
    }
}

/// The `data` template's own values: one item per file of `data/`.
package struct DataCatalogueView {
    package struct File {
        /// The file's name in `data/`, e.g. `survivors_identified.csv`.
        let name: String
        let href: String
        /// `CSV` or `JSON`.
        let format: String
        /// "300 rows", in the page's language.
        let size: String
        /// What the file holds, in the page's language.
        let holds: String
    }

    let title: String
    let intro: String
    let files: [File]
}
