import Foundation

/// The comparison's coverage as canonical bytes, hashed for the pages' report-wide digest
/// (`HTMLPageDigests`) in place of its JSON. The coverage is the digest's largest part (≈ 30 MB of
/// compact JSON at 3,321 plans, one value on one thread: pages41): walking it field by field with
/// no keys, no number formatting and no escaping, and skipping each cell's mentions instead of
/// copying the coverage without them, covers the same values for less work (digest42).
///
/// The bytes: every list as its count then its elements, every string as its UTF-8 byte count then
/// its bytes (the bytes a page writes, so an NFD spelling is not an NFC one), every integer as 8
/// bytes (`CanonicalBytes`), in the order of `walked`. So two coverages give the same bytes only
/// when every walked field of every row, cell and task reference is equal. A cell's mentions are
/// not walked: only its ward's own page shows them, and they are in that ward's part of the page
/// digest (`HTMLPageDigests.wardValues`).
///
/// `CoverageDigestWalkTests` holds `walked` and `leftToTheWards` against the types' stored
/// properties (`Mirror`), so a property added to `Coverage`, `Row`, `Cell` or `TaskRef` fails until
/// it is named here, and changes each walked field alone to see the digest change: a page kept when
/// something it shows changed would be a wrong report.
enum CoverageDigestWalk {
    /// The stored properties walked, per type, in the order they are walked.
    static let walked: [String: [String]] = [
        "Coverage": ["areas", "themes"],
        "Row": ["id", "area", "vi", "en", "expectedBy", "cells"],
        "Cell": ["ward", "tasks"],
        "TaskRef": ["ward", "index", "ref", "line"],
    ]
    /// The stored properties in each ward's own digest instead.
    static let leftToTheWards: [String: [String]] = ["Cell": ["mentions"]]

    /// The digest of the coverage's walk: the same bytes hashed as a `StripedDigest` does, a stripe
    /// at a time, so they are never held whole.
    static func digest(_ coverage: Coverage) -> DataDigest {
        var walk = HashedWalk()
        walk.rows(coverage.areas)
        walk.rows(coverage.themes)
        return walk.finish()
    }

    /// The walk's bytes, handed to the hasher about a stripe at a time.
    private struct HashedWalk {
        private var bytes = ByteBuffer(capacity: StripedDigest.stripe + 4_096)
        private let hasher = StripedDigest()

        mutating func rows(_ rows: [Coverage.Row]) {
            add(rows.count)
            for row in rows {
                add(row.id)
                add(row.area)
                add(row.vi)
                add(row.en)
                add(row.expectedBy.count)
                for document in row.expectedBy { add(document) }
                add(row.cells.count)
                for cell in row.cells {
                    add(cell.ward)
                    add(cell.tasks.count)
                    for task in cell.tasks {
                        add(task.ward)
                        add(task.index)
                        add(task.ref)
                        add(task.line)
                    }
                }
                handOnIfFull()
            }
        }

        /// 8 bytes, little-endian, as `CanonicalBytes.add(_:)`.
        @inline(__always)
        private mutating func add(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append($0.assumingMemoryBound(to: UInt8.self)) }
        }

        /// The byte count, then the bytes, as `CanonicalBytes.add(_:)`.
        @inline(__always)
        private mutating func add(_ text: String) {
            let utf8 = text.utf8
            add(utf8.count)
            if utf8.withContiguousStorageIfAvailable({ bytes.append($0) }) == nil {
                for byte in utf8 { bytes.append(byte) }
            }
        }

        /// A row at a time: a row of 3,321 cells is ≈ 0.2 MB.
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
