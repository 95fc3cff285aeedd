import Foundation
import Testing

@testable import WardPlanKit

/// read34's cuts in reading and parsing held against the code they replace (kept in the source as
/// the other path): the field label's colon and length found on bytes (`MarkerScan.field`), a rule
/// line told by one walk that stops early (`FrontMatterParser.isRule`), the province test's search
/// for the last bytes of "ỉ"/"ố" a block at a time (`TextScan.mayNameProvince`), the field labels
/// compared as bytes (`TaskField.labelIndex(ofKey:)`), the NUL byte found by `memchr`
/// (`TextDecoding.firstNUL`), and markdown's "#"/">" tested by their byte first (`TextLines.line`).
@Suite("Fast paths (read34)")
struct FastPath34ReadTests {
    /// Awkward lines by hand: NFD, a tab, CRLF, a BOM, an empty line, a number glued to a word,
    /// bullets and colons in every place the field pattern cares about, labels at the 60-character
    /// limit, spaces before and after the colon, marks on the bullet and on the colon.
    static let byHand: [String] = {
        let long = String(repeating: "ệ", count: 58)
        return [
            "", " ", ":", "a:", "ab:", "ab :", "- ab: x", "-ab:x", "- a: x", "-: x", "- :x", "•  ab  :  x",
            "– Chủ trì: x",
            "+ Cơ quan chủ trì :  Công an phường", "- Cơ quan chủ trì: Công an phường", "Cơ quan phối hợp:",
            "Thời gian hoàn thành: Quý II/2027", "Thời gian\thoàn thành:\tQuý II", "Thời gian: x\r\n", "Thời gian\r: x",
            "\u{FEFF}Thời gian: x", "\u{FEFF}- Chủ trì: x", "Tho\u{0300}i gian: x", "- \u{0301}ab: x", "ab\u{0301}: x",
            "a\u{0301}: x", "-\u{0301} ab: x", ":\u{0301} x", "ab:\u{0301}x", "ab \u{00A0}: x", "ab\u{2003}: x",
            "\u{00A0}ab: x", "- \u{00A0}ab: x", "ab:\u{00A0}\u{00A0}x", "a\u{2028}b: x", "ab: x\u{2028}y",
            "ab\u{0085}: x",
            "2026Kế hoạch: 3", "Kế hoạch2026: 3", "1.2.Chủ trì: x", "Sản phẩm:Báo cáo;Kế hoạch", "::", ":::", "a::b",
            "- " + long + ": x", "- " + long + "ệ: x", "- " + long + "ệệ: x", long + "ệ  : x", long + "ệệ  : x",
            String(repeating: "a", count: 60) + ": x", String(repeating: "a", count: 61) + ": x",
            String(repeating: "a", count: 59) + " : x", String(repeating: "a", count: 60) + " : x",
            "ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "tỉnh Hà Nam", "Tỉnh\tHà Nam", "thành phố Hà Nội", "phố\u{00A0}Huế",
            "ti\u{0309}nh Hà Nam", "pho\u{0302}\u{0301} Huế", "phối hợp", "tỉnh ủy", "tỉnh", "phố", "ỉ", "ố", "Ỉnh A",
            "-----", "- - -", "___ ___", "==", "***", "—–—", "- Rà soát", "-\t-\t-", "----\u{0301}", "-- \u{00A0}-",
        ]
    }()

    static var inputs: [String] { byHand + FastPath29ParseTests.inputs }

    // MARK: MarkerScan.field

    /// The byte path gives what the walk over scalars gives (the same answer, the same ranges),
    /// and both give what the pattern gives where they are sure (`TextScanTests` holds the walk
    /// against the pattern too).
    @Test func fieldOnBytesMatchesTheWalk() {
        var matched = 0
        for text in Self.inputs {
            let bytes = MarkerScan.field(text)
            let walk = MarkerScan.fieldByScalars(text)
            switch (bytes, walk) {
            case (.match(let a), .match(let b)):
                matched += 1
                #expect(a.range == b.range, "\(text.debugDescription)")
                #expect(a.groups == b.groups, "\(text.debugDescription)")
                #expect(a[1] == b[1] && a[2] == b[2], "\(text.debugDescription)")
            case (.noMatch, .noMatch), (.unsure, .unsure): break
            default: Issue.record("\(text.debugDescription): \(bytes) against \(walk)")
            }
            let expected = LineShape.field.firstMatch(in: text)
            let actual = MarkerScan.firstMatch(LineShape.field, in: text, MarkerScan.field)
            #expect((expected == nil) == (actual == nil), "\(text.debugDescription)")
            if let expected, let actual {
                #expect(expected[1] == actual[1] && expected[2] == actual[2], "\(text.debugDescription)")
            }
        }
        #expect(matched > 100)
    }

