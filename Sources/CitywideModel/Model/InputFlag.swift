/// A status the data provider gave a row (SPEC's `status` column), or
/// `derived` for a total Citywide added as the sum of its given parts.
public enum InputFlag: String, Sendable, CaseIterable {
    case provisional, estimated
    case seriesBreak = "break"
    case derived

    /// What a data file may write in its `status` column.
    public static let allowedInData: [InputFlag] = [.provisional, .estimated, .seriesBreak]
}
