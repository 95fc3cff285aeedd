import Foundation
import Testing

@testable import WardPlanKit

/// parse29's cuts in reading and parsing held against the walks they replace (kept at the end of
/// this file, or in the source where the product still walks after a look for two spaces):
/// the per-line byte checks that step over sixteen bytes at a time where a block cannot change the
/// answer (`SimpleText.isSimple`, `NFCQuickCheck.isNFC`, `String.needsCollapsing`), and the looks
/// for two spaces in a row (`AlignedTables.mayOpen`, `ColumnLayout.hasColumnGap`) before the walks.
@Suite("Fast paths (parse29)")
struct FastPath29ParseTests {
    /// Pieces of awkward lines: NFD and combining marks, no-break and other spaces, line and
    /// paragraph separators, CR LF, đ/Đ, both tone placements, other scripts, four-byte scalars.
    static let pieces = [
        "Văn phòng HĐND và UBND", "Công an phường", "Phòng Văn hóa - Xã hội", "Phòng Văn hoá - Xã hội",
        "ho\u{0301}a", "hoá", "hóa", "HOÁ", "HÓA", "thủy", "thuỷ", "đ", "Đ", "d\u{0323}", "e\u{0302}\u{0301}",
        "\u{0301}", "\u{0300}", "\u{0323}", "\u{0309}", " ", "  ", "   ", "    ", "\t", "\u{00A0}", "\u{0085}",
        "\u{1680}", "\u{2000}", "\u{2003}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}",
        "\u{3000}", "\u{3001}", "\u{FEFF}", "\n", "\r", "\r\n", "\u{000B}", "\u{000C}", "–", "—", "“", "”", "…",
        "•", "‰", "€", "₫", "\u{20D0}", "\u{2100}", "tỉnh", "Tỉnh", "TỈNH", "ti\u{0309}nh", "phố", "Phố", "PHỐ",
        "pho\u{0302}\u{0301}", "tỉnh Hà Nam", "thành phố Hà Nội", "phối hợp", "tỉnh ủy", "Thành phố\u{00A0}Huế",
        "Ἀ", "Ω", "İ", "\u{212A}", "ſ", "中", "한", "🙂", "👍🏽", "\u{200D}", "\u{1E9E}", "ẞ", "Ỹ", "ỹ", "ȁ", "ɐ",
        "ʰ", "˚", "a", "A", "1", "2026", ".", ",", ";", ":", "|", "STT", "Nội dung", "Cơ quan chủ trì",
        "Thời gian", "x",
    ]

    static let generated =
        GeneratedStrings.make(from: pieces, count: 6_000, upTo: 12, seed: 291)
        + GeneratedStrings.make(from: pieces, count: 2_000, upTo: 40, seed: 292)

    /// Every line of every text fixture as the plain-text reader hands them on, and as the files
    /// hold them (cut at LF only, so CR, NFD and blanks are as written).
    static let fixtureLines: [String] = {
        var lines = FastPath19Tests.fixtureDocuments.flatMap { $0.raw.map(\.text) }
        let files = FileManager.default.enumerator(at: Fixtures.fixturesFolder, includingPropertiesForKeys: nil)
        for case let url as URL in files?.allObjects ?? [] where url.pathExtension == "txt" || url.pathExtension == "md"
        {
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                continue
            }
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return lines
    }()

    static let byHand = [
        "", " ", "  ", "a", "đ", "Đ", "\u{0301}", "\u{00A0}", "\u{2028}", "\r\n", "\r", "\n", "a  b", " a", "a ",
        "STT   Nội dung công việc          Cơ quan chủ trì   Thời gian",
        "1     Rà soát, hệ thống hóa văn   VP HĐND và UBND   Quý II/2027",
        "      bản QPPL do HĐND, UBND", "   x  y  z", "  x  y  z", "x  y  z", "x  y", "x    y    z",
        "Ủy ban nhân dân tỉnh Hà Nam ban hành kế hoạch cải cách hành chính năm 2027 của phường",
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "thành phố trực thuộc trung ương", "UBND tỉnh\tQuảng Ninh",
        "Ủy ban nhân dân phường Ba Đình, thành phố Hà Nội", "phố\u{00A0}Hà Nội", "tỉnh\u{2028}A",
    ]

    static var inputs: [String] { byHand + fixtureLines + generated }

