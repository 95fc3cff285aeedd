import Foundation
import Testing

@testable import WardPlanKit

/// The byte-level fast paths of reading (issue 11) give exactly what the slow paths they stand in
/// for give: each is checked on hand-written cases and against the slow path (Foundation, the
/// regular expression, the character walk) on every line of the fixtures, as written and decomposed.
@Suite("Reading fast paths")
struct ReadingFastPathTests {
    /// Every line of the seeds and the layout fixtures, as written and in NFD, and awkward text.
    static let samples: [String] = {
        var lines = [
            "", " ", "\t", "—", "a", "Đ", "x\u{301}", "\u{301}lead", " \u{301}x ", "a\rb", "tab\there",
            "Ελληνικά ΑΒΓ", "日本語 テキスト", "emoji 🙂 ok", "👍🏽 a\u{200D}b", "ǅ ǈ ẞ ß", "\u{A0}x\u{3000}",
            "\u{2000}en quad", "\u{212B}ngstrom", "\u{1100}\u{1161}", "\u{0958}", "Hu\u{31B}\u{303}u    x",
            "e\u{323}\u{302} e\u{302}\u{323}", "Số: 07/KH-UBND      Hữu Kiệm, ngày 14", "“Chính quyền số” – 2026…",
        ]
        let files = try! FileManager.default.contentsOfDirectory(
            at: Fixtures.fixturesFolder.appendingPathComponent("layouts"), includingPropertiesForKeys: nil)
        let texts = files.filter { ["txt", "md"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        for url in texts {
            lines += String(decoding: try! Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
        }
        for path in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            lines += try! Fixtures.text(path).split(separator: "\n").map(String.init)
        }
        return lines + lines.map(\.decomposedStringWithCanonicalMapping)
    }()

    // MARK: - NFC

    @Test func nfcIsFoundationsNFCByteForByte() {
        for text in Self.samples {
            #expect(Array(text.nfc.utf8) == Array(text.precomposedStringWithCanonicalMapping.utf8), "\(text)")
        }
        // By hand: composed, reordered marks composed, a singleton replaced, an exclusion left decomposed.
        #expect(Array("Hoa\u{300}".nfc.utf8) == Array("Ho\u{E0}".utf8))
        #expect(Array("e\u{302}\u{323}".nfc.utf8) == Array("\u{1EC7}".utf8))
        #expect(Array("e\u{323}\u{302}".nfc.utf8) == Array("\u{1EC7}".utf8))
        #expect(Array("\u{2000}".nfc.utf8) == Array("\u{2002}".utf8))
        #expect(Array("\u{212B}".nfc.utf8) == Array("\u{C5}".utf8))
        #expect(Array("\u{1100}\u{1161}".nfc.utf8) == Array("\u{AC00}".utf8))
        #expect(Array("\u{0958}".nfc.utf8) == Array("\u{915}\u{93C}".utf8))
        // A very long line, over the piece size, either way.
        let long = String(repeating: "Cải cách hành chính ", count: 1000)
        #expect(Array(long.nfc.utf8) == Array(long.utf8))
        let decomposed = String(repeating: "ca\u{309}i ", count: 3000)
        #expect(Array(decomposed.nfc.utf8) == Array(String(repeating: "c\u{1EA3}i ", count: 3000).utf8))
    }

    @Test func quickCheckKnowsVietnameseAndASCIIAndSendsTheRestOn() {
        #expect(NFCQuickCheck.isNFC("Phòng Văn hóa – Xã hội “ĐỀ ÁN 06” … 100% ₫".utf8))
        #expect(NFCQuickCheck.isNFC("".utf8))
        for unknown in ["e\u{301}", "\u{2000}", "\u{212B}", "가", "🙂", "\u{0958}", "a\u{20DD}"] {
            #expect(!NFCQuickCheck.isNFC(unknown.utf8), "\(unknown.unicodeScalars.map(\.value))")
        }
    }

    /// The quick check rests on this: no scalar it knows is ever the second part of a decomposition,
    /// so none can compose with the scalar before it (Unicode's NFC_QC = Maybe).
    @Test func noKnownStarterComposesWithTheScalarBeforeIt() {
        var checked = 0
        for value in UInt32(0)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned,
                scalar.properties.generalCategory != .privateUse
            else { continue }
            let nfd = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            guard nfd.count > 1 else { continue }
            checked += 1
            for part in nfd.dropFirst() where part.value < NFCQuickCheck.starters.count {
                #expect(!NFCQuickCheck.starters[Int(part.value)], "U+\(String(value, radix: 16)) ends in \(part)")
            }
        }
        #expect(checked > 10_000)  // the Latin, Greek, Hangul … decompositions were all seen
    }

    // MARK: - Trimming

    @Test func trimmingBlanksIsFoundationsTrimming() {
        for text in Self.samples + ["  ", "\t a \t", "\u{A0}x\u{3000}", "x\u{2028}", "\u{200B}x", "\u{85}x", "\n x"] {
            let foundation = text.trimmingCharacters(in: .whitespaces)
            #expect(Array(text.trimmingBlanks.utf8) == Array(foundation.utf8), "\(text)")
            #expect(Array(text.dropFirst(0).trimmingBlanks.utf8) == Array(foundation.utf8))
        }
        #expect(" \t Kế hoạch \u{A0}".trimmingBlanks == "Kế hoạch")
        #expect(Array(" \u{301}x ".trimmingBlanks.unicodeScalars) == ["\u{301}", "x"])
        #expect("x\u{2028}".trimmingBlanks.unicodeScalars.count == 2)  // a line separator is not blank
        #expect("\u{3000}\u{202F}".trimmingBlanks.isEmpty)
        let differing = (UInt32(0)...0x10_FFFF).compactMap(Unicode.Scalar.init).filter {
            Blanks.isBlank($0) != CharacterSet.whitespaces.contains($0)
        }
        #expect(differing.isEmpty, "\(differing.map { String($0.value, radix: 16) })")
        #expect("\u{200B}x\u{200B}".trimmingBlanks == "x")  // Foundation's set holds the zero width space
    }

    @Test func firstNonBlankSkipsWhatTrimmingSkips() {
        #expect(TextLines.firstNonBlank("\u{A0}\t | a |") == "|")
        #expect(TextLines.firstNonBlank(" \u{3000}") == nil)
        #expect(TextLines.firstNonBlank("\u{200B}|") == "|")
        #expect(TextLines.firstNonBlank("\u{2028}|") == "\u{2028}")
    }

    // MARK: - Folded keys

    /// `FoldedKey.of` before it went to bytes: scalar by scalar through `FoldedKey.fold`.
    static func scalarKey(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch FoldedKey.fold(scalar) {
            case .drop: continue
            case .separator: pendingSpace = !out.isEmpty
            case .scalar(let s):
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                out.append(s)
            }
        }
        return String(out)
    }

