/// The automaton's tables in the reference snapshot (`ReferenceSnapshot`): each flat array as raw
/// numbers, the records field by field, so that reading them is a copy, not a build. Every index
/// the matcher follows is checked on reading (a table that would send a lookup out of its arrays is
/// refused): the snapshot's checksum catches damage first, this keeps a forged file from a crash.
extension PhraseMatcher: BinaryCodable {
    static let binaryFields = ["vocabulary", "fromStart", "transitions", "states", "outputs", "lengths"]

    func write(to writer: inout BinaryWriter) {
        vocabulary.write(to: &writer)
        writer.rawIntegers(fromStart)
        transitions.write(to: &writer)
        writer.rawIntegers(states.map(\.mayStep))
        writer.rawIntegers(states.map(\.failure))
        writer.rawIntegers(states.map(\.outputStart))
        writer.rawIntegers(states.map(\.outputEnd))
        writer.rawIntegers(states.map(\.onlyWord))
        writer.rawIntegers(states.map(\.onlyNext))
        writer.rawIntegers(outputs)
        writer.rawIntegers(lengths)
    }

    init(from reader: inout BinaryReader) throws {
        let vocabulary = try WordTable(from: &reader)
        let fromStart: [Int32] = try reader.rawIntegers()
        let transitions = try PairTable(from: &reader)
        let mayStep: [UInt64] = try reader.rawIntegers()
        let failure: [Int32] = try reader.rawIntegers()
        let outputStart: [Int32] = try reader.rawIntegers()
        let outputEnd: [Int32] = try reader.rawIntegers()
        let onlyWord: [Int32] = try reader.rawIntegers()
        let onlyNext: [Int32] = try reader.rawIntegers()
        let outputs: [Int32] = try reader.rawIntegers()
        let lengths: [Int32] = try reader.rawIntegers()
        let count = mayStep.count
        guard count > 0, [failure, outputStart, outputEnd, onlyWord, onlyNext].allSatisfy({ $0.count == count })
        else { throw PlanBinaryCoder.Failure(description: "the automaton's states do not agree") }
        // Word numbers index `fromStart`; states, outputs and patterns their own arrays.
        func within(_ values: [Int32], _ bound: Int) -> Bool { values.allSatisfy { $0 >= 0 && Int($0) < bound } }
        guard within(fromStart, count), within(failure, count), within(onlyNext, count),
            within(onlyWord, fromStart.count), within(outputs, lengths.count),
            vocabulary.maxID < fromStart.count, transitions.maxNext < count,
            zip(outputStart, outputEnd).allSatisfy({ $0 >= 0 && $0 <= $1 && Int($1) <= outputs.count })
        else { throw PlanBinaryCoder.Failure(description: "an index of the automaton past its tables") }
        var states = [State](repeating: State(), count: count)
        for s in 0..<count {
            states[s] = State(
                mayStep: mayStep[s], failure: failure[s], outputStart: outputStart[s], outputEnd: outputEnd[s],
                onlyWord: onlyWord[s], onlyNext: onlyNext[s])
        }
        self.vocabulary = vocabulary
        self.fromStart = fromStart
        self.transitions = transitions
        self.states = states
        self.outputs = outputs
        self.lengths = lengths
    }
}

extension WordTable {
    /// The largest word number the table gives (0 when empty).
    var maxID: Int { max(Int(slots.map(\.id).max() ?? 0), Int(long.values.max() ?? 0)) }

    func write(to writer: inout BinaryWriter) {
        writer.rawIntegers(slots.map(\.key))
        writer.rawIntegers(slots.map(\.id))
        // By bytes: a dictionary's order changes from run to run.
        let longWords = long.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        writer.varint(UInt64(longWords.count))
        for (word, id) in longWords {
            writer.rawIntegers(word)
            writer.int(Int(id))
        }
    }

    init(from reader: inout BinaryReader) throws {
        let keys: [UInt64] = try reader.rawIntegers()
        let ids: [Int32] = try reader.rawIntegers()
        guard keys.count == ids.count, keys.count >= 16, keys.count & (keys.count - 1) == 0,
            ids.allSatisfy({ $0 >= 0 }), ids.contains(0)
        else { throw PlanBinaryCoder.Failure(description: "a word table of another shape") }
        var long: [[UInt8]: Int32] = [:]
        for _ in 0..<(try reader.count()) {
            let word: [UInt8] = try reader.rawIntegers()
            let id = try reader.int()
            guard id > 0, id <= Int(Int32.max) else { throw PlanBinaryCoder.Failure(description: "a word's number") }
            long[word] = Int32(id)
        }
        slots = zip(keys, ids).map { Slot(key: $0, id: $1) }
        mask = keys.count - 1
        self.long = long
    }
}

extension PairTable {
    /// The largest state a step leads to (0 when none).
    var maxNext: Int { Int(slots.map(\.next).max() ?? 0) }

    func write(to writer: inout BinaryWriter) {
        writer.rawIntegers(slots.map(\.key))
        writer.rawIntegers(slots.map(\.next))
    }

    init(from reader: inout BinaryReader) throws {
        let keys: [UInt64] = try reader.rawIntegers()
        let next: [Int32] = try reader.rawIntegers()
        guard keys.count == next.count, keys.count >= 16, keys.count & (keys.count - 1) == 0,
            next.allSatisfy({ $0 >= 0 }), keys.contains(.max)
        else { throw PlanBinaryCoder.Failure(description: "a step table of another shape") }
        slots = zip(keys, next).map { Slot(key: $0, next: $1) }
        mask = keys.count - 1
    }
}
