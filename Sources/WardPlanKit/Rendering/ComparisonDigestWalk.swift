import Foundation

/// The comparison's two largest members, its coverage and its tasks' facts, as canonical bytes,
/// hashed for the pages' report-wide digest (`HTMLPageDigests`) in place of their JSON. Encoding
/// them as JSON only to hash them was most of the digest (the coverage ≈ 30 MB at 3,321 plans, one
/// value on one thread: pages41; the tasks ≈ 44 % of the digest's instructions after it: digest42).
/// Walked field by field with no keys, no number formatting and no escaping, and each coverage
/// cell's mentions skipped instead of copying the coverage without them, they cost less for the
/// same values.
///
/// The bytes: every list as its count then its elements, every string as its UTF-8 byte count then
/// its bytes (the bytes a page writes, so an NFD spelling is not an NFC one), every integer as 8
/// bytes (`CanonicalBytes`), a `Bool` as 0 or 1, an optional as 0, or 1 then its value, an enum case
/// as a fixed number (`number(of:)`: a switch without `default`, so a new case does not compile
/// until it has one), in the order of `walked`. So two values give the same bytes only when every
/// walked field is equal. A coverage cell's mentions are not walked: only its ward's own page shows
/// them, and they are in that ward's part of the page digest (`HTMLPageDigests.wardValues`).
///
/// `ComparisonDigestWalkTests` holds `walked` and `leftToTheWards` against the types' stored
/// properties (`Mirror`), so a property added to one of them fails until it is named here, and
/// changes each walked field alone to see the digest change: a page kept when something it shows
/// changed would be a wrong report.
enum ComparisonDigestWalk {
    /// The stored properties walked, per type, in the order they are walked.
    static let walked: [String: [String]] = [
        "Coverage": ["areas", "themes"],
        "Row": ["id", "area", "vi", "en", "expectedBy", "cells"],
        "Cell": ["ward", "tasks"],
        "TaskRef": ["ward", "index", "ref", "line"],
        "TaskFacts": [
            "task", "area", "themes", "leads", "genericLead", "schedule", "due", "dueQuarter", "pastDue", "flags",
            "hasProduct",
        ],
        "CalendarDate": ["year", "month", "day"],
        "Quarter": ["year", "quarter"],
    ]
    /// The stored properties in each ward's own digest instead.
    static let leftToTheWards: [String: [String]] = ["Cell": ["mentions"]]

    /// The digest of the coverage's walk: the bytes hashed as a `StripedDigest` hashes them, a
    /// stripe at a time, so they are never held whole.
    static func digest(_ coverage: Coverage) -> DataDigest {
        var walk = HashedWalk()
        walk.rows(coverage.areas)
        walk.rows(coverage.themes)
        return walk.finish()
    }

    /// The digest of the tasks' facts' walk, as `digest(_:)` of a coverage.
    static func digest(_ tasks: [TaskFacts]) -> DataDigest {
        var walk = HashedWalk()
        walk.tasks(tasks)
        return walk.finish()
    }

    /// A schedule's fixed number in the walk.
    static func number(of schedule: TaskFacts.Schedule) -> Int {
        switch schedule {
        case .dated: 1
        case .recurring: 2
        case .relative: 3
        case .wholePeriod: 4
        case .vague: 5
        case .missing: 6
        }
    }

    /// A timeline flag's fixed number in the walk.
    static func number(of flag: Timeline.Flag) -> Int {
        switch flag {
        case .perGuidance: 1
        case .perPlan: 2
        case .perDirection: 3
        case .perRequest: 4
        }
    }

    /// The walk's bytes, handed to the hasher about a stripe at a time.
    private struct HashedWalk {
        private var bytes = ByteBuffer(capacity: StripedDigest.stripe + 4_096)
        private let hasher = StripedDigest()

        // Rows, cells, tasks' facts and references read where they are stored: a `for` over them
        // copied each, retaining and releasing every list and text in it, the same lists the
        // JSON's writer reads on the other core at the same time (warm47).
        mutating func rows(_ rows: [Coverage.Row]) {
            add(rows.count)
            rows.withUnsafeBufferPointer { rows in
                for r in rows.indices {
                    add(rows[r].id)
                    add(rows[r].area)
                    add(rows[r].vi)
                    add(rows[r].en)
                    add(rows[r].expectedBy)
                    add(rows[r].cells.count)
                    rows[r].cells.withUnsafeBufferPointer { cells in
                        for c in cells.indices {
                            add(cells[c].ward)
                            add(cells[c].tasks.count)
                            if cells[c].tasks.isEmpty { continue }
                            cells[c].tasks.withUnsafeBufferPointer { tasks in
                                for t in tasks.indices { add(tasks[t]) }
                            }
                        }
                    }
                    handOnIfFull()
                }
            }
        }

        mutating func tasks(_ facts: [TaskFacts]) {
            add(facts.count)
            facts.withUnsafeBufferPointer { facts in
                for i in facts.indices {
                    add(facts[i].task)
                    add(facts[i].area)
                    add(facts[i].themes)
                    add(facts[i].leads)
                    add(facts[i].genericLead)
                    add(ComparisonDigestWalk.number(of: facts[i].schedule))
                    if let due = facts[i].due {
                        add(1)
                        add(due.year)
                        add(due.month)
                        add(due.day)
                    } else {
                        add(0)
                    }
                    if let quarter = facts[i].dueQuarter {
                        add(1)
                        add(quarter.year)
                        add(quarter.quarter)
                    } else {
                        add(0)
                    }
                    add(facts[i].pastDue)
                    add(facts[i].flags.count)
                    for f in facts[i].flags.indices { add(ComparisonDigestWalk.number(of: facts[i].flags[f])) }
                    add(facts[i].hasProduct)
                    handOnIfFull()
                }
            }
        }

        @inline(__always)
        private mutating func add(_ task: TaskRef) {
            add(task.ward)
            add(task.index)
            add(task.ref)
            add(task.line)
        }

        /// 8 bytes, little-endian, as `CanonicalBytes.add(_:)`.
        @inline(__always)
        private mutating func add(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append($0.assumingMemoryBound(to: UInt8.self)) }
        }

        @inline(__always)
        private mutating func add(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

        /// The byte count, then the bytes, as `CanonicalBytes.add(_:)`.
        @inline(__always)
        private mutating func add(_ text: String) {
            let utf8 = text.utf8
            add(utf8.count)
            if utf8.withContiguousStorageIfAvailable({ bytes.append($0) }) == nil {
                for byte in utf8 { bytes.append(byte) }
            }
        }

        private mutating func add(_ texts: [String]) {
            add(texts.count)
            if texts.isEmpty { return }
            texts.withUnsafeBufferPointer { texts in
                for i in texts.indices { add(texts[i]) }
            }
        }

        /// A row or a task at a time: the buffer holds a stripe and what one row adds.
        private mutating func handOnIfFull() {
            guard bytes.count >= StripedDigest.stripe else { return }
            handOn()
        }

        private mutating func handOn() {
            bytes.withUTF8 { hasher.add(UnsafeRawBufferPointer($0)) }
            bytes.removeAll()
        }

        mutating func finish() -> DataDigest {
            handOn()
            return hasher.finish()
        }
    }
}
