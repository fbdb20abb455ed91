import CitywideModel

/// Whether checking a narrative with its shortcodes already replaced by
/// markers (the text `build` renders) says what checking the text as
/// written says, so one cmark parse serves both: true only when each
/// shortcode is plain words that cmark reads as text whatever stands in its
/// place.
///
/// `{{< value m >}}` becomes `\u{E000}0\u{E001}`. cmark could read the two
/// differently where a shortcode's bytes mean something, so each must be
/// `{{< ` + letters, digits, spaces, `=`, `"`, `-` and `_` between letters
/// (never a delimiter that opens or closes) + `>}}`; where its neighbours
/// read it (a `*`, `_` or `~` beside it changes whether they can open or
/// close emphasis; `\` escapes a `{` but not a marker; `{` makes `{{{<`), so
/// it stands beside a space, a letter, a digit or sentence punctuation;
/// where it could be part of a link label (`[x {{< value m >}}]` names a
/// reference definition, which markers numbered apart would not match), so
/// no `[` comes before it unclosed; and where a `<` before it could open raw
/// HTML or a `<...>` destination its `>` would close, so the narrative has
/// no `<` but the shortcodes'. A URL or title with a marker in it (the
/// check reports that) is the remaining difference; anything else falls
/// back to checking the text as written.
enum ShortcodeNeutrality {
    static func holds(_ text: String) -> Bool {
        UTF8Bytes.withBytes(of: text) { bytes in
            var search = 0
            while let bracket = UTF8Bytes.firstIndex(of: UInt8(ascii: "<"), in: bytes, search..<bytes.count) {
                guard bracket >= 2, bytes[bracket - 1] == UInt8(ascii: "{"), bytes[bracket - 2] == UInt8(ascii: "{"),
                      bracket + 1 < bytes.count, bytes[bracket + 1] == UInt8(ascii: " ") else { return false }
                let open = bracket - 2
                guard open == 0 || isNeighbour(bytes[open - 1]), !mayBeInLabel(bytes, before: open) else { return false }
                var end = bracket + 1
                while end < bytes.count, isWord(bytes[end]) {
                    if bytes[end] == UInt8(ascii: "_"), !(isAlphanumeric(bytes[end - 1]) && end + 1 < bytes.count && isAlphanumeric(bytes[end + 1])) {
                        return false
                    }
                    end += 1
                }
                guard end + 2 < bytes.count, bytes[end] == UInt8(ascii: ">"), bytes[end + 1] == UInt8(ascii: "}"), bytes[end + 2] == UInt8(ascii: "}") else { return false }
                let after = end + 3
                guard after == bytes.count || isNeighbour(bytes[after]) || bytes[after] == UInt8(ascii: "\r") else { return false }
                search = after
            }
            return true
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func isNeighbour(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || " \t\n.,;:)!?".utf8.contains(byte)
    }

    /// Whether the nearest square bracket before `offset`, within a link
    /// label's greatest length (999 characters), opens one, or is an escaped
    /// `]` (which a label may hold), or a backtick comes first.
    private static func mayBeInLabel(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> Bool {
        var i = offset - 1
        let limit = max(0, offset - 4 * 1000)
        while i >= limit {
            // A code span can hold a `]` that closes nothing.
            if bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "`") { return true }
            if bytes[i] == UInt8(ascii: "]") { return i > 0 && bytes[i - 1] == UInt8(ascii: "\\") }
            i -= 1
        }
        return false
    }
}
