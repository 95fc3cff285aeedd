import Foundation
import Testing

@testable import WardPlanKit

/// perf22c's start-up cuts held against the code they replace: a classifier that skips some
/// contexts of a shared matcher against one built without them, the abbreviation spellings with
/// words numbered by index against the spellings carrying their `Substring`s, and the unit list's
/// rows and cells cut on bytes against the `Character` split.
@Suite("Fast paths (perf22c)")
struct FastPath22cTests {
    /// Pieces of texts: Vietnamese precomposed and decomposed, upper case, commas and CR/LF, marks
    /// after a comma, a Prepend scalar (U+0600) before one, the Kelvin sign (canonically "K").
    static let pieces = [
        "kiểm soát", " ", "thủ tục hành chính", "TTHC", "DVC", "dịch vụ công", "trực tuyến", ",", ", ", "\n", "\r\n",
        "\r", "ho\u{0301}a", "hoá", "hóa", "Hà Nội", "\u{0301}", ",\u{0301}", "\u{0600},", "\u{1EA0},", "\u{212A}",
        "K", "k", "đ", "Đ", "chủ trì", "các nhiệm vụ về", "phối hợp", "cải cách", "1", "#", ";", ".", "a", "xã",
        "phường", "\t", "\u{A0}", "🙂", "👩\u{200D}💻",
    ]
    static let generated =
        GeneratedStrings.make(from: pieces, count: 3_000, upTo: 8, seed: 221)
        + GeneratedStrings.make(from: pieces, count: 1_000, upTo: 30, seed: 222)

    // MARK: 1. A classifier without some contexts, sharing the matcher

    /// Texts that meet the contexts: fixture lines, and each context's phrases with theme phrases
    /// after and before them.
    static let classifierTexts: [String] = {
        let taxonomy = ReferenceData.standard.taxonomy
        let signals = taxonomy.themes.compactMap { $0.phrases.first }
        var texts = Array(FastPath20Tests.fixtureLines.prefix(600))
        for (i, context) in taxonomy.contexts.enumerated() {
            for phrase in context.phrases + context.except {
                let signal = signals[i % signals.count]
                let other = signals[(i * 7 + 3) % signals.count]
                texts += [
                    "\(phrase) \(signal)", "\(signal), \(phrase) \(other)", "Văn phòng \(phrase) \(signal), \(other)",
                    "\(phrase) \(signal). \(other)",
                ]
            }
        }
        return texts + generated.prefix(200)
    }()

    /// The shared classifier classifies as one built from the taxonomy without those contexts: the
    /// `assigns` contexts (`AssignedThemes`), every other context, all of them, none, and a second
    /// cut on top of a first.
    @Test(arguments: [0, 1, 2, 3, 4])
    func classifierWithoutContextsAsBuilt(_ cut: Int) {
        let standard = PlanClassifier.standard
        let taxonomy = standard.taxonomy
        let ids = taxonomy.contexts.map(\.id)
        let odd = Set(ids.indices.filter { $0 % 2 == 1 }.map { ids[$0] })
        let shared: PlanClassifier
        var open = taxonomy
        switch cut {
        case 0:
            shared = standard.without(contexts: \.assigns)
            open.contexts.removeAll(where: \.assigns)
        case 1:
            shared = standard.without(contexts: { odd.contains($0.id) })
            open.contexts.removeAll(where: { odd.contains($0.id) })
        case 2:
            shared = standard.without(contexts: { _ in true })
            open.contexts = []
        case 3:
            shared = standard.without(contexts: { _ in false })
        default:
            let third = Set(ids.indices.filter { $0 % 3 == 0 }.map { ids[$0] })
            shared = standard.without(contexts: \.assigns).without(contexts: { third.contains($0.id) })
            open.contexts.removeAll(where: { $0.assigns || third.contains($0.id) })
        }
        #expect(shared.taxonomy == open)
        let built = PlanClassifier(taxonomy: open)
        var named = 0
        for text in Self.classifierTexts {
            for section in [SectionKind.organisation, .tasks] {
                let themes = shared.themes(in: text, section: section)
                #expect(themes == built.themes(in: text, section: section), "\(text)")
                if !themes.isEmpty { named += 1 }
            }
        }
        #expect(named > 1_000)
    }

