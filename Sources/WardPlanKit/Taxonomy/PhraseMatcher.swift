/// Finds many phrase keys in a text key in one pass over its bytes: an Aho–Corasick automaton
/// compiled into a table of transitions (a DFA), so each byte costs one table lookup.
///
/// Patterns and texts are `TextKey` bytes, padded with a space at both ends; a pattern
/// " dich vu cong " therefore matches only whole words. Bytes that occur in no pattern share one
/// class, which keeps the table small.
struct PhraseMatcher: Sendable {
    /// A match: pattern `pattern` ends at key byte `end` (exclusive); it starts at `end - length`.
    struct Match: Hashable {
        var pattern: Int
        var start: Int
        var end: Int
    }

    private let classes: [UInt8]
    private let classCount: Int
    private let transitions: [Int32]
    /// For each state, the range of `outputs` holding the patterns that end there.
    private let outputStart: [Int32]
    private let outputEnd: [Int32]
    private let outputs: [Int32]
    private let lengths: [Int32]

    init(patterns: [[UInt8]]) {
        // Byte classes: one per byte used by some pattern, class 0 for all others.
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for byte in Set(patterns.joined()).sorted() {
            classes[Int(byte)] = UInt8(classCount)
            classCount += 1
        }

        // The trie.
        var children: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var own: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let c = Int(classes[Int(byte)])
                if children[state][c] < 0 {
                    children[state][c] = Int32(children.count)
                    children.append([Int32](repeating: -1, count: classCount))
                    own.append([])
                }
                state = Int(children[state][c])
            }
            own[state].append(Int32(index))
        }

        // Breadth first: failure links, full transitions, and outputs merged along failure links.
        let stateCount = children.count
        var transitions = [Int32](repeating: 0, count: stateCount * classCount)
        var failure = [Int32](repeating: 0, count: stateCount)
        var merged = own
        var queue: [Int] = []
        for c in 0..<classCount {
            let child = children[0][c]
            if child >= 0 {
                transitions[c] = child
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            merged[state] += merged[Int(failure[state])]
            for c in 0..<classCount {
                let child = children[state][c]
                let fallback = transitions[Int(failure[state]) * classCount + c]
                if child >= 0 {
                    transitions[state * classCount + c] = child
                    failure[Int(child)] = fallback
                    queue.append(Int(child))
                } else {
                    transitions[state * classCount + c] = fallback
                }
            }
        }

        var outputStart = [Int32](repeating: 0, count: stateCount)
        var outputEnd = [Int32](repeating: 0, count: stateCount)
        var outputs: [Int32] = []
        for state in 0..<stateCount {
            outputStart[state] = Int32(outputs.count)
            outputs += merged[state]
            outputEnd[state] = Int32(outputs.count)
        }
        self.classes = classes
        self.classCount = classCount
        self.transitions = transitions
        self.outputStart = outputStart
        self.outputEnd = outputEnd
        self.outputs = outputs
        self.lengths = patterns.map { Int32($0.count) }
    }

    var stateCount: Int { outputStart.count }

    /// Every occurrence of every pattern in `key`, in order of their end.
    func matches(in key: [UInt8]) -> [Match] {
        var found: [Match] = []
        let classCount = self.classCount
        key.withUnsafeBufferPointer { bytes in
            classes.withUnsafeBufferPointer { classes in
                transitions.withUnsafeBufferPointer { transitions in
                    outputStart.withUnsafeBufferPointer { outputStart in
                        outputEnd.withUnsafeBufferPointer { outputEnd in
                            var state = 0
                            for i in 0..<bytes.count {
                                state = Int(transitions[state &* classCount &+ Int(classes[Int(bytes[i])])])
                                let first = Int(outputStart[state])
                                let last = Int(outputEnd[state])
                                if first != last {
                                    for k in first..<last {
                                        let pattern = Int(outputs[k])
                                        found.append(Match(pattern: pattern, start: i + 1 - Int(lengths[pattern]), end: i + 1))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }
}
