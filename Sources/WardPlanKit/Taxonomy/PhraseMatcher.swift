/// Finds many phrases in a text key in one pass over its bytes: an Aho–Corasick automaton whose
/// letters are words.
///
/// Texts and patterns are `TextKey` bytes: words separated by single spaces, with a space at each
/// end (" dich vu cong "), so a pattern can only match whole words. The pass packs each word of the
/// text into an integer as its bytes go by (folded Vietnamese syllables are at most 7 letters), looks
/// the word up once in the patterns' vocabulary (a word no pattern has sends the automaton back to
/// its start), and takes one step of the automaton per word. The tables stay in the processor's
/// first-level cache, which the table of a byte-level automaton of a few thousand phrases does not.
struct PhraseMatcher: Sendable {
    /// A match: pattern `pattern` spans key bytes `start ..< end`, its padding spaces included.
    struct Match: Hashable {
        var pattern: Int
        var start: Int
        var end: Int
    }

    private let vocabulary: WordTable
    /// The automaton's step from its start state, by word number.
    private let fromStart: [Int32]
    /// Its other steps, by (state, word), failure links already followed: a pair that is not here
    /// steps as from the start state.
    private let transitions: PairTable
    /// For each state, the range of `outputs` holding the patterns that end there.
    private let outputStart: [Int32]
    private let outputEnd: [Int32]
    private let outputs: [Int32]
    private let lengths: [Int32]

    /// `patterns` must be padded word sequences (" w1 w2 "); anything else never matches.
    init(patterns: [[UInt8]]) {
        var words: [[UInt8]] = []
        var wordIDs: [[UInt8]: Int32] = [:]
        let sequences: [[Int32]] = patterns.map { pattern in
            pattern.split(separator: 0x20).map { word in
                let word = Array(word)
                if let id = wordIDs[word] { return id }
                words.append(word)
                wordIDs[word] = Int32(words.count)
                return Int32(words.count)
            }
        }
        vocabulary = WordTable(words)

        // The trie of word sequences.
        var children: [[Int32: Int32]] = [[:]]
        var own: [[Int32]] = [[]]
        for (index, sequence) in sequences.enumerated() where !sequence.isEmpty && Self.isPadded(patterns[index]) {
            var state: Int32 = 0
            for word in sequence {
                if let next = children[Int(state)][word] {
                    state = next
                } else {
                    children[Int(state)][word] = Int32(children.count)
                    state = Int32(children.count)
                    children.append([:])
                    own.append([])
                }
            }
            own[Int(state)].append(Int32(index))
        }

        // Breadth first: failure links; outputs and steps merged along them (a state's own
        // children win over those of the states its failure link leads to).
        var failure = [Int32](repeating: 0, count: children.count)
        var merged = own
        var steps = children.map { _ in [Int32: Int32]() }
        var queue = children[0].values.sorted()
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            let fallback = Int(failure[state])
            merged[state] += merged[fallback]
            steps[state] = children[state].merging(fallback == 0 ? [:] : steps[fallback]) { own, _ in own }
            for (word, child) in children[state].sorted(by: { $0.key < $1.key }) {
                var link = failure[state]
                while children[Int(link)][word] == nil && link != 0 { link = failure[Int(link)] }
                failure[Int(child)] = children[Int(link)][word] ?? 0
                queue.append(child)
            }
        }

