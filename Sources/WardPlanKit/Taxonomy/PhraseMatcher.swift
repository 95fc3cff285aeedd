/// Finds many phrases in a text key in one pass over its bytes: an Aho–Corasick automaton whose
/// letters are words.
///
/// Texts and patterns are `TextKey` bytes: words separated by single spaces, with a space at each
/// end (" dich vu cong "), so a pattern can only match whole words. The pass packs each word of the
/// text into an integer, eight bytes at a time (folded Vietnamese syllables are at most 7 letters), looks
/// the word up once in the patterns' vocabulary (a word no pattern has sends the automaton back to
/// its start), and takes one step of the automaton per word. The tables stay in the processor's
/// first-level cache, which the table of a byte-level automaton of a few thousand phrases does not.
struct PhraseMatcher: Sendable {
    /// A match: pattern `pattern` spans key bytes `start ..< end`, its padding spaces included,
    /// and ends with word `endWord - 1` of the key (words counted from 0).
    struct Match: Hashable {
        var pattern: Int
        var start: Int
        var end: Int
        var endWord: Int
    }

    let vocabulary: WordTable
    /// The automaton's step from its start state, by word number.
    let fromStart: [Int32]
    /// The trie's other edges of states with several, by (state, word). A state without an edge for the next word follows
    /// its failure link. (Edges merged along the failure links beforehand made a table too large
    /// for the cache: a miss on it per word was a fifth of the matcher's time.)
    let transitions: PairTable
    /// What a step reads of each state, in one record: one cache line a word instead of one per
    /// table (the tables were separate arrays, each a likely miss on a large automaton).
    struct State: Equatable {
        /// Bit `word % 64` is set when `transitions` may hold an edge on `word`: it skips most
        /// look-ups that would find nothing.
        var mayStep: UInt64 = 0
        /// The state of the longest proper suffix of this state's words that is in the trie.
        var failure: Int32 = 0
        /// The patterns that end here: `outputs[outputStart ..< outputEnd]`.
        var outputStart: Int32 = 0
        var outputEnd: Int32 = 0
        /// A state with one edge (most of the trie's) keeps it here, not in `transitions`:
        /// its word (0 for a state with none or several) and where it leads.
        var onlyWord: Int32 = 0
        var onlyNext: Int32 = 0
    }

    let states: [State]
    let outputs: [Int32]
    let lengths: [Int32]

