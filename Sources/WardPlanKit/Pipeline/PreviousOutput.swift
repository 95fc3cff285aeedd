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
/// The new bytes are compared with the file's as they come (`give`). While they match nothing is
/// written. Where they differ, the bytes matched so far are copied from the file into the
/// temporary in the kernel, and the new bytes are held until the place where they continue the
/// file again is found (`Resync`): the bytes between are written, and comparing goes on from that
/// place, so a change in the middle of a 500 MB report costs its own bytes, not the rest of the
/// file. A range is copied only after each of its bytes was compared equal to the new ones; the
/// search only says where to compare next. Where no place is found, or places found do not last,
/// the new bytes are written as they come for a stretch (`Resync.plain`), so output that differs
/// everywhere costs little more than writing it.
///
/// When every byte is equal and the file is one a new output would be (same permissions and owner,
/// no other link to it), it is kept as it is instead of replaced by an identical copy: the output
/// set still ends with exactly the bytes of this run. The file is never written to; a replacement
/// is always a new file renamed over it.
final class PreviousOutput {
    private let fd: Int32
    private let info: stat
    private var size: Int { Int(info.st_size) }

    private enum Mode {
        /// The next new byte is compared with the file's byte at `oldOffset`; the file's bytes from
        /// `copyStart` to `oldOffset` were equal to the last new ones and are not in the temporary yet.
        case matching
        /// The new bytes in `held` differ from the file at `oldOffset` (where they were expected); a
        /// place where they continue the file is searched for as they come.
        case searching
        /// The new bytes are written as they come until `newOffset` reaches this; then compared
        /// again where the file would hold them if the two were still in step.
        case plain(until: Int)
    }

    private var mode = Mode.matching
    /// How many new bytes were given.
    private var newOffset = 0
    private var oldOffset = 0
    private var copyStart = 0
    /// Whether the temporary must be made of anything but the file's bytes in order: a difference
    /// was met (or the file could not be read).
    private(set) var diverged = false
    /// Bytes put into the temporary by copying from the file, and by writing (what tests and
    /// measurements read).
    private(set) var copied = 0
    private(set) var written = 0
    private var search = Resync()

