import Foundation
import Testing

@testable import WardPlanKit

/// The faster paths of session 9 (issue 11, the parser's hot spots), each against the path it
/// replaced on every fixture line, its clauses and sentences, and on lines written for the corners.
@Suite("Parser fast paths of session 9 against the paths they replaced")
struct ParsingFastPath6Tests {
    static let places = Set(PlanLayout.standard.assignment.placeWords.map(PlanLayout.key))

    /// Every fixture line, each of its sentences after the first, and each of its target clauses.
    static let texts: [String] = {
        var texts = ParsingFastPath4Tests.officeTexts
        for line in TextScanTests.corpus {
            texts += TargetParser.clauses(of: line)
        }
        return texts
    }()

    // MARK: - Metrics

    static let metricCorners = [
        "Chỉ số SIPAS đạt từ 89% trở lên", "chỉ số sipas", "CHỈ SỐ SIPAS", "sipasx", "xsipas 90%",
        "Mức độ hài lòng về dịch vụ y tế, giáo dục công lập đạt 87%", "mức độ HÀI LÒNG về đất đai",
        "mu\u{031B}\u{0301}c đo\u{0323}\u{0302} ha\u{0300}i lo\u{0300}ng", "hài lòng", "hài", "lòng hài",
        "Mức độ hài lòng khi sử dụng DVC trực tuyến đạt 90%", "hài-lòng/đất,đai", "hài\u{00A0}lòng", "", " ",
        "100% hồ sơ được giải quyết đúng hạn", "người dân được hướng dẫn", "Hài lòng 😀 y tế",
    ]

