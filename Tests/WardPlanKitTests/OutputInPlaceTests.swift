import Foundation
import Testing

@testable import WardPlanKit

#if canImport(Glibc)
    import Glibc
#endif

/// Outputs a rename must not replace are written into: `--output /dev/null`, run as root, used to
/// replace the device `/dev/null` with a regular file (a temporary renamed over it).
@Suite("Outputs written in place")
struct OutputInPlaceTests {
    func fileType(_ path: String, follow: Bool = true) -> mode_t {
        var info = stat()
        let found = follow ? stat(path, &info) : lstat(path, &info)
        return found == 0 ? info.st_mode & S_IFMT : 0
    }

    func contents(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Reads a pipe to its end on another thread (opening a pipe to write waits for a reader).
    final class PipeReader: @unchecked Sendable {
        private var bytes: [UInt8] = []
        private let done = DispatchSemaphore(value: 0)
        /// A second name of the pipe, to let the reader go when nothing wrote to it.
        private let spare: String

        init(_ path: String, spare: String) {
            self.spare = spare
            DispatchQueue.global().async {
                let fd = open(path, O_RDONLY)
                var chunk = [UInt8](repeating: 0, count: 4096)
                while fd >= 0 {
                    let n = read(fd, &chunk, chunk.count)
                    if n <= 0 { break }
                    self.bytes += chunk[..<n]
                }
                if fd >= 0 { close(fd) }
                self.done.signal()
            }
        }

        /// The bytes read; nil when the pipe was not written and closed within a minute (were it
        /// replaced by a file, the reader would wait for ever).
        func wait() -> [UInt8]? {
            if done.wait(timeout: .now() + 60) == .success { return bytes }
            let fd = open(spare, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            done.wait()
            return nil
        }
    }

    @Test func devicesPipesAndSystemNamesAreWrittenInPlaceOthersReplaced() throws {
        let folder = try TemporaryFolder()
        let regular = folder.path("report.html")
        try Data("old".utf8).write(to: URL(fileURLWithPath: regular))
        let pipe = folder.path("pipe")
        #expect(mkfifo(pipe, 0o600) == 0)
        let link = folder.path("link")
        #expect(symlink(pipe, link) == 0)
        let fd = open(regular, O_RDONLY)
        defer { close(fd) }

        #expect(OutputSet.writesInPlace("/dev/null"))
        #expect(OutputSet.writesInPlace(pipe))
        #expect(OutputSet.writesInPlace(link))
        #expect(OutputSet.writesInPlace("/proc/self/fd/\(fd)"))
        #expect(!OutputSet.writesInPlace(regular))
        #expect(!OutputSet.writesInPlace(folder.path("new.html")))
        #expect(!OutputSet.writesInPlace(folder.url.path))
    }

    @Test func devNullStaysADevice() throws {
        // Checked first: were it false, the commit below would try to replace the device.
        try #require(OutputSet.writesInPlace("/dev/null"))
        var set = OutputSet()
        set.add(Data(repeating: 7, count: 100_000), to: "/dev/null")
        set.add(to: "/dev/null") { write in try write(Data("streamed".utf8)) }
        #expect(try set.commit(threads: 2) == ["/dev/null", "/dev/null"])
        #expect(fileType("/dev/null", follow: false) == S_IFCHR)
    }

    @Test func aPipeGetsTheBytesInOrderAndStaysAPipe() throws {
        let folder = try TemporaryFolder()
        let pipe = folder.path("pipe")
        #expect(mkfifo(pipe, 0o600) == 0)
        let link = folder.path("through-link")
        #expect(symlink(pipe, link) == 0)
        #expect(Glibc.link(pipe, folder.path("spare")) == 0)
        let reader = PipeReader(pipe, spare: folder.path("spare"))
        var set = OutputSet()
        let data = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        set.add(to: link, weight: 9) { write in
            for start in stride(from: 0, to: data.count, by: 65_536) {
                try write(Data(data[start..<min(start + 65_536, data.count)]))
            }
        }
        set.add(Data("beside".utf8), to: folder.path("beside.txt"))
        try set.commit(threads: 2)
        let read = reader.wait()
        #expect(read?.count == data.count)
        #expect(read.map { $0 == data } == true)
        #expect(fileType(pipe, follow: false) == S_IFIFO)
        #expect(fileType(link, follow: false) == S_IFLNK)
        #expect(try contents(folder.path("beside.txt")) == Array("beside".utf8))
    }

    /// `/dev/stdout` after `>` or `>>` names the shell's open file: the bytes go after what it holds,
    /// into the same file (same inode), and nothing is made in the descriptor's folder.
    @Test func aRegularFileNamedThroughProcIsAppendedTo() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("stdout.txt")
        try Data("before\n".utf8).write(to: URL(fileURLWithPath: path))
        var before = stat()
        #expect(stat(path, &before) == 0)
        let fd = open(path, O_WRONLY | O_APPEND)
        defer { close(fd) }
        var set = OutputSet()
        set.add(Data("after\n".utf8), to: "/proc/self/fd/\(fd)")
        try set.commit(threads: 1)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(after.st_ino == before.st_ino)
        #expect(try contents(path) == Array("before\nafter\n".utf8))
    }

    /// A file the shell opened, named through `/dev/fd/`, is appended to as through `/proc/`.
    @Test func aRegularFileNamedThroughDevFdIsAppendedTo() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("out.txt")
        try Data("before\n".utf8).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_WRONLY | O_APPEND)
        defer { close(fd) }
        #expect(OutputSet.writesInPlace("/dev/fd/\(fd)"))
        var set = OutputSet()
        set.add(Data("after\n".utf8), to: "/dev/fd/\(fd)")
        try set.commit(threads: 1)
        #expect(try contents(path) == Array("before\nafter\n".utf8))
    }

    /// `/dev/shm` is a folder of ordinary files (in memory): an output there is replaced like any
    /// other, not appended to (each run added a whole copy of the report after the last).
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/shm")))
    func aFileInDevShmIsReplaced() throws {
        let path = "/dev/shm/wardplans-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xml"
        defer { unlink(path) }
        for text in ["<report>first</report>", "<report>second</report>", "<report>second</report>"] {
            var set = OutputSet()
            set.add(to: path) { write in try write(Data(text.utf8)) }
            try set.commit(threads: 1)
            #expect(try contents(path) == Array(text.utf8))
        }
        #expect(!OutputSet.writesInPlace(path))
    }

    /// A file that cannot be staged stops the set before any in-place target is written.
    @Test func aFailedSetWritesNoTargetInPlace() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("stdout.txt")
        try Data("before\n".utf8).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_WRONLY | O_APPEND)
        defer { close(fd) }
        var set = OutputSet()
        set.add(Data("after\n".utf8), to: "/proc/self/fd/\(fd)")
        set.add(to: folder.path("bad.txt")) { write in
            try write(Data("half".utf8))
            throw ParallelOutputTests.Refused()
        }
        #expect(throws: OutputSet.Failure.self) { try set.commit(threads: 2) }
        #expect(try contents(path) == Array("before\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.path("bad.txt")))
    }
}

/// `extract --output -` prints to standard output, as most tools do, instead of writing a file
/// named "-"; `--output /dev/stdout` (a pipe here) gives the same bytes.
@Suite("Standard output named as an output")
struct StandardOutputNamedTests {
    @Test func dashAndDevStdoutAreStandardOutput() throws {
        let cli = CommandLineTests()
        let dir = try cli.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try cli.run(["extract", "wards", "--quiet"], in: dir)
        let dash = try cli.run(["extract", "wards", "--quiet", "--output", "-"], in: dir)
        let device = try cli.run(["extract", "wards", "--quiet", "-o", "/dev/stdout"], in: dir)
        #expect(plain.status == 0 && dash.status == 0 && device.status == 0, "\(dash.stderr) \(device.stderr)")
        #expect(plain.stdout.hasPrefix("{"))
        #expect(dash.stdout == plain.stdout)
        #expect(device.stdout == plain.stdout)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
    }
}