    /// What `AssignedThemes` reads of a plan's duties, on the fixture lines: the same themes.
    @Test func assignedThemesAsBuilt() {
        let taxonomy = PlanClassifier.standard.taxonomy
        var open = taxonomy
        open.contexts.removeAll(where: \.assigns)
        let built = PlanClassifier(taxonomy: open)
        let shared = PlanClassifier.standard.without(contexts: \.assigns)
        for text in Self.classifierTexts + ["Văn phòng chủ trì các nhiệm vụ về thể chế, kiểm soát thủ tục hành chính"] {
            let a = Set(shared.themes(in: text, section: .organisation).map(\.id))
            #expect(a == Set(built.themes(in: text, section: .organisation).map(\.id)), "\(text)")
        }
    }

    /// `themeWords` and `themeIDs` against `themes(in:section:)`, on the standard classifier, the one
    /// without the `assigns` contexts and the hints' strict one, in three section kinds.
    @Test func themeWordsAsClassified() throws {
        let hints = try #require(ThemeHints.shipped.classifier)
        let classifiers = [PlanClassifier.standard, PlanClassifier.standard.without(contexts: \.assigns), hints]
        var found = 0
        for classifier in classifiers {
            for text in Self.classifierTexts.prefix(600) {
                let key = TextKey(text)
                for section in [SectionKind.organisation, .tasks, .targets] {
                    let themes = classifier.themes(in: text, section: section)
                    let words = classifier.themeWords(in: key, section: section)
                    #expect(words.map(\.id) == themes.map(\.id), "\(text)")
                    #expect(words.map { Array($0.words.utf8) } == themes.map { Array($0.evidence[0].matched.utf8) })
                    #expect(themes.allSatisfy { $0.evidence.allSatisfy { $0.basis == .content } })
                    #expect(classifier.themeIDs(in: key, section: section) == Set(themes.map(\.id)))
                    found += themes.count
                }
            }
        }
        #expect(found > 1_000)
    }

    // MARK: 2. Abbreviation spellings

    /// `Abbreviations` as it was: each word carries its `Substring`, every number looked up by
    /// `Substring`, every phrase walked.
    struct SpellingsAsItWas {
        struct Word: Hashable {
            var number: Int32
            var text: Substring
            static func == (a: Word, b: Word) -> Bool { a.number == b.number }
            func hash(into hasher: inout Hasher) { hasher.combine(number) }
        }
        var longs: [[[Substring]]] = []
        var numbered: [(short: [Word], longs: [[Word]])] = []
        var numbers: [Substring: Int32] = [:]

        init(_ pairs: [(short: String, long: String)]) {
            let plain = pairs.map { (short: FoldedKey.words($0.short), long: FoldedKey.words($0.long)) }
            for word in plain.flatMap({ $0.short + $0.long }) where numbers[word] == nil {
                numbers[word] = Int32(numbers.count + 1)
            }
            let numbers = numbers
            func number(_ words: [Substring]) -> [Word] { words.map { Word(number: numbers[$0]!, text: $0) } }
            for (index, pair) in plain.enumerated() {
                var others = plain
                others.remove(at: index)
                let longs = Self.spellings(
                    of: number(pair.long), using: others.map { (short: number($0.short), longs: [number($0.long)]) })
                self.longs.append(longs.map { $0.map(\.text) })
                numbered.append((short: number(pair.short), longs: longs))
            }
        }

        func spellings(of words: [Substring]) -> [[Substring]] {
            let numbered = words.enumerated().map { index, word in
                Word(number: numbers[word] ?? -Int32(index + 1), text: word)
            }
            return Self.spellings(of: numbered, using: self.numbered).map { $0.map(\.text) }
        }

