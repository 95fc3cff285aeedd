/// The comparison's per-ward and per-task parts written directly (`DirectJSONEncodable`), as the
/// coverage is: through `Encodable` containers they were most of `compare --json`'s writing time.
/// Optional fields the synthesized `encode(to:)` leaves out when nil are left out here too; the
/// custom ones (`GapItem`, `GapPlace`, `Quarter`) are followed member for member.
/// `DirectJSONTests` compares each with `JSONEncoder` and checks a member per stored property.

extension TaskFacts: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        withUnsafePointer(to: self) { Self.writeJSON($0, to: &out) }
    }

    /// The facts at `facts`, their fields read in place: the tasks' list of a comparison is written
    /// by the JSON's stream while the pages' digest walks it on the other core, and a copy of each
    /// retained and released its lists and texts from both (warm47). An empty list is written
    /// without being passed on, as `Coverage.Cell`'s: every empty array is the one storage.
    static func writeJSON(_ facts: UnsafePointer<TaskFacts>, to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("area")
            out.string(facts.pointee.area)
            if let due = facts.pointee.due {
                out.key("due")
                out.value(due)
            }
            if let dueQuarter = facts.pointee.dueQuarter {
                out.key("dueQuarter")
                out.value(dueQuarter)
            }
            out.key("flags")
            if facts.pointee.flags.isEmpty { out.emptyArray() } else { out.array(facts.pointee.flags) { $0.raw($1) } }
            out.key("genericLead")
            out.bool(facts.pointee.genericLead)
            out.key("hasProduct")
            out.bool(facts.pointee.hasProduct)
            out.key("leads")
            if facts.pointee.leads.isEmpty { out.emptyArray() } else { out.strings(facts.pointee.leads) }
            out.key("pastDue")
            out.bool(facts.pointee.pastDue)
            out.key("schedule")
            out.raw(facts.pointee.schedule)
            out.key("task")
            facts.pointee.task.writeJSON(to: &out)
            out.key("themes")
            if facts.pointee.themes.isEmpty { out.emptyArray() } else { out.strings(facts.pointee.themes) }
        }
    }
}

extension Quarter: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) { out.string(description) }
}

extension WardGaps: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("items")
            out.values(items)
            out.key("ward")
            out.string(ward)
        }
    }
}

extension GapItem: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        withUnsafePointer(to: self) { Self.writeJSON($0, to: &out) }
    }

    /// The item at `item`, its fields read in place (as `TaskFacts.writeJSON(_:to:)`).
    static func writeJSON(_ item: UnsafePointer<GapItem>, to out: inout DirectJSONWriter) {
        out.object { out in
            if let area = item.pointee.area {
                out.key("area")
                out.string(area)
            }
            if let assignedTo = item.pointee.assignedTo {
                out.key("assignedTo")
                out.string(assignedTo)
            }
            out.key("basis")
            out.array(item.pointee.basis) { $0.raw($1) }
            if let decision = item.pointee.decision {
                out.key("decision")
                out.value(decision)
            }
            out.key("expectedBy")
            if item.pointee.expectedBy.isEmpty { out.emptyArray() } else { out.strings(item.pointee.expectedBy) }
            out.key("id")
            out.string(item.pointee.id)
            out.key("kind")
            out.raw(item.pointee.kind)
            out.key("level")
            out.raw(item.pointee.level)
            out.key("note")
            out.string(item.pointee.note)
            if let peers = item.pointee.peers {
                out.key("peers")
                out.value(peers)
            }
            out.key("places")
            if item.pointee.places.isEmpty { out.emptyArray() } else { out.values(item.pointee.places) }
        }
    }
}

extension GapItem.PeerShare: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("covering")
            out.integer(covering)
            out.key("of")
            out.integer(of)
        }
    }
}

extension GapDecision: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let date {
                out.key("date")
                out.string(date)
            }
            out.key("mark")
            out.raw(mark)
            if let note {
                out.key("note")
                out.string(note)
            }
        }
    }
}

extension GapPlace: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("line")
            out.integer(line)
            // `encode(to:)` writes a missing section as null.
            out.key("section")
            out.string(section)
        }
    }
}

extension LeadOffices: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("offices")
            out.values(offices)
            out.key("withoutNamedLead")
            out.values(withoutNamedLead)
        }
    }
}

extension LeadOffices.Office: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let alsoShownAs {
                out.key("alsoShownAs")
                out.strings(alsoShownAs)
            }
            out.key("cells")
            out.values(cells)
            out.key("name")
            out.string(name)
        }
    }
}

extension WardTasks: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("tasks")
            out.values(tasks)
            out.key("ward")
            out.string(ward)
        }
    }
}

extension TargetComparison: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("benchmarks")
            out.values(benchmarks)
            out.key("unbenchmarked")
            out.values(unbenchmarked)
        }
    }
}

