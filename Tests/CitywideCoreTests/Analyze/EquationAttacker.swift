import Foundation

/// An attacker with the published downloads, written independently of the
/// code under test: its own CSV reading, its own table model, exact rational
/// arithmetic. It writes every equation a reader could (each cell equals the
/// sum of its breakdown by any one dimension; a rate equals its count per
/// population) and reports every withheld cell that has a unique solution.
struct EquationAttacker {
    struct Row: Hashable {
        var city: String
        var period: String
        /// Dimension values in declared order, "" for a total over that dimension.
        var cell: [String]
        var value: Fraction?
    }

    /// Declared values of each dimension, in order.
    var dimensions: [[String]]
    var rows: [Row]

    /// Reads `data/<metric>.csv` as published.
    init(csv: String, dimensions: [[String]]) {
        self.dimensions = dimensions
        var rows: [Row] = []
        let records = EquationAttacker.parseCSV(csv)
        guard let header = records.first else { self.rows = []; return }
        let valueColumn = header.firstIndex(of: "value") ?? 0
        for record in records.dropFirst() where record.count == header.count {
            rows.append(Row(city: record[0], period: record[1], cell: Array(record[2..<(2 + dimensions.count)]),
                            value: record[valueColumn].isEmpty ? nil : Fraction(decimal: record[valueColumn])))
        }
        self.rows = rows
    }

    init(rows: [Row], dimensions: [[String]]) {
        self.rows = rows
        self.dimensions = dimensions
    }

    /// The withheld rows whose value a reader can compute exactly.
    func exposed() -> [Row] {
        var result: [Row] = []
        let tables = Dictionary(grouping: rows) { "\($0.city)|\($0.period)" }
        for key in tables.keys.sorted() {
            result += exposed(in: tables[key] ?? [])
        }
        return result
    }

    private func exposed(in table: [Row]) -> [Row] {
        var byCell: [[String]: Row] = [:]
        for row in table { byCell[row.cell] = row }
        let unknowns = table.filter { $0.value == nil }.map(\.cell).sorted { $0.joined(separator: "|") < $1.joined(separator: "|") }
        guard !unknowns.isEmpty else { return [] }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        // Each equation: coefficients over the unknowns (the constant does not matter for uniqueness).
        var equations: [[Fraction]] = []
        for row in table {
            for d in dimensions.indices where row.cell[d].isEmpty {
                let parts = dimensions[d].map { value -> [String] in
                    var cell = row.cell
                    cell[d] = value
                    return cell
                }
                guard parts.allSatisfy({ byCell[$0] != nil }) else { continue }
                var equation = [Fraction](repeating: .zero, count: unknowns.count)
                if let c = column[row.cell] { equation[c] = equation[c] + .one }
                for part in parts {
                    if let c = column[part] { equation[c] = equation[c] - .one }
                }
                if equation.contains(where: { !$0.isZero }) { equations.append(equation) }
            }
        }
        let reduced = EquationAttacker.rref(equations, columns: unknowns.count)
        return reduced.compactMap { row -> Row? in
            let nonZero = row.indices.filter { !row[$0].isZero }
            guard nonZero.count == 1 else { return nil }
            return byCell[unknowns[nonZero[0]]]
        }
    }

    static func rref(_ input: [[Fraction]], columns: Int) -> [[Fraction]] {
        var m = input
        var r = 0
        for c in 0..<columns where r < m.count {
            guard let p = (r..<m.count).first(where: { !m[$0][c].isZero }) else { continue }
            m.swapAt(r, p)
            let pivot = m[r][c]
            m[r] = m[r].map { $0 / pivot }
            for i in 0..<m.count where i != r && !m[i][c].isZero {
                let f = m[i][c]
                for k in 0..<columns { m[i][k] = m[i][k] - f * m[r][k] }
            }
            r += 1
        }
        return Array(m.prefix(r))
    }

    /// RFC 4180, enough for our downloads.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

/// Exact rational numbers, so the attacker's algebra has no rounding to hide behind.
struct Fraction: Hashable {
    var numerator: Int
    var denominator: Int

    static let zero = Fraction(0, 1)
    static let one = Fraction(1, 1)

    init(_ n: Int, _ d: Int) {
        let g = Fraction.gcd(abs(n), abs(d))
        let sign = d < 0 ? -1 : 1
        numerator = sign * n / max(g, 1)
        denominator = sign * d / max(g, 1)
    }

    init?(decimal text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]) else { return nil }
        if parts.count == 1 { self.init(whole, 1); return }
        let digits = String(parts[1].prefix(9))
        guard let fraction = Int(digits) else { return nil }
        var scale = 1
        for _ in digits { scale *= 10 }
        self.init(whole * scale + (text.hasPrefix("-") ? -fraction : fraction), scale)
    }

    var isZero: Bool { numerator == 0 }
    static func + (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator) }
    static func - (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator) }
    static func * (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.numerator, a.denominator * b.denominator) }
    static func / (a: Fraction, b: Fraction) -> Fraction { Fraction(a.numerator * b.denominator, a.denominator * b.numerator) }
    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
