import Foundation
import Testing

@testable import WardPlanKit

/// XML is untrusted input: no network, no DTD, no entities, bounded size and depth.
@Suite("Untrusted XML")
struct XMLSecurityTests {
    func problems(_ data: Data, limits: XMLLimits = .standard) -> [Diagnostic] {
        XMLValidator.validate(data, path: "input.xml", limits: limits).diagnostics
    }

    func fixture(_ name: String) throws -> Data { try Fixtures.data("xml/\(name)") }

    @Test func anExternalEntityIsRefusedAndNeverRead() throws {
        let found = problems(try fixture("xxe.xml"))
        #expect(found.map(\.code) == [.xmlDoctype])
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("XXE") == true)
        guard case .failure(let failure) = XMLReportImporter().read(try fixture("xxe.xml"), path: "xxe.xml") else {
            Issue.record("an XXE document was imported")
            return
        }
        #expect(!failure.diagnostics.description.contains("root:"))
    }

    @Test func entityExpansionIsRefusedQuickly() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let found = problems(try fixture("billion-laughs.xml"))
        #expect(found.map(\.code) == [.xmlDoctype])
        #expect(found.first?.message.contains("billion laughs") == true)
        #expect(clock.now - start < .seconds(2))
    }

    @Test func aDoctypeAfterACommentIsStillFound() {
        let xml =
            "<?xml version=\"1.0\"?>\n<!-- a\n comment -->\n<!DOCTYPE report SYSTEM \"http://example.invalid/x.dtd\">\n<report/>"
        let found = problems(Data(xml.utf8))
        #expect(found.map(\.code) == [.xmlDoctype])
        #expect(found.first?.line == 4)
    }

    @Test func anOversizeDocumentIsRefusedBeforeParsing() {
        let big = Data(("<report>" + String(repeating: "x", count: 5000) + "</report>").utf8)
        #expect(problems(big, limits: XMLLimits(maxBytes: 1000)).map(\.code) == [.tooLarge])
    }

    @Test(arguments: [100, 10_000])
    func aTooDeepDocumentIsRefused(depth: Int) {
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let found = problems(Data(xml.utf8))
        #expect(found.map(\.code) == [.xmlTooDeep])
    }

    @Test func utf16IsRefusedWithAReason() {
        var data = Data([0xFF, 0xFE])
        data.append("<report/>".data(using: .utf16LittleEndian)!)
        let found = problems(data)
        #expect(found.map(\.code) == [.xmlMalformed])
        #expect(found.first?.message.contains("UTF-8") == true)
    }

    @Test func aBrokenFileNamesTheLine() throws {
        let malformed = problems(try fixture("malformed.xml"))
        #expect(malformed.map(\.code) == [.xmlMalformed])
        #expect(malformed.first?.line != nil)
        let invalid = problems(try fixture("broken-report.xml"))
        #expect(invalid.map(\.code) == [.xmlInvalid, .xmlInvalid])
        #expect(invalid.map(\.line) == [13, 19])
        #expect(invalid[0].message.contains("nowhere"))
        #expect(invalid[1].message.contains("line"))
    }

    @Test func anotherKindOfDocumentIsNotAReport() {
        let found = problems(Data("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".utf8))
        #expect(found.map(\.code) == [.xmlNotAReport])
        #expect(found.first?.line == 2)
    }

    @Test func theShippedSchemasCompileAndAreThePublishedFiles() throws {
        #expect(XMLSchemaSet.report.file == "wardplans-3.xsd")
        #expect(XMLSchemaSet.reportVersion2.file == "wardplans-2.xsd")
        #expect(XMLSchemaSet.reportVersion1.file == "wardplans-1.xsd")
        #expect(XMLSchemaSet.edXML.file == "edxml-qcvn102-subset-1.xsd")
        for file in [
            XMLSchemaSet.reportFile, XMLSchemaSet.reportVersion2File, XMLSchemaSet.reportVersion1File,
            XMLSchemaSet.edXMLFile,
        ] {
            let bundled = try Data(contentsOf: try #require(XMLSchemaSet.url(of: file)))
            let published = try Data(
                contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schema").appendingPathComponent(file))
            #expect(bundled == published, "\(file) in the bundle differs from schema/\(file)")
        }
    }

    /// Format 2 changed the shape of gap items and duties: a format-1 document is still checked
    /// against its own published schema but not imported.
    @Test func aFormat1ReportIsValidatedAgainstItsOwnSchemaButNotImported() throws {
        let current = String(
            decoding: try XMLReportWriter().render(ExtractionResult(plans: [], failed: [])).data, as: UTF8.self)
        #expect(current.contains("urn:wardplans:report:3") && current.contains("schemaVersion=\"3\""))
        #expect(problems(Data(current.utf8)).isEmpty)
        // Formats 1 and 2 have no phrase list.
        let old =
            current
            .replacingOccurrences(of: "urn:wardplans:report:3", with: "urn:wardplans:report:1")
            .replacingOccurrences(of: "schemaVersion=\"3\"", with: "schemaVersion=\"1\"")
            .replacingOccurrences(of: "<phrases/>\n", with: "")
        let outcome = XMLValidator.validate(Data(old.utf8), path: "old.xml")
        #expect(outcome.kind == .reportVersion1)
        #expect(outcome.isValid, "\(outcome.diagnostics)")
        #expect(outcome.kind?.schemaFile == "wardplans-1.xsd")
        // The version attribute is fixed by each schema: a format-1 namespace with version 3 is invalid.
        let mixed = old.replacingOccurrences(of: "schemaVersion=\"1\"", with: "schemaVersion=\"3\"")
        let mixedProblems = problems(Data(mixed.utf8))
        #expect(!mixedProblems.isEmpty && mixedProblems.allSatisfy { $0.code == .xmlInvalid })
        switch XMLReportImporter().read(Data(old.utf8), path: "old.xml") {
        case .success: Issue.record("a format-1 report was imported")
        case .failure(let failure):
            #expect(failure.diagnostics.map(\.code) == [.xmlNotAReport])
            #expect(failure.diagnostics.first?.message.contains("a format-1 report") == true)
        }
    }

    @Test func anEnvelopeWithAnInvalidBodyIsInvalid() throws {
        let xml = try XMLReportWriter().render(ExtractionResult(plans: [], failed: []), envelope: XMLSamples.envelope)
            .data
        #expect(problems(xml).isEmpty)
        let broken = String(decoding: xml, as: UTF8.self).replacingOccurrences(
            of: "<plans/>", with: "<plans><plan/></plans>")
        let found = problems(Data(broken.utf8))
        #expect(!found.isEmpty && found.allSatisfy { $0.code == .xmlInvalid })
    }

    @Test func aDateTheModelCannotHoldIsReportedOnImport() throws {
        var xml = String(
            decoding: try XMLReportWriter().render(ExtractionResult(plans: [Fixtures.ngocHa], failed: [])).data,
            as: UTF8.self)
        xml = xml.replacingOccurrences(of: "issuedOn=\"2026-06-11\"", with: "issuedOn=\"2026-06-11+07:00\"")
        guard case .failure(let failure) = XMLReportImporter().read(Data(xml.utf8), path: "tz.xml") else {
            Issue.record("a date with a time zone was imported as if it had none")
            return
        }
        #expect(failure.diagnostics.map(\.code) == [.xmlUnsupportedValue])
        #expect(failure.diagnostics.first?.line != nil)
    }
}
