import CFileExchange
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes all outputs of a run together or not at all. Every file is first written whole to a
/// temporary file beside its target (so the rename never crosses a disk); only when all of them
/// are written are they renamed into place. On a failure the temporaries are removed, and files
/// already renamed get their previous version back (kept under another name until the end), so the
/// outputs of the last good run stay together.
///
/// A target a rename must not replace (`writesInPlace`: `/dev/null`, a terminal, a pipe, anything
/// under `/dev/` or `/proc/`) is written into, not replaced, once every other file is staged.
public struct OutputSet {
    public struct File: Sendable {
        public var path: String
        public var data: Data
        /// Writes the content piece by piece instead of `data`: a large output (the JSON of 3,321
        /// plans) never sits whole in memory. Runs when the set is committed.
        public var stream: (@Sendable (_ write: (Data) throws -> Void) throws -> Void)?
        /// How long the file takes to make, roughly: heavier files are started first when the set is
        /// committed on several cores, so the longest does not start last.
        public var weight = 0

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }

        public init(path: String, stream: @escaping @Sendable (_ write: (Data) throws -> Void) throws -> Void) {
            self.path = path
            self.data = Data()
            self.stream = stream
        }
    }

    /// Why a file could not be written, in words a person can act on.
    public enum Problem: Equatable, Sendable {
        /// No permission to write in this folder.
        case permissionDenied(folder: String)
        case readOnly(folder: String)
        case noSpace
        /// This path, needed as a folder, is a file.
        case notAFolder(String)
        /// The output's own path is a folder.
        case isAFolder
        case other(String)

        init(errno code: Int32, folder: String) {
            switch code {
            case EACCES, EPERM: self = .permissionDenied(folder: folder)
            case EROFS: self = .readOnly(folder: folder)
            case ENOSPC, EDQUOT: self = .noSpace
            case ENOTDIR: self = .notAFolder(folder)
            case EISDIR: self = .isAFolder
            default: self = .other(String(cString: strerror(code)))
            }
        }
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var problem: Problem

        public func message(_ language: Language) -> String {
            switch problem {
            case .permissionDenied(let folder): Message.outputPermission(language, path, folder)
            case .readOnly(let folder): Message.outputReadOnly(language, path, folder)
            case .noSpace: Message.outputNoSpace(language, path)
            case .notAFolder(let file): Message.outputNotAFolder(language, path, file)
            case .isAFolder: Message.outputIsAFolder(language, path)
            case .other(let text): Message.outputOther(language, path, text)
            }
        }

        public var description: String { message(.en) }

        /// The `compare.output` diagnostic to print.
        public func diagnostic(_ language: Language) -> Diagnostic {
            Diagnostic(.outputUnwritable, .error, path: path, message(language))
        }
    }

    public var files: [File]

    public init(_ files: [File] = []) { self.files = files }

    public mutating func add(_ data: Data, to path: String) { files.append(File(path: path, data: data)) }

    /// A file whose content `stream` writes when the set is committed.
    public mutating func add(
        to path: String, weight: Int = 0, stream: @escaping @Sendable (_ write: (Data) throws -> Void) throws -> Void
    ) {
        var file = File(path: path, stream: stream)
        file.weight = weight
        files.append(file)
    }

    /// Writes every file, or none. Returns the paths written, in order. The files are made and
    /// written on all cores (`threads`), each to its own temporary: no file's bytes depend on another
    /// or on the order they are made in.
    @discardableResult
    public func commit(threads: Int = PlanExtractor.defaultThreads) throws(Failure) -> [String] {
        // Folders this commit made: removed again on a failure, so none is left behind empty.
        var created: [String] = []
        // Folders first, on this thread, in order: the workers then only write files.
        for file in files {
            do { try Self.prepare(file, created: &created) } catch {
                for folder in created.reversed() { rmdir(folder) }
                throw error
            }
        }
        let inPlace = files.map { Self.writesInPlace($0.path) }
        let replaced = files.indices.filter { !inPlace[$0] }
        let results = Self.stageAll(replaced.map { files[$0] }, threads: threads)
        var staged: [(temporary: String, target: String)] = []
        var firstFailure: Failure?
        for (file, result) in zip(replaced.map { files[$0] }, results) {
            switch result {
            case .success(let temporary?): staged.append((temporary, file.path))
            // The file there has every byte already: it stays, untouched.
            case .success(nil): break
            case .failure(let failure): if firstFailure == nil { firstFailure = failure }
            }
        }
        // In order, one at a time (two of them may be one terminal), and only once the others are
        // staged: a failure before here leaves them unwritten. What one has written stays written.
        if firstFailure == nil {
            for (file, isInPlace) in zip(files, inPlace) where isInPlace {
                do { try Self.writeInPlace(file) } catch {
                    firstFailure = error
                    break
                }
            }
        }
        if let firstFailure {
            for s in staged { unlink(s.temporary) }
            for folder in created.reversed() { rmdir(folder) }
            throw firstFailure
        }
        // Every file is written; now rename, keeping each previous version until all succeed.
        var done: [(target: String, backup: String?)] = []
        for (index, s) in staged.enumerated() {
            switch Self.replace(s.target, with: s.temporary) {
            case .done(let previous): done.append((s.target, previous))
            case .failed(let code):
                for d in done.reversed() {
                    if let b = d.backup { rename(b, d.target) } else { unlink(d.target) }
                }
                for rest in staged[index...] { unlink(rest.temporary) }
                for folder in created.reversed() { rmdir(folder) }
                throw Failure(path: s.target, problem: Problem(errno: code, folder: Self.folder(of: s.target)))
            }
        }
        for d in done { if let b = d.backup { unlink(b) } }
        return files.map(\.path)
    }

    /// What `replace` did.
    enum Replaced: Equatable {
        /// `temporary` is in `target`'s place; the previous version is at `previous` (to put back or
        /// remove), nil when there was none.
        case done(previous: String?)
        /// Nothing changed; the rename failed with this `errno`.
        case failed(Int32)
    }

    /// Puts `temporary` in `target`'s place. The two are swapped in one step where the file system
    /// can (`wardplans_exchange`): a rename over an existing file makes ext4 write the new file's
    /// data out before the rename returns (its `auto_da_alloc`, for programs that rename without
    /// `fsync`), 0.13–0.16 s for a 500 MB report here, on the run's clock. Neither way is durable
    /// against a power cut (nothing is synced; the next run writes the outputs again); a reader
    /// sees the old file or the new one.
    static func replace(_ target: String, with temporary: String) -> Replaced {
        if wardplans_exchange(temporary, target) == 0 { return .done(previous: temporary) }
        // No file there yet (ENOENT), or a file system that cannot swap: renamed, the previous
        // version kept as a hard link.
        let backup = temporary + ".previous"
        let hadPrevious = link(target, backup) == 0
        guard rename(temporary, target) == 0 else {
            let code = errno
            if hadPrevious { unlink(backup) }
            return .failed(code)
        }
        return .done(previous: hadPrevious ? backup : nil)
    }

    /// Each file written to its temporary, the heaviest (`File.weight`) started first so the
    /// longest does not start last; the results in the order of `files`.
    static func stageAll(_ files: [File], threads: Int) -> [Result<String?, Failure>] {
        let order = files.indices.sorted { (-files[$0].weight, $0) < (-files[$1].weight, $1) }
        return ParallelSlots.map(count: files.count, threads: threads, order: order) { i in
            do throws(Failure) { return .success(try stage(files[i])) } catch { return .failure(error) }
        }
    }

    static func folder(of path: String) -> String {
        let folder = Self.parent(of: path)
        return folder.isEmpty ? "." : folder
    }

    /// What `NSString.deletingLastPathComponent` gives ("a/b/" → "a", "/a" → "/", "a" → ""),
    /// without it: on Linux (swift-corelibs-foundation, Swift 6.3) it stops the process on a
    /// one-letter relative name such as "o" or "o/" (`compare --html o/report.html`).
    static func parent(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1 && bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        var end = slash
        while end > 0 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Creates the file's folder (and its parents); fails when its path is a folder.
    static func prepare(_ file: File, created: inout [String]) throws(Failure) {
        try makeFolder(folder(of: file.path), for: file.path, created: &created)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(path: file.path, problem: .isAFolder)
        }
    }

    /// Writes the data to a temporary file in the file's folder (made by `prepare`). Bytes the file
    /// being replaced already starts with are copied from it once the new bytes differ, not
    /// written as they come (`PreviousOutput`); nil when that file has every byte and stays.
    static func stage(_ file: File) throws(Failure) -> String? {
        let folder = folder(of: file.path)
        let name = (file.path as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure(path: file.path, problem: Problem(errno: errno, folder: folder)) }
        let previous = PreviousOutput(path: file.path)
        // Whether the temporary holds every byte given so far (it does not while they match).
        var caughtUp = previous == nil
        var failure: Int32 = 0
        var streamError: (any Error)?
        func catchUp() {
            guard !caughtUp, let previous else { return }
            caughtUp = true
            failure = previous.copyMatched(to: fd)
        }
        func put(_ data: Data) throws {
            data.withUnsafeBytes { chunk in
                let same = caughtUp ? 0 : previous?.match(chunk) ?? 0
                if same == chunk.count && !caughtUp { return }
                catchUp()
                if failure == 0 { failure = writeAll(UnsafeRawBufferPointer(rebasing: chunk[same...]), to: fd) }
            }
            if failure != 0 { throw WriteFailed() }
        }
        if let stream = file.stream {
            do { try stream(put) } catch is WriteFailed {} catch { streamError = error }
        } else {
            try? put(file.data)
        }
        let kept = failure == 0 && streamError == nil && !caughtUp && previous?.standsFor(fd) == true
        if failure == 0 && streamError == nil && !kept { catchUp() }
        if close(fd) != 0, failure == 0 { failure = errno }
        if kept || failure != 0 || streamError != nil {
            unlink(temporary)
            if let streamError { throw Failure(path: file.path, problem: .other("\(streamError)")) }
            if failure != 0 { throw Failure(path: file.path, problem: Problem(errno: failure, folder: folder)) }
            return nil
        }
        return temporary
    }

    private struct WriteFailed: Error {}

    /// Whether `path` names something a temporary renamed over it would destroy rather than
    /// update: a device, a pipe or a socket (symbolic links followed: `/dev/stdout` on a terminal
    /// or a pipe), or a regular file named through an open file's name: anything under `/proc/`,
    /// or a symbolic link under `/dev/` (`/dev/stdout`, `/dev/fd/3`; redirected to a file, it is
    /// the shell's open file: replacing the name would leave the file empty and `/dev` changed).
    /// Run as root, the rename replaced `/dev/null` itself with a regular file. A new path, a
    /// folder or another regular file, a file in `/dev/shm` among them: false (a file there was
    /// appended to, run after run, where it should have been replaced).
    static func writesInPlace(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return false
        case S_IFREG:
            if path.hasPrefix("/proc/") { return true }
            var named = stat()
            return path.hasPrefix("/dev/") && lstat(path, &named) == 0 && named.st_mode & S_IFMT == S_IFLNK
        default: return true
        }
    }

    /// Writes the file's bytes into the existing target, not atomically: nothing can be renamed
    /// over a device. A regular file (reached through `/dev/stdout` or `/proc/self/fd/N`) is
    /// appended to, so output sent with `>>` stays after what the file held.
    static func writeInPlace(_ file: File) throws(Failure) {
        var info = stat()
        let regular = stat(file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        let fd = open(file.path, O_WRONLY | O_CLOEXEC | (regular ? O_APPEND : 0))
        let folder = folder(of: file.path)
        guard fd >= 0 else { throw Failure(path: file.path, problem: Problem(errno: errno, folder: folder)) }
        var failure: Int32 = 0
        var streamError: (any Error)?
        func put(_ data: Data) throws {
            failure = data.withUnsafeBytes { writeAll($0, to: fd) }
            if failure != 0 { throw WriteFailed() }
        }
        if let stream = file.stream {
            do { try stream(put) } catch is WriteFailed {} catch { streamError = error }
        } else {
            try? put(file.data)
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if let streamError { throw Failure(path: file.path, problem: .other("\(streamError)")) }
        if failure != 0 { throw Failure(path: file.path, problem: Problem(errno: failure, folder: folder)) }
    }

    /// `mkdir -p`, with the error of the part that failed; the folders it makes are added to `created`.
    static func makeFolder(_ folder: String, for path: String, created: inout [String]) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw Failure(path: path, problem: .notAFolder(folder))
        }
        let parent = Self.parent(of: folder)
        if !parent.isEmpty, parent != folder { try makeFolder(parent, for: path, created: &created) }
        if mkdir(folder, 0o755) == 0 {
            created.append(folder)
        } else if errno != EEXIST {
            throw Failure(path: path, problem: Problem(errno: errno, folder: parent.isEmpty ? "." : parent))
        }
    }
}
