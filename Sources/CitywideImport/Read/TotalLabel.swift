import CitywideInput
/// Labels publishers write for "all values of this dimension", which Citywide
/// writes as an empty cell: `Total`, `All`, `All ages`, `Both sexes`, and the
/// SDMX code `_T`. Matched without regard to case or spaces around.
package enum TotalLabel {
    private static let labels: Set<String> = ["total", "totals", "all", "_t", "overall", "all ages", "both sexes", "grand total"]

    package static func isTotal(_ text: String) -> Bool {
        labels.contains(text.trimmingSpaces.lowercased())
    }
}
