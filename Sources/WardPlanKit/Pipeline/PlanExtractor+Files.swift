import Foundation
import Synchronization

/// Reading many files at once: every core reads, parses and classifies plans, and the results come
/// back in the order of the files, so the output is the same at any number of threads.
extension PlanExtractor {
    /// How many files are done, of how many, for a progress line. Called from worker threads, one
    /// call at a time, with `done` rising by one each call.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ path: String) -> Void

    /// The threads to use: `WARDPLAN_THREADS` when set (1 reads one file after another), otherwise
    /// one per active core. Read with `getenv`: `ProcessInfo`'s `environment` builds a dictionary of
    /// the whole environment each time (≈ 370,000 instructions), and this is read wherever a default
    /// argument names it (json43: 73 reads, 27 M instructions, in a warm `--json` run at n-500).
    public static var defaultThreads: Int {
        if let value = getenv("WARDPLAN_THREADS"), let n = Int(String(cString: value)), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// One result per file, in the order of `files`: the plan, or why there is none. Files are
    /// taken by the next free thread; each result goes to its file's slot.
    public func extract(files: [String], threads: Int = PlanExtractor.defaultThreads, progress: Progress? = nil)
        -> [Result<Plan, InputFailure>]
    {
        eachFile(files, threads: threads, progress: progress) { extract(file: $0) }
    }

    /// As `extract(files:)`, but a plan whose summary the cache keeps with its JSON fragment comes as
    /// that summary, not decoded (`extractSummaries(paths:)`).
    public func extractSummaries(
        files: [String], threads: Int = PlanExtractor.defaultThreads, progress: Progress? = nil
    ) -> [Result<ExtractedPlan, InputFailure>] {
        eachFile(files, threads: threads, progress: progress) { path in
            if let cache, let version = FileVersion.of(path: path), Int(version.size) <= limits.maxInputBytes,
                let summary = cache.summary(forFile: path, version: version)
            {
                return .success(.summary(summary))
            }
            return extract(file: path).map(ExtractedPlan.plan)
        }
    }

    /// `work` on every file, on `threads` threads, each file taken by the next free thread and its
    /// result put in its slot: the results in the order of `files`.
    private func eachFile<T: Sendable>(
        _ files: [String], threads: Int, progress: Progress?, _ work: @Sendable (String) -> T
    ) -> [T] {
        let done = Mutex<Int>(0)
        return ParallelSlots.map(count: files.count, threads: threads) { i in
            let result = work(files[i])
            if let progress {
                done.withLock { count in
                    count += 1
                    progress(count, files.count, files[i])
                }
            }
            return result
        }
    }

    /// The plan `summary` is of, for a run that knew it by its summary and must encode it after all
    /// (its JSON fragment gone or damaged since): from the cache's entry, or the file read again.
    /// Throws when the file no longer has the content the summary is of (changed during the run).
    public func plan(for summary: PlanSummary) throws -> Plan {
        if let plan = cache?.entryPlan(path: summary.path, contentDigest: summary.sha256) { return plan }
        if case .success(let plan) = extract(file: summary.path), plan.source.sha256 == summary.sha256 {
            return plan
        }
        throw FileChangedDuringRun(path: summary.path)
    }

    /// A file listed by its summary whose plan could not be had again with that content.
    public struct FileChangedDuringRun: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "\(path): the file changed while the run read it" }
    }

    /// One file: read (its size checked first, so an oversized file never enters memory), parsed
    /// and classified. With a cache, a file whose version (size, times, inode) is one the cache
    /// remembers the digest of is not even read when its plan is there.
    public func extract(file path: String) -> Result<Plan, InputFailure> {
        if let cache, let version = FileVersion.of(path: path), Int(version.size) <= limits.maxInputBytes,
            let plan = cache.plan(forFile: path, version: version)
        {
            return .success(plan)
        }
        let read: FileRead
        do {
            read = try FileRead.read(path) { try ReaderRegistry.checkSize($0, path: path, limits: limits) }
        } catch let error as InputError {
            return .failure(InputFailure(path: path, diagnostics: [error.diagnostic]))
        } catch {
            // Foundation's reading, for the words of its error (or the bytes, had the failure passed).
            return extractReadByFoundation(path)
        }
        guard let cache else { return extract(read.data, path: path) }
        var uncached = self
        uncached.cache = nil
        return cache.result(for: read.data, path: path, read: read) {
            uncached.extract(read.data, path: path, contentDigest: $0)
        }
    }

    private func extractReadByFoundation(_ path: String) -> Result<Plan, InputFailure> {
        let data: Data
        do {
            if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int {
                try ReaderRegistry.checkSize(size, path: path, limits: limits)
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as InputError {
            return .failure(InputFailure(path: path, diagnostics: [error.diagnostic]))
        } catch {
            return .failure(
                InputFailure(
                    path: path,
                    diagnostics: [
                        Diagnostic(
                            .unreadable, .error, path: path, ReaderMessage.cannotReadFile, error.localizedDescription)
                    ]))
        }
        return extract(data, path: path)
    }
}