    /// Every window of `text`'s bytes between two scalar boundaries that starts in its first 20 bytes
    /// or ends in its last 20 (so each byte of a short text falls in every lane of a block).
    static func windows(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let bytes = Array(text.utf8)
        var boundaries: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            boundaries.append(offset)
            offset += UTF8.width(scalar)
        }
        boundaries.append(offset)
        bytes.withUnsafeBufferPointer { all in
            for start in boundaries where start <= 20 {
                for end in boundaries where end >= start && (end >= bytes.count - 20 || start == 0) {
                    body(UnsafeBufferPointer(rebasing: all[start..<end]))
                }
            }
        }
    }

    // MARK: Simple text and NFC, a block at a time

    @Test func isSimpleMatchesTheWalk() {
        var simple = 0
        var checked = 0
        for text in Self.inputs {
            Self.windows(text) { bytes in
                let fast = SimpleText.isSimple(bytes)
                #expect(
                    fast == SimpleText.isSimpleWalking(bytes),
                    "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                simple += fast ? 1 : 0
                checked += 1
            }
        }
        #expect(simple > 1_000 && checked - simple > 1_000)
    }

    @Test func isNFCMatchesTheWalk() {
        #expect(NFCQuickCheck.latinAreStarters)
        var nfc = 0
        var checked = 0
        for text in Self.inputs {
            Self.windows(text) { bytes in
                let fast = NFCQuickCheck.isNFC(bytes)
                #expect(
                    fast == NFCQuickCheck.isNFCWalking(bytes),
                    "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                nfc += fast ? 1 : 0
                checked += 1
            }
        }
        #expect(nfc > 1_000 && checked - nfc > 1_000)
    }

    /// Every scalar below U+2200 and a few beyond, at every place in Latin text of 40 bytes and more.
    @Test func everyScalarAtEveryLane() {
        let fillers = ["abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", "ệộấđường hóa thủy ỹ ả à ĩ ũ ơ ư ăâêô"]
        var scalars = (UInt32(0)..<0x2200).compactMap(Unicode.Scalar.init)
        scalars += [0x3000, 0x3001, 0xFEFF, 0xFFFD, 0x1F642, 0x10000, 0xE000].compactMap(Unicode.Scalar.init)
        for filler in fillers {
            let characters = Array(filler.unicodeScalars)
            for scalar in scalars {
                for place in 0..<min(characters.count, 36) {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: characters[..<place])
                    view.append(scalar)
                    view.append(contentsOf: characters[place...])
                    var text = String(view)
                    text.withUTF8 { bytes in
                        #expect(SimpleText.isSimple(bytes) == SimpleText.isSimpleWalking(bytes), "U+\(scalar.value)")
                        #expect(NFCQuickCheck.isNFC(bytes) == NFCQuickCheck.isNFCWalking(bytes), "U+\(scalar.value)")
                        #expect(
                            String.needsCollapsing(contiguous: bytes) == String.needsCollapsing(walking: bytes),
                            "U+\(scalar.value)")
                    }
                }
            }
        }
    }

    // MARK: Collapsing white space

    @Test func needsCollapsingMatchesTheWalk() {
        var yes = 0
        for text in Self.inputs {
            var copy = text
            copy.withUTF8 { all in
                for start in 0...min(all.count, 20) {
                    let bytes = UnsafeBufferPointer(rebasing: all[start...])
                    let fast = String.needsCollapsing(contiguous: bytes)
                    #expect(fast == String.needsCollapsing(walking: bytes), "\(text.debugDescription) from \(start)")
                    yes += fast ? 1 : 0
                }
            }
            #expect(text.collapsingWhitespace == text.collapsingWhitespaceByScalar, "\(text.debugDescription)")
        }
        #expect(yes > 1_000)
    }

    /// Every three bytes of the sequences the walk looks at, in every lane of a block, between
    /// letters: the block test must never step over a byte the walk answers yes at.
    @Test func needsCollapsingEveryTripleInEveryLane() {
        let interesting: [UInt8] = [
            0x00, 0x08, 0x09, 0x0A, 0x0D, 0x0E, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0x81, 0x85, 0x8A, 0x8B, 0x9A, 0x9F,
            0xA0, 0xA7, 0xA8, 0xA9, 0xAF, 0xB0, 0xBB, 0xBF, 0xC2, 0xC3, 0xE1, 0xE2, 0xE3, 0xE4,
        ]
        var differ = 0
        var yes = 0
        for a in interesting {
            for b in interesting {
                for c in interesting {
                    for place in 0..<37 {
                        var bytes = [UInt8](repeating: 0x61, count: 40)
                        bytes[place] = a
                        bytes[place + 1] = b
                        bytes[place + 2] = c
                        bytes.withUnsafeBufferPointer { bytes in
                            let fast = String.needsCollapsing(contiguous: bytes)
                            if fast != String.needsCollapsing(walking: bytes) { differ += 1 }
                            yes += fast ? 1 : 0
                        }
                    }
                }
            }
        }
        #expect(differ == 0)
        #expect(yes > 10_000)
    }

    // MARK: Two spaces in a row, and the province words

    @Test func twoSpacesBeforeTheWalks() {
        var opens = 0
        var gaps = 0
        for text in Self.inputs {
            var text = text
            text.withUTF8 { all in
                for start in 0...min(all.count, 20) {
                    let bytes = UnsafeBufferPointer(rebasing: all[start...])
                    let line = String(decoding: bytes, as: UTF8.self)
                    let open = AlignedTables.mayOpen(line)
                    #expect(open == AlignedTables.mayOpenWalking(Array(line.utf8)), "\(line.debugDescription)")
                    let gap = ColumnLayout.hasColumnGap(line)
                    #expect(
                        gap == Array(line.utf8).withUnsafeBufferPointer(ColumnLayout.hasColumnGapWalking),
                        "\(line.debugDescription)")
                    var pairs = false
                    for k in 0..<max(0, bytes.count - 1) where bytes[k] == 0x20 && bytes[k + 1] == 0x20 { pairs = true }
                    #expect(ByteRuns.containsTwice(0x20, in: bytes) == pairs)
                    opens += open ? 1 : 0
                    gaps += gap ? 1 : 0
                }
            }
        }
        #expect(opens > 50 && gaps > 50)
    }

    @Test func firstPairAtEveryPlace() {
        for count in 0..<40 {
            for first in 0..<count {
                for second in 0..<count {
                    var bytes = [UInt8](repeating: 0x61, count: count)
                    bytes[first] = 0xE1
                    bytes[second] = 0xBB
                    bytes.withUnsafeBufferPointer { bytes in
                        for start in 0...count {
                            var expected = count
                            var k = start
                            while k + 1 < count {
                                if bytes[k] == 0xE1 && bytes[k + 1] == 0xBB {
                                    expected = k
                                    break
                                }
                                k += 1
                            }
                            #expect(ByteRuns.firstPair(0xE1, 0xBB, in: bytes, from: start) == expected)
                        }
                    }
                }
            }
        }
    }
}

