import Foundation
import Testing

@testable import WardPlanKit

/// pages45 (session 45): the pages' rows written attribute by attribute into a `ByteBuffer`, a lazy
/// page's parts escaped straight into its data, deflate fed in place. Each is held to the way it was
/// written before (kept here as the reference), on the seeds and on plans full of awkward text.
@Suite("pages45 rows, data and deflate")
struct Pages45Tests {
    /// Text that escaping must change or keep with care: markup characters, quotes, a carriage
    /// return, controls, NFD, U+2028, an emoji, Vietnamese, and nothing at all.
    static let awkward = [
        "a<b & \"c\" 'd'", "", "Phường Đồng Xuân", "x\r\ny", "\u{7}\u{0}", "e\u{301}", "</script><!--", "\u{2028}",
        "đệ\u{1F600}", "  ", "\u{FFFE}\u{85}",
    ]

    /// The seeds with their tasks' and wards' words replaced by `awkward` ones, in turn.
    static func awkwardPlans() -> [Plan] {
        var plans = [Fixtures.namDoSon, Fixtures.ngocHa]
        var k = 0
        func next() -> String {
            k += 1
            return awkward[k % awkward.count]
        }
        for p in plans.indices {
            plans[p].ward.name = next() + (plans[p].ward.name ?? "")
            for t in plans[p].tasks.indices {
                plans[p].tasks[t].ref = next()
                plans[p].tasks[t].text = next() + plans[p].tasks[t].text
                plans[p].tasks[t].group = t % 3 == 0 ? nil : next()
                plans[p].tasks[t].notes = t % 2 == 0 ? [] : [next(), next()]
                plans[p].tasks[t].products = t % 4 == 0 ? [] : [next(), "x;y"]
            }
        }
        return plans
    }

    static func reports() -> [Report] {
        var reports: [Report] = []
        for plans in [[Fixtures.namDoSon, Fixtures.ngocHa], awkwardPlans(), [Fixtures.ngocHa]] {
            let comparison = Comparer().compare(plans, asOf: ComparisonTests.asOf)
            for language in Language.allCases {
                reports.append(Report(comparison: comparison, plans: plans, language: language))
            }
        }
        return reports
    }

    /// What `body` writes with the writer's builder.
    static func bytes(_ writer: HTMLReportWriter, _ body: () -> Void) -> String {
        String(decoding: writer.h.capture(body), as: UTF8.self)
    }