    @Test func metricIndexFindsWhatTheScanFinds() {
        let catalog = ReferenceData.standard.metrics
        let index = MetricCatalog.Index(catalog)
        var found = 0
        let texts = Self.texts + Self.metricCorners
        for text in texts {
            let expected = catalog.metric(for: text)
            #expect(index.metric(for: text) == expected, "\(text.debugDescription)")
            if expected != nil { found += 1 }
        }
        // Clauses read together, as `TargetParser` joins a clause with the one before it.
        for (first, second) in zip(texts, texts.dropFirst()).prefix(3000) {
            let joined = first + " " + second
            #expect(index.metric(for: joined) == catalog.metric(for: joined), "\(joined.debugDescription)")
        }
        #expect(found >= 100)
        // By hand.
        #expect(index.metric(for: "Chỉ số SIPAS đạt từ 89% trở lên")?.id == "sipas")
        #expect(index.metric(for: "mức độ HÀI LÒNG về đất đai")?.id == "satisfaction-land-construction-investment")
        #expect(index.metric(for: "Mức độ hài lòng về dịch vụ y tế")?.id == "satisfaction-health-education")
        #expect(
            index.metric(for: "mu\u{031B}\u{0301}c đo\u{0323}\u{0302} ha\u{0300}i lo\u{0300}ng")?.id == "satisfaction")
        #expect(index.metric(for: "sipasx 90%") == nil)
        #expect(index.metric(for: "lòng hài") == nil)
    }

    /// The first metric in the file's order wins; an alternative holds only when all its phrases
    /// occur; a phrase whose key is empty never occurs; one phrase shared by two metrics is found
    /// for both.
    @Test func metricIndexKeepsTheCatalogsRules() {
        func metric(_ id: String, _ phrases: [[String]]) -> MetricCatalog.Metric {
            MetricCatalog.Metric(id: id, vi: id, en: id, unit: "%", phrases: phrases)
        }
        let catalog = MetricCatalog(
            version: 1, reviewed: "2026-12-02",
            metrics: [
                metric("empty", [["...", "hồ sơ"]]), metric("both", [["hồ sơ", "đúng hạn"]]),
                metric("either", [["trực tuyến"], ["hồ sơ"]]), metric("late", [["đúng hạn"]]),
            ])
        let index = MetricCatalog.Index(catalog)
        let cases: [(String, String?)] = [
            ("Hồ sơ giải quyết đúng hạn", "both"), ("hồ sơ", "either"), ("Đúng hạn", "late"),
            ("dịch vụ trực tuyến", "either"), ("hồ", nil), ("... hạn", nil), ("", nil),
        ]
        for (text, id) in cases {
            #expect(index.metric(for: text)?.id == id, "\(text)")
            #expect(catalog.metric(for: text)?.id == id, "\(text)")
        }
        #expect(MetricCatalog.Index.of(catalog).catalog == catalog)
        #expect(MetricCatalog.Index.of(ReferenceData.standard.metrics).catalog == ReferenceData.standard.metrics)
    }

    // MARK: - Offices

    @Test func officeOpeningTestNeverTurnsAwayAnOffice() {
        let offices = ReferenceData.standard.offices
        let ignoredOpenings = [
            // Words offices.yaml ignores, or punctuation, for longer than the folded opening.
            String(repeating: "các ", count: 20) + "Công an phường chủ trì",
            String(repeating: "- ", count: 30) + "Văn phòng HĐND và UBND xã",
            "\u{0301}Công an phường", "(Phòng Văn hóa - Xã hội)", "“Công an phường” thực hiện",
            "Ủy ban nhân dân phường chỉ đạo", "UBND phường chỉ đạo", "Uỷ ban nhân dân xã",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường thực hiện",
            String(repeating: "Phòng", count: 12) + " Tư pháp",
        ]
        var turnedAway = 0
        for text in Self.texts + ParsingFastPath4Tests.officeCorners + ignoredOpenings {
            let may = offices.mayOpenWithOffice(text)
            for places in [Self.places, []] where offices.leadingOfficeByJoining(in: text, placeWords: places) != nil {
                #expect(may, "\(text.debugDescription)")
            }
            if !may { turnedAway += 1 }
        }
        #expect(turnedAway >= 1000)
        #expect(offices.mayOpenWithOffice("Công an phường chủ trì"))
        #expect(offices.mayOpenWithOffice("Ủy ban nhân dân phường chỉ đạo"))
        #expect(!offices.mayOpenWithOffice("Tuyên truyền, phổ biến pháp luật"))
        #expect(!offices.mayOpenWithOffice(""))
        // An opening of nothing but ignored words and punctuation does not tell.
        #expect(offices.mayOpenWithOffice(String(repeating: "- ", count: 30) + "Tuyên truyền"))
    }

    // MARK: - Patterns that need a text

    @Test func assigningPatternNeedsGiao() {
        let plain = Pattern(InlineAssignment.assigningSource, caseSensitive: true)
        let filtered = Pattern(InlineAssignment.assigningSource, caseSensitive: true, needsText: ["Giao", "giao"])
        let corners = [
            "Giao Công an phường chủ trì", "Rà soát hồ sơ. Giao Văn phòng chủ trì, phối hợp", "GIAO Công an chủ trì",
            "… – giao Công an phường thực hiện", "Gia\u{0301}o x chủ trì", "Giaoo Công an chủ trì", "giao", "",
        ]
        var matched = 0
        for text in Self.texts + corners {
            let expected = plain.firstMatch(in: text).map { $0.groups + [$0.range] }
            #expect(
                filtered.firstMatch(in: text).map { $0.groups + [$0.range] } == expected, "\(text.debugDescription)")
            if expected != nil { matched += 1 }
        }
        #expect(matched >= 5)
    }

    @Test func patternNeedsOneOfItsTexts() {
        let pattern = Pattern(#"(?:Ab|cd)\s+(\d)"#, caseSensitive: true, needsText: ["Ab", "cd"])
        #expect(pattern.firstMatch(in: "x Ab 1")?[1] == "1")
        #expect(pattern.firstMatch(in: "x cd 2")?[1] == "2")
        #expect(pattern.firstMatch(in: "x AB 1") == nil)
        #expect(pattern.firstMatch(in: "x a 1") == nil)
        #expect(pattern.firstMatch(in: "") == nil)
        #expect(pattern.matches(in: "Ab 1 cd 2").count == 2)
        #expect(Pattern(#"đạt\s+(\d)"#, caseSensitive: true, needsText: ["đạt"]).firstMatch(in: "Đạt đạt 5")?[1] == "5")
    }
    // MARK: - Byte searches

    /// `containsWords` as it was, on copies of the bytes.
    static func containsWordsByCopy(_ key: String, _ phraseKey: String) -> Bool {
        let haystack = Array(key.utf8)
        let needle = Array(phraseKey.utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        var start = 0
        while start + needle.count <= haystack.count {
            if start == 0 || haystack[start - 1] == 0x20,
                haystack[start..<(start + needle.count)].elementsEqual(needle),
                start + needle.count == haystack.count || haystack[start + needle.count] == 0x20
            {
                return true
            }
            start += 1
        }
        return false
    }

    @Test func containsWordsAnswersAsBefore() {
        let phrases = [
            "hai long", "chu tri", "a", "phong", "cong an phuong", "nam 2026", "x", "", " ", "hai", "long hai",
            "uy ban nhan dan", "100", "dich vu cong truc tuyen", "σ", "hoan thanh",
        ]
        var found = 0
        for text in Array(Self.texts.prefix(4000)) + Self.metricCorners {
            let key = text.foldedKey
            let own = key.split(separator: " ")
            var needles = phrases + own.prefix(3).map(String.init)
            needles += [key, String(key.dropFirst()), String(key.dropLast())]
            if own.count >= 2 { needles.append(own[(own.count - 2)...].joined(separator: " ")) }
            for needle in needles {
                let expected = Self.containsWordsByCopy(key, needle)
                #expect(key.containsWords(needle) == expected, "\(key.debugDescription) \(needle.debugDescription)")
                if expected { found += 1 }
            }
        }
        #expect(found >= 1000)
        #expect("chu tri".containsWords("chu tri"))
        #expect("phong chu tri".containsWords("chu tri"))
        #expect(!"phong chu trix".containsWords("chu tri"))
        #expect(!"xchu tri".containsWords("chu tri"))
        #expect(!"chu".containsWords("chu tri"))
        #expect(!"chu tri".containsWords(""))
        #expect(String(Substring("x chu tri y")).containsWords("chu tri"))
    }

    @Test func byteContainsFindsTheBytes() {
        let cases: [(String, String, Bool)] = [
            ("Rà soát. Giao Công an", "Giao ", true), ("Giao", "Giao ", false), ("", "Giao ", false),
            ("bàn giao ", "Giao ", false), ("xGiao y", "Giao ", true), ("Giao\u{00A0}Công an", "Giao ", false),
            ("đạt đạt", "đạt", true), ("Đạt", "đạt", false),
        ]
        for (text, needle, expected) in cases {
            #expect(TextScan.contains(needle, in: text) == expected, "\(text.debugDescription)")
        }
    }

    // MARK: - Case folding

    /// The table holds each scalar's own answer, and a text's answer is every scalar's.
    @Test func caseFoldingTableHoldsEachScalarsAnswer() {
        for value in 0..<UInt32(TextScan.keepsKey.count) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(TextScan.keepsKey[Int(value)] == TextScan.scalarKeepsKey(scalar), "U+\(String(value, radix: 16))")
        }
        let corners = [
            "ſ chủ trì", "ß", "\u{212A}", "ﬁ", "Đường", "e\u{0301}", "x 😀", "\u{10400}", "ǅ", "\u{1E9E}", "Å", "",
        ]
        for text in Self.texts + corners {
            let expected = text.unicodeScalars.allSatisfy(TextScan.scalarKeepsKey)
            #expect(TextScan.caseFoldingKeepsKey(text) == expected, "\(text.debugDescription)")
        }
        #expect(!TextScan.caseFoldingKeepsKey("Đường \u{10400}"))
        #expect(TextScan.caseFoldingKeepsKey("Đường 😀"))
    }

    // MARK: - Inline assignments behind the byte tests

    /// `openingOffice` turns a text away before reading an opening time only when neither the
    /// text nor what follows its first comma may open with an office; `assigningOffice` needs
    /// "Giao ". Both still read what they read.
    @Test func openingOfficeAndGiaoStillRead() {
        let offices = ReferenceData.standard.offices
        let timed = InlineAssignment.openingOffice("Hằng tháng, Công an phường rà soát hồ sơ.", offices: offices)
        #expect(timed?.lead == "Công an phường")
        #expect(timed?.timeline == "Hằng tháng")
        let plain = InlineAssignment.openingOffice("Công an phường rà soát hồ sơ; thường xuyên.", offices: offices)
        #expect(plain?.lead == "Công an phường")
        #expect(plain?.timeline == "thường xuyên")
        #expect(InlineAssignment.openingOffice("Hằng tháng, rà soát hồ sơ.", offices: offices) == nil)
        #expect(InlineAssignment.openingOffice("Rà soát, Công an phường thực hiện.", offices: offices) == nil)
        let giao = InlineAssignment.read("Rà soát hồ sơ. Giao Văn phòng HĐND và UBND xã chuẩn bị nội dung.")
        #expect(giao?.lead == "Văn phòng HĐND và UBND xã")
        #expect(giao?.text == "Rà soát hồ sơ.")
        #expect(InlineAssignment.read("Rà soát hồ sơ. Bàn giao Văn phòng HĐND và UBND xã chuẩn bị.")?.lead == nil)
    }
}

