import Foundation
import Synchronization
import Testing

@testable import WardPlanKit

/// Issue 11: files read on all cores give the same results, in the same order, as one thread; the
/// JSON written as a stream is byte for byte the JSON written whole.
@Suite("Reading on all cores, writing as a stream")
struct ParallelExtractionTests {
    /// The seeds, plans of other layouts (text, markdown, Word), a file that is no plan and one
    /// that does not exist: every kind of result, in a fixed order.
    static let files: [String] = {
        let folder = Fixtures.fixturesFolder.path
        let layouts = [
            "an-hoi-nam-2027.md", "ham-rong-bac-2027.txt", "hoa-xuan-tay-2027.docx", "hung-dung-tay-2027.wrapped.txt",
            "vinh-thong-tay-2027.txt",
        ]
        return ["\(folder)/\(Fixtures.namDoSonPath)"] + layouts.map { "\(folder)/layouts/\($0)" } + [
            "\(folder)/layouts/README.md", "\(folder)/no-such-plan.txt", "\(folder)/\(Fixtures.ngocHaPath)",
        ]
    }()

    static func json(_ results: [Result<Plan, InputFailure>]) throws -> [Data] {
        try results.map { result in
            switch result {
            case .success(let plan): try JSONRenderer.render(plan)
            case .failure(let failure): try JSONRenderer.render(failure)
            }
        }
    }

    @Test func oneThreadAndManyGiveTheSameResultsInOrder() throws {
        let extractor = PlanExtractor()
        let one = extractor.extract(files: Self.files, threads: 1)
        let many = extractor.extract(files: Self.files, threads: 4)
        #expect(one.count == Self.files.count)
        #expect(try Self.json(one) == Self.json(many))
        // In the order of the files: the first is Nam Đồ Sơn, the last Ngọc Hà, the missing file fails.
        #expect(try one.first?.get().ward.name == "Nam Đồ Sơn")
        #expect(try one.last?.get().ward.name == "Ngọc Hà")
        guard case .failure(let missing) = one[one.count - 2] else {
            Issue.record("a file that does not exist gave a plan")
            return
        }
        #expect(missing.path.hasSuffix("no-such-plan.txt"))
        #expect(try one[3].get().ward.name == "Hòa Xuân Tây")
    }

    @Test func progressCountsEveryFileOnce() {
        let seen = Mutex<[Int]>([])
        _ = PlanExtractor().extract(files: Self.files, threads: 3) { done, total, _ in
            #expect(total == Self.files.count)
            seen.withLock { $0.append(done) }
        }
        #expect(seen.withLock { $0 } == Array(1...Self.files.count))
    }

    @Test func streamedExtractionJSONIsTheWholeJSON() throws {
        let result = PlanExtractor().extract(paths: Self.files)
        #expect(!result.plans.isEmpty && !result.failed.isEmpty)
        var streamed = Data()
        try JSONRenderer.stream(result) { streamed.append($0) }
        let whole = try JSONRenderer.render(result)
        #expect(streamed == whole)
        // Nothing at all: empty arrays are written as the encoder writes them.
        var empty = Data()
        try JSONRenderer.stream(ExtractionResult(plans: [], failed: [])) { empty.append($0) }
        #expect(empty == (try JSONRenderer.render(ExtractionResult(plans: [], failed: []))))
        // With skipped files, which the whole JSON lists only when there are some.
        let skipped = ExtractionResult(
            plans: [Fixtures.ngocHa], failed: [],
            skipped: [Diagnostic(.skippedFile, .warning, path: "wards/a.jpg", "not read")])
        var withSkipped = Data()
        try JSONRenderer.stream(skipped) { withSkipped.append($0) }
        #expect(withSkipped == (try JSONRenderer.render(skipped)))
    }

