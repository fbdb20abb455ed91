import CitywideModel

/// Remembers the last value read in a column and what it resolved to. Data
/// files are usually sorted, so the city, metric and period of a row are most
/// often those of the row before: comparing bytes is far cheaper than making
/// a String and hashing it for every row of a million.
package struct FieldCache<Value> {
    private var lastBytes: [UInt8] = []
    private var lastValue: Value?
    private var valid = false

    package mutating func lookup(_ record: borrowing CSVRecord, _ field: Int, resolve: (String) -> Value?) -> Value? {
        let hit = record.withBytes(of: field) { bytes in
            valid && bytes.elementsEqual(lastBytes)
        }
        if hit { return lastValue }
        let text = record.string(field)
        lastBytes = Array(text.utf8)
        lastValue = resolve(text)
        valid = true
        return lastValue
    }
}

package struct FieldCaches {
    package var city = FieldCache<Int>()
    package var metric = FieldCache<Int>()
    package var period = FieldCache<Period>()
}
