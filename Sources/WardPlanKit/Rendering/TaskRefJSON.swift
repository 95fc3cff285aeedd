/// Every task's reference as compact JSON (`{"index":…,"line":…,"ref":"…","ward":"…"}`), made
/// once per report and copied wherever the comparison's JSON names the task: its facts (`tasks`),
/// each coverage cell, lead office and timeline list it is in, and `withoutProduct`. Written in
/// place, each reference was an object of four keys, two numbers formatted and two strings scanned
/// for bytes to escape, about four times per task (json43; as xml42 made the XML's task lines once,
/// `ComparisonLines`).
///
/// A reference is copied only when it equals, field by field, the one its bytes were written from
/// (the task's own in the comparison's facts, found by its ward's position and its index): its
/// bytes are then those of writing it in place. Any other (a ward the comparison does not list, an
/// index past its ward's tasks, a different line or number) is written the plain way.
final class TaskRefJSON: Sendable {
    /// The facts whose references were written, in order (the comparison's `tasks`).
    private let facts: [TaskFacts]
    /// The references' bytes, one after the other in the facts' order.
    private let bytes: [UInt8]
    /// Where the bytes of `facts[k].task` start; one more at the end.
    private let starts: [Int]
    /// Per position in the comparison's wards, the index in `facts` of its first task; one more at
    /// the end. A ward's facts are those from its first to the next ward's.
    private let firstTask: [Int]
    /// The wards' ids, in the comparison's order.
    private let wardIDs: [String]
    /// The position of each ward id (the first, were one listed twice).
    private let positions: [String: Int]

    /// The references of `comparison`'s facts (in ward order, as `Comparer` makes them: a ward's
    /// run of facts ends where one of another ward starts).
    init(_ comparison: Comparison) {
        let (facts, wardIDs) = (comparison.tasks, comparison.wards.map(\.id))
        self.facts = facts
        self.wardIDs = wardIDs
        positions = Dictionary(wardIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var first: [Int] = []
        first.reserveCapacity(wardIDs.count + 1)
        var writer = DirectJSONWriter(pretty: false, depth: 0)
        var starts: [Int] = []
        starts.reserveCapacity(facts.count + 1)
        facts.withUnsafeBufferPointer { facts in
            var inRuns = 0
            for id in wardIDs {
                first.append(inRuns)
                while inRuns < facts.count && facts[inRuns].task.ward == id { inRuns += 1 }
            }
            first.append(inRuns)
            // Facts past the last run found (out of the wards' order) have no bytes: never copied.
            for k in 0..<inRuns {
                starts.append(writer.count)
                facts[k].task.writeJSON(to: &writer)
            }
        }
        starts.append(writer.count)
        firstTask = first
        self.starts = starts
        var bytes: [UInt8] = []
        bytes.reserveCapacity(writer.count)
        writer.appendBytes(to: &bytes)
        self.bytes = bytes
    }

    /// Appends the bytes of `ref` to `buffer` when they are kept here; false (nothing appended)
    /// otherwise. `hint` is the position of the ward looked at first, then the next one (a
    /// writer going ward after ward), then any: set to where `ref`'s ward was found.
    @inline(__always)
    func append(_ ref: TaskRef, hint: inout Int, to buffer: inout ByteBuffer) -> Bool {
        guard let w = position(of: ref.ward, hint: &hint), ref.index >= 0 else { return false }
        let k = firstTask[w] + ref.index
        guard k < firstTask[w + 1], k < starts.count - 1 else { return false }
        let same = facts.withUnsafeBufferPointer { facts in
            facts[k].task.index == ref.index && facts[k].task.line == ref.line && facts[k].task.ref == ref.ref
                && facts[k].task.ward == ref.ward
        }
        guard same else { return false }
        bytes.withUnsafeBufferPointer { bytes in
            buffer.append(UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]]))
        }
        return true
    }

    @inline(__always)
    private func position(of ward: String, hint: inout Int) -> Int? {
        if hint >= 0 && hint < wardIDs.count {
            if wardIDs[hint] == ward { return hint }
            if hint + 1 < wardIDs.count && wardIDs[hint + 1] == ward {
                hint += 1
                return hint
            }
        }
        guard let w = positions[ward] else { return nil }
        hint = w
        return w
    }
}
