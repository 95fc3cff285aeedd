import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11, session 29 (snap29): the reference data and its matchers kept in the cache folder
/// (`ReferenceSnapshot`). What a snapshot gives back equals what the start builds, field for field
/// and table for table; a snapshot that cannot be trusted is never used.
@Suite("Start-up: the reference snapshot")
struct FastPath29SnapTests {
    static let key = ReferenceSnapshot.key(toolVersion: "test", taxonomyBytes: nil)

    /// The shipped data built from its files, and a snapshot's contents built from it.
    static let built: ReferenceSnapshot.Contents = {
        let reference = ReferenceData.built()
        return ReferenceSnapshot.Contents(reference: reference, taxonomy: reference.taxonomy)
    }()

    /// The shipped taxonomy edited as a city would: a phrase changed, a hint and an abbreviation
    /// added, a theme without hints given one, a context dropped.
    static let edited: Taxonomy = {
        var taxonomy = ReferenceData.built().taxonomy
        taxonomy.version += "-city"
        taxonomy.themes[0].phraseEntries[0] = Taxonomy.Phrase("sổ tay điện tử phường", with: ["ban hành"])
        if let i = taxonomy.themes.firstIndex(where: { $0.hints.isEmpty }) {
            taxonomy.themes[i].hints = [Taxonomy.Phrase("tổ dân phố")]
        }
        taxonomy.abbreviations.append(Taxonomy.Abbreviation(short: "STĐT", long: "sổ tay điện tử"))
        taxonomy.contexts.removeLast()
        return taxonomy
    }()

    static func roundTrip(_ contents: ReferenceSnapshot.Contents) throws -> ReferenceSnapshot.Contents {
        let data = ReferenceSnapshot.encode(contents, key: key)
        return try #require(data.withUnsafeBytes { ReferenceSnapshot.decode($0, key: key) })
    }

    /// Texts for the matchers: the fixtures' lines and every phrase and example of the taxonomy.
    static func texts(_ taxonomy: Taxonomy) -> [TextKey] {
        var texts = Array(FastPath21aTests.fixtureLines.prefix(1_500))
        for theme in taxonomy.themes {
            texts +=
                theme.phrases + theme.hints.map(\.text) + theme.examples.positive.map(\.text)
                + theme.examples.negative.map(\.text)
        }
        texts += taxonomy.contexts.flatMap(\.phrases)
        return texts.map { TextKey($0) }
    }