    /// A text made through `NSString` (UTF-16 storage where Foundation bridges lazily) answers as the walk.
    @Test func fieldOfBridgedText() {
        for text in Self.byHand {
            let bridged = NSString(string: text) as String
            switch (MarkerScan.field(bridged), MarkerScan.fieldByScalars(text)) {
            case (.match(let a), .match(let b)): #expect(a[1] == b[1] && a[2] == b[2], "\(text.debugDescription)")
            case (.noMatch, .noMatch), (.unsure, .unsure): break
            default: Issue.record("\(text.debugDescription)")
            }
        }
    }

    /// Scalars counted on bytes, against the scalar view, for every span between scalar
    /// boundaries of a few awkward texts and every minimum from 0 to 12.
    @Test func scalarsCountedOnBytes() {
        for text in Self.byHand.prefix(40) + ["ệa\u{0301}🙂中 b\r\n"] {
            let bytes = Array(text.utf8)
            let scalars = text.unicodeScalars
            let boundaries =
                scalars.indices.map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } + [bytes.count]
            bytes.withUnsafeBufferPointer { buffer in
                for (i, start) in boundaries.enumerated() {
                    for (j, end) in boundaries.enumerated() where j >= i {
                        for minimum in 0...12 {
                            #expect(
                                MarkerScan.FieldBytes.hasScalars(buffer, from: start, to: end, atLeast: minimum)
                                    == (j - i >= minimum), "\(text.debugDescription) \(start)..<\(end) \(minimum)")
                        }
                    }
                }
            }
        }
    }

    // MARK: FrontMatterParser.isRule

    @Test func ruleAsTheCopy() {
        var rules = 0
        for text in Self.inputs {
            let rule = FrontMatterParser.isRule(text)
            #expect(rule == FrontMatterParser.isRuleByCopying(text), "\(text.debugDescription)")
            rules += rule ? 1 : 0
        }
        #expect(rules >= 5)
        // Each mark alone, with spaces and tabs between, and with one other scalar anywhere.
        let marks = ["-", "_", "=", "*", "–", "—"]
        for mark in marks {
            for count in 0...5 {
                for gap in ["", " ", "\t", "  \t"] {
                    let text = Array(repeating: mark, count: count).joined(separator: gap)
                    #expect(FrontMatterParser.isRule(text) == (count >= 3), "\(text.debugDescription)")
                    for other in ["a", "\u{00A0}", "\u{0301}", "\r", "+", "−", "~"] {
                        for place in 0...text.unicodeScalars.count {
                            var scalars = Array(text.unicodeScalars)
                            scalars.insert(other.unicodeScalars.first!, at: place)
                            var spoilt = ""
                            spoilt.unicodeScalars.append(contentsOf: scalars)
                            #expect(!FrontMatterParser.isRule(spoilt), "\(spoilt.debugDescription)")
                            #expect(FrontMatterParser.isRuleByCopying(spoilt) == false)
                        }
                    }
                }
            }
        }
    }

    // MARK: TextScan.mayNameProvince

    @Test func provinceSearchByBlocksAsTheWalk() {
        var named = 0
        for text in Self.inputs {
            let fast = TextScan.mayNameProvince(text)
            #expect(fast == TextScan.mayNameProvinceWalking(text), "\(text.debugDescription)")
            named += fast ? 1 : 0
        }
        #expect(named >= 20)
        // "tỉnh A" and "phố A" in every case at every place of 0–40 bytes of padding (so the
        // last byte of the vowel falls in every lane and at a block's end), and cut short.
        for word in ["tỉnh A", "Tỉnh A", "TỈNH A", "tỉnh\tA", "phố A", "PHỐ Ầ", "pHố A", "tỉnh ủy", "phốA"] {
            for padding in 0...40 {
                for pad in ["a", "ệ", "đ"] {
                    var text = String(repeating: pad, count: padding) + word
                    #expect(TextScan.mayNameProvince(text) == TextScan.mayNameProvinceWalking(text), "\(text)")
                    while !text.isEmpty {
                        text.removeLast()
                        #expect(TextScan.mayNameProvince(text) == TextScan.mayNameProvinceWalking(text), "\(text)")
                    }
                }
            }
        }
    }

    /// The block test of `ProvinceVowelEnd` agrees with its byte test on every byte in every lane.
    @Test func provinceVowelEndAgreesInEveryLane() {
        for value in 0...255 {
            for lane in 0..<16 {
                var block = ByteRuns.Block(repeating: 0x61)
                block[lane] = UInt8(value)
                let mask = TextScan.ProvinceVowelEnd.block(block)
                for k in 0..<16 {
                    #expect(mask[k] == TextScan.ProvinceVowelEnd.byte(block[k]))
                }
            }
        }
        #expect((0...255).filter { TextScan.ProvinceVowelEnd.byte(UInt8($0)) } == [0x88, 0x89, 0x90, 0x91])
    }

    // MARK: TaskField labels

    /// The standard layout's labels are plain, so the byte path is the one taken.
    @Test func standardLabelsArePlain() {
        #expect(TaskField.labelsArePlain)
        #expect(TaskField.labelBytes.count == TaskField.labels.count)
    }

    /// The byte path gives the label the walk over characters gives: for every label's key alone,
    /// followed by a space and a word, by a letter, cut short, and for the keys of every input.
    @Test func labelIndexAsTheCharacters() {
        var keys = Self.inputs.map(\.foldedKey) + Self.inputs
        for label in TaskField.labels {
            let key = label.key
            keys += [key, key + " ", key + " x", key + "x", key + "\r", key + "\r\n", key + "\u{0301}", " " + key]
            keys += [String(key.dropLast()), key + " " + key, key.uppercased(), key + "\u{00A0}x", key + "\tx"]
        }
        var found = 0
        for key in keys {
            let expected = TaskField.labelIndexByCharacters(key)
            #expect(TaskField.labelIndex(ofKey: key) == expected, "\(key.debugDescription)")
            found += expected == nil ? 0 : 1
        }
        #expect(found >= TaskField.labels.count)
        // A key outside ASCII or with a CR is left to the characters.
        for key in ["chu tri\r", "chủ trì", "chu tri\u{0301}"] {
            let answer = Array(key.utf8).withUnsafeBufferPointer(TaskField.labelIndex(ofPlainKey:))
            #expect(answer == .notPlain, "\(key.debugDescription)")
        }
    }

    // MARK: TextDecoding.firstNUL

    @Test func firstNULAsFirstIndex() {
        for count in 0..<40 {
            for first in [-1] + Array(0..<count) {
                for second in [-1] + Array(0..<count) {
                    var bytes = [UInt8](repeating: 0x61, count: count)
                    if first >= 0 { bytes[first] = 0 }
                    if second >= 0 { bytes[second] = 0 }
                    #expect(TextDecoding.firstNUL(bytes) == bytes.firstIndex(of: 0))
                }
            }
        }
        #expect(TextDecoding.firstNUL([]) == nil)
    }

    /// A file with a NUL is still refused as before, after a BOM too; one without is read.
    @Test func filesWithNULRefusedAsBefore() {
        for prefix: [UInt8] in [[], [0xEF, 0xBB, 0xBF]] {
            let text = Array("Kế hoạch\r\nsố 1\n".utf8)
            let decoded = try? TextDecoding.lines(Data(prefix + text), path: "a.txt")
            #expect(decoded?.lines == ["Kế hoạch", "số 1"])
            for place in 0...text.count {
                var bytes = text
                bytes.insert(0, at: place)
                #expect(throws: InputError.self) { try TextDecoding.lines(Data(prefix + bytes), path: "a.txt") }
            }
        }
    }

    // MARK: Markdown's "#" and ">"

    /// `TextLines.line` gives the line the character tests gave, for lines opening with "#", ">",
    /// either with a mark on it, spaces, a tab, a BOM, and the inputs.
    @Test func markdownOpeningsAsBefore() {
        let openings = [
            "# A", "## A", "####### A", "#A", "#", "> A", ">A", ">", "#\u{0301} A", ">\u{0301} A", "  # A", "  > A",
            "\t# A", "\u{FEFF}# A", "#\r\n", ">\r\n", " #\u{0301}", "# > A", "> # A", "#\t A", "＃ A",
        ]
        for text in openings + Self.byHand {
            let line = TextLines.line(number: 1, raw: text, markdown: true)
            let expected = Self.markdownLineByCharacters(text)
            #expect(line.text == expected.text, "\(text.debugDescription)")
            #expect(line.headingLevel == expected.headingLevel, "\(text.debugDescription)")
        }
    }

    /// The opening of `TextLines.line` for markdown as it was, with `hasPrefix` alone: the text and
    /// heading level it gave (no pipe-table line among the inputs it is asked of).
    static func markdownLineByCharacters(_ raw: String) -> (text: String, headingLevel: Int?) {
        var body = Substring(raw)
        var headingLevel: Int?
        let trimmed = body.drop(while: { $0 == " " })
        if trimmed.hasPrefix("#") {
            let hashes = trimmed.prefix(while: { $0 == "#" })
            let rest = trimmed.dropFirst(hashes.count)
            if hashes.count <= 6, rest.isEmpty || rest.first == " " {
                headingLevel = hashes.count
                body = rest
            }
        } else if trimmed.hasPrefix(">") {
            body = trimmed.dropFirst()
        }
        return (InlineMarkup.clean(String(body)), headingLevel)
    }
}