@Suite("Texts as keys by their bytes")
struct ExactTextTests {
    @Test func equalBytesAreEqualKeys() {
        let texts = [
            "", "a", "Văn phòng", "Văn phòng ", "văn phòng", "hoá", "hóa", "e\u{0301}", "é", "😀", "x\u{00A0}y",
        ]
        for a in texts {
            for b in texts {
                let same = Array(a.utf8) == Array(b.utf8)
                #expect((ExactText(a) == ExactText(b)) == same, "\(a.debugDescription) \(b.debugDescription)")
                if same { #expect(ExactText(a).hashValue == ExactText(b).hashValue) }
            }
        }
        // NFC and NFD are equal strings but not equal bytes: each keeps its own answer.
        #expect("é" == "e\u{0301}")
        #expect(ExactText("é") != ExactText("e\u{0301}"))
        // A text made of pieces is the same key as the text written whole.
        let joined = ["Công an", "phường"].joined(separator: " ")
        var answers: [ExactText: Int] = [ExactText("Công an phường"): 1]
        #expect(answers[ExactText(joined)] == 1)
        answers[ExactText(String(Substring("x Công an phường").dropFirst(2)))] = 2
        #expect(answers.count == 1)
        #expect(answers[ExactText("Công an phường")] == 2)
    }
}
