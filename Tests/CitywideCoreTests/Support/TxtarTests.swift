import Foundation
import Testing

@Suite("Txtar sites")
struct TxtarTests {
    @Test("files run from their header to the next one, each ending in one newline")
    func parse() throws {
        let files = try Txtar.parse("""
        -- site.yml --
        title: T
        languages: [en]
        -- Data/x.csv --
        city,period,metric,value

        """)
        #expect(files == ["site.yml": "title: T\nlanguages: [en]\n", "Data/x.csv": "city,period,metric,value\n"])
    }

    @Test("text before the first header and a file given twice are errors, not silently dropped")
    func problems() {
        #expect(throws: Txtar.Problem.self) { try Txtar.parse("title: T\n-- site.yml --\n") }
        #expect(throws: Txtar.Problem.self) { try Txtar.parse("-- a.md --\nx\n-- a.md --\ny\n") }
    }
}
