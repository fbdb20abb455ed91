import Foundation
import CitywideModel

/// `citywide init --with-workflow`: a GitHub Actions workflow that builds the
/// site with the released binary of this version and publishes `_site/` only.
/// It is for private repositories: it refuses to run in a public one, or
/// without `Data/` (see docs/publishing.md).
public enum WorkflowScaffold {
    /// Where the workflow goes in the site folder.
    public static let path = ".github/workflows/publish.yml"

    /// The workflow, pinned to the version of the running program.
    public static var text: String {
        String(decoding: PackageResources.init_workflow_yml, as: UTF8.self)
            .replacingOccurrences(of: "{{citywide_version}}", with: CitywideVersion.string)
            .replacingOccurrences(of: "{{citywide_releases}}", with: CitywideVersion.releases)
    }

    /// Writes the workflow into `site`; refuses to replace an existing one.
    @discardableResult
    public static func create(in site: URL) throws -> String {
        try ScaffoldFile.create(path, text: text, in: site)
    }
}