extension TargetComparison.BenchmarkRow: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            // One per row, not per ward: its own `Encodable` writes it.
            out.key("benchmark")
            out.encodable(benchmark)
            out.key("cells")
            out.values(cells)
            out.key("id")
            out.string(id)
            out.key("metricEn")
            out.string(metricEn)
            out.key("metricVi")
            out.string(metricVi)
        }
    }
}

extension TargetComparison.Cell: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let dueLevel {
                out.key("dueLevel")
                out.encodable(dueLevel)
            }
            out.key("otherYears")
            out.values(otherYears)
            out.key("status")
            out.raw(status)
            out.key("targets")
            out.values(targets)
            out.key("ward")
            out.string(ward)
        }
    }
}

extension TargetComparison.MetricRow: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("cells")
            out.values(cells)
            out.key("en")
            out.string(en)
            out.key("metric")
            out.string(metric)
            out.key("vi")
            out.string(vi)
        }
    }
}

extension TargetComparison.MetricCell: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("targets")
            out.values(targets)
            out.key("ward")
            out.string(ward)
        }
    }
}

extension TargetComparison.TargetValue: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let comparator {
                out.key("comparator")
                out.raw(comparator)
            }
            out.key("index")
            out.integer(index)
            out.key("line")
            out.integer(line)
            if let phase {
                out.key("phase")
                out.value(phase)
            }
            if let status {
                out.key("status")
                out.raw(status)
            }
            if let unit {
                out.key("unit")
                out.raw(unit)
            }
            if let value {
                out.key("value")
                out.double(value)
            }
        }
    }
}

extension TimelineSummary: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("quarters")
            out.values(quarters)
            out.key("wards")
            // A ward's lists in the wards' order: its position is where its task references' ward
            // is looked for first (`TaskRefJSON`).
            out.array(inPlace: wards) { out, w, ward in
                out.wardHint = w
                ward.pointee.writeJSON(to: &out)
            }
        }
    }
}

/// A ward's timelines: through `Encodable` they were ≈ 400 M instructions of a one-change
/// `compare` of 3,321 plans with every output (lead38).
extension TimelineSummary.Ward: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("missing")
            out.values(missing)
            out.key("pastDue")
            out.values(pastDue)
            out.key("perQuarter")
            out.integers(perQuarter)
            out.key("recurring")
            out.integer(recurring)
            out.key("relative")
            out.values(relative)
            out.key("vague")
            out.values(vague)
            out.key("ward")
            out.string(ward)
            out.key("wholePeriod")
            out.values(wholePeriod)
        }
    }
}

extension CitationSummary: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("citations")
            out.values(citations)
            out.key("wards")
            out.values(wards)
        }
    }
}

extension CitationSummary.Citation: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("en")
            out.string(en)
            out.key("id")
            out.string(id)
            out.key("vi")
            out.string(vi)
        }
    }
}

extension CitationSummary.Ward: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            out.key("checks")
            out.values(checks)
            out.key("ward")
            out.string(ward)
        }
    }
}

extension CitationSummary.Check: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let basis {
                out.key("basis")
                out.integer(basis)
            }
            out.key("citation")
            out.string(citation)
            out.key("found")
            out.bool(found)
            if let line {
                out.key("line")
                out.integer(line)
            }
        }
    }
}

/// A ward of the comparison: through `Encodable` (twenty keyed members, eleven of them optional) a
/// ward cost ≈ 72,000 instructions, the `wards` member ≈ 2 % of a warm `--json` run at n-500, twice
/// with the pages' digest's tee (json43).
extension WardEntry: DirectJSONEncodable {
    func writeJSON(to out: inout DirectJSONWriter) {
        out.object { out in
            if let code {
                out.key("code")
                out.integer(code)
            }
            if let documentNumber {
                out.key("documentNumber")
                out.string(documentNumber)
            }
            if let documentType {
                out.key("documentType")
                out.raw(documentType)
            }
            if let group {
                out.key("group")
                out.string(group)
            }
            out.key("id")
            out.string(id)
            if let issuedOn {
                out.key("issuedOn")
                out.value(issuedOn)
            }
            if let issuedText {
                out.key("issuedText")
                out.string(issuedText)
            }
            if let kind {
                out.key("kind")
                out.raw(kind)
            }
            out.key("label")
            out.string(label)
            if let name {
                out.key("name")
                out.string(name)
            }
            if let period {
                out.key("period")
                out.value(period)
            }
            out.key("planID")
            out.string(planID)
            if let province {
                out.key("province")
                out.string(province)
            }
            out.key("sha256")
            out.string(sha256)
            out.key("source")
            out.string(source)
            out.key("targetCount")
            out.integer(targetCount)
            out.key("taskCount")
            out.integer(taskCount)
            if let title {
                out.key("title")
                out.string(title)
            }
            out.key("unclassifiedLines")
            out.integer(unclassifiedLines)
            out.key("warningCount")
            out.integer(warningCount)
        }
    }
}
