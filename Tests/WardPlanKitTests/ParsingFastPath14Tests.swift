import Foundation
import Testing

@testable import WardPlanKit

/// The byte paths of session 14 (perf-parse14) against the expressions they replaced, on the
/// fixture lines, their folded keys, corners written by hand and generated strings around the edges.
@Suite("Byte paths of session 14 against the paths they replaced")
struct ParsingFastPath14Tests {
    /// Strings around a target's figures: digits in runs of every length, decimal marks, each
    /// white space simple text can hold (and some it cannot), the level words in every case, NFC
    /// and NFD, digits that are not ASCII, combining marks after a digit or a sign.
    static let generated: [String] = {
        let pieces = [
            "%", " %", "\u{00A0}%", "\u{0085}%", "\u{000B}", "\t", "\r", "\r\n", "\n", "\u{2009}", "\u{3000}", " ",
            "  ",
            ".", ",", "1", "12", "123", "2026", "5", ".5", ",75", "0,5", "99.9", "\u{0663}", "３", "½", "1\u{0301}",
            "%\u{0301}", "cấp", "CẤP", "Cấp", "cấP", "độ", "ĐỘ", "Độ", " độ", "\u{00A0}độ", "mức", "MỨC", "Mức", "mỨc",
            "trưởng thành", "TRƯỞNG THÀNH", "Trưởng Thành", "trưởng  thành", "trưởng", "thành", "ca\u{0302}\u{0301}p",
            "mư\u{0301}c", "mức 3", "Cấp độ 2", "mức độ 45", " 4", "cap", "muc", "mưc", "ſ", "x", "a", "đạt", "từ",
            "trở lên", "(", ")", ";", "năm",
        ]
        return GeneratedStrings.make(from: pieces, count: 8000, upTo: 10, seed: 0x2545_F491_4F6C_DD1D)
    }()

    static let corners = [
        "", "%", "1%", "1234%", "123%", "12.5%", "12,5 %", "12.5.3%", "1.%", "1,", "100\u{00A0}%", "100\u{0085}%",
        "100\u{000B}%", "100\u{2009}%", "100\r%", "100\n%", "5 % 6 %", "5%6%", "\u{0663}%", "１%", "9%\u{0301}",
        "cấp độ 3", "cấp 3", "mức 2", "mức độ 4", "CẤP ĐỘ 3", "Mức Độ 12", "mức 123", "mức 12%", "mức 12 %", "mức 1 %",
        "mức3", "mức  3", "mức\u{00A0}3", "cấp\u{00A0}độ 3", "cấp  độ 3", "cấp độ trưởng thành 3",
        "mức trưởng thành 2", "mức trưởng  thành 2", "mức trưởng thành2", "mức trưởng thành", "mức \u{0663}",
        "cấp độ 3, mức 4 và 95%", "ca\u{0302}\u{0301}p độ 3", "đạt mức 3 trở lên, 90% hồ sơ", "mức 1\u{0301}",
    ]

    static var lines: [String] {
        let texts = TextScanTests.corpus + Self.generated + Self.corners
        return texts + texts.map(\.foldedKey)
    }

    @Test(arguments: [
        (ValueScan.Kind.percent, TargetParser.percentSource), (ValueScan.Kind.level, TargetParser.levelSource),
    ])
    func figuresAsTheBareExpressions(kind: ValueScan.Kind, source: String) {
        let bare = Pattern(source)
        var (scanned, matched) = (0, 0)
        for line in Self.lines {
            let expected = bare.matches(in: line).map { [$0.range] + $0.groups }
            if let found = ValueScan.matches(kind, in: line) {
                scanned += 1
                #expect(found.map { [$0.range] + $0.groups } == expected, "\(kind) \(line.debugDescription)")
                let first = ValueScan.firstMatch(kind, in: line)!.map { [$0.range] + $0.groups }
                #expect(first == bare.firstMatch(in: line).map { [$0.range] + $0.groups }, "\(line.debugDescription)")
            }
            if !expected.isEmpty { matched += 1 }
            // What `TargetParser` reads, whichever path it takes.
            let read = (kind == .percent ? TargetParser.percents(in: line) : TargetParser.levels(in: line))
            #expect(read.map { [$0.range] + $0.groups } == expected, "\(kind) \(line.debugDescription)")
        }
        #expect(scanned > 10_000 && matched > 200, "\(kind): scanned \(scanned), matched \(matched)")
    }

    @Test func figuresByHand() {
        func percents(_ text: String) -> [String] { ValueScan.matches(.percent, in: text)!.compactMap { $0[1] } }
        func levels(_ text: String) -> [String] { ValueScan.matches(.level, in: text)!.compactMap { $0[1] } }
        #expect(percents("1234% và 12.5.3%; 0,5 %") == ["234", "5.3", "0,5"])
        #expect(percents("100\u{00A0}% hồ sơ") == ["100"])
        #expect(levels("cấp độ 3, Mức Độ 4, mức 12%, mức 123, mức trưởng thành 2") == ["3", "4", "2"])
        #expect(levels("cấp\u{00A0}độ 3") == [])
        #expect(ValueScan.matches(.percent, in: "100\u{2009}%") == nil)  // not simple: the expression reads it
        #expect(ValueScan.matches(.level, in: "mức \u{0663}") == nil)
        #expect(TargetParser.levels(in: "mức \u{0663}").first?[1] == "\u{0663}")
    }
}
