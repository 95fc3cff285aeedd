import Testing

@testable import WardPlanKit

@Suite("Vietnamese collation")
struct VietnameseCollationTests {
    func ordered(_ names: [String]) -> [String] { VietnameseCollation.sorted(names) { $0 } }

    @Test func đComesAfterD() {
        #expect(
            ordered(["Đồ Sơn", "Dương Kinh", "Định Công", "Dịch Vọng"]) == [
                "Dịch Vọng", "Dương Kinh", "Định Công", "Đồ Sơn",
            ])
    }

    @Test func vowelsWithMarksComeAfterTheirBase() {
        #expect(ordered(["Âu Cơ", "Ăn", "An", "Bạch Mai"]) == ["An", "Ăn", "Âu Cơ", "Bạch Mai"])
        #expect(ordered(["Ưng", "Ung", "Ơn", "On", "Ôn"]) == ["On", "Ôn", "Ơn", "Ung", "Ưng"])
    }

    @Test func tonesCountOnlyBetweenTheSameLetters() {
        // Dictionary order of the tones: none, huyền, hỏi, ngã, sắc, nặng.
        #expect(ordered(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"])
        // Letters first: "Hà Đông" before "Hai Bà Trưng" (a-space before a-i), whatever the tones.
        #expect(ordered(["Hai Bà Trưng", "Hà Đông", "Hà"]) == ["Hà", "Hà Đông", "Hai Bà Trưng"])
    }

    @Test func tonePlacementAndCaseDoNotChangeTheLetters() {
        #expect(
            VietnameseCollation.key("Hoà").split(separator: " ").first
                == VietnameseCollation.key("hòa").split(separator: " ").first)
        #expect(ordered(["ngọc hà", "Ngọc Hà"]) == ["ngọc hà", "Ngọc Hà"])
    }

    @Test func numbersAndHyphens() {
        #expect(ordered(["Phường 10", "Phường 2", "Phường 1"]) == ["Phường 1", "Phường 2", "Phường 10"])
        #expect(ordered(["Văn Miếu - Quốc Tử Giám", "Văn Miếu"]) == ["Văn Miếu", "Văn Miếu - Quốc Tử Giám"])
    }
}

/// `VietnameseCollation.key` from the letter table (`LetterCodes`) against the key read character
/// by character through Foundation (`plainKey`), and which texts the table reads.
@Suite("Vietnamese collation, letter table")
struct LetterCodesTests {
    @Test func theTableGivesThePlainKey() throws {
        let names = [
            "", " ", "Phường Ngọc Hà", "PHƯỜNG ĐỒ SƠN", "Xã Ea H'leo", "Phường 007", "Phường 0", "12 Tháng 8",
            "Văn Miếu – Quốc Tử Giám", "Văn Miếu - Quốc Tử Giám", "An\tHải\nBắc", "Fjord Zwei", "ñandú",
            "Đ(đ).,;:!?", "Ỳ Ỵ Ỷ Ỹ ý", "a1b22c333", "ươ ƯƠ ưƠ",
        ]
        for name in names {
            let fromTable = try #require(LetterCodes.key(name), "\(name)")
            #expect(fromTable == VietnameseCollation.plainKey(name), "\(name)")
        }
    }

    @Test func textsTheTableDoesNotReadGoThroughFoundation() {
        let nfd = "Phường Ngọc Hà".decomposedStringWithCanonicalMapping
        let others = [nfd, "Ngọc\r\nHà", "Ngọc\rHà", "Ngọc\u{A0}Hà", "Straße", "Ça", "Hà 🌸", "Ö", "Ŧ"]
        for text in others {
            #expect(LetterCodes.key(text) == nil, "\(text)")
        }
        // The key of an NFD text is its NFC form's; CR LF is one break, as in `plainKey`.
        #expect(VietnameseCollation.key(nfd) == VietnameseCollation.key("Phường Ngọc Hà"))
        #expect(VietnameseCollation.key("Ngọc\r\nHà") == VietnameseCollation.plainKey("Ngọc\r\nHà"))
    }

    @Test func randomTextsGiveThePlainKey() {
        var scalars: [Unicode.Scalar] = (0x09...0x0D).compactMap(Unicode.Scalar.init)
        scalars += (0x20...0x7E).compactMap(Unicode.Scalar.init)
        scalars += Array("0000000111ăâđêôơưĂÂĐÊÔƠƯàáảãạẦẤẨẪẬèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ–".unicodeScalars)
        scalars += [0x300, 0x301, 0x303, 0x309, 0x323, 0xA0, 0xDF, 0xE7, 0xF6, 0x2014, 0x1F338]
            .compactMap(Unicode.Scalar.init)
        var random = SplitMix64(seed: 40)
        var read = 0
        for _ in 0..<4_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...14, using: &random) {
                text.append(scalars.randomElement(using: &random)!)
            }
            let string = String(text)
            let plain = VietnameseCollation.plainKey(string)
            #expect(VietnameseCollation.key(string) == plain, "\(string.unicodeScalars.map(\.value))")
            if let fromTable = LetterCodes.key(string) {
                read += 1
                #expect(fromTable == plain)
            }
        }
        // Most texts have no scalar the table leaves to Foundation.
        #expect(read > 1_000)
    }
}
