import Foundation

/// Each plan's findings (`PlanFindings`) kept in its cache entry, after the plan: a warm comparison
/// takes them with the plan instead of folding every statement and running the hints' matcher again.
///
/// An entry made in a run is written by `commit()` with the findings the run's comparison made for
/// its plan; an entry found without findings (written by `extract`, which compares nothing) is
/// written again with them. The findings are decoded and checked with the entry (one checksum
/// covers both): damaged, they make the whole entry a miss. Only findings of a plan this cache
/// gave or made in this run are kept, so no plan from elsewhere gets an entry.
extension PlanCache: PlanFindingsStore {
    /// Handed over once: the cache lets go of them, so they live no longer than the comparison.
    /// The plan's entry is found by the name its load recorded for the plan's path and digest
    /// (`findingsNames`: the name `key(path:contentDigest:)` gives for them, as the plan is relocated
    /// to the path it was loaded for), worked out only for a plan no entry gave (perf: ≈ 58,000
    /// instructions a plan, of it making the path absolute and SHA-256, warm28).
    func findings(for source: SourceInfo) -> PlanFindings? {
        let place = FindingsPlace(path: source.path, contentDigest: source.sha256)
        let known = lock.withLock { findingsNames[place] }
        let name = known ?? Self.hex(key(path: source.path, contentDigest: source.sha256))
        return lock.withLock {
            guard let findings = decodedFindings.removeValue(forKey: name) else { return nil }
            counts.findings += 1
            return findings
        }
    }

    func keepFindings(_ findings: PlanFindings, for plan: Plan) {
        let key = key(path: plan.source.path, contentDigest: plan.source.sha256)
        let name = Self.hex(key)
        let bytes = Data(PlanBinaryCoder.encode(findings))
        let foundWithout = lock.withLock {
            if pending[name] != nil {
                pending[name]!.findings = bytes
                counts.findingsKept += 1
                return false
            }
            return entriesWithoutFindings.contains(name)
        }
        guard foundWithout else { return }
        // Encoded here, on the comparison's threads, not one after another in `commit()`.
        let entry = PendingEntry(key: key, plan: Data(PlanBinaryCoder.encode(plan)), findings: bytes)
        lock.withLock {
            guard entriesWithoutFindings.remove(name) != nil else { return }
            pending[name] = entry
            counts.findingsKept += 1
        }
    }
}

/// A plan's place for `PlanCache.findingsNames`: the path it was loaded for and its bytes' digest,
/// by their bytes (`ExactText`), as the entry's key takes them: two spellings of a name equal only
/// canonically (NFC and NFD) are two paths.
struct FindingsPlace: Hashable {
    var path: ExactText
    var contentDigest: ExactText

    init(path: String, contentDigest: String) {
        self.path = ExactText(path)
        self.contentDigest = ExactText(contentDigest)
    }
}

extension PlanExtractor {
    /// Where a comparison with `taxonomy` finds and keeps its plans' findings: this extractor's
    /// cache when the taxonomy is the classifier's (the one the cache's keys cover), nil otherwise.
    func findingsStore(for taxonomy: Taxonomy) -> (any PlanFindingsStore)? {
        guard let cache, taxonomy == classifierTaxonomy else { return nil }
        return cache
    }
}
