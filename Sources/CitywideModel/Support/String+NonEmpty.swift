extension String {
    /// nil for empty text. Mustache renders a section for any string, even
    /// an empty one, so optional text reaches templates as nil.
    package var nonEmpty: String? { isEmpty ? nil : self }
}
