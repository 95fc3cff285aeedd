import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file an output replaces, read beside the new bytes as they are made, so that bytes it
/// already holds are not written again: the kernel's copy of written bytes into new pages was a
/// quarter of a warm `compare` at 3,321 plans (≈ 830 MB of outputs; perf17, docs/performance.md),
/// and reading a file back costs a fraction of writing it.
///
/// While the new bytes equal the file's first bytes nothing is written. At the first chunk that
/// differs the equal part is copied from the file into the temporary and the rest written as
/// before (`OutputSet.stage`). When every byte is equal and the file is one a new output would
/// be (same permissions and owner, no other link to it), it is kept as it is instead of replaced
/// by an identical copy: the output set still ends with exactly the bytes of this run. The file
/// is never written to; a replacement is always a new file renamed over it.
final class PreviousOutput {
    private let fd: Int32
    private let info: stat
    private var size: Int { Int(info.st_size) }
    /// How many of the new output's first bytes are the file's first bytes (all given so far
    /// while `diverged` is false).
    private(set) var matched = 0
    /// A chunk differed (or could not be read): the rest is written, not compared.
    private(set) var diverged = false
    /// Where the file's bytes are read to, reused (a new megabyte a chunk costs fresh pages).
    private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 0, alignment: 16)

    /// The regular file at `path` (not through a symbolic link, which a rename replaces); nil
    /// when there is none.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        self.fd = fd
        self.info = info
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// How many of `chunk`'s first bytes are the file's next bytes, compared a megabyte at a time;
    /// fewer than all (the comparing is over: `diverged`) at the first megabyte that differs.
    func match(_ chunk: UnsafeRawBufferPointer) -> Int {
        guard !diverged else { return 0 }
        var done = 0
        while done < chunk.count {
            let count = min(Self.piece, chunk.count - done)
            guard matched + count <= size, read(count, at: matched),
                memcmp(buffer.baseAddress!, chunk.baseAddress! + done, count) == 0
            else {
                diverged = true
                return done
            }
            matched += count
            done += count
        }
        return done
    }

    private static let piece = 1 << 20

    /// Writes the matched bytes of the file to `out`: 0, or the `errno` that stopped it. Copied in
    /// the kernel (`sendfile`): 542 MB took 0.17 s of system time here where reading and writing
    /// them took 1.5 s; by reading and writing where the kernel refuses.
    func copyMatched(to out: Int32) -> Int32 {
        var offset = off_t(0)
        #if os(Linux)
            while offset < matched {
                let n = sendfile(out, fd, &offset, matched - Int(offset))
                if n > 0 { continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && (errno == EINVAL || errno == ENOSYS) { break }
                return n == 0 ? EIO : errno
            }
        #endif
        while offset < matched {
            let count = min(Self.piece, matched - Int(offset))
            guard read(count, at: Int(offset)) else { return errno == 0 ? EIO : errno }
            let failure = writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]), to: out)
            if failure != 0 { return failure }
            offset += off_t(count)
        }
        return 0
    }

    /// Whether the file can stand for the new output whose temporary is `fresh`: every byte given
    /// was its own and it has no more, and it looks as the temporary would once renamed (the
    /// permissions and owner a new file gets here; one link, so no other name shares it).
    func standsFor(_ fresh: Int32) -> Bool {
        var made = stat()
        guard !diverged, matched == size, fstat(fresh, &made) == 0 else { return false }
        return info.st_mode == made.st_mode && info.st_uid == made.st_uid && info.st_gid == made.st_gid
            && info.st_nlink == 1
    }

    /// Reads `count` bytes at `offset` into the start of `buffer`; false when the file gave fewer.
    private func read(_ count: Int, at offset: Int) -> Bool {
        if buffer.count < count {
            buffer.deallocate()
            buffer = .allocate(byteCount: count, alignment: 16)
        }
        var done = 0
        while done < count {
            let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { errno = 0 }
                return false
            }
            done += n
        }
        return true
    }
}
