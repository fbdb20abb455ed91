/// A text that depends only on a count ("3 commitments", "named in 2"),
/// made once per count a page meets: a state's coverage grid says one of a
/// handful of such texts in thousands of cells, and each, made afresh, would
/// look up its plural form and format its number again.
struct CountTexts {
    private let make: (Int) -> String
    private var made: [Int: String] = [:]

    init(_ make: @escaping (Int) -> String) {
        self.make = make
    }

    mutating func callAsFunction(_ count: Int) -> String {
        if let text = made[count] { return text }
        let text = make(count)
        made[count] = text
        return text
    }
}
