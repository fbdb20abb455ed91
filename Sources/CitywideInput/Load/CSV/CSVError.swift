import CitywideModel

/// A place in a CSV file, as a person would find it in a text editor.
///
/// Both numbers are 1-based. `line` counts physical lines, so a newline inside
/// a quoted field starts a new line. `column` counts Unicode scalars from the
/// start of that physical line (a leading byte order mark is not counted),
/// which is what editors show, rather than bytes, which is what the parser sees.
public struct CSVPosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A problem found while reading a CSV file.
///
/// Syntax problems are returned rather than thrown, because the reader
/// recovers from all of them and keeps going: the caller sees every record and
/// gets every problem at once, so a user can fix a file in one round instead
/// of one error per run.
public enum CSVError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// A quoted field whose closing quote never comes. The rest of the file,
    /// up to its end, was read as the content of that one field. The position
    /// is the opening quote, because that is where the mistake usually is (a
    /// stray quote), not the end of the file where it was noticed.
    case unterminatedQuote(opening: CSVPosition)

    /// Text between a closing quote and the next comma or line end, as in
    /// `"abc"def`. The text is kept (the field reads `abcdef`) and parsing
    /// continues. The position is the first character after the closing quote.
    case textAfterClosingQuote(CSVPosition)

    /// A byte sequence that is not valid UTF-8, reported at its first byte.
    /// Reported at most once per field; `CSVRecord.string(_:)` replaces such
    /// bytes with U+FFFD.
    case invalidUTF8(CSVPosition)

    /// Where the problem is.
    public var position: CSVPosition {
        switch self {
        case .unterminatedQuote(let position),
             .textAfterClosingQuote(let position),
             .invalidUTF8(let position):
            return position
        }
    }

    /// What is wrong and how to fix it; `position` says where (a diagnostic
    /// puts it in front as path:line:column).
    public var message: String {
        switch self {
        case .unterminatedQuote:
            return "this quote opens a quoted field that is never closed, "
                + "so the rest of the file was read as one field. "
                + "Add the closing quote, or write a quote inside a field as two quotes (\"\")."
        case .textAfterClosingQuote:
            return "unexpected text after the closing quote of a quoted field. "
                + "A quoted field must end at a comma or at the end of the line; "
                + "to put a quote inside a quoted field, write it as two quotes (\"\")."
        case .invalidUTF8:
            return "invalid UTF-8. Save the file with UTF-8 encoding."
        }
    }

    public var description: String { "\(position): \(message)" }
}