extension FastPath29ParseTests {
    // MARK: Markup bytes, a block at a time

    @Test func markupFlagsMatchTheByteScan() {
        var some = 0
        let marked = [
            "<b>x</b>", "a &amp; b", "**Điều 1**", "a\\|b", "x < 5", "ệ*", String(repeating: "ệ", count: 9) + "&",
        ]
        for text in Self.inputs + marked {
            let flags = InlineMarkup.markupFlags(text)
            #expect(flags == SimpleText.asciiBytes(of: Array("<&*\\".utf8), in: text), "\(text.debugDescription)")
            some += flags == 0 ? 0 : 1
        }
        #expect(some >= marked.count)
    }

    /// The block test of `InlineMarkup.MarkupByte` agrees with its byte test on every byte in every lane.
    @Test func markupByteSetAgreesInEveryLane() {
        for value in 0...255 {
            for lane in 0..<16 {
                var block = ByteRuns.Block(repeating: 0x61)
                block[lane] = UInt8(value)
                let mask = InlineMarkup.MarkupByte.block(block)
                for k in 0..<16 {
                    #expect(mask[k] == InlineMarkup.MarkupByte.byte(block[k]))
                }
            }
        }
    }
}

extension FastPath29ParseTests {
    // MARK: The level expression's first letter

    /// `ValueScan.level` tries its words only at "c", "C", "m" and "M": the words' first letters.
    @Test func levelOpensWithItsWordsLetters() {
        #expect(ValueScan.levelOpenings == ["c", "C", "m", "M"])
        let bare = Pattern(TargetParser.levelSource)
        var scanned = 0
        let levels = ["cấp độ 3", "Mức 2", "CẤP ĐỘ 4", "mức độ trưởng thành 3", "xcấp 2", "cấp 12%", "cấp 123"]
        for line in Self.inputs + levels {
            guard let found = ValueScan.matches(.level, in: line) else { continue }
            scanned += 1
            #expect(
                found.map { [$0.range] + $0.groups } == bare.matches(in: line).map { [$0.range] + $0.groups },
                "\(line.debugDescription)")
        }
        #expect(scanned > 1_000)
    }
}

extension FastPath29ParseTests {
    // MARK: The basis openers' keys, folded once