    @Test func taskRowsAndGroupRowsAreWrittenAsBefore() {
        var rows = 0
        for report in Self.reports() {
            let writer = HTMLReportWriter(report)
            for w in report.comparison.wards.indices {
                for f in writer.facts[w] {
                    let new = Self.bytes(writer) { writer.taskRow(f, w: w) }
                    let old = Self.bytes(writer) { writer.referenceTaskRow(f, w: w) }
                    #expect(new == old)
                    rows += 1
                }
                for (area, count) in [("procedures", 3), ("a<b\"", 0), ("", 1)] {
                    let entry = report.comparison.wards[w]
                    #expect(
                        Self.bytes(writer) { writer.groupRow(entry, area: area, count: count) }
                            == Self.bytes(writer) { writer.referenceGroupRow(entry, area: area, count: count) })
                }
            }
        }
        #expect(rows > 100)
    }

    @Test func matrixCellsAndLinksAreWrittenAsBefore() {
        for report in Self.reports() {
            let writer = HTMLReportWriter(report)
            for row in report.comparison.coverage.areas + report.comparison.coverage.themes {
                for cell in row.cells {
                    for (isGap, stated, review) in [
                        (false, false, false), (true, false, false), (true, true, false), (false, true, true),
                        (true, false, true),
                    ] {
                        for gapLink in ["#g-x<", nil] {
                            let new = Self.bytes(writer) {
                                writer.coverageCell(
                                    cell, isGap: isGap, stated: stated, review: review, taskLink: "#t-\"&",
                                    gapLink: gapLink)
                            }
                            let old = Self.bytes(writer) {
                                writer.referenceCoverageCell(
                                    cell, isGap: isGap, stated: stated, review: review, taskLink: "#t-\"&",
                                    gapLink: gapLink)
                            }
                            #expect(new == old)
                        }
                    }
                }
            }
            for value in [0, 1, 9, 10, 12345, -3] {
                for bad in [false, true] {
                    for link in ["#g-a&b", nil] {
                        #expect(
                            Self.bytes(writer) { writer.numberCell(value, bad: bad, link: link) }
                                == Self.bytes(writer) { writer.referenceNumberCell(value, bad: bad, link: link) })
                    }
                }
            }
            let refs = report.comparison.tasks.map(\.task)
            #expect(
                Self.bytes(writer) { writer.taskLinks(refs) }
                    == Self.bytes(writer) {
                        for (i, ref) in refs.enumerated() {
                            if i > 0 { writer.h.raw(", ") }
                            writer.h.element("a", [.href("#" + Anchor.task(ref))], text: ref.ref)
                        }
                    })
            #expect(
                Self.bytes(writer) { writer.wardRows { _, _ in writer.h.raw("<td>x</td>") } }
                    == Self.bytes(writer) { writer.referenceWardRows { _, _ in writer.h.raw("<td>x</td>") } })
        }
    }

    /// Ids that `Anchor.safe` changes: the anchors written in pieces are the anchors made whole.
    @Test func anchorsWrittenInPiecesAreTheAnchors() {
        let writer = HTMLReportWriter(ReportTests.report())
        for id in ["phuong-a", "Phường A", "a<b", "", "x_y-1", "\u{1F600}", "a\"b"] {
            #expect(Self.bytes(writer) { writer.wardAnchor(id) } == Escaping.html(Anchor.ward(id)))
            for index in [0, 7, 123] {
                let ref = TaskRef(ward: id, index: index, ref: "1", line: 1)
                #expect(Self.bytes(writer) { writer.taskAnchor(ref) } == Escaping.html(Anchor.task(ref)))
            }
        }
    }

    /// The line of a theme's word written around its number is the phrase filled with it.
    @Test func lineOneWrittenAroundItsNumberIsThePhraseFilled() throws {
        for language in Language.allCases {
            let writer = HTMLReportWriter(ReportTests.report(language))
            let (before, after) = try #require(writer.lineOneAround)
            for n in [0, 1, 2, 10, 123_456, -1] {
                #expect(before + String(n) + after == writer.t(.lineOne, String(n)))
            }
        }
        #expect(HTMLReportWriter.around("dòng {0}")?.before == "dòng ")
        #expect(HTMLReportWriter.around("dòng {0}")?.after == "")
        #expect(HTMLReportWriter.around("{0} task|{0} tasks") == nil)
        #expect(HTMLReportWriter.around("{0} of {1}") == nil)
        #expect(HTMLReportWriter.around("{0}{0}") == nil)
        #expect(HTMLReportWriter.around("no number") == nil)
    }

    @Test func attributesWrittenOneByOneAreTheOpensAttributes() {
        for value in Self.awkward + [nil] {
            let h = HTMLBuilder()
            h.start("td")
            h.attribute("data-x", value)
            h.attribute("title", value ?? "n")
            h.attribute("data-n", number: 42)
            h.attribute("data-j", joined: Self.awkward)
            h.endStart()
            let reference = HTMLBuilder()
            reference.open(
                "td",
                [
                    .init("data-x", value), .title(value ?? "n"), .init("data-n", "42"),
                    .init("data-j", Self.awkward.joined(separator: " ")),
                ])
            #expect(h.output == reference.output)
            #expect(h.bytes == reference.bytes)
        }
        let empty = HTMLBuilder()
        empty.start("tr")
        empty.attribute("data-j", joined: [])
        empty.endStart()
        #expect(empty.output == "<tr data-j=\"\">")
    }

    /// The parts of a lazy page: each member escaped into the data as the parts were listed and
    /// then written (`referenceData`), a part kept inside another one first.
    @Test func keptPartsAreTheMembersOfTheOldObject() {
        let writer = HTMLReportWriter(ReportTests.report(), page: .init(lazy: true))
        var parts: [(String, [UInt8])] = []
        for (k, text) in Self.awkward.enumerated() {
            let key = "k:" + text
            writer.keepDeferred(key) {
                writer.h.element("p", text: text)
                if k == 3 {
                    writer.keepDeferred("inner") { writer.h.raw("<b>in</b>") }
                    parts.append(("inner", Array("<b>in</b>".utf8)))
                }
            }
            parts.append((key, Array("<p>\(Escaping.html(text))</p>".utf8)))
        }
        let long = String(repeating: "<td class=\"x\">ệ</td>\n", count: 400)
        writer.keepDeferred("long") { writer.h.text(long) }
        parts.append(("long", Array(Escaping.html(long).utf8)))
        #expect(Self.bytes(writer) {} == "")
        var json = writer.deferredJSON.withUTF8 { Array($0) }
        json.append(0x7D)
        #expect(json == Self.referenceData(parts))
        let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: String]
        #expect(object?["inner"] == "<b>in</b>")
        #expect(object?.count == parts.count)
    }

    /// `deferredData`'s object as it was made: `{`, the members joined by `,\n`, `}`.
    static func referenceData(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var json: [UInt8] = [0x7B]
        for (i, part) in parts.enumerated() {
            if i > 0 { json.append(contentsOf: [0x2C, 0x0A]) }
            Escaping.appendJSONInScript(part.0, to: &json)
            json.append(0x3A)
            part.1.withUnsafeBufferPointer { Escaping.appendJSONInScript($0, to: &json) }
        }
        json.append(0x7D)
        return json
    }

    /// A page without lazy parts writes no data block; a lazy page's block is the same at every
    /// thread count (the page is made on one thread).
    @Test func aPageWithoutPartsHasNoDataBlock() {
        let writer = HTMLReportWriter(ReportTests.report(), page: .init(lazy: true))
        #expect(Self.bytes(writer) { writer.deferredData() } == "")
    }

    @Test func deflateInOneCallIsDeflateInChunks() throws {
        var generator = SplitMix64(seed: 45)
        let row = "<tr class=\"task\" data-ward=\"w-1\"><td>Phường</td></tr>\n"
        let markup = Array(String(repeating: row, count: 3000).utf8)
        for count in [0, 1, 2, 100, 65_535, 65_536, 65_537, 150_000, markup.count] {
            var random = [UInt8](repeating: 0, count: count)
            for i in random.indices { random[i] = UInt8(truncatingIfNeeded: generator.next()) }
            for input in [random, Array(markup.prefix(count))] {
                let one = try #require(Deflate.raw(input))
                let chunks = try #require(input.withUnsafeBufferPointer { Deflate.rawInChunks($0) })
                #expect(one == chunks, "\(count)")
            }
        }
    }

    @Test func base64InPlaceIsFoundationsBase64() {
        var generator = SplitMix64(seed: 4545)
        for count in 0..<70 {
            let input = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            #expect(Base64.encode(input) == Array(Data(input).base64EncodedString().utf8))
            let h = HTMLBuilder()
            h.raw("x")
            input.withUnsafeBufferPointer { input in
                h.raw(atMost: Base64.encodedCount(input.count)) { Base64.encode(input, to: $0) }
            }
            #expect(h.output == "x" + Data(input).base64EncodedString())
        }
    }

    /// The escapes into a `ByteBuffer` are the escapes into an array and the `String` ones.
    @Test func escapesIntoABufferAreTheEscapes() {
        var generator = SplitMix64(seed: 4546)
        let pieces = Self.awkward + ["<", "&", "\"", "'", ">", "\\", "\n", "\u{2029}", "ệ", "abc"]
        for round in 0..<300 {
            let count = round < 10 ? round : Int(generator.next() % 400)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            var buffer = ByteBuffer(capacity: 1)
            Escaping.appendHTML(text, to: &buffer)
            #expect(buffer.withUTF8 { Array($0) } == Array(Escaping.html(text).utf8))
            var json = ByteBuffer(capacity: 1)
            var copy = text
            copy.withUTF8 { Escaping.appendJSONInScript($0, to: &json) }
            #expect(json.withUTF8 { Array($0) } == Array(Escaping.jsonInScript(text).utf8))
        }
    }
}