        static func spellings(of words: [Word], using entries: [(short: [Word], longs: [[Word]])]) -> [[Word]] {
            var found = [words]
            var seen: Set<[Word]> = [words]
            var next = 0
            while next < found.count, found.count < Abbreviations.limit {
                let current = found[next]
                next += 1
                for entry in entries {
                    var candidates: [[Word]] = []
                    for long in entry.longs {
                        if let candidate = Abbreviations.replacing(long, with: entry.short, in: current) {
                            candidates.append(candidate)
                        }
                        if let candidate = Abbreviations.replacing(entry.short, with: long, in: current) {
                            candidates.append(candidate)
                        }
                    }
                    for candidate in candidates where !seen.contains(candidate) && found.count < limit {
                        seen.insert(candidate)
                        found.append(candidate)
                    }
                }
            }
            return found
        }
        static let limit = Abbreviations.limit
    }

    /// Byte for byte, not up to canonical equivalence: which spelling of a word is kept matters.
    static func bytes(_ spellings: [[Substring]]) -> [[[UInt8]]] { spellings.map { $0.map { Array($0.utf8) } } }

    static func checkSpellings(pairs: [(short: String, long: String)], phrases: [String]) -> Int {
        let now = Abbreviations(pairs)
        let before = SpellingsAsItWas(pairs)
        #expect(now.entries.map { $0.longs.map { $0.map { Array($0.utf8) } } } == before.longs.map(bytes))
        var respelt = 0
        for phrase in phrases {
            let words = FoldedKey.words(phrase)
            let spellings = now.spellings(of: words)
            #expect(bytes(spellings) == bytes(before.spellings(of: words)), "\(phrase)")
            if spellings.count > 1 { respelt += 1 }
        }
        return respelt
    }

    @Test func spellingsAsTheyWereOnTheTaxonomy() {
        let taxonomy = ReferenceData.standard.taxonomy
        let pairs = taxonomy.abbreviations.map { (short: $0.short, long: $0.long) }
        var texts: [String] = []
        for theme in taxonomy.themes {
            texts += theme.phrases
            texts += theme.notInside
            texts += theme.notWith
            texts += theme.phraseEntries.flatMap(\.with)
            texts += theme.hints.map(\.text)
        }
        texts += taxonomy.areas.flatMap(\.headings) + taxonomy.contexts.flatMap { $0.phrases + $0.except }
        let spellings = texts.flatMap { text in
            ((try? PhrasePattern(text)) ?? PhrasePattern(literal: text)).parts.joined().map { String($0) }
        }
        // The words of the entries themselves, written other ways: decomposed, upper case, the Kelvin sign.
        let respelt = pairs.flatMap {
            [$0.long, $0.short, $0.long.decomposedStringWithCanonicalMapping, $0.long.uppercased()]
        }
        let count = Self.checkSpellings(pairs: pairs, phrases: spellings + respelt + Self.generated.prefix(300))
        #expect(count >= 100)
    }

    /// Entries of their own: words longer than eight bytes, words outside ASCII, an entry word that
    /// is not NFC (the `Substring` look-up for all words), the Kelvin sign, repeated words.
    @Test(arguments: [0])
    func spellingsAsTheyWereOnOtherEntries(_ set: Int) {
        var pairs: [(short: String, long: String)] = [
            ("TTHC", "thủ tục hành chính"), ("KSTTHC", "kiểm soát TTHC"), ("CCHC", "cải cách hành chính"),
            ("DVCTT", "dịch vụ công trực tuyến"), ("ABCDEFGHIJ", "abcdefghij klmnopqrstu"), ("K", "kelvin kelvin"),
            ("Ω", "ôm điện trở"), ("XX", "x x x"),
        ]
        switch set {
        case 1: pairs.append(("HOA", "ho\u{0301}a ho\u{0301}a"))
        case 2: pairs.append(("\u{212A}X", "\u{212A} xa"))
        default: break
        }
        let phrases = pairs.flatMap { [$0.long, $0.short, "\($0.long) và \($0.short)", "x \($0.short) x"] }
        let generated = GeneratedStrings.make(
            from: pairs.flatMap { [$0.short, $0.long] } + [" ", " x ", "hóa", "ho\u{0301}a", "\u{212A}", "kelvin"],
            count: 20, upTo: 3, seed: UInt64(230 + set))
        let count = Self.checkSpellings(pairs: pairs, phrases: phrases + generated.map { $0 + " " + $0 })
        #expect(count >= 20)
    }