    /// A layout's openers are folded when set. A layout with one opener more that never matches, or
    /// with its openers decomposed, must answer as the standard one does.
    @Test func basisOpenersFoldedOnceAnswerAsBefore() {
        var other = PlanLayout.standard
        other.basisOpeners.beforeDocument.append("qqxz zzqq")
        #expect(other.basisOpeners != PlanLayout.standard.basisOpeners)
        var nfd = PlanLayout.standard
        nfd.basisOpeners.always = nfd.basisOpeners.always.map(\.decomposedStringWithCanonicalMapping)
        let bases = [
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", "Thực hiện Kế hoạch số 12/KH-UBND",
            "Thực hiện cải cách hành chính", "THỰC HIỆN THEO Quyết định số 1", "Theo Công văn số 5", "Căn cứ",
            "Ca\u{0306}n cu\u{031B}\u{0301} Luật", "triển khai thực hiện Chỉ thị số 3", "căn cứ vào",
        ]
        var opened = 0
        for text in Self.inputs + bases {
            let standard = LegalBasisParser.opening(of: text)
            #expect(standard == LegalBasisParser.opening(of: text, layout: other), "\(text.debugDescription)")
            #expect(standard == LegalBasisParser.opening(of: text, layout: nfd), "\(text.debugDescription)")
            opened += standard == nil ? 0 : 1
            if standard != nil {
                let cited = LegalBasisParser.citations(in: text, line: 1)
                #expect(cited == LegalBasisParser.citations(in: text, line: 1, layout: other))
            }
        }
        #expect(opened >= 6)
    }

    /// The folded keys follow the words when a layout's openers are changed, and a decoded layout's
    /// keys are its words folded.
    @Test func basisOpenerKeysFollowTheWords() throws {
        let text = "Xét Công văn số 5/UBND ngày 2/3/2026 của Ủy ban nhân dân tỉnh"
        #expect(LegalBasisParser.opening(of: text) == nil)
        var layout = PlanLayout.standard
        layout.basisOpeners.always.append("XÉT")
        #expect(layout.basisOpeners.alwaysKeys.last == "xet")
        #expect(LegalBasisParser.opening(of: text, layout: layout) == .always)
        layout.basisOpeners.always.removeLast()
        layout.basisOpeners.beforeDocument = ["Xét"]
        #expect(layout.basisOpeners.beforeDocumentKeys == ["xet"])
        #expect(LegalBasisParser.opening(of: text, layout: layout) == .beforeDocument)
        #expect(LegalBasisParser.opening(of: "Xét tình hình thực tế của phường", layout: layout) == nil)

        let standard = PlanLayout.standard.basisOpeners
        #expect(standard.alwaysKeys == standard.always.map(\.foldedKey))
        #expect(standard.beforeDocumentKeys == standard.beforeDocument.map(\.foldedKey))
        #expect(standard.alwaysKeys.contains("can cu"))
    }
}

extension FastPath29ParseTests {
    // MARK: Words in a key, sixteen places at a time

    @Test func containsWordsMatchesTheWalk() {
        let keys = Self.inputs.map(\.foldedKey)
        // Needles: every word and pair of words of some keys, and pieces that cross word edges.
        var needles = Set<String>(["a", "d", "van", "phong", "cong an", "x", "ng", "an p", " ", "zz"])
        for key in keys.prefix(400) {
            let words = key.split(separator: " ")
            for (i, word) in words.enumerated() {
                needles.insert(String(word))
                if i + 1 < words.count { needles.insert(word + " " + words[i + 1]) }
            }
            if key.count > 6 { needles.insert(String(key.dropFirst(2).prefix(4))) }
        }
        var found = 0
        var checked = 0
        let sample = Array(needles).sorted()
        for (k, key) in keys.enumerated() {
            let own = key.split(separator: " ").map(String.init)
            var copy = key
            copy.withUTF8 { haystack in
                // Each key against 40 needles (a different 40 for each), and its own words.
                for needle in own + (0..<40).map({ sample[(k * 40 + $0) % sample.count] }) {
                    var needle = needle
                    needle.withUTF8 { needle in
                        let fast = String.containsWords(needle, in: haystack)
                        #expect(fast == String.containsWordsWalking(needle, in: haystack))
                        found += fast ? 1 : 0
                        checked += 1
                    }
                }
            }
        }
        #expect(found > 5_000 && checked - found > 5_000)
    }

