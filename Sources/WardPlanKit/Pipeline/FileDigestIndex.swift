import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the file system says of one version of a file: the cache trusts a digest remembered for a
/// file only while all of this is unchanged (git's index does the same). A write changes the
/// modification and status-change times; a file replaced by another changes the inode.
struct FileVersion: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64  // nanoseconds since 1970
    var changed: Int64  // status change (ctime), nanoseconds since 1970

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ s: stat) {
        #if canImport(Darwin)
            let m = s.st_mtimespec
            let c = s.st_ctimespec
        #else
            let m = s.st_mtim
            let c = s.st_ctim
        #endif
        self.init(
            device: UInt64(truncatingIfNeeded: s.st_dev), inode: UInt64(truncatingIfNeeded: s.st_ino),
            size: Int64(s.st_size), modified: Int64(m.tv_sec) &* 1_000_000_000 &+ Int64(m.tv_nsec),
            changed: Int64(c.tv_sec) &* 1_000_000_000 &+ Int64(c.tv_nsec))
    }

    /// The version of the file at `path` (symbolic links followed), nil when it cannot be found.
    static func of(path: String) -> FileVersion? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return FileVersion(s)
    }

    /// The version of the open file `descriptor`.
    static func of(descriptor: Int32) -> FileVersion? {
        var s = stat()
        guard fstat(descriptor, &s) == 0 else { return nil }
        return FileVersion(s)
    }

    /// The wall clock, in nanoseconds since 1970, as file times are.
    static func now() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec)
    }
}

/// A file's bytes and its version before and after they were read: when the two differ, the file
/// changed while it was read, and what was read belongs to neither version.
struct FileRead {
    var data: Data
    var before: FileVersion
    var after: FileVersion
    /// The wall clock just before the file was opened.
    var started: Int64

    /// Reads the whole file at `path`: one `open`, a `read` per chunk (one for a file that does not
    /// grow), `fstat` before and after. `checkSize` is given the size before any byte is read.
    static func read(_ path: String, checkSize: (Int) throws -> Void = { _ in }) throws -> FileRead {
        let started = FileVersion.now()
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path, code: errno) }
        defer { close(fd) }
        guard let before = FileVersion.of(descriptor: fd) else { throw FileReadError(path: path, code: errno) }
        try checkSize(Int(before.size))
        var data = Data()
        guard let count = readToEnd(fd, size: Int(before.size), into: &data) else {
            throw FileReadError(path: path, code: errno)
        }
        guard let after = FileVersion.of(descriptor: fd) else { throw FileReadError(path: path, code: errno) }
        data.count = count
        return FileRead(data: data, before: before, after: after, started: started)
    }
}

/// Reads `fd` from its start to its end into `buffer`, room its caller may keep from file to file:
/// the count of bytes read (those past it are an earlier file's, or zeros), or nil (`errno` set)
/// when a read fails. `buffer` grows to one byte more than `size`, the file's size, so that the read
/// that finds the end is the second and only a file that grew needs a third; it never shrinks.
func readToEnd<Room: ReadRoom>(_ fd: Int32, size: Int, into buffer: inout Room) -> Int? {
    buffer.grow(to: max(size + 1, 4096))
    var count = 0
    while true {
        if count == buffer.count { buffer.grow(to: buffer.count * 2) }
        let n = buffer.withUnsafeMutableBytes { raw in systemRead(fd, raw.baseAddress! + count, raw.count - count) }
        if n < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if n == 0 { return count }
        count += n
    }
}

/// The whole file at `path` read into `buffer` (`readToEnd`); nil when it cannot be opened or read.
func readWholeFile<Room: ReadRoom>(_ path: String, into buffer: inout Room) -> Int? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return nil }
    return readToEnd(fd, size: Int(status.st_size), into: &buffer)
}

/// Bytes a file is read into in place (`readToEnd`).
protocol ReadRoom: MutableDataProtocol {
    mutating func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R
    /// At least `wanted` bytes, those held kept, zeros after them.
    mutating func grow(to wanted: Int)
}

extension Array: ReadRoom where Element == UInt8 {
    mutating func grow(to wanted: Int) {
        if count < wanted { self += [UInt8](repeating: 0, count: wanted - count) }
    }
}

extension Data: ReadRoom {
    mutating func grow(to wanted: Int) {
        if count < wanted { count = wanted }
    }
}

/// `read(2)`, named apart from `FileRead.read`.
@inline(__always)
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
    #else
        Darwin.read(fd, buffer, count)
    #endif
}

struct FileReadError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { String(cString: strerror(code)) }
}

/// Digests of input files remembered by path and `FileVersion`, so that a run hashes only the files
/// whose version changed since a run that read them (the index is content-only: it outlives the
/// tool's builds and settings, which are in the cache's keys, not here).
///
/// **A file changed within the clock's tick.** File times are made from a coarse clock (a few
/// milliseconds, two seconds on FAT), so a file written again in the same tick as the version that
/// was read keeps its times. A digest is therefore remembered only when the file's modification
/// and status-change times are both older than the moment the read began by more than
/// `racyMargin`: any later write then gives the file newer times. A file too new is hashed again
/// next run, until it is old enough. (git's "racy git" rule compares with the index's own write
/// time; the read's start is earlier, so this is the stricter of the two.)
///
/// Stored as `digests.index` in the cache folder: a header (magic, format, payload length, payload
/// checksum) and one record a file. An index that is short, of another format or whose checksum
/// fails is ignored whole and rebuilt. Written to a temporary file and renamed into place; two runs
/// at once each write a whole index (the later one wins, the other's new digests are hashed again
/// next time), never half of one.
final class FileDigestIndex: @unchecked Sendable {
    struct Record: Hashable {
        var version: FileVersion
        var digest: [UInt8]
    }

