/// The bytes `ComparisonXML` writes most, made once per report: each task's `<task id="…"/>` line
/// and each ward's `<ward plan="…"` start. A country's comparison names every ward under each of
/// its ≈ 100 coverage rows and each of its gaps, timelines, offices and lists (≈ 325,000 coverage
/// cells at 3,321 plans) and every task under each theme it serves; written element by element,
/// each name was an id looked up, a `String` retained and released, its bytes scanned for ones to
/// escape, each time.
///
/// Only ids of which no byte needs care (`XMLTextWriter.needsCare`: nothing escaped, no character
/// replaced) are made so: their bytes are the id's own, whoever writes them, so the lines are the
/// bytes of writing the elements in place (`XMLTextWriter.empty`, `start` and `attribute`). Any
/// other id (and a ref to a task or ward the comparison does not list) has no line: the caller
/// writes it the plain way, with its escaping and warnings.
final class ComparisonLines {
    /// Every task's line, ward after ward, each in task order; empty for an id that needs care.
    private let taskBytes: [UInt8]
    /// Where line `k` starts in `taskBytes` (it ends where line `k + 1` starts); one more at the end.
    private let taskStarts: [Int]
    /// Per ward, the index of its first task's line; one more at the end.
    private let firstTask: [Int]
    /// Per ward, `<ward plan="…"`; empty for a plan id that needs care.
    private let wardHeads: [[UInt8]]

    /// The lines of `taskIDs` (per ward in order, as `ComparisonXML` is given them) and of the
    /// wards' `planIDs` (in the same order).
    init(planIDs: [String], taskIDs: [[String]]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var first: [Int] = []
        starts.reserveCapacity(taskIDs.reduce(1) { $0 + $1.count })
        first.reserveCapacity(taskIDs.count + 1)
        for ids in taskIDs {
            first.append(starts.count)
            for id in ids {
                starts.append(bytes.count)
                Self.appendLine(prefix: "<task id=\"", id: id, suffix: "\"/>\n", to: &bytes)
            }
        }
        first.append(starts.count)
        starts.append(bytes.count)
        taskBytes = bytes
        taskStarts = starts
        firstTask = first
        wardHeads = planIDs.map { id in
            var head: [UInt8] = []
            Self.appendLine(prefix: "<ward plan=\"", id: id, suffix: "\"", to: &head)
            return head
        }
    }

    /// No lines: every element written the plain way (tests).
    static var empty: ComparisonLines { ComparisonLines(planIDs: [], taskIDs: []) }

    /// `prefix`, `id` and `suffix`, when no byte of `id` needs care; nothing otherwise.
    private static func appendLine(prefix: StaticString, id: String, suffix: StaticString, to bytes: inout [UInt8]) {
        var id = id
        id.withUTF8 { id in
            guard ByteRuns.firstSpecial(ByteRuns.XML.self, in: id, from: 0) == id.count else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
            bytes.append(contentsOf: id)
            bytes.append(contentsOf: UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
        }
    }

    /// The index of the line of task `index` of the ward at `ward`, when it has one.
    func taskLine(ward: Int, index: Int) -> Int? {
        guard ward >= 0, ward + 1 < firstTask.count, index >= 0 else { return nil }
        let k = firstTask[ward] + index
        guard k < firstTask[ward + 1], taskStarts[k] < taskStarts[k + 1] else { return nil }
        return k
    }

    /// The bytes of lines `lines` (as `taskLine` gives them), one after the other.
    func withTaskLines<R>(_ lines: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        taskBytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[taskStarts[lines.lowerBound]..<taskStarts[lines.upperBound]]))
        }
    }

    /// `<ward plan="…"` of the ward at `ward`, when it has one.
    func withWardHead<R>(_ ward: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard wardHeads.indices.contains(ward), !wardHeads[ward].isEmpty else { return body(nil) }
        return wardHeads[ward].withUnsafeBufferPointer { body($0) }
    }
}
