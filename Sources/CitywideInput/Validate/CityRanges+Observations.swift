import CitywideModel

extension CityRanges {
    /// One metric's rows by ranges of cities: a city's tables are checked
    /// apart from every other city's.
    init(_ list: [Observation], cities: Int) {
        self.init(list.count, cities: cities) { Int(list[$0].city) }
    }

    /// The metric's rows followed by what each range added, in range order:
    /// the order in which checking every table by city and period adds it.
    func merged(_ list: [Observation], _ added: [[Observation]]) -> [Observation] {
        var result = list
        for rows in added where !rows.isEmpty { result += rows }
        return result
    }
}