    /// How much older than a read a file's times must be for its digest to be remembered.
    static let racyMargin: Int64 = 2_000_000_000

    static let fileName = "digests.index"
    static let magic = Array("WPDIGEST".utf8)
    /// 2: the checksum is XXH64 (`Entry.checksum`; 1 had an FNV).
    static let formatVersion: UInt32 = 2
    static let headerSize = 8 + 4 + 8 + 8

    let url: URL
    private let lock = NSLock()
    private var records: [String: Record]
    private var added: [String: Record] = [:]
    /// Added to a read's start time: tests set it ahead to stand for files written long before.
    var readTimeShift: Int64 = 0

    init(folder: URL) {
        url = folder.appendingPathComponent(Self.fileName)
        records = Self.load(url)
    }

    /// The digest remembered for the file at `path` (absolute) in `version`, if any.
    func digest(path: String, version: FileVersion) -> [UInt8]? {
        lock.withLock {
            guard let record = records[path], record.version == version else { return nil }
            return record.digest
        }
    }

    /// Remembers `digest` for what `read` read at `path` (absolute), unless the file changed while
    /// it was read or its times are too new to tell a later write apart. Returns whether it did.
    @discardableResult
    func record(path: String, read: FileRead, digest: [UInt8]) -> Bool {
        guard read.before == read.after,
            max(read.before.modified, read.before.changed) < read.started + readTimeShift - Self.racyMargin
        else { return false }
        let record = Record(version: read.before, digest: digest)
        lock.withLock {
            if records[path] != record { added[path] = record }
            records[path] = record
        }
        return true
    }

    /// Whether digests were remembered since the index was read or saved.
    var hasChanges: Bool { lock.withLock { !added.isEmpty } }

    /// Writes the index when there is something new: the index as it is on disk now (another run
    /// may have saved since), without the files whose version changed or that are gone, and this
    /// run's digests over it. Returns whether it wrote.
    @discardableResult
    func save() -> Bool {
        let mine = lock.withLock {
            defer { added = [:] }
            return added
        }
        guard !mine.isEmpty else { return false }
        var merged = Self.load(url).filter { path, record in
            mine[path] == nil && FileVersion.of(path: path) == record.version
        }
        merged.merge(mine) { _, new in new }
        let data = Self.encode(merged)
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return CacheFile.replace(data, at: url)
    }

    // MARK: The file

    /// Records sorted by path, so the same digests give the same bytes.
    static func encode(_ records: [String: Record]) -> Data {
        var payload: [UInt8] = []
        payload.reserveCapacity(records.count * 128)
        func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { payload.append(contentsOf: $0) }
        }
        for (path, record) in records.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let bytes = Array(path.utf8)
            append(UInt32(bytes.count))
            payload += bytes
            append(record.version.device)
            append(record.version.inode)
            append(record.version.size)
            append(record.version.modified)
            append(record.version.changed)
            payload += record.digest
        }
        var data = Data(capacity: headerSize + payload.count)
        data.append(contentsOf: magic)
        withUnsafeBytes(of: formatVersion.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { data.append(contentsOf: $0) }
        let body = Data(payload)
        withUnsafeBytes(of: Entry.checksum(body).littleEndian) { data.append(contentsOf: $0) }
        data.append(body)
        return data
    }

    /// The records of the index file at `url`; none when it is missing or not a whole index.
    static func load(_ url: URL) -> [String: Record] {
        guard let read = try? FileRead.read(url.path) else { return [:] }
        return decode(read.data) ?? [:]
    }

    /// The records of an index file's bytes, or nil when anything about them is not as `encode` writes.
    static func decode(_ data: Data) -> [String: Record]? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String: Record]? in
            guard raw.count >= headerSize, Array(raw[0..<8]) == magic,
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) == formatVersion,
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
                    == UInt64(raw.count - headerSize),
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 20, as: UInt64.self))
                    == Entry.checksum(data.suffix(from: data.startIndex + headerSize))
            else { return nil }
            var position = headerSize
            func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
                guard raw.count - position >= MemoryLayout<T>.size else { return nil }
                defer { position += MemoryLayout<T>.size }
                return T(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: T.self))
            }
            var records: [String: Record] = [:]
            while position < raw.count {
                guard let length = integer(UInt32.self), raw.count - position >= Int(length) else { return nil }
                let path = String(
                    decoding: UnsafeRawBufferPointer(rebasing: raw[position..<position + Int(length)]), as: UTF8.self)
                position += Int(length)
                guard let device = integer(UInt64.self), let inode = integer(UInt64.self),
                    let size = integer(Int64.self), let modified = integer(Int64.self),
                    let changed = integer(Int64.self),
                    raw.count - position >= 32
                else { return nil }
                let digest = Array(raw[position..<position + 32])
                position += 32
                records[path] = Record(
                    version: FileVersion(
                        device: device, inode: inode, size: size, modified: modified, changed: changed),
                    digest: digest)
            }
            return records
        }
    }
}
