import Foundation

/// An outside program the readers use (pdftotext, soffice), found on the search path, run with a
/// time limit and a cap on what it may print, and never through a shell.
struct ExternalTool: Sendable {
    let name: String
    /// Folders searched for the program; `PATH` by default. Tests pass their own.
    let searchPath: [String]

    init(_ name: String, searchPath: [String]? = nil) {
        self.name = name
        self.searchPath =
            searchPath
            ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    var executable: String? {
        searchPath.lazy.map { ($0 as NSString).appendingPathComponent(name) }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var timedOut: Bool
        var truncated: Bool
    }

    /// Runs the program; nil when it is not installed.
    func run(
        _ arguments: [String], timeout: Double, maxOutputBytes: Int = 64 << 20, environment: [String: String]? = nil
    ) -> Output? {
        guard let executable else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch { return nil }

        let collected = Collected()
        let readers = DispatchGroup()
        for (pipe, limit, isStdout) in [(stdout, maxOutputBytes, true), (stderr, 64 * 1024, false)] {
            DispatchQueue.global().async(group: readers) {
                let handle = pipe.fileHandleForReading
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    if !collected.append(chunk, toStdout: isStdout, limit: limit), isStdout { Self.stop(process) }
                }
            }
        }
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            Self.stop(process)
            if done.wait(timeout: .now() + 5) == .timedOut {
                kill(-process.processIdentifier, SIGKILL)
                done.wait()
            }
        }
        // Children it left behind may still hold the pipes open: they go too.
        if readers.wait(timeout: .now() + 10) == .timedOut {
            kill(-process.processIdentifier, SIGKILL)
            readers.wait()
        }
        let result = collected.snapshot()
        return Output(
            status: process.terminationStatus, stdout: result.stdout,
            stderr: String(decoding: result.stderr, as: UTF8.self),
            timedOut: timedOut, truncated: result.truncated)
    }

    /// Ends the program and whatever it started: it runs in a process group of its own (Foundation
    /// starts it so), and the group is signalled.
    private static func stop(_ process: Process) {
        kill(-process.processIdentifier, SIGTERM)
    }

    /// Output gathered by two reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stdout = Data()
        private var stderr = Data()
        private var truncated = false

        /// False once the stream is over its limit (the rest is dropped).
        func append(_ chunk: Data, toStdout: Bool, limit: Int) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if toStdout {
                guard stdout.count + chunk.count <= limit else {
                    truncated = true
                    return false
                }
                stdout.append(chunk)
            } else if stderr.count < limit {
                stderr.append(chunk.prefix(limit - stderr.count))
            }
            return true
        }

        func snapshot() -> (stdout: Data, stderr: Data, truncated: Bool) {
            lock.lock()
            defer { lock.unlock() }
            return (stdout, stderr, truncated)
        }
    }
}

/// A private temporary folder for one conversion, removed when done.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wardplan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// A scratch folder with a copy of `data` named `name` in it, for a program to read; a failure
    /// stops the input at `path`.
    static func holding(_ data: Data, as name: String, for path: String) throws(InputError) -> (ScratchFolder, URL) {
        do {
            let folder = try ScratchFolder()
            let file = folder.url.appendingPathComponent(name)
            do { try data.write(to: file) } catch {
                folder.remove()
                throw error
            }
            return (folder, file)
        } catch {
            throw InputError(
                Diagnostic(
                    .unreadable, .error, path: path, ReaderMessage.noTemporaryCopy, error.localizedDescription,
                    FileManager.default.temporaryDirectory.path))
        }
    }
}
