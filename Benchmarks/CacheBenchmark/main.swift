import Foundation
import WardPlanKit

// The plan cache on a folder of plans (not a test): a cold run that fills the cache, a warm run that
// takes every plan from it, and one with a single file changed; with the parts of a warm run (reading
// the files, decoding the entries) and the entry formats weighed against each other.
//
//   swift run -c release CacheBenchmark FOLDER [CACHE-FOLDER]
//   swift run -c release CacheBenchmark --parts FOLDER CACHE-FOLDER   (the parts of a warm run only)
//
// The cache folder (default: a new temporary one) is removed first. Prints wall-clock times.
// docs/performance.md records what was measured.

func wallTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func say(_ line: String) { print(line) }

/// The parts of a warm run, one thread: reading the files, hashing them, reading the entries, checking
/// and decoding them. Alone (`--parts`) it runs under `valgrind --tool=callgrind` in seconds.
func warmParts(inputs: [String], cacheFolder: URL) {
    var start = wallTime()
    var bytes = 0
    for path in inputs { bytes += FileManager.default.contents(atPath: path)?.count ?? 0 }
    say(String(format: "reading the %d files (%.1f MB): %.2f s", inputs.count, Double(bytes) / 1e6, wallTime() - start))
    let files = inputs.compactMap { FileManager.default.contents(atPath: $0) }
    start = wallTime()
    for data in files { _ = PlanCache.contentDigestForBenchmark(data) }
    say(String(format: "hashing the %d files (SHA-256, one thread): %.2f s", files.count, wallTime() - start))
    let entries =
        (FileManager.default.enumerator(at: cacheFolder, includingPropertiesForKeys: nil)?.allObjects
        as? [URL] ?? []).filter { $0.pathExtension == "plan" }
    start = wallTime()
    var entryBytes = 0
    for url in entries { entryBytes += (try? Data(contentsOf: url))?.count ?? 0 }
    say(
        String(
            format: "reading the %d entries (%.1f MB, %.1f KB each): %.2f s", entries.count, Double(entryBytes) / 1e6,
            Double(entryBytes) / 1e3 / Double(max(entries.count, 1)), wallTime() - start))
    let entryData = entries.compactMap { try? Data(contentsOf: $0) }
    start = wallTime()
    var decoded = 0
    for data in entryData where PlanCache.decodeEntryForBenchmark(data) { decoded += 1 }
    say(
        String(
            format: "checking and decoding the %d entries (one thread): %.2f s, %.2f ms an entry", decoded,
            wallTime() - start, (wallTime() - start) * 1e3 / Double(max(decoded, 1))))
}

func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    let partsOnly = arguments.first == "--parts"
    if partsOnly { arguments.removeFirst() }
    guard let folder = arguments.first, !partsOnly || arguments.count == 2 else {
        FileHandle.standardError.write(
            Data("usage: CacheBenchmark FOLDER [CACHE-FOLDER] | --parts FOLDER CACHE-FOLDER\n".utf8))
        exit(2)
    }
    let cacheFolder = URL(
        fileURLWithPath: arguments.count > 1
            ? arguments[1] : NSTemporaryDirectory() + "wardplan-cache-benchmark-\(getpid())")
    if partsOnly {
        // A cache filled before, left as it is.
        return warmParts(inputs: InputFiles.collect([folder], registry: .standard).paths, cacheFolder: cacheFolder)
    }
    try? FileManager.default.removeItem(at: cacheFolder)

    func run(_ label: String, cached: Bool = true) -> (ExtractionResult, PlanCache?) {
        var extractor = PlanExtractor()
        if cached { extractor.cache = PlanCache(directory: cacheFolder, settings: .init(extractor)) }
        let start = wallTime()
        let result = extractor.extract(paths: [folder])
        let extracted = wallTime()
        let written = extractor.cache?.commit() ?? 0
        let end = wallTime()
        let s = extractor.cache?.statistics
        say(
            String(
                format: "%@: %d plans in %.2f s (+ %.2f s writing %d entries); hits %d, misses %d, rejected %d",
                label, result.plans.count, extracted - start, end - extracted, written, s?.hits ?? 0, s?.misses ?? 0,
                s?.rejected ?? 0))
        return (result, extractor.cache)
    }

    let (cold, _) = run("cold (fills the cache)")
    let (warm, _) = run("warm (every plan from the cache)")
    say("warm plans equal cold plans: \(warm.plans == cold.plans && warm.failed == cold.failed)")

    // One file changed: a line added at its end.
    let inputs = InputFiles.collect([folder], registry: .standard).paths
    guard let changed = inputs.first, let original = FileManager.default.contents(atPath: changed) else { return }
    try (original + Data("\nMột dòng thêm.\n".utf8)).write(to: URL(fileURLWithPath: changed))
    _ = run("one file changed")
    try original.write(to: URL(fileURLWithPath: changed))

    warmParts(inputs: inputs, cacheFolder: cacheFolder)

    // Entry formats: the plans of the first 300 files, encoded and decoded.
    let sample = Array(cold.plans.prefix(300))
    let plist = PropertyListEncoder()
    plist.outputFormat = .binary
    let json = JSONEncoder()
    var start = wallTime()
    let formats: [(String, (Plan) throws -> Data, (Data) throws -> Plan)] = [
        ("binary (the cache's)", { PlanCache.encodeForBenchmark($0) }, { try PlanCache.decodeForBenchmark($0) }),
        ("binary property list", { try plist.encode($0) }, { try PropertyListDecoder().decode(Plan.self, from: $0) }),
        ("JSON", { try json.encode($0) }, { try JSONDecoder().decode(Plan.self, from: $0) }),
    ]
    for (name, encode, decode) in formats {
        start = wallTime()
        let encoded = try sample.map(encode)
        let encodeTime = wallTime() - start
        start = wallTime()
        for data in encoded { _ = try decode(data) }
        let decodeTime = wallTime() - start
        let size = encoded.reduce(0) { $0 + $1.count }
        say(
            String(
                format: "%@: %.1f KB a plan; encode %.2f ms, decode %.2f ms a plan", name,
                Double(size) / 1e3 / Double(sample.count), encodeTime * 1e3 / Double(sample.count),
                decodeTime * 1e3 / Double(sample.count)))
    }
    if arguments.count < 2 { try? FileManager.default.removeItem(at: cacheFolder) }
}

try main()