extension FastPath34ReadTests {
    // MARK: Markdown's emphasis marks, a block at a time

    @Test func emphasisMarkAsTheWalk() {
        var marked = 0
        for text in Self.inputs + ["**Điều 1**", "_a_", "a*", "ệ_", String(repeating: "ệ", count: 9) + "*"] {
            let line = Substring(text)
            let fast = MarkdownInline.hasMark(line)
            #expect(fast == MarkdownInline.hasMarkWalking(line), "\(text.debugDescription)")
            // A piece of a line, as the reader hands on after a heading's "#".
            let tail = text.dropFirst(min(2, text.count))
            #expect(MarkdownInline.hasMark(tail) == MarkdownInline.hasMarkWalking(tail), "\(text.debugDescription)")
            marked += fast ? 1 : 0
        }
        #expect(marked >= 5)
        // Each mark at every place of 0–40 bytes.
        for count in 1...40 {
            for place in 0..<count {
                for mark in ["*", "_"] {
                    var scalars = Array(repeating: "a", count: count)
                    scalars[place] = mark
                    let line = Substring(scalars.joined())
                    #expect(MarkdownInline.hasMark(line))
                    #expect(!MarkdownInline.hasMark(Substring(String(repeating: "ệ", count: count))))
                }
            }
        }
    }

