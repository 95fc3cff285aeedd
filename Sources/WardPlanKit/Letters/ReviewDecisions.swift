import Foundation

/// What a specialist decided about gap items (`wards/decisions.yaml`, or `--decisions FILE`), kept
/// across runs: an item is `accepted` (to be requested), `not-applicable` (letters leave it out) or
/// `sent` (already requested), with a note. Loaded strictly: a misspelt field, an unknown mark or
/// kind, a bad date or a decision given twice is an error naming its file and line.
public struct ReviewDecisions: Sendable, Hashable {
    public var path: String
    public var decisions: [ReviewDecision]

    public init(path: String, decisions: [ReviewDecision]) {
        self.path = path
        self.decisions = decisions
    }

    public init(url: URL) throws(DataFileError) {
        try self.init(file: try YAMLFile(url: url))
    }

    public init(path: String, text: String) throws(DataFileError) {
        try self.init(file: try YAMLFile(path: path, text: text))
    }

    init(file: YAMLFile) throws(DataFileError) {
        var decisions = try file.decode(File.self).decisions
        var seen: [String: Int] = [:]
        for i in decisions.indices {
            let at = "decisions[\(i)]"
            decisions[i].line = file.line(at: at) ?? 0
            if let date = decisions[i].date, CalendarDate(iso: date) == nil {
                throw file.error(at: at + ".date", "date \"\(date)\" is not a day written YYYY-MM-DD")
            }
            let key = [decisions[i].ward.foldedKey, decisions[i].kind.rawValue, decisions[i].id].joined(separator: "|")
            if let first = seen[key] {
                throw file.error(
                    at: at,
                    "a second decision on \(decisions[i].ward) \(decisions[i].kind.rawValue) \(decisions[i].id) (the first is on line \(first)); keep one"
                )
            }
            seen[key] = decisions[i].line
        }
        self.init(path: file.path, decisions: decisions)
    }

    struct File: Decodable {
        var decisions: [ReviewDecision]

        enum CodingKeys: String, CodingKey, CaseIterable { case version, decisions }

        init(from decoder: Decoder) throws {
            try decoder.rejectUnknownFields(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            decisions = try c.decodeIfPresent([ReviewDecision].self, forKey: .decisions) ?? []
        }
    }

    /// The decision on an item of the ward `ward` of the comparison, if any.
    public func decision(on ward: WardEntry, _ kind: GapItem.Kind, _ id: String) -> ReviewDecision? {
        decisions.first { $0.kind == kind && $0.id == id && $0.names(ward) }
    }

    /// Whether letters leave the item out.
    public func leavesOut(_ ward: WardEntry, _ kind: GapItem.Kind, _ id: String) -> Bool {
        decision(on: ward, kind, id)?.mark == .notApplicable
    }

    /// Puts the decisions on the comparison, so every output shows them: each open decision's mark
    /// on its gap item (`GapItem.decision`), and every decision with what became of it
    /// (`Comparison.decisions`: open, resolved, or no plan of its ward read).
    public func apply(to comparison: inout Comparison) {
        let reviewed = review(comparison)
        for r in reviewed where r.state == .open {
            guard let w = comparison.wards.firstIndex(where: { $0.id == r.ward }),
                let i = comparison.gaps[w].items.firstIndex(where: {
                    $0.kind == r.decision.kind && $0.id == r.decision.id
                }),
                comparison.gaps[w].items[i].decision == nil
            else { continue }
            comparison.gaps[w].items[i].decision = GapDecision(r.decision)
        }
        comparison.decisions = reviewed.map(DecisionOutcome.init)
    }

    /// Each decision with what became of it in this comparison: its item is still listed (`open`),
    /// gone (`resolved`: the ward amended its plan), or no plan of its ward was read (`noWard`).
    public func review(_ comparison: Comparison) -> [ReviewedDecision] {
        decisions.map { decision in
            guard let w = comparison.wards.firstIndex(where: { decision.names($0) }) else {
                return ReviewedDecision(decision: decision, ward: nil, state: .noWard)
            }
            let exists = comparison.gaps[w].item(decision.kind, decision.id) != nil
            return ReviewedDecision(decision: decision, ward: comparison.wards[w].id, state: exists ? .open : .resolved)
        }
    }