    /// A window of the file's bytes, `windowStart` on, read a megabyte at a time (one `pread` for
    /// many small chunks, not one each).
    private var window = ByteStore()
    private var windowStart = 0
    /// New bytes held while searching, and the spare the next ones are gathered in.
    private var held = ByteStore()
    private var spare = ByteStore()
    /// The file's bytes a search looks in, and a few read to check a place.
    private var area = ByteStore()
    private var areaStart = -1
    private var probe = ByteStore()

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
        window.free()
        held.free()
        spare.free()
        area.free()
        probe.free()
    }

    /// Takes the next new bytes: compares them, and puts into the temporary `out` what is settled
    /// before them (copies of the file's ranges, new bytes that differ). 0, or the `errno` of a
    /// write or copy that failed.
    func give(_ chunk: UnsafeRawBufferPointer, to out: Int32) -> Int32 {
        guard chunk.count > 0 else { return 0 }
        search.earn(chunk.count)
        var input = chunk
        while input.count > 0 {
            switch mode {
            case .matching:
                let same = compare(input)
                newOffset += same
                if same == input.count { return 0 }
                input = UnsafeRawBufferPointer(rebasing: input[same...])
                let failure = startSearching(to: out)
                if failure != 0 { return failure }
            case .plain(let until):
                let count = min(input.count, until - newOffset)
                let failure = emit(UnsafeRawBufferPointer(rebasing: input[..<count]), to: out)
                if failure != 0 { return failure }
                newOffset += count
                input = UnsafeRawBufferPointer(rebasing: input[count...])
                if newOffset == until {
                    // In step with the file as before the stretch (a replacement of equal length).
                    oldOffset = min(size, oldOffset + (until - search.plainFrom))
                    copyStart = oldOffset
                    mode = .matching
                }
            case .searching:
                held.append(input)
                newOffset += input.count
                input = UnsafeRawBufferPointer(start: nil, count: 0)
                guard let (skip, place) = findPlace() else {
                    if search.exhausted || search.unreadable || oldOffset >= size {
                        let failure = giveUp(to: out)
                        if failure != 0 { return failure }
                    }
                    return 0
                }
                let failure = emit(held.bytes(0, skip), to: out)
                if failure != 0 { return failure }
                // The held bytes after `skip` are compared from `place` on; they become the input.
                swap(&held, &spare)
                held.count = 0
                input = spare.bytes(skip, spare.count - skip)
                newOffset -= input.count
                oldOffset = place
                copyStart = place
                search.found()
                mode = .matching
            }
        }
        return 0
    }

    /// Puts into `out` what is still owed after the last new bytes: the last matched range, or the
    /// held bytes. 0, or the `errno` that stopped it.
    func finish(to out: Int32) -> Int32 {
        switch mode {
        case .matching:
            return copy(from: copyStart, to: oldOffset, into: out)
        case .searching:
            return emit(held.bytes(0, held.count), to: out)
        case .plain:
            return 0
        }
    }

    /// Whether the file can stand for the new output whose temporary is `fresh`: every byte given
    /// was its own and it has no more, and it looks as the temporary would once renamed (the
    /// permissions and owner a new file gets here; one link, so no other name shares it).
    func standsFor(_ fresh: Int32) -> Bool {
        var made = stat()
        guard !diverged, oldOffset == size, fstat(fresh, &made) == 0 else { return false }
        return info.st_mode == made.st_mode && info.st_uid == made.st_uid && info.st_gid == made.st_gid
            && info.st_nlink == 1
    }

    // MARK: Comparing

    /// How many of `input`'s first bytes are the file's bytes from `oldOffset` on (moved past them).
    private func compare(_ input: UnsafeRawBufferPointer) -> Int {
        var done = 0
        while done < input.count && oldOffset < size {
            guard let old = fileBytes(at: oldOffset) else {
                // Unreadable (shorter than it was): what was compared stays compared, the rest is
                // written (`startSearching` sees the offset past the end).
                search.unreadable = true
                return done
            }
            let count = min(old.count, input.count - done)
            let same = Self.sameLength(old.baseAddress!, input.baseAddress! + done, count)
            done += same
            oldOffset += same
            if same < count { return done }
        }
        return done
    }

    /// The file's bytes from `offset` to the end of the window (at least one byte), read into the
    /// window when it does not hold `offset`; nil when the file gave fewer bytes than its size.
    private func fileBytes(at offset: Int) -> UnsafeRawBufferPointer? {
        if offset < windowStart || offset >= windowStart + window.count {
            window.count = 0
            windowStart = offset
            guard read(min(Self.piece, size - offset), at: offset, into: &window) else { return nil }
        }
        return window.bytes(offset - windowStart, window.count - (offset - windowStart))
    }

    private static let piece = 1 << 20

    /// How many of the first `count` bytes of `a` and `b` are equal (memcmp over blocks, the block
    /// that differs byte by byte).
    static func sameLength(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Int {
        if memcmp(a, b, count) == 0 { return count }
        var start = 0
        var length = count
        // Halve the range that differs until it is small.
        while length > 64 {
            let half = length / 2
            if memcmp(a + start, b + start, half) == 0 {
                start += half
                length -= half
            } else {
                length = half
            }
        }
        while start < count
            && a.load(fromByteOffset: start, as: UInt8.self) == b.load(fromByteOffset: start, as: UInt8.self)
        {
            start += 1
        }
        return start
    }

    // MARK: Searching

    /// The new bytes differ from the file's at `oldOffset`: the matched range goes into `out`, and
    /// the next bytes are held while a place is searched for.
    private func startSearching(to out: Int32) -> Int32 {
        let failure = copy(from: copyStart, to: oldOffset, into: out)
        diverged = true
        if failure != 0 { return failure }
        search.ended(run: oldOffset - copyStart)
        copyStart = oldOffset
        held.count = 0
        areaStart = -1
        if search.unreadable || search.shouldRest {
            return giveUp(to: out)
        }
        mode = .searching
        return 0
    }

    /// Writes the held bytes and the next stretch as they come (no place found, or none lasting).
    private func giveUp(to out: Int32) -> Int32 {
        let failure = emit(held.bytes(0, held.count), to: out)
        // Where the file would be now if the two were in step: the stretch goes on from there.
        oldOffset = min(size, oldOffset + held.count)
        held.count = 0
        search.plainFrom = newOffset
        // Nothing to compare with any more: the rest is written.
        let ended = search.unreadable || oldOffset >= size
        mode = .plain(until: ended ? Int.max : newOffset + search.rest())
        return failure
    }

    /// Where the held bytes continue the file: `skip` of them written as they are, the rest compared
    /// from the file's `place`; nil when not found yet (more bytes may find it). A place is taken
    /// only when the held bytes go on matching there past the anchor (`verified`): a report's
    /// markup repeats, and a 128-byte anchor alone was found 1.9 MB away from its place.
    private func findPlace() -> (skip: Int, place: Int)? {
        while !search.unreadable, let skip = search.nextTry(held: held.count) {
            // In step, as before (a replacement of the same length).
            if verified(skip, at: oldOffset + skip) { return (skip, oldOffset + skip) }
            // Near the difference: after it first (bytes inserted or removed), the nearest before it
            // next (a difference met late, after a stretch written plainly or a wrong place).
            let start = max(0, oldOffset - Resync.back)
            let length = min(size, oldOffset + Resync.reach) - start
            guard length >= Resync.anchor, search.spend(length), let haystack = searchArea(start, length) else {
                continue
            }
            let anchor = held.bytes(skip, Resync.anchor)
            var from = oldOffset - start
            while let found = Self.find(anchor, in: UnsafeRawBufferPointer(rebasing: haystack[from...])) {
                if verified(skip, at: start + from + found) { return (skip, start + from + found) }
                from += found + 1
            }
            var before: Int?
            from = 0
            let end = min(haystack.count, oldOffset - start + Resync.anchor - 1)
            while let found = Self.find(anchor, in: UnsafeRawBufferPointer(rebasing: haystack[from..<end])) {
                if verified(skip, at: start + from + found) { before = start + from + found }
                from += found + 1
            }
            if let before { return (skip, before) }
        }
        return nil
    }

    /// Whether the held bytes from `skip` on (up to `Resync.anchor + Resync.proof` of them) are the
    /// file's bytes at `place`.
    private func verified(_ skip: Int, at place: Int) -> Bool {
        let count = min(held.count - skip, Resync.anchor + Resync.proof)
        guard place >= 0, place + count <= size, let old = fileRange(place, count) else { return false }
        return memcmp(old.baseAddress!, held.base! + skip, count) == 0
    }

    /// `count` of the file's bytes at `offset`, from the window or the search area when they hold
    /// them, else read.
    private func fileRange(_ offset: Int, _ count: Int) -> UnsafeRawBufferPointer? {
        if offset >= windowStart && offset + count <= windowStart + window.count {
            return window.bytes(offset - windowStart, count)
        }
        if areaStart >= 0 && offset >= areaStart && offset + count <= areaStart + area.count {
            return area.bytes(offset - areaStart, count)
        }
        probe.count = 0
        guard read(count, at: offset, into: &probe) else { return nil }
        return probe.bytes(0, count)
    }

    /// The file's `length` bytes from `start`, read once a search.
    private func searchArea(_ start: Int, _ length: Int) -> UnsafeRawBufferPointer? {
        if areaStart == start && area.count >= length { return area.bytes(0, length) }
        area.count = 0
        areaStart = -1
        guard read(length, at: start, into: &area) else {
            search.unreadable = true
            return nil
        }
        areaStart = start
        return area.bytes(0, length)
    }

    private typealias Memmem =
        @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) ->
        UnsafeMutableRawPointer?
    /// glibc's `memmem` (not visible from Swift: declared under `_GNU_SOURCE`), looked up once.
    private static let memmem: Memmem? = unsafeBitCast(
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem"), to: Memmem?.self)

    /// The offset of the first `needle` in `haystack`.
    static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
        guard needle.count > 0, haystack.count >= needle.count else { return nil }
        if let memmem {
            guard let hit = memmem(haystack.baseAddress, haystack.count, needle.baseAddress, needle.count) else {
                return nil
            }
            return UnsafeRawPointer(hit) - haystack.baseAddress!
        }
        var at = 0
        while at + needle.count <= haystack.count {
            if memcmp(haystack.baseAddress! + at, needle.baseAddress!, needle.count) == 0 { return at }
            at += 1
        }
        return nil
    }

    // MARK: Reading and copying

    /// Writes new bytes into `out`: 0, or the `errno` that stopped it.
    private func emit(_ bytes: UnsafeRawBufferPointer, to out: Int32) -> Int32 {
        written += bytes.count
        return writeAll(bytes, to: out)
    }

    /// Puts the file's bytes from `start` to `end` into `out`: 0, or the `errno` that stopped it.
    /// Copied in the kernel (`sendfile`): 542 MB took 0.17 s of system time here where reading
    /// and writing them took 1.5 s; by reading and writing where the kernel refuses.
    private func copy(from start: Int, to end: Int, into out: Int32) -> Int32 {
        copied += max(0, end - start)
        var offset = off_t(start)
        #if os(Linux)
            while offset < end {
                let n = sendfile(out, fd, &offset, end - Int(offset))
                if n > 0 { continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && (errno == EINVAL || errno == ENOSYS) { break }
                return n == 0 ? EIO : errno
            }
        #endif
        var buffer = ByteStore()
        defer { buffer.free() }
        while offset < end {
            let count = min(Self.piece, end - Int(offset))
            buffer.count = 0
            guard read(count, at: Int(offset), into: &buffer) else { return errno == 0 ? EIO : errno }
            let failure = writeAll(buffer.bytes(0, count), to: out)
            if failure != 0 { return failure }
            offset += off_t(count)
        }
        return 0
    }

    /// Appends the file's `count` bytes at `offset` to `store`; false when the file gave fewer
    /// (`errno` 0 at its end).
    private func read(_ count: Int, at offset: Int, into store: inout ByteStore) -> Bool {
        guard count > 0 else { return true }
        store.reserve(store.count + count)
        var done = 0
        while done < count {
            let n = pread(fd, store.base! + store.count + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { errno = 0 }
                return false
            }
            done += n
        }
        store.count += count
        return true
    }
}