/// The writers as they were before pages45 (the start tags from arrays of attributes), the reference.
extension HTMLReportWriter {
    func referenceGroupRow(_ entry: WardEntry, area: String, count: Int) {
        h.open("tr", [.class("group")])
        h.element("td", [Attribute("colspan", "9"), .id(Anchor.taskGroup(entry.id, area))]) {
            h.element("a", [.href("#" + Anchor.ward(entry.id))], text: entry.label)
            h.element("strong", text: " · " + areaName(area))
            h.text(" (" + t(.nTasks, count) + ")")
        }
        h.close("tr")
        h.newline()
    }

    func referenceTaskRow(_ f: TaskFacts, w: Int) {
        let entry = wards[w]
        let task = plans[w].tasks[f.task.index]
        var flags: [String] = []
        if !f.hasNamedLead { flags.append("nolead") }
        if f.schedule == .missing || f.schedule == .vague { flags.append("vague") }
        if f.pastDue { flags.append("pastdue") }
        if !f.hasProduct { flags.append("noproduct") }
        let offices = f.leads.compactMap { officeIndex[$0].map(String.init) }
        let quarter = f.dueQuarter?.description ?? (f.schedule == .recurring ? "recurring" : "none")
        h.open(
            "tr",
            [
                .id(Anchor.task(f.task)), .class("task"), Attribute("data-ward", f.task.ward),
                Attribute("data-group", entry.group),
                Attribute("data-area", f.area),
                Attribute("data-themes", f.themes.joined(separator: " ")),
                Attribute("data-offices", offices.joined(separator: " ")),
                Attribute("data-quarter", quarter), Attribute("data-flags", flags.joined(separator: " ")),
            ])
        h.element("td", [Attribute("data-sort", String(wardRank[entry.id]!))], text: entry.label)
        h.element("td", [Attribute("data-sort", String(f.task.index))], text: task.ref)
        h.element("td") {
            h.text(areaName(f.area))
            if let group = task.group, group.foldedKey != (areaNameKeys[f.area] ?? f.area.foldedKey) {
                h.element("span", [.class("grp"), .lang(quoteLanguage)], text: group)
            }
        }
        h.element("td") { themesCell(task) }
        h.element("td", [.class("text")]) {
            quote(task.text)
            for note in task.notes { h.element("span", [.class("asw"), .lang(quoteLanguage)], text: note) }
        }
        h.element("td", [.class(f.hasNamedLead ? nil : "bad")]) { leadCell(task, f) }
        h.element(
            "td",
            [
                .class(f.schedule == .missing || f.schedule == .vague || f.pastDue ? "warn" : nil),
                Attribute("data-sort", f.due?.description ?? ""),
            ]
        ) {
            timeCell(task, f)
        }
        if task.products.isEmpty {
            h.element("td", [.class("bad")], text: t(.noProduct))
        } else {
            h.element("td") { quote(task.products.joined(separator: "; ")) }
        }
        h.element("td", [.class("src")], text: source(entry, line: task.line, endLine: task.endLine))
        h.close("tr")
        h.newline()
    }

