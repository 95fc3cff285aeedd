import Foundation
import Testing

@testable import WardPlanKit

/// Issue 11: `JSONBytesEncoder` writes the bytes of Foundation's `JSONEncoder` (the reference every
/// JSON output had before it): checked against it on the models and on hand-written values that
/// exercise escaping, numbers, empty containers and key order.
@Suite("JSON bytes as JSONEncoder writes them")
struct JSONBytesEncoderTests {
    /// Foundation's bytes.
    static func reference<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONRenderer.foundationEncoder.encode(value), as: UTF8.self)
    }

    static func fast<T: Encodable>(_ value: T, depth: Int = 0) throws -> String {
        String(decoding: try JSONBytesEncoder.encode(value, depth: depth), as: UTF8.self)
    }

    static func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try reference(value)
        let actual = try fast(value)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }

    // MARK: hand-written values

    struct Text: Codable { var text: String }

    static let strings: [String] = [
        "", "plain", "quote \" inside", "back\\slash", "a/b/c and </script>", "tab\tnew\nline\rcr",
        "\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}", "Phường Nam Đồ Sơn: ủy ban, hóa, hoá", "e\u{301} (NFD)",
        "emoji 🇻🇳 👩‍👩‍👧 😀", "\u{2028}\u{2029}\u{FEFF}\u{FFFD}", "đ Đ ơ ư Ư 100% ≥ 95 %",
    ]

    @Test func everyASCIICharacterIsEscapedAsJSONEncoderDoes() throws {
        for code in 0..<128 {
            let s = "x" + String(UnicodeScalar(UInt8(code))) + "y"
            try Self.expectSame(s)
            try Self.expectSame(Text(text: s))
        }
        // Lower-case hex, four digits.
        #expect(try Self.fast("\u{1}\u{1F}") == #""\u0001\u001f""#)
        #expect(try Self.fast("a/b") == #""a/b""#)
    }

    @Test func handWrittenStringsAreWrittenAsJSONEncoderWritesThem() throws {
        for s in Self.strings {
            try Self.expectSame(s)
            try Self.expectSame([s, s])
            try Self.expectSame(Text(text: s))
        }
        #expect(try Self.fast("Hà Nội \"x\" 😀") == "\"Hà Nội \\\"x\\\" 😀\"")
    }

    struct Numbers: Codable {
        var doubles: [Double]
        var floats: [Float]
        var ints: [Int]
        var small: [Int8]
        var unsigned: [UInt64]
        var flag: Bool
        var nothing: Int?
        var nulls: [String?]
    }

    @Test func numbersAreWrittenAsJSONEncoderWritesThem() throws {
        let value = Numbers(
            doubles: [
                0, -0.0, 1, -1, 1.5, 0.1, 0.3, 2.0 / 3, 95, 100, 1e15, 1e16, 1e20, 1e-7, 123_456_789.125, 1e300,
                Double.leastNonzeroMagnitude,
            ],
            floats: [0, 0.1, 1.5, 3e10], ints: [0, -1, 42, Int.min, Int.max], small: [-128, 127],
            unsigned: [0, UInt64.max], flag: true, nothing: nil, nulls: ["a", nil])
        try Self.expectSame(value)
        for d in value.doubles { try Self.expectSame(d) }
        #expect(try Self.fast([95.0, 0.5]) == "[\n  95,\n  0.5\n]")
        #expect(throws: EncodingError.self) { try JSONBytesEncoder.encode([Double.nan]) }
    }

    struct Empty: Codable { var a: String? }
    struct Containers: Codable {
        var emptyArray: [Int]
        var emptyObject: Empty
        var nested: [[String]]
        var objects: [Empty]
    }

    @Test func emptyAndNestedContainersAreWrittenAsJSONEncoderWritesThem() throws {
        try Self.expectSame([Int]())
        try Self.expectSame(Empty())
        try Self.expectSame(
            Containers(
                emptyArray: [], emptyObject: Empty(), nested: [[], ["x"], []], objects: [Empty(), Empty(a: "b")]))
    }

    @Test func keysAreSortedAsJSONEncoderSortsThem() throws {
        let keys = [
            "b", "B", "a10", "a9", "a1", "_", "a", "aB", "ab", "Ab", "a_b", "a-b", "z", "Z1", "Đ", "đ", "á", "ă", "Ư",
            "ngày", "ngay", "1", "10", "2", "",
        ]
        try Self.expectSame(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }))
        // The members of a type come in declaration order and are written sorted.
        struct Unsorted: Codable {
            var zeta = 1
            var alpha = "a"
            var mid: [Int] = [1, 2]
            var upper = true
            enum CodingKeys: String, CodingKey {
                case zeta, alpha, mid
                case upper = "Alpha"
            }
        }
        try Self.expectSame(Unsorted())
        try Self.expectSame([Unsorted(), Unsorted()])
    }

    /// Values it leaves to JSONEncoder: still the same bytes.
    struct Foundationy: Codable {
        var date = Date(timeIntervalSince1970: 1_700_000_000)
        var url = URL(string: "https://example.org/a?b=c")!
        var data = Data([1, 2, 3])
        var text = "x"
    }

    struct Nesting: Encodable {
        enum Keys: String, CodingKey { case inner, list, value }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(1, forKey: .value)
            var inner = c.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encode("x", forKey: .value)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode(true)
        }
    }

    @Test func whatItLeavesToJSONEncoderIsStillTheSame() throws {
        try Self.expectSame(Foundationy())
        try Self.expectSame([Foundationy()])
        try Self.expectSame(Nesting())
        try Self.expectSame(["a": Nesting()])
    }

    @Test func aValueDeeperInTheOutputIsIndentedToItsDepth() throws {
        let value = Containers(emptyArray: [], emptyObject: Empty(), nested: [["x"]], objects: [Empty(a: "b")])
        let flat = try Self.reference(value)
        let indented = flat.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, line in
            i == 0 || line.isEmpty ? String(line) : "    " + line
        }.joined(separator: "\n")
        #expect(try Self.fast(value, depth: 2) == indented)
    }

    // MARK: the models

    @Test func plansAndTheirComparisonAreWrittenAsJSONEncoderWritesThem() throws {
        let result = PlanExtractor().extract(paths: ParallelExtractionTests.files)
        #expect(result.plans.count >= 5 && !result.failed.isEmpty)
        for plan in result.plans { try Self.expectSame(plan) }
        for failure in result.failed { try Self.expectSame(failure) }
        try Self.expectSame(result)
        try Self.expectSame(ReportTests.comparison)
        let comparison = Comparer().compare(result.plans, failed: result.failed, asOf: ComparisonTests.asOf)
        try Self.expectSame(comparison)
        // The whole output, through the renderer and the stream.
        #expect(try JSONRenderer.render(comparison) == JSONRenderer.foundationEncoder.encode(comparison) + [0x0A])
        var streamed = Data()
        try JSONRenderer.stream(result) { streamed.append($0) }
        #expect(streamed == (try JSONRenderer.foundationEncoder.encode(result) + [0x0A]))
    }

    /// Every field of the models is written: the JSON reads back into the very same values.
    @Test func everyFieldOfTheModelsIsWritten() throws {
        let result = PlanExtractor().extract(paths: ParallelExtractionTests.files)
        let decoder = JSONDecoder()
        for plan in result.plans + [Fixtures.namDoSon, Fixtures.ngocHa] {
            let back = try decoder.decode(Plan.self, from: Data(try JSONBytesEncoder.encode(plan)))
            #expect(back == plan)
        }
        let comparison = ReportTests.comparison
        #expect(try decoder.decode(Comparison.self, from: Data(try JSONBytesEncoder.encode(comparison))) == comparison)
    }
}
