import Testing
@testable import CitywideCore
@testable import CitywideModel
@testable import CitywideInput
@testable import CitywidePublished
@testable import CitywidePublish
@testable import CitywideRender
@testable import CitywideWrite

@Suite("Markdown")
struct MarkdownTests {
    @Test("raw HTML from a blueprint is not passed through")
    func noRawHTML() {
        let html = MarkdownRenderer.render("Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
    }

    @Test("javascript: and data: links are dropped")
    func unsafeLinks() {
        let html = MarkdownRenderer.render("[click](javascript:alert(1)) [two](JaVaScRiPt:alert(1)) [three](data:text/html,hi)").html
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("data:text"))
    }

    @Test("a leading level-1 heading becomes the page title; the rest nests under the page's sections")
    func title() {
        let output = MarkdownRenderer.render("# Springfield *Blueprint*\n\n## Why\n\nText\n")
        #expect(output.title == "Springfield Blueprint")
        #expect(!output.html.contains("<h1"))
        #expect(output.html.contains("<h3 id=\"why\">Why</h3>"))
    }

    @Test("GFM extensions: tables, strikethrough, autolinks, task lists")
    func extensions() {
        let html = MarkdownRenderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~no~~ www.example.org\n\n- [ ] todo\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>no</del>"))
        #expect(html.contains("href=\"http://www.example.org\""))
        #expect(html.contains("aria-label=\"Not done:\""))
        #expect(!html.contains("<input"))
    }
}

@Suite("Number text")
struct NumberTextTests {
    @Test("grouping, decimals and signs", arguments: [
        (1204.0, 0, "1,204"), (0.0, 0, "0"), (1234567.891, 2, "1,234,567.89"), (-12.5, 1, "-12.5"), (999.96, 1, "1,000.0"), (-0.01, 1, "0.0"),
    ])
    func format(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.format(value, decimals: decimals) == expected)
    }

    @Test("plain numbers for downloads")
    func plain() {
        #expect(NumberText.plain(12) == "12")
        #expect(NumberText.plain(12.25) == "12.25")
        #expect(NumberText.plain(1.0 / 3.0) == "0.333333")
    }
}

@Suite("Downloads")
struct DownloadTests {
    @Test("CSV fields are quoted as RFC 4180 says, and formulas are defused")
    func csvFields() {
        #expect(DataDownloads.csvField("plain") == "plain")
        #expect(DataDownloads.csvField("a, b") == "\"a, b\"")
        #expect(DataDownloads.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(DataDownloads.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(DataDownloads.csvField("-12") == "-12")
    }

    @Test("JSON strings escape what could end a script block")
    func jsonEscapes() {
        #expect(json { $0.string("</script><b>&\"\n") } == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\\"\\n\"\n")
        // Other control characters as \u00XX; U+2028 and U+2029, which end a
        // line in old JavaScript, escaped too; other text as it is.
        #expect(json { $0.string("a\u{1}\t\u{1F}\u{2028}\u{2029}é\\") } == "\"a\\u0001\\t\\u001f\\u2028\\u2029é\\\\\"\n")
    }

    @Test("JSON is indented two spaces a level, with [] and {} for empty arrays and objects")
    func jsonLayout() {
        let text = json { json in
            json.beginObject()
            json.key("a"); json.beginArray(); json.endArray()
            json.key("b"); json.beginObject(); json.endObject()
            json.key("c"); json.beginArray()
            json.element(); json.int(-12)
            json.element(); json.beginObject(); json.key("d"); json.number(2.5); json.endObject()
            json.element(); json.null()
            json.endArray()
            json.key("e"); json.bool(true)
            json.endObject()
        }
        #expect(text == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    -12,\n    {\n      \"d\": 2.5\n    },\n    null\n  ],\n  \"e\": true\n}\n")
    }

    @Test("JSON nested deeper than the indentation kept ready (31 levels) is still two spaces a level")
    func jsonDeepLayout() {
        let arrays = 40
        let text = json { json in
            for _ in 0 ..< arrays { json.beginArray(); json.element() }
            json.beginObject()
            json.key(quoted: "\"k\""); json.quotedString(JSONWriter.quoted("v\""))
            json.endObject()
            for _ in 0 ..< arrays { json.endArray() }
        }
        func indent(_ level: Int) -> String { String(repeating: "  ", count: level) }
        var expected = ""
        for level in 0 ..< arrays { expected += "[\n" + indent(level + 1) }
        expected += "{\n" + indent(arrays + 1) + "\"k\": \"v\\\"\"\n" + indent(arrays) + "}"
        for level in (0 ..< arrays).reversed() { expected += "\n" + indent(level) + "]" }
        #expect(text == expected + "\n")
    }

    @Test("CSV rows: plain fields as they are, others as csvField writes them, CRLF after each row")
    func csvRows() {
        var csv = CSVWriter()
        csv.fields(["springfield", "2024-Q1", "", "a, b", "-x", "-12", "@home"])
        csv.number(3)
        csv.number(nil)
        csv.number(-0.5)
        csv.endRow()
        csv.field("next")
        csv.endRow()
        #expect(String(decoding: csv.out.bytes, as: UTF8.self) == "springfield,2024-Q1,,\"a, b\",'-x,-12,'@home,3,,-0.5\r\nnext\r\n")
    }

    @Test("Numbers in downloads are written as NumberText.plain writes them")
    func plainNumbers() {
        for value in [0, -0.0, 1, -7, 12345678901234, 1e15, 123456789012345.5, 0.1, 1.0 / 3, -2.75, 1e-7, .infinity, .nan] {
            var text = ByteText()
            text.append(plain: value)
            #expect(String(decoding: text.bytes, as: UTF8.self) == NumberText.plain(value), "\(value)")
        }
    }

    private func json(_ write: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter()
        write(&json)
        return String(decoding: json.finished(), as: UTF8.self)
    }
}
