/// A matcher in the reference snapshot (`ReferenceSnapshot`): its phrases, its patterns and its
/// automaton, which are what building it makes (`add`'s spellings, the automaton's tables); the
/// rest is made from them and the taxonomy (`init(taxonomy:phrases:patterns:automaton:)`).
extension TaxonomyMatcher {
    func write(to writer: inout BinaryWriter) {
        writer.array(phrases)
        writer.array(patterns)
        automaton.write(to: &writer)
    }

    /// The matcher of `taxonomy` written by `write(to:)` for it.
    convenience init(taxonomy: Taxonomy, from reader: inout BinaryReader) throws {
        let phrases = try reader.array(Phrase.self)
        let patterns = try reader.array(Pattern.self)
        let automaton = try PhraseMatcher(from: &reader)
        guard patterns.count == automaton.lengths.count,
            patterns.allSatisfy({ $0.phrase >= 0 && $0.phrase < phrases.count && $0.part >= 0 }),
            phrases.allSatisfy({ $0.owner >= 0 && $0.partCount > 0 })
        else { throw PlanBinaryCoder.Failure(description: "a matcher whose parts do not agree") }
        self.init(taxonomy: taxonomy, phrases: phrases, patterns: patterns, automaton: automaton)
    }
}

extension TaxonomyMatcher.Role {
    static let all: [Self] = [.signal, .notInside, .notWith, .areaHeading, .context, .contextExcept, .requirement]
}

extension TaxonomyMatcher.Phrase: BinaryCodable {
    static let binaryFields = ["owner", "role", "text", "partCount", "needs", "yieldsTo"]

    func write(to writer: inout BinaryWriter) {
        writer.int(owner)
        writer.varint(UInt64(TaxonomyMatcher.Role.all.firstIndex(of: role)!))
        writer.string(text)
        writer.int(partCount)
        writer.int(needs)
        writer.array(yieldsTo)
    }

    init(from reader: inout BinaryReader) throws {
        owner = try reader.int()
        let role = try reader.varint()
        guard role < TaxonomyMatcher.Role.all.count else {
            throw PlanBinaryCoder.Failure(description: "a phrase's role")
        }
        self.role = TaxonomyMatcher.Role.all[Int(role)]
        text = try reader.string()
        partCount = try reader.int()
        needs = try reader.optionalInt()
        yieldsTo = try reader.ints()
    }
}

extension TaxonomyMatcher.Pattern: BinaryCodable {
    static let binaryFields = ["phrase", "part", "key", "words", "toned", "punctuation"]

    func write(to writer: inout BinaryWriter) {
        writer.int(phrase)
        writer.int(part)
        writer.rawIntegers(key)
        writer.int(words)
        writer.string(toned)
        writer.value(punctuation)
    }

    init(from reader: inout BinaryReader) throws {
        phrase = try reader.int()
        part = try reader.int()
        key = try reader.rawIntegers()
        words = try reader.int()
        toned = try reader.optionalString()
        punctuation = try reader.optional(TaxonomyMatcher.Punctuation.self)
    }
}

extension TaxonomyMatcher.Punctuation: BinaryCodable {
    static let binaryFields = ["allowed", "anyCommas"]

    func write(to writer: inout BinaryWriter) {
        // By character: a dictionary's order changes from run to run.
        let pairs = allowed.sorted { $0.key < $1.key }
        writer.varint(UInt64(pairs.count))
        for (character, count) in pairs {
            writer.string(String(character))
            writer.int(count)
        }
        writer.bool(anyCommas)
    }

    init(from reader: inout BinaryReader) throws {
        var allowed: [Character: Int] = [:]
        for _ in 0..<(try reader.count()) {
            let text = try reader.string()
            guard text.count == 1, let character = text.first else {
                throw PlanBinaryCoder.Failure(description: "a punctuation mark that is not one character")
            }
            allowed[character] = try reader.int()
        }
        self.allowed = allowed
        anyCommas = try reader.bool()
    }
}
