import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each plan's rows of tasks.csv kept beside its cache entry (`<entry>.tasks`), so a
/// `compare --csv` whose plan did not change copies its ward's rows instead of making them again
/// (tasks.csv was most of the CSV files' work: every task of every plan escaped field by field on
/// every run).
///
/// The rows are found by the plan's entry name (its key: the settings, the file's place and its
/// bytes, so the plan's tasks the rows show) and hold the digest of everything else they show
/// (`TaskRowsDigest`: the separator, the language's words, the names by id, the ward's columns
/// with the path as typed, the tasks' facts), and their own format version (`TaskRows.version`).
/// Rows that are short, long, of another version, entry or digest, that do not end a row, or whose
/// checksum fails, are not trusted: they are made again and the file replaced. One file per plan:
/// a run in another language or with another separator replaces it. Written whole to a temporary
/// file and renamed into place, while the CSV files are written (the run writes its outputs).
extension PlanCache: TaskRowStore {
    public func keptTaskRows(
        path: String, contentDigest: String, digest: [UInt8],
        into append: (_ count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool
    ) -> Bool {
        let name = taskRowsName(path: path, contentDigest: contentDigest)
        let fd = open(entryPath(name: name, fileExtension: "tasks"), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return false }
        // The header read and checked first; the rows then read straight into the sink's room.
        let header = withUnsafeTemporaryAllocation(byteCount: TaskRows.headerSize, alignment: 8) { header in
            readAll(fd, into: header, at: 0)
                ? TaskRows.Header(
                    UnsafeRawBufferPointer(header), name: name, digest: digest, fileSize: Int(status.st_size))
                : nil
        }
        guard let head = header else { return false }
        return append(head.rowsLength) { room in
            readAll(fd, into: room, at: TaskRows.headerSize)
                && TaskRows.rowsHold(UnsafeRawBufferPointer(room), checksum: head.checksum)
        }
    }

    public func keepTaskRows(_ rows: UnsafeRawBufferPointer, path: String, contentDigest: String, digest: [UInt8]) {
        let name = taskRowsName(path: path, contentDigest: contentDigest)
        tag()
        // The header made apart and the rows written from the sink's buffer, not copied behind it.
        let header = TaskRows.header(rows, name: name, digest: digest)
        _ = header.withUnsafeBytes { write([$0, rows], toPath: entryPath(name: name, fileExtension: "tasks")) }
    }

    /// The name of the entry of the plan of `path` and `contentDigest`: the one it was loaded from
    /// in this run (`findingsNames`), else worked out from its key (a plan read again this run).
    func taskRowsName(path: String, contentDigest: String) -> String {
        if let name = lock.withLock({ findingsNames[FindingsPlace(path: path, contentDigest: contentDigest)] }) {
            return name
        }
        return Self.hex(key(path: path, contentDigest: contentDigest))
    }
}

/// One plan's rows, framed as an entry is (`Entry`):
///
///     magic "WPCSVTR\n" · version (UInt32) · entry name (64 hex digits) · digest (24 bytes,
///     `TaskRowsDigest`) · rows length (UInt64) · checksum (UInt64, `Entry.bodyChecksum` of the
///     rows) · rows (CSV bytes, CR LF after each row)
///
/// Integers little-endian.
enum TaskRows {
    static let magic = Array("WPCSVTR\n".utf8)
    /// Raise it whenever the bytes of a task's row change for the same inputs (the tool's build in
    /// the entry's key changes too, but a version says so on purpose).
    static let version: UInt32 = 1
    static let nameSize = 64
    static let digestSize = 24
    static let headerSize = 8 + 4 + nameSize + digestSize + 8 + 8

    static func encode(_ rows: UnsafeRawBufferPointer, name: String, digest: [UInt8], version: UInt32 = version) -> Data
    {
        var data = header(rows, name: name, digest: digest, version: version)
        if let base = rows.baseAddress, !rows.isEmpty {
            data.append(base.assumingMemoryBound(to: UInt8.self), count: rows.count)
        }
        return data
    }

    /// The bytes before the rows (`encode` without them).
    static func header(_ rows: UnsafeRawBufferPointer, name: String, digest: [UInt8], version: UInt32 = version) -> Data
    {
        var data = Data(capacity: headerSize)
        data.append(contentsOf: magic)
        Entry.append(version, to: &data)
        data.append(contentsOf: Array(name.utf8))
        data.append(contentsOf: digest)
        Entry.append(UInt64(rows.count), to: &data)
        Entry.append(Entry.bodyChecksum(rows), to: &data)
        return data
    }

    /// What a header says, when it is this version's, for the entry `name` and `digest`, and its
    /// rows' length is the rest of the file's size (at least a row end).
    struct Header {
        var rowsLength: Int
        var checksum: UInt64

        init?(_ bytes: UnsafeRawBufferPointer, name: String, digest: [UInt8], fileSize: Int) {
            guard bytes.count >= TaskRows.headerSize, fileSize > TaskRows.headerSize + 1,
                digest.count == TaskRows.digestSize, name.utf8.count == TaskRows.nameSize
            else { return nil }
            func integer<T: FixedWidthInteger>(at offset: Int, as: T.Type) -> T {
                T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
            }
            let digestAt = 12 + TaskRows.nameSize
            let lengthAt = digestAt + TaskRows.digestSize
            // Compared by `memcmp` (a slice's `elementsEqual` was ≈ 4,500 instructions a header).
            func same(_ at: Int, _ expected: UnsafeBufferPointer<UInt8>) -> Bool {
                memcmp(bytes.baseAddress! + at, expected.baseAddress!, expected.count) == 0
            }
            guard TaskRows.magic.withUnsafeBufferPointer({ same(0, $0) }),
                integer(at: 8, as: UInt32.self) == TaskRows.version,
                name.withContiguousUTF8({ same(12, $0) }), digest.withUnsafeBufferPointer({ same(digestAt, $0) }),
                integer(at: lengthAt, as: UInt64.self) == UInt64(fileSize - TaskRows.headerSize)
            else { return nil }
            rowsLength = fileSize - TaskRows.headerSize
            checksum = integer(at: lengthAt + 8, as: UInt64.self)
        }
    }

    /// Whether `rows` are the rows a header of `checksum` was written for, ending a row.
    static func rowsHold(_ rows: UnsafeRawBufferPointer, checksum: UInt64) -> Bool {
        rows.count >= 2 && rows[rows.count - 2] == 0x0D && rows[rows.count - 1] == 0x0A
            && Entry.bodyChecksum(rows) == checksum
    }

    /// Where the rows lie in `file`, when everything about it is as `encode` wrote it for the entry
    /// `name` and `digest` (as `PlanCache.keptTaskRows` reads a file, in memory: tests).
    static func payload(in file: UnsafeRawBufferPointer, name: String, digest: [UInt8]) -> Range<Int>? {
        guard let header = Header(file, name: name, digest: digest, fileSize: file.count) else { return nil }
        let rows = headerSize..<(headerSize + header.rowsLength)
        return rowsHold(UnsafeRawBufferPointer(rebasing: file[rows]), checksum: header.checksum) ? rows : nil
    }
}
