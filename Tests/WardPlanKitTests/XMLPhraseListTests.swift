import Foundation
import Testing

@testable import WardPlanKit

/// Format 3 (`schema/wardplans-3.xsd`): each taxonomy phrase is listed once in `report/phrases`,
/// evidence names it by an id made from its text alone, and the words matched are written only
/// when they differ from the phrase. Checked on the written bytes, read back through libxml2.
@Suite("XML format 3: phrases listed once")
struct XMLPhraseListTests {
    /// The written document's phrase list (id → text, in document order) and its evidence elements.
    struct Written {
        var phrases: [(id: String, text: String)] = []
        var evidence: [XMLElementView] = []
        let document: LibXMLDocument

        init(_ data: Data) throws {
            document = try SafeXMLParser.parse(data, path: "report.xml", limits: .standard)
            let root = try #require(document.root)
            #expect(root.namespace == "urn:wardplans:report:3")
            #expect(root.attribute("schemaVersion") == "3")
            phrases = (root.child("phrases")?.children("phrase") ?? []).map { ($0.attribute("id") ?? "", $0.text) }
            var evidence: [XMLElementView] = []
            func walk(_ e: XMLElementView) {
                if e.name == "evidence" || e.name == "areaEvidence" { evidence.append(e) }
                e.children.forEach(walk)
            }
            walk(try #require(root.child("plans")))
            self.evidence = evidence
        }
    }

    static func evidence(of plans: [Plan]) -> [Evidence] {
        var all: [Evidence] = []
        for plan in plans { plan.forEachEvidence { all.append($0) } }
        return all
    }

    static let seeds = [Fixtures.namDoSon, Fixtures.ngocHa]

    @Test func everyEvidenceNamesAListedPhraseWithTheModelsTextAndMatchedOnlyWhenItDiffers() throws {
        let written = try Written(try XMLReportWriter().render(ExtractionResult(plans: Self.seeds, failed: [])).data)
        let text = Dictionary(uniqueKeysWithValues: written.phrases.map { ($0.id, $0.text) })
        #expect(text.count == written.phrases.count, "an id is listed twice")
        let model = Self.evidence(of: Self.seeds)
        #expect(model.count > 500)
        // `forEachEvidence` visits a plan's evidence in the order PlanXML writes it.
        #expect(written.evidence.count == model.count)
        var withMatched = 0
        var heading = 0
        for (element, evidence) in zip(written.evidence, model) {
            let id = try #require(element.attribute("phrase"))
            #expect(text[id] == evidence.phrase, "\(id) at line \(element.line)")
            #expect(element.attribute("line") == String(evidence.line))
            #expect(element.attribute("column") == String(evidence.column))
            let differs = !evidence.matched.utf8.elementsEqual(evidence.phrase.utf8)
            #expect((element.child("matched") != nil) == differs, "matched at line \(element.line)")
            if differs {
                withMatched += 1
                #expect(element.child("matched")?.text == evidence.matched)
            }
            #expect(element.attribute("basis") == (evidence.basis == .heading ? "heading" : nil))
            if evidence.basis == .heading { heading += 1 }
            #expect(element.children("phrase").isEmpty)
        }
        // Both cases occur in the seeds, so both branches above were taken.
        #expect(withMatched > 0 && withMatched < model.count)
        #expect(heading > 0 && heading < model.count)
        // Each phrase is listed once, and only phrases some evidence names.
        #expect(Set(written.phrases.map(\.text)) == Set(model.map(\.phrase)))
        #expect(Set(written.evidence.compactMap { $0.attribute("phrase") }) == Set(text.keys))
        // In the byte order of their text.
        let texts = written.phrases.map(\.text)
        #expect(zip(texts, texts.dropFirst()).allSatisfy { $0.0.utf8.lexicographicallyPrecedes($0.1.utf8) })
    }

    @Test func everyListedPhraseIsAPhraseOfTheTaxonomy() throws {
        let taxonomy = ReferenceData.standard.taxonomy
        var phrases = Set<String>()
        for theme in taxonomy.themes { phrases.formUnion(theme.phrases + theme.tonedPhrases) }
        for area in taxonomy.areas { phrases.formUnion(area.headings) }
        let written = try Written(try XMLReportWriter().render(ExtractionResult(plans: Self.seeds, failed: [])).data)
        #expect(written.phrases.count > 50)
        for phrase in written.phrases {
            #expect(phrases.contains(phrase.text), "\(phrase.text) is not in taxonomy.yaml")
        }
    }

    /// The id is "p" and the first 12 hex digits of the SHA-256 of the phrase's UTF-8 bytes
    /// (computed outside the tool: `hashlib.sha256("một cửa".encode()).hexdigest()[:12]`).
    @Test func theIdIsMadeFromThePhrasesTextAlone() throws {
        #expect(PhraseList.id(of: "một cửa") == "p1fc765f02fb5")
        #expect(PhraseList.id(of: "cải cách TTHC") == "paaab77a87af7")
        let written = try Written(
            try XMLReportWriter().render(ExtractionResult(plans: [XMLSamples.fullPlan], failed: [])).data)
        #expect(written.phrases.map(\.id) == ["paaab77a87af7", "p1fc765f02fb5"])
        #expect(written.phrases.map(\.text) == ["cải cách TTHC", "một cửa"])
    }

