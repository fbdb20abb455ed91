import CitywideModel

/// One figure read from an imported file, before it becomes a tidy row:
/// the dimension values are still the file's labels.
package struct ImportedRow: Sendable {
    package var city: String
    package var period: Period
    /// One entry per dimension column of the batch, in its order; nil is the
    /// total over that dimension (a blank cell, or a "Total" label).
    package var labels: [String?]
    /// nil: not available (an empty value).
    package var value: Double?
    /// `provisional`, `estimated` or `break`.
    package var status: String?
    package var note: String?
    /// The value's cell, for messages.
    package var origin: SourceLocation
    package var reference: String?

    package init(city: String, period: Period, labels: [String?], value: Double?, status: String? = nil, note: String? = nil, origin: SourceLocation, reference: String? = nil) {
        self.city = city
        self.period = period
        self.labels = labels
        self.value = value
        self.status = status
        self.note = note
        self.origin = origin
        self.reference = reference
    }
}

/// What a reader made of a file: the figures, the dimension columns they are
/// broken down by, and what the metric definition can take from the file.
package struct ImportBatch: Sendable {
    /// The file's names of the dimension columns (`Sex`, `Age group`).
    package var dimensionColumns: [String]
    package var rows: [ImportedRow] = []
    /// The unit the file states (an Open SDG `Units` value), if any.
    package var unit: String?
    /// Cells read as not available (empty, `NA`, `..`): imported as empty values.
    package var notAvailable = 0

    package init(dimensionColumns: [String]) {
        self.dimensionColumns = dimensionColumns
    }
}