    @Test func emphasisMarkAgreesInEveryLane() {
        for value in 0...255 {
            for lane in 0..<16 {
                var block = ByteRuns.Block(repeating: 0x61)
                block[lane] = UInt8(value)
                let mask = MarkdownInline.EmphasisMark.block(block)
                for k in 0..<16 {
                    #expect(mask[k] == MarkdownInline.EmphasisMark.byte(block[k]))
                }
            }
        }
    }

    // MARK: A labelled task's opening character

    /// `mayStart` by the ASCII opening gives what the first character gives: the inputs, the
    /// openers themselves, and every pair of a first and a second scalar from an awkward list.
    @Test func mayStartAsTheCharacter() {
        var started = 0
        let openers = [
            "Nhiệm vụ 1: Rà soát", "Nhiệm vụ thứ nhất:", "Chỉ tiêu 2: 100%", "NHIỆM VỤ 3: x", "nhiệm vụ 1: x",
        ]
        for text in Self.inputs + openers {
            let fast = LabelledTaskOpener.mayStart(text)
            #expect(fast == LabelledTaskOpener.mayStartByCharacter(text), "\(text.debugDescription)")
            started += fast ? 1 : 0
        }
        #expect(started >= 3)
        let scalars = [
            "N", "n", "C", "c", "A", "Z", "a", "z", "@", "[", "`", "{", "1", " ", "\t", "\r", "\n", "-", "Đ", "đ", "Ủ",
            "\u{0301}",
            "\u{0308}", "\u{200D}", "\u{FEFF}", "\u{00A0}", "İ", "\u{212A}", "ǅ", "Ω", "中", "🙂", "\u{1F3FD}",
        ]
        for first in scalars {
            for second in scalars + [""] {
                for rest in ["", "hiệm vụ 1: x", " vụ 1: x"] {
                    let text = first + second + rest
                    #expect(
                        LabelledTaskOpener.mayStart(text) == LabelledTaskOpener.mayStartByCharacter(text),
                        "\(text.debugDescription)")
                }
            }
        }
    }
}

extension FastPath34ReadTests {
    // MARK: Characters walked as scalars