    /// `patterns` must be padded word sequences (" w1 w2 "); anything else never matches.
    ///
    /// Built in flat arrays: words read from each pattern's bytes (no array per pattern), numbered
    /// and linked through open-addressing tables (`KeyTable`, no hashing of the standard
    /// library's), each state's edges and patterns in one array grouped by state, outputs merged
    /// into one array. Every table is the one the dictionary builder it replaced makes (kept in
    /// `FastPath28STests`): words numbered as first seen (also those of patterns that are not
    /// padded), states numbered as made (state `k + 1` made by edge `k`), a state's edges in the
    /// order made, its children visited by word, the same failure links, outputs merged in the same
    /// order. A matcher of the shipped taxonomy took 118 M instructions with the dictionaries and an
    /// array per state.
    init(patterns: [[UInt8]]) {
        var words: [[UInt8]] = []
        var shortIDs = KeyTable(capacity: 4_096)
        var longIDs: [ArraySlice<UInt8>: Int32] = [:]
        // Each pattern's words, one after another: `sequence[sequenceEnd[p - 1] ..< sequenceEnd[p]]`.
        var sequence: [Int32] = []
        sequence.reserveCapacity(patterns.count * 4)
        var sequenceEnd: [Int] = []
        sequenceEnd.reserveCapacity(patterns.count)
        for pattern in patterns {
            pattern.withUnsafeBufferPointer { bytes in
                var i = 0
                let count = bytes.count
                while i < count {
                    if bytes[i] == 0x20 {
                        i += 1
                        continue
                    }
                    var end = i
                    while end < count && bytes[end] != 0x20 { end += 1 }
                    let length = end - i
                    if length <= 7 {
                        var key = UInt64(length) << 56
                        for k in 0..<length { key |= UInt64(bytes[i + k]) << (8 * k) }
                        let id = shortIDs.value(key)
                        if id != 0 {
                            sequence.append(id)
                        } else {
                            words.append(Array(bytes[i..<end]))
                            shortIDs.insert(key, Int32(words.count))
                            sequence.append(Int32(words.count))
                        }
                    } else {
                        let word = pattern[i..<end]
                        if let id = longIDs[word] {
                            sequence.append(id)
                        } else {
                            words.append(Array(word))
                            longIDs[word] = Int32(words.count)
                            sequence.append(Int32(words.count))
                        }
                    }
                    i = end
                }
            }
            sequenceEnd.append(sequence.count)
        }

        // The trie of word sequences: edge `k` leads from `edgeFrom[k]` on `edgeWord[k]` to state `k + 1`.
        var edges = KeyTable(capacity: sequence.count)
        var edgeFrom: [Int32] = []
        var edgeWord: [Int32] = []
        edgeFrom.reserveCapacity(sequence.count)
        edgeWord.reserveCapacity(sequence.count)
        // The patterns that end at each state: (state, pattern) in pattern order.
        var ownState: [Int32] = []
        var ownPattern: [Int32] = []
        ownState.reserveCapacity(patterns.count)
        ownPattern.reserveCapacity(patterns.count)
        var begin = 0
        for (index, end) in sequenceEnd.enumerated() {
            defer { begin = end }
            guard end > begin && Self.isPaddedBytes(patterns[index]) else { continue }
            var state: Int32 = 0
            for word in sequence[begin..<end] {
                let key = PairTable.key(state, word)
                let next = edges.value(key)
                if next != 0 {
                    state = next
                } else {
                    edgeFrom.append(state)
                    edgeWord.append(word)
                    state = Int32(edgeFrom.count)
                    edges.insert(key, state)
                }
            }
            ownState.append(state)
            ownPattern.append(Int32(index))
        }
        let stateCount = edgeFrom.count + 1

        // Each state's children in the order made: `children[childStart[s] ..< childStart[s + 1]]`.
        var childStart = [Int](repeating: 0, count: stateCount + 1)
        for from in edgeFrom { childStart[Int(from) + 1] += 1 }
        for s in 0..<stateCount { childStart[s + 1] += childStart[s] }
        var children = [Int32](repeating: 0, count: edgeFrom.count)
        var fill = childStart
        for (k, from) in edgeFrom.enumerated() {
            children[fill[Int(from)]] = Int32(k + 1)
            fill[Int(from)] += 1
        }
        // Each state's own patterns in pattern order: `own[ownStart[s] ..< ownStart[s + 1]]`.
        var ownStart = [Int](repeating: 0, count: stateCount + 1)
        for state in ownState { ownStart[Int(state) + 1] += 1 }
        for s in 0..<stateCount { ownStart[s + 1] += ownStart[s] }
        var own = [Int32](repeating: 0, count: ownState.count)
        fill = ownStart
        for (k, state) in ownState.enumerated() {
            own[fill[Int(state)]] = ownPattern[k]
            fill[Int(state)] += 1
        }

        // Breadth first: failure links, and outputs merged along them (a state's own patterns,
        // then those of its failure state), into `merged` at `mergedRange[s]`.
        var failure = [Int32](repeating: 0, count: stateCount)
        var merged: [Int32] = []
        var mergedRange = [Range<Int>](repeating: 0..<0, count: stateCount)
        // The start's children, by state number (the order made).
        var queue = Array(children[childStart[0]..<childStart[1]])
        queue.reserveCapacity(stateCount)
        var byWord: [Int32] = []
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            let fallback = Int(failure[state])
            let first = merged.count
            merged.append(contentsOf: own[ownStart[state]..<ownStart[state + 1]])
            let inherited = mergedRange[fallback]
            if !inherited.isEmpty {
                for k in inherited { merged.append(merged[k]) }
            }
            mergedRange[state] = first..<merged.count
            // The children by word (a state's words differ), by insertion: most states have one.
            byWord.removeAll(keepingCapacity: true)
            for child in children[childStart[state]..<childStart[state + 1]] {
                let word = edgeWord[Int(child) - 1]
                var at = byWord.count
                byWord.append(child)
                while at > 0 && edgeWord[Int(byWord[at - 1]) - 1] > word {
                    byWord[at] = byWord[at - 1]
                    at -= 1
                }
                byWord[at] = child
            }
            for child in byWord {
                let word = edgeWord[Int(child) - 1]
                var link = failure[state]
                while edges.value(PairTable.key(link, word)) == 0 && link != 0 { link = failure[Int(link)] }
                failure[Int(child)] = edges.value(PairTable.key(link, word))
                queue.append(child)
            }
        }