    /// A needle's first byte after a space at every place of haystacks of 0 to 40 bytes.
    @Test func containsWordsAtEveryPlace() {
        let needles: [[UInt8]] = [Array("ab".utf8), Array("a".utf8), Array("ab cd".utf8)]
        for count in 0..<41 {
            for place in 0..<max(count, 1) {
                for spaceBefore in [false, true] {
                    for needle in needles {
                        var haystack = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                        for (k, byte) in needle.enumerated() where place + k < count { haystack[place + k] = byte }
                        if spaceBefore, place > 0 { haystack[place - 1] = 0x20 }
                        if place + needle.count < count { haystack[place + needle.count] = 0x20 }
                        haystack.withUnsafeBufferPointer { h in
                            needle.withUnsafeBufferPointer { n in
                                #expect(String.containsWords(n, in: h) == String.containsWordsWalking(n, in: h))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension FastPath29ParseTests {
    // MARK: A key's equality told by the letters and digits

    @Test func keyEqualityAsTheFold() {
        let keys = ["phu luc", "a", "", "muc luc", "phu luc 2"]
        let texts = [
            "Phụ lục", "PHỤ LỤC", "Phụ  lục", " phụ lục. ", "Phu\u{0323} lu\u{0323}c", "Phụ lục 2", "Phụ lục II",
            "phụlục", "A", "a.", "Mục lục", "PHỤ LỤC\u{00A0}", "Ｐhụ lục", "Ṕhụ lục",
        ]
        var equal = 0
        for text in Self.inputs + texts {
            for key in keys {
                let fast = TextScan.key(of: text, equals: key)
                #expect(fast == (text.foldedKey == key), "\(text.debugDescription) \(key)")
                equal += fast ? 1 : 0
            }
            var letters = 0
            for byte in text.utf8
            where (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) {
                letters += 1
            }
            for limit in [0, 1, 7, 9] {
                #expect(TextScan.hasAlphanumerics(text, moreThan: limit) == (letters > limit))
            }
        }
        #expect(equal >= 8)
    }
}

extension FastPath29ParseTests {
    // MARK: A glued number path, told from its opening

    /// Whenever `mayBeGlued` says no, the pattern has no match.
    @Test func gluedNumberPathNeedsItsOpening() {
        let pattern = Pattern(TypedMarker.gluedNumberPathSource, caseSensitive: true)
        let openings = [
            "7.1.Tổ chức", "7.1. Tổ chức", "1. Rà soát", "12.3.4.Xây", "123.4.Xây", "1.5ha", "1.\u{0663}.X",
            "\u{0661}.2.X", "1\u{0662}.3.X", "12", "1.", "1", "1)", "1.2", "1.2.", "1.2.x", "01.02.Xã", "1.2.3.4.5.X",
            "1.2\u{2028}.X", "1.2.\u{0301}X", "１.２.X", "1.2.Ｘ", "1.2.Đ", "9.9.É",
        ]
        var glued = 0
        for text in Self.inputs + openings {
            let matched = pattern.firstMatch(in: text) != nil
            if !TypedMarker.mayBeGlued(text) { #expect(!matched, "\(text.debugDescription)") }
            glued += matched ? 1 : 0
        }
        #expect(glued >= 5)
    }
}

// The walks the block skips replaced: references for the tests above, not used by the product.

extension SimpleText {
    /// `isSimple` scalar by scalar (the reference for the block walk).
    static func isSimpleWalking(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            if byte < 0x80 {
                if byte == 0x0A { return false }
                i += 1
                continue
            }
            guard byte < 0xF0 else { return false }
            let (value, length) = TextKey.decode(utf8, at: i, lead: byte)
            guard isOwnCharacter(value) else { return false }
            i += length
        }
        return true
    }
}

extension NFCQuickCheck {
    /// `isNFC` scalar by scalar (the reference for the block walk).
    static func isNFCWalking(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = utf8.count
        var i = 0
        return starters.withUnsafeBufferPointer { starters in
            while i < n {
                let b0 = utf8[i]
                if b0 < 0x80 {
                    i += 1
                    continue
                }
                // A valid lead byte (the text is a Swift string): 4-byte scalars are beyond the table.
                guard b0 < 0xF0 else { return false }
                let (value, length) = TextKey.decode(utf8, at: i, lead: b0)
                guard value < UInt32(starters.count), starters[Int(value)] else { return false }
                i += length
            }
            return true
        }
    }
}

extension String {
    /// `containsWords(_:in:)` place by place (the reference for the block skip).
    static func containsWordsWalking(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let space = UInt8(ascii: " ")
        let first = needle[0]
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, start == 0 || haystack[start - 1] == space,
                start + needle.count == haystack.count || haystack[start + needle.count] == space,
                memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0
            {
                return true
            }
            start += 1
        }
        return false
    }
}