/// When and where `PreviousOutput` looks for the place the new bytes continue the file, and when it
/// stops looking for a while. The searches are bounded: a search costs the bytes it scans, paid from
/// a budget that new bytes refill (half a byte each), so output that differs everywhere spends at
/// most about half its length searching; places that do not last (fewer than `lasting` bytes
/// matched) count as failures, and after `patience` of them in a row the new bytes are written as
/// they come for a stretch that doubles each time (1 MB to 64 MB).
struct Resync {
    /// The bytes a place is recognised by: long enough that a report's repeated markup seldom
    /// matches by chance (a chance match is only compared, never copied unchecked).
    static let anchor = 128
    /// How far after the difference a search looks (bytes removed up to about this), and before it.
    static let reach = 2 << 20
    static let back = 1 << 20
    /// The bytes after the anchor that must match too (when held) for a place to be taken.
    static let proof = 1024
    /// The held bytes a search tries its anchor at: a difference's own bytes are skipped (bytes
    /// inserted up to 256 KB).
    static let tries = [0, 32, 256, 2_048, 16_384, 131_072, 262_144]
    static let lasting = 64 << 10
    static let patience = 4

    private var next = 0
    private var budget = 32 << 20
    private var failures = 0
    private var rests = 0
    /// Where the current plain stretch began (new bytes).
    var plainFrom = 0
    /// The file could not be read: no more comparing.
    var unreadable = false