    @Test func packedWords() {
        #expect(Abbreviations.packed("a") == 0x61)
        #expect(Abbreviations.packed("ab") == 0x6261)
        #expect(Abbreviations.packed("abcdefgh") != nil)
        #expect(Abbreviations.packed("abcdefghi") == nil)
        #expect(Abbreviations.packed("") == nil)
        #expect(Abbreviations.packed("hóa") == nil)
        #expect(Abbreviations.packed("ab") != Abbreviations.packed("ba"))
    }

    // MARK: 3. The unit list's rows and cells on bytes

    /// `rows` as it was: lines and cells split by `Character`.
    static func rowsAsTheyWere(_ text: String, header: [String]) -> [(Int, [String])]? {
        var out: [(Int, [String])] = []
        var sawHeader = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                UnitRegistry.isTrimmed(raw, of: .whitespacesAndNewlines) && !raw.utf8.contains(0xEF)
                ? String(raw)
                : raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\u{FEFF}", with: "")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
                UnitRegistry.isTrimmed(cell, of: .whitespaces)
                    && cell.utf8.withContiguousStorageIfAvailable(NFCQuickCheck.isNFC) == true
                    ? String(cell) : cell.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
            }
            if !sawHeader {
                guard cells.map({ $0.lowercased() }) == header else { return nil }
                sawHeader = true
                continue
            }
            guard cells.count == header.count else { return nil }
            out.append((i + 1, cells))
        }
        return out
    }

    /// The same pieces: the same bounds in the same text.
    static func same(_ a: [Substring], _ b: [Substring]) -> Bool {
        func bounds(_ piece: Substring) -> [Int] {
            let utf8 = piece.base.utf8
            return [
                utf8.distance(from: utf8.startIndex, to: piece.startIndex),
                utf8.distance(from: utf8.startIndex, to: piece.endIndex),
            ]
        }
        return a.map(bounds) == b.map(bounds)
    }

    @Test func linesAndCellsAsSplitByCharacter() throws {
        let url = try #require(Bundle.module.url(forResource: "units", withExtension: "csv", subdirectory: "Data"))
        let units = try String(contentsOf: url, encoding: .utf8)
        let texts =
            [units, "", "\n", ",", ",,", "a,b\n", "\r\n", "a\r\nb,c\n"] + Self.generated
            + FastPath20Tests.fixtureLines.prefix(3_000)
        var bytePath = 0
        for text in texts {
            let lines = CSVCuts.lines(of: text)
            #expect(
                Self.same(lines, text.split(separator: "\n", omittingEmptySubsequences: false)),
                "\(text.debugDescription)")
            for line in lines + [text[...]] {
                let cells = CSVCuts.cells(of: line)
                #expect(
                    Self.same(cells, line.split(separator: ",", omittingEmptySubsequences: false)),
                    "\(line.debugDescription)")
                if cells.count > 1 { bytePath += 1 }
            }
        }
        #expect(bytePath > 1_000)
        // By hand: commas joined by a mark after them or a Prepend scalar before them are not cuts.
        #expect(CSVCuts.cells(of: "a,\u{0301}b,c").count == 2)
        #expect(CSVCuts.cells(of: "a\u{0600},b,c").count == 2)
        #expect(CSVCuts.cells(of: "Hà,Nội,Ạ,x").count == 4)
        #expect(CSVCuts.lines(of: "a\r\nb\nc").count == 2)
        #expect(CSVCuts.endsInLettersOrDigits("a b"))
        #expect(!CSVCuts.endsInLettersOrDigits("a "))
        #expect(!CSVCuts.endsInLettersOrDigits(""))
        #expect(!CSVCuts.endsInLettersOrDigits("à"))
    }

    /// Neither white-space set holds an ASCII letter or digit (`endsInLettersOrDigits`).
    @Test func noLetterOrDigitIsWhiteSpace() {
        for byte in UInt8(0)..<0x80 where CSVCuts.isAlphanumericASCII(byte) {
            let scalar = Unicode.Scalar(byte)
            #expect(!CharacterSet.whitespaces.contains(scalar))
            #expect(!CharacterSet.whitespacesAndNewlines.contains(scalar))
        }
    }

    @Test func unitRowsAsTheyWere() throws {
        let url = try #require(Bundle.module.url(forResource: "units", withExtension: "csv", subdirectory: "Data"))
        let units = try String(contentsOf: url, encoding: .utf8)
        let header = ["code", "name", "kind", "province_code", "province"]
        var texts = [units, units.replacingOccurrences(of: "\n", with: "\r\n")]
        // Rows with white space, a byte-order mark, decomposed names and marks after commas.
        let rows =
            "code,name,kind,province_code,province\n 1 ,Phường Ngọc Hà ,phuong,1,Hà Nội\n\u{FEFF}2,Xa\u{0301},xa,1,X\n"
            + "4,A\u{0600},xa,2,Z\n4,A\u{0600},,2,Z\n\t5,B,xa,2,\u{A0}Z\u{A0}\n# note\n\n"
        texts.append(rows)
        // A mark after a comma joins it: four fields, refused by both.
        texts.append(rows + "3,\u{0301}Q,xa,1,Y\n")
        var read = 0
        for text in texts {
            let now = try? UnitRegistry.rows(text, path: "t.csv", header: header)
            let before = Self.rowsAsTheyWere(text, header: header)
            #expect((now == nil) == (before == nil))
            guard let now, let before else { continue }
            #expect(now.map(\.0) == before.map(\.0))
            #expect(now.map { $0.1.map { Array($0.utf8) } } == before.map { $0.1.map { Array($0.utf8) } })
            read += 1
        }
        // Refused by both: the list with CR LF (a CR LF is one character, so no line is cut) and the joined comma.
        #expect(read == 2)
        #expect(UnitRegistry.national.units.count == 3_321)
    }

    /// `bareName` on bytes against the `Character` walk: every unit of the list, and names with
    /// marks, decomposed letters and other scripts after each prefix.
    @Test func bareNamesAsWalked() {
        func walked(_ name: String) -> String {
            for prefix in UnitRegistry.kindPrefixes where name.hasPrefix(prefix) {
                return String(name.dropFirst(prefix.count))
            }
            return name
        }
        var names = UnitRegistry.national.units.map(\.name)
        for prefix in UnitRegistry.kindPrefixes + ["Phu\u{031B}\u{0300}ơng ", "Xa\u{0303} ", "", "Phường"] {
            names += [
                "Ngọc Hà", "\u{0301}Ngọc", "Ấp", "\u{1EA0}", "Ω", "🙂", "\u{200D}a", "\u{0600}a", "", " ", "Ba Đình",
            ].map { prefix + $0 }
        }
        var onBytes = 0
        for name in names {
            let unit = UnitRegistry.Unit(code: 1, name: name, kind: "xa", province: "P")
            #expect(UnitRegistry.bareName(unit) == walked(name), "\(name)")
            #expect(Array(UnitRegistry.bareName(unit).utf8) == Array(walked(name).utf8), "\(name)")
            if let bare = UnitRegistry.bareNameOnBytes(name) {
                #expect(Array(bare.utf8) == Array(walked(name).utf8), "\(name)")
                onBytes += 1
            }
        }
        #expect(onBytes >= 3_321)
    }

    // MARK: 4. Lines of a YAML file, made when asked

    @Test func yamlLinesWhenAsked() throws {
        let text = "a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n"
        let file = try YAMLFile(path: "t.yaml", text: text)
        #expect(file.line(at: "b[1]") == 4)
        #expect(file.line(at: "c.d") == 6)
        #expect(file.line(at: "c.e") == 5)
        #expect(file.lines == file.lines)
        #expect(file.lines["a"] == 1)
    }
}