    func referenceCoverageCell(
        _ cell: Coverage.Cell, isGap: Bool, stated: Bool, review: Bool = false, taskLink: String, gapLink: String?
    ) {
        let count = cell.tasks.count
        var heat = "\(Self.heat(count))"
        if count == 0 { heat = review ? "c0r" : isGap ? (stated ? "c0m" : "c0") : "c0o" }
        let symbol = review ? "◌" : stated ? "◐" : "○"
        h.element("td", [.class("n " + heat), Attribute("data-sort", String(count))]) {
            if count > 0 {
                h.element("a", [.href(taskLink), .class("f")], text: "●\u{A0}\(count)")
            } else if let gapLink {
                h.element("a", [.href(gapLink)], text: symbol)
            } else {
                h.text(symbol)
            }
        }
    }

    func referenceNumberCell(_ value: Int, bad: Bool = false, link: String? = nil) {
        h.element("td", [.class(bad && value > 0 ? "n bad" : "n")]) {
            if let link {
                h.element("a", [.href(link)], text: String(value))
            } else {
                h.text(String(value))
            }
        }
    }

    func referenceWardRows(_ cells: (_ w: Int, _ ward: WardEntry) -> Void) {
        h.open("tbody")
        for w in collatedWards {
            let entry = wards[w]
            h.open("tr", [Attribute("data-ward", entry.id), Attribute("data-group", entry.group)])
            h.element("th", [Attribute("scope", "row")]) {
                h.element("a", [.href("#" + Anchor.ward(entry.id))], text: ward(entry.id).label)
            }
            cells(w, entry)
            h.close("tr")
            h.newline()
        }
        h.close("tbody")
    }
}