    @Test func streamedComparisonJSONIsTheWholeJSON() throws {
        let result = PlanExtractor().extract(paths: Self.files)
        var comparison = Comparer().compare(result.plans, failed: result.failed, asOf: ComparisonTests.asOf)
        var streamed = Data()
        try JSONRenderer.stream(comparison) { streamed.append($0) }
        #expect(streamed == (try JSONRenderer.render(comparison)))
        // The optional members, present.
        comparison.versions = [OlderVersion(plan: result.plans[0], current: result.plans[1])]
        comparison.registry = RegistryReport.make(
            comparison, plans: result.plans, list: UnitRegistry.national.units(inProvinces: ["Hà Nội"]),
            listName: "Hà Nội")
        comparison.decisions = []
        streamed = Data()
        try JSONRenderer.stream(comparison) { streamed.append($0) }
        #expect(streamed == (try JSONRenderer.render(comparison)))
        // Every member of `Comparison` is set here, so a member added later and not streamed fails above.
        for child in Mirror(reflecting: comparison).children {
            let value = Mirror(reflecting: child.value)
            #expect(
                value.displayStyle != .optional || !value.children.isEmpty,
                "set Comparison.\(child.label ?? "?") in this test (and stream it in JSONRenderer)")
        }
    }

    @Test func streamedOutputIsWrittenWhenTheSetIsCommitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out/plans.json").path
        var outputs = OutputSet()
        outputs.add(to: path) { write in
            try write(Data("a".utf8))
            try write(Data("bc\n".utf8))
        }
        #expect(try outputs.commit() == [path])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "abc\n")
        // A stream that fails leaves the previous file as it was, and no temporary beside it.
        struct Broken: Error {}
        var failing = OutputSet()
        failing.add(to: path) { write in
            try write(Data("partial".utf8))
            throw Broken()
        }
        #expect(throws: OutputSet.Failure.self) { try failing.commit() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "abc\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == [
                "plans.json"
            ])
    }
}

/// Lead offices counted in one pass, by office however it is spelt.
@Suite("Lead offices at scale")
struct LeadOfficeRowsTests {
    static func facts(ward: String, _ leads: [[String]]) -> [TaskFacts] {
        leads.enumerated().map { i, names in
            TaskFacts(
                task: TaskRef(ward: ward, index: i, ref: "\(i + 1)", line: i + 1), area: "other", themes: [],
                leads: names, genericLead: false, schedule: .missing, due: nil, dueQuarter: nil, pastDue: false,
                flags: [], hasProduct: false)
        }
    }

    @Test func spellingsOfAnUnknownOfficeAreOneRow() {
        let wards = ["a", "b"].map { id in
            WardEntry(
                id: id, planID: id, label: id, name: id, kind: .ward, province: nil, source: "\(id).txt", sha256: "",
                documentType: nil, documentNumber: nil, issuedOn: nil, issuedText: nil, title: nil, period: nil,
                taskCount: 2, targetCount: 0, warningCount: 0, unclassifiedLines: 0)
        }
        let facts = LeadOffices.mergeSpellings([
            Self.facts(ward: "a", [["Đoàn Thanh niên phường"], ["Phòng Văn hóa - Xã hội", "Đoàn thanh niên Phường"]]),
            Self.facts(ward: "b", [["Đoàn thanh niên phường"], []]),
        ])
        // Every spelling is written as the first one met.
        #expect(facts[1][0].leads == ["Đoàn Thanh niên phường"])
        #expect(facts[0][1].leads == ["Phòng Văn hóa - Xã hội", "Đoàn Thanh niên phường"])
        let leads = LeadOffices.make(wards: wards, facts: facts)
        #expect(leads.offices.map(\.name) == ["Đoàn Thanh niên phường", "Phòng Văn hóa - Xã hội"])
        #expect(leads.offices[0].cells.map { $0.tasks.map(\.index) } == [[0, 1], [0]])
        #expect(leads.offices[1].cells.map { $0.tasks.map(\.index) } == [[1], []])
        #expect(leads.withoutNamedLead.map { $0.tasks.map(\.index) } == [[], [1]])
    }
}