    /// Two matchers with the same phrases, patterns and tables, which find the same in `texts`.
    static func checkSameMatcher(
        _ a: TaxonomyMatcher, _ b: TaxonomyMatcher, texts: [TextKey],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(a.phrases.count == b.phrases.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.phrases, b.phrases) {
            #expect(
                x.owner == y.owner && x.role == y.role && Array(x.text.utf8) == Array(y.text.utf8)
                    && x.partCount == y.partCount && x.needs == y.needs && x.yieldsTo == y.yieldsTo,
                sourceLocation: sourceLocation)
        }
        #expect(a.patterns.count == b.patterns.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a.patterns, b.patterns) {
            #expect(
                x.phrase == y.phrase && x.part == y.part && x.key == y.key && x.words == y.words
                    && x.toned.map { Array($0.utf8) } == y.toned.map { Array($0.utf8) }
                    && x.punctuation?.allowed == y.punctuation?.allowed
                    && x.punctuation?.anyCommas == y.punctuation?.anyCommas,
                sourceLocation: sourceLocation)
        }
        #expect(a.automaton.sameTables(as: b.automaton), sourceLocation: sourceLocation)
        #expect(a.stateCount == b.stateCount, sourceLocation: sourceLocation)
        func found(_ f: TaxonomyMatcher.Found) -> [[Int]] {
            f.signals.map { [$0.phrase, $0.owner, $0.keyRange.lowerBound, $0.keyRange.upperBound] } + [f.vetoed]
                + f.areaHeadings.map { [$0.phrase, $0.owner, $0.keyRange.lowerBound, $0.keyRange.upperBound] }
        }
        for key in texts {
            #expect(a.phrasesSaid(in: key) == b.phrasesSaid(in: key), sourceLocation: sourceLocation)
            #expect(found(a.find(in: key)) == found(b.find(in: key)), sourceLocation: sourceLocation)
            #expect(
                found(a.findSignalsFirst(in: key)) == found(b.findSignalsFirst(in: key)),
                sourceLocation: sourceLocation)
        }
    }

    /// The values' bytes: the coder's encoding keeps every text's UTF-8, so equal bytes are equal values
    /// to the byte (`==` on texts holds for canonically equivalent ones too).
    static func bytes(_ value: some BinaryCodable) -> [UInt8] { PlanBinaryCoder.encode(value) }

    // MARK: 1. Round trip

    @Test func shippedDataReadBackEqualsTheBuiltData() throws {
        let built = Self.built
        let read = try Self.roundTrip(built)
        let a = try #require(built.reference)
        let b = try #require(read.reference)
        #expect(a.taxonomy == b.taxonomy)
        #expect(a.metrics == b.metrics)
        #expect(a.offices.file == b.offices.file)
        #expect(a.benchmarks == b.benchmarks)
        #expect(Self.bytes(a.taxonomy) == Self.bytes(b.taxonomy))
        #expect(Self.bytes(a.metrics) == Self.bytes(b.metrics))
        #expect(Self.bytes(a.offices.file) == Self.bytes(b.offices.file))
        #expect(Self.bytes(a.benchmarks) == Self.bytes(b.benchmarks))
        // Equal to the shipped data as loaded by the YAML path (`standard` in the tests), through
        // Codable too: an encoding that dropped a field would differ here.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(b.taxonomy) == encoder.encode(ReferenceData.standard.taxonomy))
        #expect(try encoder.encode(b.metrics) == encoder.encode(ReferenceData.standard.metrics))
        #expect(try encoder.encode(b.offices.file) == encoder.encode(ReferenceData.standard.offices.file))
        #expect(try encoder.encode(b.benchmarks) == encoder.encode(ReferenceData.standard.benchmarks))
        #expect(read.taxonomy == b.taxonomy)
        // The directory made from the file read back answers as the built one.
        for text in ["Phòng Văn hoá - Xã hội", "Văn phòng HĐND và UBND phường", "Công an phường, các đoàn thể"] {
            #expect(a.offices.resolve(text) == b.offices.resolve(text))
        }
        let texts = Self.texts(a.taxonomy)
        Self.checkSameMatcher(built.matcher, read.matcher, texts: texts)
        Self.checkSameMatcher(try #require(built.strict), try #require(read.strict), texts: texts)
        // The matchers the start builds: the classifier's and the theme hints'.
        Self.checkSameMatcher(PlanClassifier.standard.matcher, read.matcher, texts: Array(texts.prefix(300)))
        Self.checkSameMatcher(
            try #require(ThemeHints.shipped.classifier).matcher, try #require(read.strict),
            texts: Array(texts.prefix(300)))
    }

    @Test func editedTaxonomyReadBackEqualsTheBuiltOne() throws {
        let built = ReferenceSnapshot.Contents(reference: nil, taxonomy: Self.edited)
        let read = try Self.roundTrip(built)
        #expect(read.reference == nil)
        #expect(read.taxonomy == Self.edited)
        #expect(Self.bytes(read.taxonomy) == Self.bytes(Self.edited))
        let texts = Self.texts(Self.edited) + [TextKey("ban hành sổ tay điện tử phường"), TextKey("họp tổ dân phố")]
        Self.checkSameMatcher(built.matcher, read.matcher, texts: texts)
        Self.checkSameMatcher(try #require(built.strict), try #require(read.strict), texts: texts)
        Self.checkSameMatcher(TaxonomyMatcher(taxonomy: Self.edited), read.matcher, texts: Array(texts.prefix(200)))
        // The edit shows: the changed phrase is a phrase of the read matcher, not of the shipped one.
        let said = TextKey("ban hành sổ tay điện tử phường")
        let phrase = try #require(read.matcher.phrases.firstIndex { $0.text == "sổ tay điện tử phường" })
        #expect(read.matcher.phrasesSaid(in: said).contains(phrase))
        #expect(Self.built.matcher.phrasesSaid(in: said) != read.matcher.phrasesSaid(in: said))
    }

    /// A taxonomy with no hints has no strict matcher; one with nothing has empty tables.
    @Test func smallTaxonomiesReadBack() throws {
        var none = Self.edited
        none.themes = none.themes.map { theme in
            var t = theme
            t.hints = []
            return t
        }
        let read = try Self.roundTrip(ReferenceSnapshot.Contents(reference: nil, taxonomy: none))
        #expect(read.strict == nil)
        #expect(read.taxonomy == none)
        var empty = none
        empty.themes = []
        empty.contexts = []
        empty.abbreviations = []
        empty.areas = []
        let built = ReferenceSnapshot.Contents(reference: nil, taxonomy: empty)
        let emptyRead = try Self.roundTrip(built)
        #expect(emptyRead.taxonomy == empty)
        Self.checkSameMatcher(built.matcher, emptyRead.matcher, texts: [TextKey("dịch vụ công")])
    }

    /// Every stored property of the types in the snapshot is written: a property added to one of
    /// them and not to its encoding fails here.
    @Test func everyStoredPropertyIsWritten() {
        let types: [any BinaryCodable.Type] = [
            ReferenceData.self, Taxonomy.self, Taxonomy.Abbreviation.self, Taxonomy.Area.self,
            Taxonomy.RelatedTasks.self, Taxonomy.Theme.self, Taxonomy.Phrase.self, Taxonomy.Context.self,
            Taxonomy.Examples.self, Taxonomy.Example.self, Taxonomy.Background.self, Applicability.self,
            MetricCatalog.self, MetricCatalog.Metric.self, Benchmarks.self, Benchmarks.Benchmark.self,
            OfficeDirectory.File.self, OfficeDirectory.File.Abbreviation.self, OfficeDirectory.File.Office.self,
            YearRange.self, TaxonomyMatcher.Phrase.self, TaxonomyMatcher.Pattern.self,
            TaxonomyMatcher.Punctuation.self, PhraseMatcher.self,
        ]
        let coded = Dictionary(uniqueKeysWithValues: types.map { (String(reflecting: $0), $0.binaryFields) })
        var found: [String: [String]] = [:]
        let reference = ReferenceData.standard
        var theme =
            reference.taxonomy.themes.first { $0.metByTasksIn != nil && $0.appliesTo != nil }
            ?? reference.taxonomy.themes[0]
        theme.metByTasksIn = theme.metByTasksIn ?? Taxonomy.RelatedTasks(themes: ["a"], atLeast: 1)
        theme.appliesTo = theme.appliesTo ?? Applicability(kinds: ["phuong"])
        theme.examples.positive.append(Taxonomy.Example(text: "x"))
        let matcher = Self.built.matcher
        let pattern = Self.built.strict!.patterns.first { $0.punctuation != nil }!
        for value in [
            reference.taxonomy, reference.metrics, reference.offices.file, reference.benchmarks, theme,
            matcher.phrases[0], pattern, pattern.punctuation!, matcher.automaton,
        ] as [Any] {
            Self.storedProperties(of: value, into: &found)
        }
        found[String(reflecting: ReferenceData.self)] = Mirror(reflecting: reference).children.map { $0.label ?? "?" }
        for (name, fields) in coded {
            #expect(found[name] == fields, "\(name)")
        }
    }

    /// Every struct reachable from `value`, by its full type name, with its stored properties.
    static func storedProperties(of value: Any, into found: inout [String: [String]]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            found[String(reflecting: type(of: value))] = mirror.children.map { $0.label ?? "?" }
            for child in mirror.children { storedProperties(of: child.value, into: &found) }
        case .optional, .collection:
            for child in mirror.children { storedProperties(of: child.value, into: &found) }
        default: return
        }
    }

    // MARK: 2. Snapshots not to trust

    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("snap29-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        var snapshot: URL { url.appendingPathComponent(ReferenceSnapshot.shippedName) }
    }

    /// `readOrBuild` on the folder's snapshot: whether it built, and what it gave.
    static func readOrBuild(_ folder: Folder, key: [UInt8] = key) -> (built: Bool, contents: ReferenceSnapshot.Contents)
    {
        var built = false
        let contents = ReferenceSnapshot.readOrBuild(at: folder.snapshot, key: key, shipped: true) {
            built = true
            return Self.built
        }
        return (built, contents)
    }

    @Test func aSnapshotIsWrittenThenRead() throws {
        let folder = try Folder()
        #expect(Self.readOrBuild(folder).built)
        #expect(FileManager.default.fileExists(atPath: folder.snapshot.path))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(PlanCache.tagName).path))
        let (built, read) = Self.readOrBuild(folder)
        #expect(!built)
        #expect(read.reference?.taxonomy == Self.built.taxonomy)
        // No temporary file left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(names == [PlanCache.tagName, ReferenceSnapshot.shippedName])
    }

    @Test func untrustworthySnapshotsAreRefusedAndRebuilt() throws {
        let good = ReferenceSnapshot.encode(Self.built, key: Self.key)
        var damaged: [(String, Data)] = [
            ("empty", Data()),
            ("header only", good.prefix(ReferenceSnapshot.headerSize)),
            ("truncated", good.prefix(good.count - 1)),
            ("a byte more", good + [0]),
            ("half", good.prefix(good.count / 2)),
        ]
        for offset in [0, 9, 20, 45, 53, ReferenceSnapshot.headerSize + 3, good.count / 2, good.count - 1] {
            var flipped = good
            flipped[offset] ^= 0x01
            damaged.append(("byte \(offset) flipped", flipped))
        }
        var otherVersion = good
        otherVersion[8] &+= 1
        damaged.append(("another version", otherVersion))
        for (what, data) in damaged {
            let folder = try Folder()
            try data.write(to: folder.snapshot)
            #expect(data.withUnsafeBytes { ReferenceSnapshot.decode($0, key: Self.key) } == nil, "\(what)")
            let (built, contents) = Self.readOrBuild(folder)
            #expect(built, "\(what)")
            #expect(contents.reference?.taxonomy == Self.built.taxonomy, "\(what)")
            // Rewritten: the next run reads it.
            #expect(try Data(contentsOf: folder.snapshot) == good, "\(what)")
            #expect(!Self.readOrBuild(folder).built, "\(what)")
        }
        // A folder where the snapshot is not a file: built, and no error.
        let folder = try Folder()
        try FileManager.default.createDirectory(at: folder.snapshot, withIntermediateDirectories: true)
        #expect(Self.readOrBuild(folder).built)
        #expect(!ReferenceSnapshot.store(Self.built, key: Self.key, at: folder.snapshot))
    }

    @Test func aSnapshotKeyedForOtherDataIsNotUsed() throws {
        let folder = try Folder()
        #expect(Self.readOrBuild(folder).built)
        let otherTaxonomy = ReferenceSnapshot.key(toolVersion: "test", taxonomyBytes: Array("themes: []".utf8))
        let edited = ReferenceSnapshot.key(toolVersion: "test", taxonomyBytes: Array("themes: [] ".utf8))
        let otherTool = ReferenceSnapshot.key(toolVersion: "test 2", taxonomyBytes: nil)
        #expect(Set([Self.key, otherTaxonomy, edited, otherTool]).count == 4)
        for key in [otherTaxonomy, edited, otherTool] {
            #expect(ReferenceSnapshot.load(folder.snapshot, key: key) == nil)
        }
        #expect(Self.readOrBuild(folder, key: otherTool).built)
        // Now the snapshot is the other tool's: this one's is not there.
        #expect(Self.readOrBuild(folder).built)
        // A taxonomy's snapshot (no reference data) is not taken for the shipped one, nor the reverse.
        let taxonomyOnly = ReferenceSnapshot.Contents(reference: nil, taxonomy: Self.edited)
        #expect(ReferenceSnapshot.store(taxonomyOnly, key: Self.key, at: folder.snapshot))
        #expect(Self.readOrBuild(folder).built)
        #expect(ReferenceSnapshot.load(folder.snapshot, key: Self.key)?.reference != nil)
    }

    @Test func writersAtOnceLeaveOneValidFile() async throws {
        let folder = try Folder()
        let shipped = Self.built
        let edited = ReferenceSnapshot.Contents(reference: nil, taxonomy: Self.edited)
        let url = folder.snapshot
        await withTaskGroup(of: Bool.self) { group in
            for k in 0..<8 {
                group.addTask {
                    ReferenceSnapshot.store(k % 2 == 0 ? shipped : edited, key: Self.key, at: url)
                }
            }
            for await written in group { #expect(written) }
        }
        let read = try #require(ReferenceSnapshot.load(url, key: Self.key))
        #expect(read.taxonomy == Self.built.taxonomy || read.taxonomy == Self.edited)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        #expect(names == [PlanCache.tagName, ReferenceSnapshot.shippedName])
    }

    /// A damaged automaton (indexes past its tables) is refused even where the checksum would not
    /// catch it (a file written so on purpose).
    @Test func anAutomatonWithIndexesPastItsTablesIsRefused() throws {
        var writer = BinaryWriter()
        Self.built.matcher.automaton.write(to: &writer)
        let payload = writer.payload()
        #expect(
            try payload.withUnsafeBytes { try PlanBinaryCoder.decode(PhraseMatcher.self, from: $0) }
                .sameTables(as: Self.built.matcher.automaton))
        // Every byte of the tables raised in turn, a sample of them: never a crash, and refused or equal.
        var refused = 0
        for offset in stride(from: 1, to: payload.count, by: max(1, payload.count / 300)) {
            var bad = payload
            bad[offset] = 0xff
            let decoded = try? bad.withUnsafeBytes { try PlanBinaryCoder.decode(PhraseMatcher.self, from: $0) }
            if let decoded {
                // What was read is what the bytes say: a lookup stays within the tables.
                _ = decoded.matches(in: TextKey("kiểm soát thủ tục hành chính").bytes)
            } else {
                refused += 1
            }
        }
        #expect(refused > 0)
    }
}