    mutating func earn(_ bytes: Int) { budget = min(budget + bytes / 2, 64 << 20) }

    /// Pays for scanning `bytes`; false when the budget has not that much.
    mutating func spend(_ bytes: Int) -> Bool {
        guard budget >= bytes else { return false }
        budget -= bytes
        return true
    }

    /// The next held offset to try an anchor at, once enough bytes are held for it.
    mutating func nextTry(held: Int) -> Int? {
        guard next < Self.tries.count, Self.tries[next] + Self.anchor + Self.proof <= held else { return nil }
        next += 1
        return Self.tries[next - 1]
    }

    /// Every try was made without a place.
    var exhausted: Bool { next >= Self.tries.count }

    /// A matched run ended after `run` bytes (0 at the very start counts too).
    mutating func ended(run: Int) {
        next = 0
        if run < Self.lasting {
            failures += 1
        } else {
            failures = 0
            rests = 0
        }
    }

    mutating func found() { next = 0 }

    /// Whether too many places in a row did not last: write plainly for a stretch.
    var shouldRest: Bool { failures > Self.patience }

    /// The length of the next plain stretch.
    mutating func rest() -> Int {
        failures = 0
        defer { rests = min(rests + 1, 6) }
        return (1 << 20) << rests
    }
}

/// A growable byte buffer kept from use to use (a new megabyte a chunk costs fresh pages); freed by
/// its owner.
struct ByteStore {
    private(set) var base: UnsafeMutableRawPointer?
    private var capacity = 0
    var count = 0

    mutating func reserve(_ wanted: Int) {
        guard wanted > capacity else { return }
        let grown = max(wanted, capacity * 2, 4096)
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        if let base {
            bigger.copyMemory(from: base, byteCount: count)
            base.deallocate()
        }
        base = bigger
        capacity = grown
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(count + bytes.count)
        (base! + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    func bytes(_ start: Int, _ length: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base.map { UnsafeRawPointer($0) + start }, count: length)
    }

    func free() { base?.deallocate() }
}