/// The byte check in front of the per-line patterns turns away only lines a pattern cannot match.
@Suite("Pattern pre-checks")
struct PatternPrecheckTests {
    @Test func linesShapesAreUnchanged() {
        #expect(LineShape.of("3.12. Rà soát thủ tục") == .numbered(ref: "3.12", depth: 2, title: "Rà soát thủ tục"))
        #expect(LineShape.of("II. NHIỆM VỤ") == .roman(ref: "II", title: "NHIỆM VỤ"))
        #expect(LineShape.of("PHẦN II. NHIỆM VỤ") == .part(ref: "II", title: "NHIỆM VỤ"))
        #expect(LineShape.of("Phần thứ hai: NHIỆM VỤ") == .part(ref: "II", title: "NHIỆM VỤ"))
        #expect(LineShape.of("Phụ lục II: Danh mục") == .appendix(ref: "II", title: "Danh mục"))
        #expect(LineShape.of("đ) Cải cách") == .lettered(ref: "đ", title: "Cải cách"))
        #expect(LineShape.of("– Nội dung") == .bullet(marker: "–", text: "Nội dung"))
        #expect(LineShape.of("- Cơ quan chủ trì: Công an phường") == .field(.lead, value: "Công an phường"))
        #expect(LineShape.of("Tổ chức thực hiện") == .prose("Tổ chức thực hiện"))
        #expect(LineShape.of("") == .prose(""))
    }

    @Test func aLineWithoutTheOpeningOrTheByteIsTurnedAway() {
        let digits = Pattern(#"^\d+\."#, opening: "0123456789")
        #expect(digits.isMatch("12. Một"))
        #expect(!digits.isMatch("a12. Một"))
        // A non-ASCII opening still reaches the expression (ICU's \d takes other digits).
        #expect(digits.isMatch("١٢. Một"))
        let colon = Pattern(#"^[^:]+:"#, needs: ":")
        #expect(colon.isMatch("Chủ trì: Công an"))
        #expect(!colon.isMatch("Chủ trì Công an"))
        // Case-insensitive patterns open with either case.
        let appendix = Pattern(#"^phụ lục"#, opening: "p")
        #expect(appendix.isMatch("PHỤ LỤC I"))
    }
}

/// The registry finds a ward by a look-up of its name, and the look-up follows the list when it changes.
@Suite("Registry look-up")
struct RegistryLookupTests {
    @Test func namesAreLookedUpAndTheIndexFollowsTheList() {
        var registry = UnitRegistry(
            units: [
                .init(code: 1, name: "Phường Hòa Xuân", kind: "phuong", province: "Thành phố Đà Nẵng"),
                .init(code: 2, name: "Xã Hòa Xuân", kind: "xa", province: "Tỉnh Đắk Lắk"),
                .init(code: 3, name: "Phường Hoà Xuân", kind: "phuong", province: "Tỉnh Đắk Lắk"),
            ], source: "test")
        // Tone placement, case and kind: two wards "Hòa Xuân", the province settles it.
        #expect(registry.match(Ward(name: "HOÀ XUÂN", kind: .ward, province: "Đắk Lắk")) == .unit(registry.units[2]))
        #expect(
            registry.match(Ward(name: "Hòa Xuân", kind: .ward)) == .ambiguous([registry.units[0], registry.units[2]]))
        #expect(registry.match(Ward(name: "Hòa Xuân", kind: .commune)) == .unit(registry.units[1]))
        #expect(registry.match(Ward(name: "Hòa Khánh")) == .none)
        registry.units.append(.init(code: 4, name: "Phường Hòa Khánh", kind: "phuong", province: "Thành phố Đà Nẵng"))
        #expect(registry.match(Ward(name: "Hòa Khánh")) == .unit(registry.units[3]))
    }
}