    /// Lines of capitals and awkward ones: marks after a capital or a small letter, CR LF, ZWJ,
    /// emoji, other scripts' letters, digits and punctuation only.
    static let capitalLines = [
        "ỦY BAN NHÂN DÂN", "UBND PHƯỜNG", "KẾ HOẠCH", "KÊ\u{0301} HOẠCH", "KẾ HOA\u{0323}CH", "Ke\u{0301} HOẠCH",
        "ABc", "AB", "ABC", "A B C", "A1B2C3", "ÀÁÂ", "ÀÁâ", "ǄǅǆA", "ǅAB", "ΑΒΓ", "ΑΒγ", "İII", "\u{212A}KK", "ẞẞẞ",
        "ABC\r\n", "AB\r\nC", "A\u{200D}BC", "ABC👍🏽", "A\u{0301}B\u{0301}C\u{0301}", "a\u{0301}BC", "ABC\u{0308}d",
        "123", "—–-", "", " ", "ABC DEF ghi", "ABC DEF GHİ", "ⅠⅡⅢ", "ABC\u{00AD}", "ABC\u{0600}d", "\u{0600}aBC",
        "ABCD\u{2028}e", "中文ABC", "ABC中文", "ＡＢＣ", "ａＢＣ",
    ]

    @Test func capitalsAsTheCharacters() {
        var capitals = 0
        for text in Self.inputs + Self.capitalLines {
            let fast = FrontMatterParser.isCapitals(text)
            #expect(fast == FrontMatterParser.isCapitalsByCharacter(text), "\(text.debugDescription)")
            capitals += fast ? 1 : 0
        }
        #expect(capitals >= 10)
        // Every pair of awkward scalars after and before capitals.
        let scalars = [
            "A", "a", "Ầ", "ầ", "\u{0301}", "\u{0308}", "\r", "\n", "\u{200D}", "\u{FE0F}", "ǅ", "İ", "ß", "1", " ",
            "中",
            "🙂", "\u{1F3FD}", "\u{00AD}", "\u{0600}", "Ω", "ω",
        ]
        // Every ASCII scalar among capitals, so each end of the letter ranges counts.
        for value in UInt8(0)...0x7F {
            let ascii = String(UnicodeScalar(value))
            for text in [ascii + "AB", "AB" + ascii, "A" + ascii + "B", ascii + ascii + ascii, "ẦB" + ascii] {
                #expect(
                    FrontMatterParser.isCapitals(text) == FrontMatterParser.isCapitalsByCharacter(text),
                    "\(text.debugDescription)")
            }
        }
        for first in scalars {
            for second in scalars {
                for text in [first + second + "ABC", "ABC" + first + second, "AB" + first + second + "C"] {
                    #expect(
                        FrontMatterParser.isCapitals(text) == FrontMatterParser.isCapitalsByCharacter(text),
                        "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func characterCountAsTheCharacters() {
        for text in Self.inputs {
            for n in [0, 1, 2, 3, 59, 60, 61] {
                #expect(
                    OwnCharacters.hasCharacters(text, atLeast: n) == text.hasCharacters(atLeast: n),
                    "\(text.debugDescription) \(n)")
            }
        }
        // Texts around the limit with an awkward scalar at every place.
        for awkward in ["\u{0301}", "\r\n", "\n", "\u{200D}", "🙂", "👍🏽", "ệ", "\u{00A0}"] {
            for count in 55...64 {
                for place in 0...count {
                    var pieces = Array(repeating: "ệ", count: count)
                    pieces.insert(awkward, at: place)
                    let text = pieces.joined()
                    for n in 55...66 {
                        #expect(
                            OwnCharacters.hasCharacters(text, atLeast: n) == text.hasCharacters(atLeast: n),
                            "\(text.debugDescription) \(n)")
                    }
                }
            }
        }
    }

    /// The walk gives a text's scalars while they are characters of their own, and stops before
    /// one that may join a neighbour.
    @Test func ownCharactersStopBeforeAJoin() {
        var walk = OwnCharacters("ab\u{0301}c")
        #expect(walk.next() == "a")
        #expect(walk.next() == nil)
        #expect(walk.stopped)
        var whole = OwnCharacters("Kế hoạch")
        var scalars: [Unicode.Scalar] = []
        while let scalar = whole.next() { scalars.append(scalar) }
        #expect(String(String.UnicodeScalarView(scalars)) == "Kế hoạch")
        #expect(!whole.stopped)
    }
}
