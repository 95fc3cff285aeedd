import Foundation

/// How the cache folder's files are written: whole, to a temporary file beside the file (a name no
/// other run picks), then renamed into place, so a reader sees the old file or the new one.
///
/// Without `fsync`: `Data.write(to:)` syncs every file to the disk before it returns, which cost
/// 4–8 ms of waiting a file here, on one thread for the XML parts and for the entries at the end of
/// a run — seconds of a cold run at 1,000 plans (perf16, docs/performance.md). A cache file needs
/// no such promise: every one of them carries a checksum or a digest that its reader checks, so a
/// file the system lost or left short in a crash is a miss and is made again.
enum CacheFile {
    /// Writes `data` as the file at `url` (its folder must exist); false when it could not.
    static func replace(_ data: Data, at url: URL) -> Bool {
        data.withUnsafeBytes { replace([$0], atPath: url.path) }
    }

    /// Writes `pieces`, one after another, as the file at `path` (its folder must exist), in one
    /// `writev`: a file's header and the bytes it frames are written from where they are, not
    /// copied together first (fill46: a cold run at 3,321 plans copied ≈ 670 MB of XML elements,
    /// task rows and pages into fresh buffers to write them). False when it could not.
    static func replace(_ pieces: [UnsafeRawBufferPointer], atPath path: String) -> Bool {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        var written = writeAll(pieces, to: fd) == 0
        if close(fd) != 0 { written = false }
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// `.<name>.<pid>.<random>.tmp` beside `path`: a name no other run (nor thread) picks.
    static func temporaryPath(for path: String) -> String {
        var folder = Substring(path)
        var name = Substring(path)
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = path[...slash]
            name = path[path.utf8.index(after: slash)...]
        } else {
            folder = ""
        }
        return "\(folder).\(name).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
    }
}

/// Writes every byte of `pieces`, in order, to the file `fd` with `writev`, again after a short
/// write or a signal: 0, or the `errno` of the write that failed.
func writeAll(_ pieces: [UnsafeRawBufferPointer], to fd: Int32) -> Int32 {
    var vectors = pieces.compactMap { piece -> iovec? in
        guard let base = piece.baseAddress, !piece.isEmpty else { return nil }
        return iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: piece.count)
    }
    var first = 0
    while first < vectors.count {
        // At most `IOV_MAX` (1,024 on Linux) vectors a call; the cache's files have three or four.
        let count = Int32(min(vectors.count - first, 1024))
        let n = vectors.withUnsafeMutableBufferPointer { writev(fd, $0.baseAddress! + first, count) }
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        // Past the vectors written whole, into the one written in part.
        var left = n
        while first < vectors.count, left >= vectors[first].iov_len {
            left -= vectors[first].iov_len
            first += 1
        }
        if left > 0 {
            vectors[first].iov_base = vectors[first].iov_base! + left
            vectors[first].iov_len -= left
        }
    }
    return 0
}

/// Writes all of `buffer` to the file `fd`, again after a short write or a signal: 0, or the
/// `errno` of the write that failed.
func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
    var offset = 0
    while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += n
    }
    return 0
}

/// Fills `buffer` from the file `fd` at `offset`, again after a short read or a signal: false when
/// the file ends first or cannot be read.
func readAll(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
    var done = 0
    while done < buffer.count {
        let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return false }
        done += n
    }
    return true
}