        var start = [Int32](repeating: 0, count: words.count + 1)
        for (word, next) in children[0] { start[Int(word)] = next }
        fromStart = start
        var pairs: [(state: Int32, word: Int32, next: Int32)] = []
        for (state, edges) in steps.enumerated() where state != 0 {
            for (word, next) in edges where next != start[Int(word)] { pairs.append((Int32(state), word, next)) }
        }
        transitions = PairTable(pairs)
        var outputStart = [Int32](repeating: 0, count: children.count)
        var outputEnd = [Int32](repeating: 0, count: children.count)
        var outputs: [Int32] = []
        for state in children.indices {
            outputStart[state] = Int32(outputs.count)
            outputs += merged[state]
            outputEnd[state] = Int32(outputs.count)
        }
        self.outputStart = outputStart
        self.outputEnd = outputEnd
        self.outputs = outputs
        lengths = patterns.map { Int32($0.count) }
    }

    private static func isPadded(_ pattern: [UInt8]) -> Bool {
        pattern.count >= 3 && pattern.first == 0x20 && pattern.last == 0x20
            && !zip(pattern, pattern.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
    }

    var stateCount: Int { outputStart.count }

    /// Every occurrence of every pattern in `key`, in order of their end.
    func matches(in key: [UInt8]) -> [Match] {
        var found: [Match] = []
        key.withUnsafeBufferPointer { bytes in
            fromStart.withUnsafeBufferPointer { fromStart in
                var state: Int32 = 0
                var packed: UInt64 = 0
                var length = 0
                for i in 0..<bytes.count {
                    let byte = bytes[i]
                    if byte != 0x20 {
                        if length < 8 { packed |= UInt64(byte) &<< UInt64(8 &* length) }
                        length &+= 1
                        continue
                    }
                    if length > 0 {
                        let word = length <= 8
                            ? vocabulary.id(packed: packed)
                            : vocabulary.id(long: UnsafeBufferPointer(rebasing: bytes[(i - length)..<i]))
                        // A word no pattern has (0) leads back to the start.
                        state = word == 0 ? 0 : state == 0 ? fromStart[Int(word)] : transitions.next(state, word) ?? fromStart[Int(word)]
                        let first = Int(outputStart[Int(state)])
                        let last = Int(outputEnd[Int(state)])
                        for k in first..<last {
                            let pattern = Int(outputs[k])
                            found.append(Match(pattern: pattern, start: i + 1 - Int(lengths[pattern]), end: i + 1))
                        }
                    }
                    packed = 0
                    length = 0
                }
            }
        }
        return found
    }
}

/// The patterns' words and their numbers. A word of up to 8 bytes is its own key, packed into an
/// integer; longer words (rare: long acronyms, foreign words) are looked up by their bytes.
private struct WordTable: Sendable {
    private let keys: [UInt64]
    private let ids: [Int32]
    private let mask: Int
    private let long: [[UInt8]: Int32]

    init(_ words: [[UInt8]]) {
        var size = 16
        while size < words.count * 2 { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var ids = [Int32](repeating: 0, count: size)
        var long: [[UInt8]: Int32] = [:]
        for (index, word) in words.enumerated() {
            guard word.count <= 8 else {
                long[word] = Int32(index + 1)
                continue
            }
            let key = word.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            var slot = Self.slot(key, size - 1)
            while ids[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            ids[slot] = Int32(index + 1)
        }
        self.keys = keys
        self.ids = ids
        self.long = long
        mask = size - 1
    }

    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    /// The number of a word of up to 8 bytes, packed; 0 when no pattern has it.
    @inline(__always)
    func id(packed key: UInt64) -> Int32 {
        var slot = Self.slot(key, mask)
        while true {
            let id = ids[slot]
            if id == 0 || keys[slot] == key { return id }
            slot = (slot + 1) & mask
        }
    }

    func id(long word: UnsafeBufferPointer<UInt8>) -> Int32 {
        long.isEmpty ? 0 : long[Array(word)] ?? 0
    }
}

/// Steps of the word automaton other than from its start: an open-addressing table keyed by
/// (state, word).
private struct PairTable: Sendable {
    private let keys: [UInt64]
    private let values: [Int32]
    private let mask: Int

    init(_ pairs: [(state: Int32, word: Int32, next: Int32)]) {
        var size = 16
        while size < pairs.count * 2 { size *= 2 }
        var keys = [UInt64](repeating: .max, count: size)
        var values = [Int32](repeating: 0, count: size)
        for pair in pairs {
            let key = Self.key(pair.state, pair.word)
            var slot = WordTable.slot(key, size - 1)
            while keys[slot] != .max { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            values[slot] = pair.next
        }
        self.keys = keys
        self.values = values
        mask = size - 1
    }

    @inline(__always)
    static func key(_ state: Int32, _ word: Int32) -> UInt64 { UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: word)) }

    @inline(__always)
    func next(_ state: Int32, _ word: Int32) -> Int32? {
        let key = Self.key(state, word)
        var slot = WordTable.slot(key, mask)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == .max { return nil }
            slot = (slot + 1) & mask
        }
    }
}
