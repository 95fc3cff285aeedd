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
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        ).path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return false }
        var written = data.withUnsafeBytes { writeAll($0, to: fd) } == 0
        if close(fd) != 0 { written = false }
        guard written, rename(temporary, url.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
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