    @Test func foldedKeysFromBytesAreTheScalarKeys() {
        for text in Self.samples {
            #expect(Array(FoldedKey.of(text).utf8) == Array(Self.scalarKey(text).utf8), "\(text)")
            let tail = text.dropFirst(min(2, text.count))
            #expect(FoldedKey.of(tail) == Self.scalarKey(tail))
        }
        #expect(FoldedKey.of("") == "")
        #expect(FoldedKey.of(" — ") == "")
        #expect(FoldedKey.of("—a—") == "a")
        #expect(FoldedKey.of("x\u{301}y") == "xy")
        #expect(FoldedKey.of("  Ủy ban  nhân dân; ĐẢNG ỦY ") == "uy ban nhan dan dang uy")
        #expect(FoldedKey.of("Ελληνικά") == "ελληνικά")
        #expect(FoldedKey.of("Phường Đồ Sơn"[...].dropFirst(7)) == "do son")
        #expect(FoldedKey.of(String(repeating: "Đề án ", count: 5000)).utf8.count == 5000 * 6 - 1)
    }

    // MARK: - Column pieces

    @Test func columnPiecesFromBytesAreThePiecesByCharacter() {
        for text in Self.samples + ["   a  b    c  ", "    ", "a    ", "    a"] {
            let bytes = ColumnLayout.pieces(text)
            let characters = ColumnLayout.piecesByCharacter(text)
            #expect(
                bytes.map(\.text) == characters.map(\.text) && bytes.map(\.offset) == characters.map(\.offset),
                "\(text)")
        }
        let letterhead = ColumnLayout.pieces("Số: 07/KH-UBND      Hữu Kiệm, ngày 14")
        #expect(
            letterhead.map(\.text) == ["Số: 07/KH-UBND", "Hữu Kiệm, ngày 14"] && letterhead.map(\.offset) == [0, 20])
        let spaced = ColumnLayout.pieces("   a  b    c  ")
        #expect(spaced.map(\.text) == ["a  b", "c"] && spaced.map(\.offset) == [3, 11])
        // A combining mark: not a simple line; offsets count characters, the mark part of its letter.
        let simple = Array("Hu\u{31B}\u{303}u    x".utf8).withUnsafeBufferPointer {
            ColumnLayout.piecesOfSimpleLine($0)
        }
        #expect(simple == nil)
        let decomposed = ColumnLayout.pieces("Hu\u{31B}\u{303}u    x")
        #expect(decomposed.map(\.offset) == [0, 7])
        #expect(ColumnLayout.pieces("").isEmpty && ColumnLayout.pieces("      ").isEmpty)
    }

    // MARK: - Reader messages

    /// `values(in:)` as it was: a regular expression made from the English text.
    static func regexValues(_ message: ReaderMessage, _ english: String) -> [String]? {
        var pattern = "^"
        var order: [Int] = []
        var rest = Substring(message.text.en)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
            let number = Int(rest[rest.index(after: open)..<close])
        {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.*?)"
            order.append(number)
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
            let match = regex.firstMatch(in: english, range: NSRange(english.startIndex..., in: english))
        else { return nil }
        var values = Array(repeating: "", count: (order.max() ?? -1) + 1)
        for (index, number) in order.enumerated() {
            if let range = Range(match.range(at: index + 1), in: english) { values[number] = String(english[range]) }
        }
        return values
    }

    @Test func messageValuesAreTheRegularExpressionsValues() {
        let values = [
            "", "A", "word/document.xml", "x cannot be unpacked: y", "Syntax Error (0): trailer", "a\nb", "🙂",
            "e\u{301}", "{0}", "; save it as UTF-8", "99",
        ]
        var texts: [String] = ["", "no tasks found", "x", "\n"]
        for message in ReaderMessage.allCases {
            for (a, b) in zip(values, values.reversed()) {
                let english = message(.en, a, b)
                texts += [
                    english, english + "\n", english + "\r\n", english + "\n\n", english + "\u{2028}", english + "x",
                ]
                texts += [String(english.dropFirst()), String(english.dropLast()), "x" + english]
            }
        }
        for message in ReaderMessage.allCases {
            for text in texts {
                #expect(message.values(in: text) == Self.regexValues(message, text), "\(message): \(text)")
            }
        }
        // `vietnamese(of:)` makes the bytes once for every message it tries: the answer of trying
        // each message's `values(in:)` in turn, as it did.
        for text in texts {
            let tried = ReaderMessage.allCases.lazy.compactMap { m in m.values(in: text).map { (m, $0) } }.first
            let expected = tried.map { Localizer.fill($0.0.text.vi, $0.1) }
            #expect(ReaderMessage.vietnamese(of: text) == expected, "\(text)")
        }
    }

    @Test func messageValuesByHand() {
        #expect(
            ReaderMessage.tooLarge.values(in: ReaderMessage.tooLarge(.en, 5, 3)) == ["5", "3"])
        // Lazy: the first placeholder takes the shortest text that lets the rest match.
        let damaged =
            "the Word file is damaged (x cannot be unpacked: y cannot be unpacked: z); ask the ward to send it again"
        #expect(ReaderMessage.partDamaged.values(in: damaged) == ["x", "y cannot be unpacked: z"])
        #expect(ReaderMessage.partDamaged.values(in: damaged + "\n") == ["x", "y cannot be unpacked: z"])
        #expect(ReaderMessage.partDamaged.values(in: damaged + "\n\n") == nil)
        #expect(ReaderMessage.unsupportedFormat.values(in: "unsupported file type; supported: md\r\n") == ["md"])
        #expect(ReaderMessage.emptyText.values(in: "the file is empty; nothing to read") == [])
        #expect(ReaderMessage.emptyText.values(in: "the file is empty; nothing to read.") == nil)
        #expect(
            ReaderMessage.vietnamese(of: "the PDF's text is over 7 bytes; a real plan is far smaller")
                == "phần chữ của tệp PDF vượt quá 7 byte; một kế hoạch thật nhỏ hơn nhiều")
        // Tried by first byte: a message whose text starts with a value is tried for any first byte.
        #expect(
            ReaderMessage.vietnamese(of: "12 page header, footer and page-number line(s) left out")
                == "đã bỏ qua 12 dòng đầu trang, chân trang và số trang")
        #expect(ReaderMessage.vietnamese(of: "") == nil)
        #expect(ReaderMessage.vietnamese(of: "\u{0}task 1 has no time limit") == nil)
        #expect(ReaderMessage.vietnamese(of: "task 1 has no time limit") == "nhiệm vụ 1 chưa có thời hạn")
    }

    // MARK: - Markup and white space

    @Test func byteWalksAreTheCharacterWalks() {
        let markup = [
            "**Nhiệm vụ** (*) *a* ***b*** ( * ) (*)x", "*(*)*", "(**)", "*", "**", "a*\u{301}b", "(\u{301}*)",
            "\t\ta\t\tb\t", "a\t\u{301}b\tc", "\u{A0}x\u{2003}\u{2003}y\u{3000}", " a  b ", "x\u{85}y\u{1680}z",
            "\u{200B}a \u{2028} b", "e\u{301} \u{301}",
        ]
        for text in Self.samples + markup {
            #expect(
                Array(InlineMarkup.stripEmphasis(text).utf8) == Array(InlineMarkup.stripEmphasisByCharacter(text).utf8),
                "\(text)")
            #expect(Array(text.collapsingWhitespace.utf8) == Array(text.collapsingWhitespaceByScalar.utf8), "\(text)")
            let body = Substring(text)
            #expect(
                TextLines.tabCells(body).map { Array($0.utf8) }
                    == body.split(separator: "\t", omittingEmptySubsequences: false).map { Array($0.utf8) }, "\(text)")
        }
        #expect(InlineMarkup.stripEmphasis("**Nhiệm vụ** (*) *a*") == "Nhiệm vụ (*) a")
        #expect(" \u{A0}Kế  hoạch\t\u{3000}số ".collapsingWhitespace == "Kế hoạch số")
        #expect(Array("x\u{200B}y".collapsingWhitespace.utf8) == Array("x\u{200B}y".utf8))  // not White_Space
        #expect(TextLines.tabCells("\ta\t\tb") == ["", "a", "", "b"])
        // A tab is a control: no mark joins it.
        #expect(TextLines.tabCells("a\t\u{301}b").map { Array($0.utf8) } == [[0x61], Array("\u{301}b".utf8)])
    }

    @Test func cleanRunsEachStepWhenItsByteIsThere() {
        // An entity can bring in emphasis or an escape; a tag can take one away.
        #expect(InlineMarkup.clean("&#42;&#42;Mục tiêu&#42;&#42;") == "Mục tiêu")
        #expect(InlineMarkup.clean("1&#92;. Ban hành") == "1. Ban hành")
        #expect(InlineMarkup.clean("<b>Phòng</b> &amp; <i>Ban</i> **chỉ đạo** 1\\.") == "Phòng & Ban chỉ đạo 1.")
        #expect(InlineMarkup.clean("< 5% & *") == "< 5% &")
        #expect(InlineMarkup.clean("  Kế   hoạch  ") == "Kế hoạch")
    }

    // MARK: - Lines

    @Test func utf8LinesByHand() throws {
        let bytes = Array("\u{FEFF}a\r\nb\n\nc\u{A0}d\te\nHoa\u{300}\r".utf8)
        let decoded = try TextDecoding.lines(Data(bytes), path: "t.txt")
        #expect(decoded.encoding == "UTF-8 with BOM")
        #expect(
            decoded.lines.map { Array($0.utf8) } == ["a", "b", "", "c\u{A0}d\te", "Ho\u{E0}"].map { Array($0.utf8) })
        let long = String(repeating: "e\u{301}", count: 10_000) + "\n" + String(repeating: "x", count: 100_000)
        let lines = try TextDecoding.utf8Lines(Array(long.utf8))
        #expect(lines.count == 2)
        #expect(Array(lines[0].utf8) == Array(String(repeating: "\u{E9}", count: 10_000).utf8))
        #expect(lines[1].utf8.count == 100_000)
    }
}