    /// A note for each resolved decision and a warning for each whose ward sent no plan in this run,
    /// at the decision's line: nothing is dropped silently.
    public func diagnostics(_ comparison: Comparison, language: Language = .en) -> [Diagnostic] {
        let reviewed = review(comparison)
        let oldKeys = reviewed.compactMap { reviewed -> Diagnostic? in
            let d = reviewed.decision
            guard let id = reviewed.ward, let ward = comparison.wards.first(where: { $0.id == id }),
                d.ward != ward.id, d.ward == ward.slugID
            else { return nil }
            return Diagnostic(
                .decisionOldWardKey, .note, path: path, line: d.line,
                Message.decisionOldKey(language, d.ward, ward.id, ward.label))
        }
        return oldKeys
            + reviewed.compactMap { reviewed in
                let d = reviewed.decision
                switch reviewed.state {
                case .open: return nil
                case .resolved:
                    return Diagnostic(
                        .decisionResolved, .note, path: path, line: d.line,
                        Message.decisionResolvedNote(language, d.ward, d.kind.rawValue, d.id, d.mark.rawValue))
                case .noWard:
                    return Diagnostic(
                        .decisionUnknownWard, .warning, path: path, line: d.line,
                        Message.decisionNoWard(language, d.ward, d.kind.rawValue, d.id))
                }
            }
    }
}

/// One decision on one gap item.
public struct ReviewDecision: Sendable, Hashable, Decodable {
    public enum Mark: String, Sendable, Hashable, Codable, CaseIterable {
        case accepted
        case notApplicable = "not-applicable"
        case sent
    }

    /// The ward's id in the report (its unit's official code, `'00008'`; the old key
    /// `phuong-ngoc-ha-ha-noi` is still read) or its name as the report shows it ("Phường Ngọc Hà").
    public var ward: String
    public var kind: GapItem.Kind
    /// Theme id, benchmark id (`online-services@2026-2030`) or citation id, as `compare --json` and gaps.csv give them.
    public var id: String
    public var mark: Mark
    public var note: String?
    /// When it was decided, YYYY-MM-DD.
    public var date: String?
    /// The line of the decision in its file.
    public var line = 0

    public init(
        ward: String, kind: GapItem.Kind, id: String, mark: Mark, note: String? = nil, date: String? = nil,
        line: Int = 0
    ) {
        self.ward = ward
        self.kind = kind
        self.id = id
        self.mark = mark
        self.note = note
        self.date = date
        self.line = line
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case ward, kind, id, mark, note, date }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownFields(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ward = try c.decode(String.self, forKey: .ward)
        kind = try c.decode(GapItem.Kind.self, forKey: .kind)
        id = try c.decode(String.self, forKey: .id)
        mark = try c.decode(Mark.self, forKey: .mark)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        date = try c.decodeIfPresent(String.self, forKey: .date)
    }

    /// Whether it is about `ward`: by id, by its official code written as a number (`8`), by the key
    /// wards had before they were keyed by code (`phuong-ngoc-ha-ha-noi`), or by the name reports
    /// show (case, tone marks and đ/d ignored).
    func names(_ ward: WardEntry) -> Bool {
        if self.ward == ward.id || self.ward == ward.slugID || self.ward.foldedKey == ward.label.foldedKey {
            return true
        }
        if let code = ward.code, let written = Int(self.ward.trimmingCharacters(in: .whitespaces)) {
            return written == code
        }
        return false
    }
}

/// A specialist's mark as reports carry it on a gap item.
public struct GapDecision: Hashable, Sendable, Codable {
    public var mark: ReviewDecision.Mark
    public var note: String?
    /// When it was decided, YYYY-MM-DD.
    public var date: String?

    public init(_ decision: ReviewDecision) {
        mark = decision.mark
        note = decision.note
        date = decision.date
    }
}

/// A decision and what became of it, as `compare --json` gives it (`Comparison.decisions`).
public struct DecisionOutcome: Hashable, Sendable, Codable {
    /// The ward's id in the comparison; as the file writes it when no plan of the ward was read.
    public var ward: String
    public var kind: GapItem.Kind
    public var id: String
    public var mark: ReviewDecision.Mark
    public var note: String?
    public var date: String?
    public var state: ReviewedDecision.State
    /// The decision's line in its file.
    public var line: Int

    public init(_ reviewed: ReviewedDecision) {
        let d = reviewed.decision
        ward = reviewed.ward ?? d.ward
        kind = d.kind
        id = d.id
        mark = d.mark
        note = d.note
        date = d.date
        state = reviewed.state
        line = d.line
    }
}

/// A decision and what became of it in one comparison.
public struct ReviewedDecision: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Its item is still listed.
        case open
        /// Its item is no longer listed: the ward amended its plan.
        case resolved
        /// No plan of its ward was read.
        case noWard = "no-ward"
    }

    public var decision: ReviewDecision
    /// The ward's id in the comparison, when one of its plans was read.
    public var ward: String?
    public var state: State
}
