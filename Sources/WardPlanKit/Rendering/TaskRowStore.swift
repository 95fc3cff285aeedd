/// tasks.csv's rows of each ward kept from an earlier run (`PlanCache` keeps them beside the
/// plan's entry), so a ward whose rows' inputs did not change has its rows copied, not made again:
/// they were most of a warm `compare --csv`'s CSV files (rows32), though one plan of hundreds had
/// changed. Called from several threads at once.
///
/// A ward's rows are found by its plan's source path and SHA-256 (the plan's tasks, read in place
/// by the rows, are not hashed: give a store only for plans that are a function of those under
/// the store's settings, as a plan cache's are) and trusted only for the same `TaskRowsDigest` of
/// everything else the rows show.
public protocol TaskRowStore: Sendable {
    /// Gives the rows kept for the plan of `path` and `contentDigest`, when they were made from
    /// inputs of `digest`, to `append`: their length, and a function that fills room of that length
    /// with them (in the sink's own buffer: no copy between), true when it did and they were
    /// trusted. True when `append` was given trusted rows and took them.
    func keptTaskRows(
        path: String, contentDigest: String, digest: [UInt8],
        into append: (_ count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool
    ) -> Bool
    /// Keeps `rows`, the ward's rows just made from inputs of `digest`, in place of the last.
    func keepTaskRows(_ rows: UnsafeRawBufferPointer, path: String, contentDigest: String, digest: [UInt8])
}

/// The digest (a `DataDigest`: the length and two XXH64, 24 bytes) of what a ward's rows of
/// tasks.csv show besides its plan's tasks: the
/// table-wide part (the separator, the language's words the rows use, the areas' and themes'
/// names by id), made once, and per ward its columns and the facts of its tasks (`TaskFacts`,
/// every field a row writes: they depend on the report's date, the reference data and the other
/// plans, so they are hashed as values, not trusted by any key). Each value is written with its
/// length or presence first, so two different lists of values never give the same bytes.
struct TaskRowsDigest {
    /// Raised when what the rows show, or how their inputs are written here, changes.
    static let version = "wardplan tasks.csv rows 1"

    /// The table-wide part's SHA-256 (made once).
    let table: [UInt8]
    /// The bytes hashed for one ward, kept from ward to ward.
    private var bytes = ByteBuffer(capacity: 1 << 14)

    init(separator: [UInt8], names: CSVReportRenderer.TaskRowNames) {
        var bytes = ByteBuffer()
        Self.add(Self.version, to: &bytes)
        Self.addLength(separator.count, to: &bytes)
        separator.withUnsafeBufferPointer { bytes.append($0) }
        let t = names.t
        Self.add(t.language.rawValue, to: &bytes)
        Self.add(names.yes, to: &bytes)
        Self.add(names.no, to: &bytes)
        for schedule in TaskFacts.Schedule.allCases {
            Self.add(schedule.rawValue, to: &bytes)
            Self.add(t.schedule(schedule), to: &bytes)
        }
        for flag in Timeline.Flag.allCases {
            Self.add(flag.rawValue, to: &bytes)
            Self.add(t.flag(flag), to: &bytes)
        }
        for pairs in [names.areaPairs, names.themePairs] {
            Self.addLength(pairs.count, to: &bytes)
            for pair in pairs {
                Self.add(pair.id, to: &bytes)
                Self.add(pair.name, to: &bytes)
            }
        }
        table = bytes.withUTF8 { SHA256.digest(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of a ward's rows: the table's part, the ward's columns (`taskWardColumns`) and the
    /// facts of its rows in order.
    mutating func digest(ward: [String], facts: UnsafeBufferPointer<TaskFacts>) -> [UInt8] {
        bytes.removeAll()
        table.withUnsafeBufferPointer { bytes.append($0) }
        Self.addLength(ward.count, to: &bytes)
        for column in ward { Self.add(column, to: &bytes) }
        Self.addLength(facts.count, to: &bytes)
        for k in facts.indices {
            Self.add(facts[k].task.index, to: &bytes)
            Self.add(facts[k].area, to: &bytes)
            Self.add(facts[k].themes, to: &bytes)
            Self.add(facts[k].leads, to: &bytes)
            bytes.append(facts[k].genericLead ? 1 : 0)
            bytes.append(Self.code(facts[k].schedule))
            if let due = facts[k].due {
                bytes.append(1)
                Self.add(due.year, to: &bytes)
                Self.add(due.month, to: &bytes)
                Self.add(due.day, to: &bytes)
            } else {
                bytes.append(0)
            }
            if let quarter = facts[k].dueQuarter {
                bytes.append(1)
                Self.add(quarter.year, to: &bytes)
                Self.add(quarter.quarter, to: &bytes)
            } else {
                bytes.append(0)
            }
            bytes.append(facts[k].pastDue ? 1 : 0)
            Self.addLength(facts[k].flags.count, to: &bytes)
            for flag in facts[k].flags { bytes.append(Self.code(flag)) }
        }
        // Two XXH64 (as a page's `DataDigest`), not SHA-256: the bytes of every ward are hashed in
        // every run, and SHA-256 without the SHA instructions (as valgrind runs it) cost ≈ 70
        // instructions a byte (rows32's first build: 103 M of a warm n-500 run).
        return bytes.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            var digest = [UInt8]()
            digest.reserveCapacity(24)
            for word in [UInt64(raw.count), XXH64.hash(raw), XXH64.hash(raw, seed: Self.seed)] {
                withUnsafeBytes(of: word.littleEndian) { digest += $0 }
            }
            return digest
        }
    }

    /// The second hash's seed ("WPTASKRW").
    static let seed: UInt64 = 0x5750_5441_534B_5257

    /// A schedule as a byte (its raw value was a `String` made for every task: ≈ 3 M at n-500). A
    /// new case must be given its own byte here (the switch has no default).
    static func code(_ schedule: TaskFacts.Schedule) -> UInt8 {
        switch schedule {
        case .dated: return 1
        case .recurring: return 2
        case .relative: return 3
        case .wholePeriod: return 4
        case .vague: return 5
        case .missing: return 6
        }
    }

    /// A flag as a byte, as `code(_: TaskFacts.Schedule)`.
    static func code(_ flag: Timeline.Flag) -> UInt8 {
        switch flag {
        case .perGuidance: return 1
        case .perPlan: return 2
        case .perDirection: return 3
        case .perRequest: return 4
        }
    }

    /// A length: one byte below 255, else 255 and eight bytes.
    @inline(__always)
    private static func addLength(_ n: Int, to bytes: inout ByteBuffer) {
        if n >= 0 && n < 255 { return bytes.append(UInt8(n)) }
        bytes.append(255)
        add(n, to: &bytes)
    }

    /// A number: its eight bytes, little-endian.
    @inline(__always)
    private static func add(_ n: Int, to bytes: inout ByteBuffer) {
        withUnsafeBytes(of: Int64(n).littleEndian) { bytes.append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// A text: its length, then its UTF-8 (the bytes a row writes, not its canonical form).
    @inline(__always)
    private static func add(_ text: String, to bytes: inout ByteBuffer) {
        text.withContiguousUTF8 { utf8 in
            addLength(utf8.count, to: &bytes)
            bytes.append(utf8)
        }
    }

    /// A list of texts: its count, then each text.
    @inline(__always)
    private static func add(_ texts: [String], to bytes: inout ByteBuffer) {
        addLength(texts.count, to: &bytes)
        for text in texts { add(text, to: &bytes) }
    }
}
