import Foundation
import WardPlanKit

// Classification throughput: the seed plans, read and parsed once, classified again and again until
// the plans classified add up to the target size (100 MB by default), on one core.
//
//   scripts/benchmark.sh [--mb N] [PLAN...]
//
// Reports MB/s of plan files (the size of the files whose items were classified) and of the text
// the classifier reads (tasks with their products, targets, narrative items), in processor time of
// the thread (steady on a shared machine) and in wall-clock time. Not a test: figures depend on the
// machine; README.md and docs/performance.md record what was measured.

struct Input {
    var plan: Plan
    var lines: [DocumentLine]
    var fileBytes: Int
    var itemBytes: Int
}

func threadTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func wallTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

// A function, not top-level code: top-level variables of main.swift are global and, in Swift 6,
// isolated to the main actor, which slows every access from a loop.
func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    var targetMB = 100.0
    if let flag = arguments.firstIndex(of: "--mb"), flag + 1 < arguments.count, let value = Double(arguments[flag + 1]) {
        targetMB = value
        arguments.removeSubrange(flag...(flag + 1))
    }
    let paths = arguments.isEmpty ? ["Tests/Fixtures/seeds/nam-do-son-2026.txt", "Tests/Fixtures/seeds/ngoc-ha-2026-2030.md"] : arguments

    var inputs: [Input] = []
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("\(path): cannot read the file\n".utf8))
            exit(1)
        }
        let document = try ReaderRegistry.standard.read(data, path: path)
        let plan = PlanParser().parse(document)
        let itemBytes = plan.tasks.reduce(0) { $0 + $1.text.utf8.count + $1.products.reduce(0) { $0 + $1.utf8.count } }
            + plan.targets.reduce(0) { $0 + $1.text.utf8.count } + plan.narrative.reduce(0) { $0 + $1.text.utf8.count }
        inputs.append(Input(plan: plan, lines: document.lines, fileBytes: data.count, itemBytes: itemBytes))
    }

    let classifier = PlanClassifier.standard
    // Warm up: compile the taxonomy and touch every table once.
    var themes = inputs.reduce(0) { $0 + classifier.classify($1.plan, lines: $1.lines).tasks.count }

    let target = Int(targetMB * 1_000_000)
    var fileBytes = 0
    var itemBytes = 0
    var rounds = 0
    let cpu0 = threadTime()
    let wall0 = wallTime()
    while fileBytes < target {
        for input in inputs {
            let classified = classifier.classify(input.plan, lines: input.lines)
            themes &+= classified.tasks.reduce(0) { $0 + $1.themes.count }
            fileBytes += input.fileBytes
            itemBytes += input.itemBytes
        }
        rounds += 1
    }
    let cpu = threadTime() - cpu0
    let wall = wallTime() - wall0
    func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }
    func rate(_ bytes: Int, _ seconds: Double) -> String { String(format: "%.0f", Double(bytes) / 1_000_000 / seconds) }
    print("classified \(mb(fileBytes)) MB of plans (\(rounds) × \(inputs.count) seed plans, \(mb(itemBytes)) MB of item text), \(themes) themes found")
    print("processor time \(String(format: "%.2f", cpu)) s: \(rate(fileBytes, cpu)) MB/s of plan files, \(rate(itemBytes, cpu)) MB/s of item text (one core)")
    print("wall-clock time \(String(format: "%.2f", wall)) s: \(rate(fileBytes, wall)) MB/s of plan files")
}

try main()