    /// Two reports of different plans, in another order, name a phrase alike.
    @Test func twoReportsOfOtherPlansNameAPhraseAlike() throws {
        let one = try Written(
            try XMLReportWriter().render(ExtractionResult(plans: [Fixtures.namDoSon], failed: [])).data)
        let other = try Written(
            try XMLReportWriter().render(ExtractionResult(plans: [Fixtures.ngocHa, Fixtures.namDoSon], failed: []))
                .data)
        let ids = Dictionary(uniqueKeysWithValues: other.phrases.map { ($0.text, $0.id) })
        #expect(one.phrases.count < other.phrases.count)
        for phrase in one.phrases { #expect(ids[phrase.text] == phrase.id) }
    }

    /// The schema's key refuses a phrase listed twice and its pattern an id of another form; an
    /// evidence naming a phrase the list does not hold is not a keyref of the schema (its cost,
    /// wardplans-3.xsd) but is refused on import, with its line.
    @Test func aPhraseListedTwiceOrAnUnlistedPhraseIsRefused() throws {
        let xml = String(
            decoding: try XMLReportWriter().render(ExtractionResult(plans: [XMLSamples.fullPlan], failed: [])).data,
            as: UTF8.self)
        #expect(XMLValidator.validate(Data(xml.utf8), path: "ok.xml").isValid)
        let twice = xml.replacingOccurrences(
            of: "<phrases>", with: "<phrases>\n<phrase id=\"p1fc765f02fb5\">một cửa</phrase>")
        #expect(twice != xml)
        let found = XMLValidator.validate(Data(twice.utf8), path: "twice.xml").diagnostics
        #expect(!found.isEmpty && found.allSatisfy { $0.code == .xmlInvalid })
        let pattern = xml.replacingOccurrences(of: "<phrases>", with: "<phrases>\n<phrase id=\"x1\">lạ</phrase>")
        #expect(!XMLValidator.validate(Data(pattern.utf8), path: "pattern.xml").isValid)
        let dangling = xml.replacingOccurrences(
            of: "<phrase id=\"p1fc765f02fb5\">một cửa</phrase>", with: "<phrase id=\"p000000000000\">một cửa</phrase>")
        #expect(dangling != xml)
        guard case .failure(let failure) = XMLReportImporter().read(Data(dangling.utf8), path: "dangling.xml") else {
            Issue.record("a report whose evidence names an unlisted phrase was imported")
            return
        }
        #expect(failure.diagnostics.map(\.code) == [.xmlUnsupportedValue])
        #expect(failure.diagnostics.first?.message.contains("p1fc765f02fb5") == true)
        #expect(failure.diagnostics.first?.line != nil)
    }

    /// A format-2 report (each evidence with its phrase and words; the golden of that format) is
    /// still validated against wardplans-2.xsd and imported as the same model.
    @Test func aFormat2ReportIsStillValidatedAndImported() throws {
        let url = Fixtures.fixturesFolder.appendingPathComponent("xml/format-2-full-plan.xml")
        let data = try Data(contentsOf: url)
        let outcome = XMLValidator.validate(data, path: url.path)
        #expect(outcome.kind == .reportVersion2)
        #expect(outcome.isValid, "\(outcome.diagnostics)")
        guard case .success(let imported) = XMLReportImporter().read(data, path: url.path) else {
            Issue.record("a format-2 report was not imported")
            return
        }
        #expect(imported.result.plans == [XMLSamples.fullPlan])
        // Format 3 is the same model.
        let current = try XMLReportWriter().render(ExtractionResult(plans: [XMLSamples.fullPlan], failed: [])).data
        guard case .success(let again) = XMLReportImporter().read(current, path: "current.xml") else {
            Issue.record("the format-3 report was not imported")
            return
        }
        #expect(again.result.plans == imported.result.plans)
    }

    /// The words matched are kept exactly: a case- or tone-placement-only difference is written.
    @Test func matchedThatDiffersOnlyInCaseOrTonePlacementIsWritten() throws {
        var plan = XMLSamples.fullPlan
        plan.tasks[0].themes = [
            ThemeMatch(
                id: "one-stop", area: "procedures",
                evidence: [
                    Evidence(phrase: "hóa đơn", matched: "hoá đơn", line: 20, column: 1, basis: .content),
                    Evidence(phrase: "hóa đơn", matched: "hóa đơn", line: 20, column: 9, basis: .content),
                ])
        ]
        let data = try XMLReportWriter().render(ExtractionResult(plans: [plan], failed: [])).data
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<matched>hoá đơn</matched>"))
        #expect(!text.contains("<matched>hóa đơn</matched>"))
        guard case .success(let imported) = XMLReportImporter().read(data, path: "r.xml") else {
            Issue.record("not imported")
            return
        }
        #expect(imported.result.plans == [plan])
    }

    /// The list finds distinct texts by their bytes first (perf-compare8), then as strings: a
    /// phrase whose evidence is written in two normal forms is still listed once, as the first
    /// text seen in plan order, and evidence in either form names it by that id.
    @Test(arguments: [false, true])
    func aPhraseInTwoNormalFormsIsListedOnceAsTheFirstSeen(decomposedFirst: Bool) throws {
        let composed = "hóa đơn"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(!composed.utf8.elementsEqual(decomposed.utf8))
        func plan(_ phrase: String, line: Int) -> Plan { PhraseListWordsTests.plan([phrase], firstLine: line) }
        let first = decomposedFirst ? decomposed : composed
        let list = try PhraseList(plans: [plan(first, line: 1), plan(composed, line: 2), plan(decomposed, line: 3)])
        let w = XMLTextWriter(partIndent: 0)
        list.write(to: w)
        let text = String(decoding: w.partBytes(), as: UTF8.self)
        #expect(text.components(separatedBy: "<phrase ").count == 2, "one phrase listed: \(text)")
        let id = PhraseList.id(of: first)
        // The listed text's own bytes (a `String` compare would take either form).
        let listed = Data("<phrase id=\"\(id)\">\(first)</phrase>".utf8)
        #expect(Data(text.utf8).range(of: listed) != nil, "\(text)")
        #expect(list.id(of: composed) == id && list.id(of: decomposed) == id)
    }
}
