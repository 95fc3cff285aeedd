import Foundation

/// The wording of a review letter (`Resources/Data/letter.yaml`): every sentence of the letter is
/// data a city can edit, with `{name}` placeholders filled per ward.
public struct LetterTemplate: Sendable, Codable, Hashable {
    public var version: Int
    public var sender: String
    public var superior: String
    public var number: String
    public var subject: String
    public var recipient: String
    public var opening: String
    public var openingNoBases: String
    public var noRequests: String
    public var requests: Requests
    public var groups: Groups
    public var areaHeading: String
    public var closing: String
    public var replyDays: Int
    public var copies: [String]
    public var signature: Signature
    /// Province keys (documents.yaml) of the centrally run cities.
    public var cities: [String]

    public struct Requests: Sendable, Codable, Hashable {
        public var absent: String
        public var stated: String
        /// A stated theme the plan gives to one office as a duty ({office}); optional, so a city's
        /// older letter.yaml still loads (then `stated` is used).
        public var statedAssigned: String?
        public var update: String
        public var targetAbsent: String
        public var targetBelow: String
        /// A target set only for years after the national period; optional, so a city's older
        /// letter.yaml still loads (then `targetAbsent` is used).
        public var targetLate: String?
        public var targetUpdate: String
        public var citationAbsent: String
        public var citationUpdate: String
    }

    public struct Groups: Sendable, Codable, Hashable {
        public var targets: String
        public var citations: String
    }

    public struct Signature: Sendable, Codable, Hashable {
        public var authority: String
        public var title: String
        public var name: String
    }

    /// The shipped wording.
    public static let standard: LetterTemplate = {
        do { return try ReferenceData.load(LetterTemplate.self, resource: "letter") } catch {
            fatalError("the shipped letter template does not load: \(error)")
        }
    }()

    /// A city's own wording.
    public init(url: URL) throws {
        self = try ReferenceData.decodeYAML(LetterTemplate.self, from: url)
    }

    /// `text` with each `{name}` replaced by its value; an unknown name is left as written, so a
    /// misspelt placeholder shows in the letter instead of vanishing.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        fillByBytes(text, values) ?? fillByCharacters(text, values)
    }

    /// `fillByCharacters` looking for the braces' bytes: a Vietnamese text walked as characters
    /// cost most of a letter (perf, lead35). The same answer whenever each `{` and `}` byte has an
    /// ASCII byte (or the text's end) on both sides, so it is a character of its own (a mark after
    /// it, or a prepended letter before it, is never ASCII); nil otherwise.
    static func fillByBytes(_ text: String, _ values: [String: String]) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let open = UInt8(ascii: "{")
            let close = UInt8(ascii: "}")
            for i in bytes.indices where bytes[i] == open || bytes[i] == close {
                if i > 0 && bytes[i - 1] >= 0x80 || i + 1 < bytes.count && bytes[i + 1] >= 0x80 { return nil }
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 256)
            var rest = 0
            while let start = bytes[rest...].firstIndex(of: open) {
                out.append(contentsOf: bytes[rest..<start])
                if let end = bytes[(start + 1)...].firstIndex(of: close),
                    let value = values[String(decoding: bytes[(start + 1)..<end], as: UTF8.self)]
                {
                    out.append(contentsOf: value.utf8)
                    rest = end + 1
                } else {
                    out.append(open)
                    rest = start + 1
                }
            }
            out.append(contentsOf: bytes[rest...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The fill as written first, by characters: the reference of `fillByBytes` and its fallback.
    static func fillByCharacters(_ text: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
