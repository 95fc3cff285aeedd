extension OfficeDirectory {
    /// The directory's words (of aliases, long and short forms, ignored words) numbered, so that
    /// `leadingOffice` normalises and compares the up to sixteen prefixes of a sentence as arrays
    /// of numbers: each word of the text is hashed once, not once per prefix and long form.
    ///
    /// A word the directory lacks gets a number of its own above the directory's (its place in the
    /// text's words): no alias or long form holds it, so it equals none of theirs, and its text is
    /// still at hand for the place-word test.
    struct WordNumbers: Sendable {
        private let numbers: [Substring: Int32]
        private let words: [Substring]
        private let ignored: [Bool]
        /// `aliases`' words as numbers, in the same order.
        let aliases: [[Int32]]
        /// Indices into `aliases` by an alias's first word.
        let aliasesByFirstWord: [Int32: [Int]]
        private let expansions: [(long: [Int32], short: [Int32])]

        init(
            words all: [Substring], ignored: Set<Substring>, aliases: [[Substring]],
            expansions: [(long: [Substring], short: [Substring])]
        ) {
            var numbers: [Substring: Int32] = [:]
            var words: [Substring] = []
            for word in all where numbers[word] == nil {
                numbers[word] = Int32(words.count)
                words.append(word)
            }
            self.numbers = numbers
            self.words = words
            self.ignored = words.map { ignored.contains($0) }
            self.aliases = aliases.map { $0.map { numbers[$0]! } }
            var byFirstWord: [Int32: [Int]] = [:]
            for (index, alias) in self.aliases.enumerated() { byFirstWord[alias[0], default: []].append(index) }
            aliasesByFirstWord = byFirstWord
            self.expansions = expansions.map {
                (long: $0.long.map { numbers[$0]! }, short: $0.short.map { numbers[$0]! })
            }
        }

        /// The numbers of a text's folded words; `unknown` collects the words the directory lacks.
        func number(_ folded: [Substring], unknown: inout [Substring]) -> [Int32] {
            folded.map { word in
                if let number = numbers[word] { return number }
                unknown.append(word)
                return Int32(words.count + unknown.count - 1)
            }
        }

        /// The number of a directory word, or nil when the directory lacks it.
        func number(of word: Substring) -> Int32? { numbers[word] }

        /// The text of word `number`, with the text's unknown words.
        func word(_ number: Int32, unknown: [Substring]) -> Substring {
            Int(number) < words.count ? words[Int(number)] : unknown[Int(number) - words.count]
        }

        /// `OfficeDirectory.normalised` on numbers.
        func normalised(_ folded: [Int32]) -> [Int32] {
            OfficeDirectory.expanding(folded.filter { Int($0) >= ignored.count || !ignored[Int($0)] }, expansions)
        }

        /// Whether `words` are an alias's words.
        func isAlias(_ words: [Int32]) -> Bool {
            guard let first = words.first, let indices = aliasesByFirstWord[first] else { return false }
            return indices.contains { aliases[$0] == words }
        }
    }
}