        self.init(
            words: words, trie: Trie(children: children, childStart: childStart, edgeWord: edgeWord),
            failure: failure, merged: merged, mergedRange: mergedRange, patterns: patterns)
    }

    /// A trie in flat arrays: state `k + 1` is made by edge `k`, on word `edgeWord[k]`; each state's
    /// children in the order made are `children[childStart[s] ..< childStart[s + 1]]`.
    struct Trie {
        var children: [Int32]
        var childStart: [Int]
        var edgeWord: [Int32]
    }

    /// The automaton from its trie: the tables a step reads, each state's edges, failure link and
    /// outputs (`merged[mergedRange[s]]`, merged along the links). The builders end here: this
    /// file's and the tests' reference (`FastPath28STests`), so the tables they make can be compared.
    init(
        words: [[UInt8]], trie: Trie, failure: [Int32], merged: [Int32], mergedRange: [Range<Int>],
        patterns: [[UInt8]]
    ) {
        let stateCount = failure.count
        let (children, childStart, edgeWord) = (trie.children, trie.childStart, trie.edgeWord)
        vocabulary = WordTable(words)
        var start = [Int32](repeating: 0, count: words.count + 1)
        for child in children[childStart[0]..<childStart[1]] { start[Int(edgeWord[Int(child) - 1])] = child }
        fromStart = start
        var states = [State](repeating: State(), count: stateCount)
        var pairs: [(state: Int32, word: Int32, next: Int32)] = []
        for state in 1..<max(stateCount, 1) {
            let list = children[childStart[state]..<childStart[state + 1]]
            for next in list {
                let word = edgeWord[Int(next) - 1]
                if list.count == 1 {
                    states[state].onlyWord = word
                    states[state].onlyNext = next
                } else {
                    pairs.append((Int32(state), word, next))
                }
                states[state].mayStep |= Self.bit(word)
            }
        }
        transitions = PairTable(pairs)
        var outputs: [Int32] = []
        outputs.reserveCapacity(merged.count)
        for state in 0..<stateCount {
            states[state].failure = failure[state]
            states[state].outputStart = Int32(outputs.count)
            outputs.append(contentsOf: merged[mergedRange[state]])
            states[state].outputEnd = Int32(outputs.count)
        }
        self.states = states
        self.outputs = outputs
        lengths = patterns.map { Int32($0.count) }
    }

    /// `isPadded` by a walk over the bytes.
    private static func isPaddedBytes(_ pattern: [UInt8]) -> Bool {
        pattern.withUnsafeBufferPointer { bytes in
            guard bytes.count >= 3, bytes[0] == 0x20, bytes[bytes.count - 1] == 0x20 else { return false }
            for k in 1..<bytes.count where bytes[k] == 0x20 && bytes[k - 1] == 0x20 { return false }
            return true
        }
    }

    /// Whether `other` has the same tables, slot for slot (for tests: two builders' results).
    func sameTables(as other: PhraseMatcher) -> Bool {
        vocabulary == other.vocabulary && fromStart == other.fromStart && transitions == other.transitions
            && states == other.states && outputs == other.outputs && lengths == other.lengths
    }

    var stateCount: Int { states.count }

    @inline(__always)
    private static func bit(_ word: Int32) -> UInt64 { 1 &<< UInt64(word & 63) }

    /// Every occurrence of every pattern in `key`, in order of their end.
    func matches(in key: [UInt8]) -> [Match] {
        var found: [Match] = []
        key.withUnsafeBufferPointer { bytes in forEachMatch(in: bytes) { found.append($0) } }
        return found
    }

    /// Calls `body` with every occurrence of every pattern in `key`, in order of their end, without
    /// collecting them into an array.
    ///
    /// A word is a run of non-space bytes followed by a space (a run at the very end, with no space
    /// after it, is not a word of a padded key). Words are found eight bytes at a time: a word of
    /// up to 7 bytes (most folded syllables) is the bytes before the first space of one load.
    func forEachMatch(in key: UnsafeBufferPointer<UInt8>, _ body: (Match) -> Void) {
        let count = key.count
        var state: Int32 = 0
        var i = 0
        var words = 0
        while i < count {
            if key[i] == 0x20 {
                i &+= 1
                continue
            }
            var packed: UInt64 = 0
            var length = 0
            if i &+ 8 <= count, let spaces = Self.spaces(in: Self.load(key, at: i)) {
                length = spaces.first
                packed = spaces.before
            } else {
                while i &+ length < count && key[i &+ length] != 0x20 {
                    if length < 8 { packed |= UInt64(key[i &+ length]) &<< UInt64(8 &* length) }
                    length &+= 1
                }
            }
            let space = i &+ length
            guard space < count else { break }
            let word =
                length <= 8
                ? vocabulary.id(packed: packed)
                : vocabulary.id(long: UnsafeBufferPointer(rebasing: key[i..<space]))
            // A word no pattern has (0) leads back to the start.
            state = word == 0 ? 0 : step(from: state, on: word)
            words &+= 1
            let reached = states[Int(state)]
            for k in Int(reached.outputStart)..<Int(reached.outputEnd) {
                let pattern = Int(outputs[k])
                body(
                    Match(pattern: pattern, start: space &+ 1 &- Int(lengths[pattern]), end: space &+ 1, endWord: words)
                )
            }
            i = space &+ 1
        }
    }

    /// The state after `word` (a word of the patterns) in `state`: the trie's edge, or else the
    /// edge of the state its failure link leads to, and so on down to the start.
    @inline(__always)
    private func step(from state: Int32, on word: Int32) -> Int32 {
        var state = state
        while state != 0 {
            let current = states[Int(state)]
            if current.mayStep & Self.bit(word) != 0 {
                if current.onlyWord != 0 {
                    if current.onlyWord == word { return current.onlyNext }
                } else if let next = transitions.next(state, word) {
                    return next
                }
            }
            state = current.failure
        }
        return fromStart[Int(word)]
    }

    /// Eight key bytes from `i` (which must have eight bytes after it), the first in the low byte.
    @inline(__always)
    private static func load(_ key: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(key.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// The index of the first space among eight loaded bytes and the bytes before it, or nil when
    /// there is none. (The classic zero-byte test on `bytes ^ spaces`: its lowest flagged byte is
    /// always a true zero; only bytes above a zero can be flagged falsely.)
    @inline(__always)
    private static func spaces(in bytes: UInt64) -> (first: Int, before: UInt64)? {
        let x = bytes ^ 0x2020_2020_2020_2020
        let zero = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        guard zero != 0 else { return nil }
        let first = zero.trailingZeroBitCount >> 3
        return (first, bytes & ((1 &<< UInt64(8 &* first)) &- 1))
    }
}

/// The patterns' words and their numbers. A word of up to 8 bytes is its own key, packed into an
/// integer; longer words (rare: long acronyms, foreign words) are looked up by their bytes.
struct WordTable: Sendable, Equatable {
    /// A key and its number side by side, so that a probe reads one cache line.
    struct Slot: Equatable {
        var key: UInt64 = 0
        var id: Int32 = 0
    }

    let slots: [Slot]
    let mask: Int
    let long: [[UInt8]: Int32]

    init(_ words: [[UInt8]]) {
        var size = 16
        while size < words.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        var long: [[UInt8]: Int32] = [:]
        for (index, word) in words.enumerated() {
            guard word.count <= 8 else {
                long[word] = Int32(index + 1)
                continue
            }
            let key = word.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
            var slot = Self.slot(key, size - 1)
            while slots[slot].id != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(key: key, id: Int32(index + 1))
        }
        self.slots = slots
        self.long = long
        mask = size - 1
    }

    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The number of a word of up to 8 bytes, packed; 0 when no pattern has it.
    @inline(__always)
    func id(packed key: UInt64) -> Int32 {
        var slot = Self.slot(key, mask)
        while true {
            let found = slots[slot]
            if found.id == 0 || found.key == key { return found.id }
            slot = (slot + 1) & mask
        }
    }

    func id(long word: UnsafeBufferPointer<UInt8>) -> Int32 {
        long.isEmpty ? 0 : long[Array(word)] ?? 0
    }
}

/// Steps of the word automaton other than from its start: an open-addressing table keyed by
/// (state, word).
struct PairTable: Sendable, Equatable {
    /// A key (`UInt64.max` when empty) and its step side by side, so that a probe reads one cache line.
    struct Slot: Equatable {
        var key: UInt64 = .max
        var next: Int32 = 0
    }

    let slots: [Slot]
    let mask: Int

    init(_ pairs: [(state: Int32, word: Int32, next: Int32)]) {
        var size = 16
        while size < pairs.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(), count: size)
        for pair in pairs {
            let key = Self.key(pair.state, pair.word)
            var slot = WordTable.slot(key, size - 1)
            while slots[slot].key != .max { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(key: key, next: pair.next)
        }
        self.slots = slots
        mask = size - 1
    }

    @inline(__always)
    static func key(_ state: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    @inline(__always)
    func next(_ state: Int32, _ word: Int32) -> Int32? {
        let key = Self.key(state, word)
        var slot = WordTable.slot(key, mask)
        while true {
            let found = slots[slot]
            if found.key == key { return found.next }
            if found.key == .max { return nil }
            slot = (slot + 1) & mask
        }
    }
}

/// An open-addressing table from nonzero `UInt64` keys to nonzero `Int32` values (0: absent), for
/// building a matcher: the words' numbers and the trie's edges. It grows at half full.
private struct KeyTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The value of `key`, or 0.
    @inline(__always)
    func value(_ key: UInt64) -> Int32 {
        var slot = WordTable.slot(key, mask)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key`, which must be absent.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = WordTable.slot(key, mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (slot, key) in oldKeys.enumerated() where key != 0 {
            var at = WordTable.slot(key, mask)
            while keys[at] != 0 { at = (at + 1) & mask }
            keys[at] = key
            values[at] = oldValues[slot]
        }
    }
}
