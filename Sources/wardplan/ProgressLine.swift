import Foundation
import Synchronization
import WardPlanKit

/// "1234/3321 tệp, 412 tệp/s" on standard error while plans are read: rewritten in place on a
/// terminal, from one second into the run (a quick run shows nothing). Off when standard error is not
/// a terminal, so logs stay clean, unless `--progress` asks for it; then a plain line each second.
final class ProgressLine: Sendable {
    private let terminal: Bool
    private let enabled: Bool
    private let start = ContinuousClock.now
    /// When the line was last written, in seconds since the start.
    private let shown = Mutex<Double?>(nil)

    init(quiet: Bool, forced: Bool) {
        terminal = isatty(STDERR_FILENO) == 1
        enabled = forced || (terminal && !quiet)
    }

    /// The extractor's progress callback, or nil when nothing is to be shown.
    var callback: PlanExtractor.Progress? {
        guard enabled else { return nil }
        return { [self] done, total, _ in update(done, total) }
    }

    private func update(_ done: Int, _ total: Int) {
        let elapsed = (ContinuousClock.now - start) / .seconds(1)
        let line: String? = shown.withLock { last in
            let interval = terminal ? 0.1 : 1.0
            guard elapsed >= 1, done == total ? last != nil : elapsed - (last ?? 0) >= interval else { return nil }
            last = elapsed
            let rate = Double(done) / elapsed
            let text = say(
                .progress, done, total, rate < 10 ? String(format: "%.1f", rate) : String(Int(rate.rounded())))
            return terminal ? "\r\u{1B}[K" + text + (done == total ? "\n" : "") : text + "\n"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }
}
