/// The patterns of the report schema's id types (`PhraseId`, `PlanId`, `TaskId` of
/// `schema/wardplans-3.xsd`), checked on the writer's ids in Swift, once per id, instead of by
/// libxml2 at each of their uses. libxml2 runs a schema pattern with a backtracking matcher, about
/// 270 instructions a character: 7,000–10,000 for a plan or task id, 2,400 for a phrase id; a
/// report names each id many times (n-100: 52,000 evidence, 18,000 tasks, 14,000 wards in the
/// comparison), which was 43 % of the frame's validation and 22 % of the plans' elements'
/// (docs/performance.md, lead35).
///
/// Why validating against a schema without these patterns (`XMLSchemaSet.reportFrameIDs`,
/// `reportPartIDs`) gives the verdict of the schema with them, when `hold` is true:
/// - every `PlanId` attribute the writer writes is a plan id of the report (`plan/@id`) or one the
///   comparison names, which `XMLReportIDs.plan` refuses unless it is a plan id of the report;
/// - every `TaskId` attribute is one of the report's task ids, or one `XMLReportIDs.task` refuses;
/// - every `PhraseId` is one of the report's phrase list, or `PhraseList.id(of:)` of a phrase not in
///   it: "p" and 12 lower-case hex digits by construction.
/// `hold` checks each of these ids against its pattern here; when one fails, the writer
/// validates against the schemas with the patterns, so libxml2 words the problem as before.
enum XMLIDPatterns {
    /// The simple types whose patterns these checks stand for.
    static let types: Set<String> = ["PhraseId", "PlanId", "TaskId"]

    /// Whether every plan id, task id and phrase id matches its type's pattern.
    static func hold(planIDs: [String], taskIDs: [[String]], phraseIDs: some Sequence<String>) -> Bool {
        planIDs.allSatisfy(isPlanID) && taskIDs.allSatisfy { $0.allSatisfy(isTaskID) }
            && phraseIDs.allSatisfy(isPhraseID)
    }

    /// `p[0-9a-f]{12}`.
    static func isPhraseID(_ id: String) -> Bool {
        var bytes = id.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "p") else { return false }
        var count = 0
        while let b = bytes.next() {
            guard isLowerHex(b) else { return false }
            count += 1
        }
        return count == 12
    }

    /// `[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*`: runs of lower-case letters and digits,
    /// each after the first opened by one `-` or `.` (a `.` opens a group, a `-` joins within one:
    /// any sequence of the two separators is such a grouping).
    static func isPlanID(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { isRuns($0[...], separators: planSeparators) }
    }

    /// The plan id's pattern, `/task-`, then `[a-z0-9]+([.\-][a-z0-9]+)*` (the same runs).
    static func isTaskID(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { bytes in
            // A plan id holds no `/`: the first one ends it.
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return false }
            let rest = bytes[(slash + 1)...]
            let marker = "task-".utf8
            guard rest.starts(with: marker) else { return false }
            return isRuns(bytes[..<slash], separators: planSeparators)
                && isRuns(rest.dropFirst(marker.count), separators: planSeparators)
        }
    }

    private static let planSeparators: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: ".")]

    /// Whether `bytes` are one or more runs of `[a-z0-9]`, each after the first opened by one of
    /// `separators`.
    private static func isRuns(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, separators: [UInt8]) -> Bool {
        var runLength = 0
        for b in bytes {
            if isLowerAlphanumeric(b) {
                runLength += 1
            } else if separators.contains(b) && runLength > 0 {
                runLength = 0
            } else {
                return false
            }
        }
        return runLength > 0
    }

    private static func isLowerAlphanumeric(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }

    private static func isLowerHex(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }
}
