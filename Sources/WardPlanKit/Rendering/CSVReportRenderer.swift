import Foundation

/// The comparison as CSV files for people who continue in a spreadsheet: `tasks.csv` (every task),
/// `coverage.csv` (wards by areas and themes), `targets.csv` (every target, against the national
/// benchmarks) and `gaps.csv` (every gap item with its level, basis and places). UTF-8 with a byte-order mark so spreadsheet programs show Vietnamese, CRLF line
/// ends (RFC 4180), headers in the report's language, every field through `Escaping.csvField`.
///
/// The separator is a comma by default (RFC 4180; LibreOffice and scripts read it). Excel reads a
/// CSV file with the list separator of the computer's region, which in a Vietnamese region is `;`:
/// `separator: .semicolon` (`--csv-separator semicolon`) is for that Excel. A `sep=,` first line
/// is not used: with it Excel ignores the byte-order mark and garbles the Vietnamese text.
public struct CSVReportRenderer: ReportRenderer {
    public enum Separator: String, Sendable, CaseIterable {
        case comma, semicolon
        var character: String { self == .comma ? "," : ";" }
    }

    public var separator: Separator
    /// Where tasks.csv's rows of each ward are kept from run to run (`tasks(_:_:_:keeping:)`):
    /// a plan cache, whose plans are a function of their path and SHA-256. Nil: every row is made.
    public var keptTaskRows: (any TaskRowStore)?

    public init(separator: Separator = .comma, keptTaskRows: (any TaskRowStore)? = nil) {
        self.separator = separator
        self.keptTaskRows = keptTaskRows
    }

    public func render(_ report: Report) -> [RenderedFile] {
        deferredFiles(report).map { RenderedFile(name: $0.name, data: $0.render()) }
    }

    /// The files of `render`, each made when asked for (one table in memory at a time, as bytes:
    /// each row is appended as it is made, never kept as strings).
    public func deferredFiles(_ report: Report) -> [DeferredFile] {
        let separator = Array(separator.character.utf8)
        return Self.tableList(report).map { table in
            DeferredFile(name: table.name + ".csv") {
                var out = CSVBytes(separator: separator, bytes: [0xEF, 0xBB, 0xBF])
                Self.write(table.table, report, to: &out, keeping: keptTaskRows)
                return out.withBytes { Data($0) }
            }
        }
    }

    /// A file of `deferredFiles` as a stream: its bytes given to `write` `chunkSize` at a time as its
    /// rows are made, each chunk lent from the sink's buffer, which is reused from chunk to chunk.
    /// Made whole (tasks.csv: 127 MB at 3,321 plans) and then copied into a `Data`, a table cost 6 %
    /// of a warm `compare` in copies and fresh pages (perf20b). The bytes are `deferredFiles`' bytes,
    /// cut into chunks.
    public func streamedFiles(_ report: Report, chunkSize: Int = 1 << 20) -> [StreamedFile] {
        let separator = Array(separator.character.utf8)
        return Self.tableList(report).map { table in
            StreamedFile(name: table.name + ".csv") { write in
                var failure: (any Error)?
                withoutActuallyEscaping(write) { write in
                    // Each chunk a `Data` that shares the sink's buffer (`ByteBuffer.lend`): the
                    // buffer is reused when the reader lets the chunk go, as a `ReusedChunk` was, and
                    // left to the chunk when it keeps it. After a failed write the rows are still made,
                    // as before, but no longer written.
                    func deliver(_ data: Data) {
                        guard failure == nil else { return }
                        do { try write(data) } catch { failure = error }
                    }
                    var out = CSVBytes(
                        separator: separator, bytes: [0xEF, 0xBB, 0xBF], chunkSize: chunkSize, deliver: deliver)
                    Self.write(table.table, report, to: &out, keeping: keptTaskRows)
                    out.deliverRest(deliver)
                }
                if let failure { throw failure }
            }
        }
    }

    /// The tables, each a header row and its rows, in file order: `tasks`, `coverage`, `targets`,
    /// `gaps`, and `registry` when the plans were checked against a list of units. The workbook
    /// (`XLSXReportRenderer`) has the same tables as sheets.
    static func tables(_ report: Report) -> [(name: String, rows: [[String]])] {
        tableList(report).map { table in
            var rows = CSVFieldRows()
            write(table.table, report, to: &rows)
            return (table.name, rows.rows)
        }
    }

    /// One of the tables of `tables`.
    enum Table: Sendable {
        case tasks, coverage, targets, gaps, registry
    }

    /// The tables of `tables`, each made when written.
    static func tableList(_ report: Report) -> [(name: String, table: Table)] {
        var tables: [(name: String, table: Table)] = [
            ("tasks", .tasks), ("coverage", .coverage), ("targets", .targets), ("gaps", .gaps),
        ]
        if report.comparison.registry != nil { tables.append(("registry", .registry)) }
        return tables
    }

    /// A table's rows, header first, given to `out` a field at a time.
    static func write<Sink: CSVRowSink>(_ table: Table, _ report: Report, to out: inout Sink) {
        let csv = CSVReportRenderer()
        let t = Localizer(language: report.language)
        switch table {
        case .tasks: csv.tasks(report, t, &out)
        case .coverage: csv.coverage(report, t, &out)
        case .targets: csv.targets(report, t, &out)
        case .gaps: csv.gaps(report, t, &out)
        case .registry:
            if let registry = report.comparison.registry { csv.registry(registry, t, &out) }
        }
    }

    /// `write(_:_:to:)` into bytes, tasks.csv's rows of each ward copied from `store` when it kept
    /// them (`tasks(_:_:_:keeping:)`).
    static func write(_ table: Table, _ report: Report, to out: inout CSVBytes, keeping store: (any TaskRowStore)?) {
        guard table == .tasks, let store else { return write(table, report, to: &out) }
        CSVReportRenderer().tasks(report, Localizer(language: report.language), &out, keeping: store)
    }

    /// One row per unit: the plans matched to a unit (in the list or not), then the units of the
    /// list that sent no plan, by code.
    func registry<Sink: CSVRowSink>(_ registry: RegistryReport, _ t: Localizer, _ out: inout Sink) {
        out.row([t(.csvUnitCode), t(.csvName), t(.csvProvince), t(.csvRegistryGroup), t(.csvStatus), t(.csvWardID)])
        let unknown = Set(registry.unknown)
        for unit in registry.wards {
            let status =
                unit.code == nil
                ? t(.registryNoMatch) : unknown.contains(unit.ward) ? t(.registryNotListed) : t(.registrySent)
            out.row([
                unit.code.map(String.init) ?? "", unit.name ?? "", unit.province ?? "", unit.group ?? "", status,
                unit.ward,
            ])
        }
        for unit in registry.missing {
            out.row([String(unit.code), unit.name, unit.province, unit.group ?? "", t(.registryNotSent), ""])
        }
    }

    /// Appends one row, field by field: no joined row strings, no whole-file `String` to copy.
    static func append(_ row: [String], separator: [UInt8], to bytes: inout [UInt8]) {
        // The separators are one byte: appended as one (an array's `append(contentsOf:)` cost a
        // hundred instructions a field).
        let single = separator.count == 1 ? separator[0] : nil
        for (i, field) in row.enumerated() {
            if i > 0 {
                if let single { bytes.append(single) } else { bytes.append(contentsOf: separator) }
            }
            Escaping.appendCSVField(field, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    func wardColumns(_ ward: WardEntry) -> [String] { [ward.id, ward.label, ward.province ?? ""] }

    /// `wardColumns` of every ward, made once for the rows of a table.
    func wardColumnList(_ wards: [WardEntry]) -> [[String]] { wards.map(wardColumns) }

    /// `wardColumnList`, each ward's made ready for `out` (`CSVRowSink.prepared`).
    func preparedWardColumns<Sink: CSVRowSink>(_ wards: [WardEntry], for out: Sink) -> [Sink.Prepared] {
        wards.map { out.prepared(wardColumns($0)) }
    }

    /// What every row of tasks.csv looks up, made once per table: the areas' and themes' names by
    /// id, and the yes and no.
    struct TaskRowNames {
        let t: Localizer
        /// The (id, name) pairs the tables below are made of, in the coverage's order (the kept
        /// rows' key holds them).
        let areaPairs: [(id: String, name: String)]
        let themePairs: [(id: String, name: String)]
        let areas: NamesBySlot
        let themes: NamesBySlot
        let yes: String
        let no: String

        init(_ c: Comparison, _ t: Localizer) {
            self.t = t
            areaPairs = c.coverage.areas.map { ($0.id, t.pick($0.vi, $0.en)) }
            themePairs = c.coverage.themes.map { ($0.id, t.pick($0.vi, $0.en)) }
            // Names by id, looked up for every task (the first row of an id, as `Coverage.row`): by
            // the ids' slots (`Coverage.Slots`: an ASCII id by its bytes), not in a `[String: String]`,
            // whose hashing of a `String` cost ≈ 1,900 instructions a row (warm28).
            areas = NamesBySlot(areaPairs)
            themes = NamesBySlot(themePairs)
            (yes, no) = (t.yesNo(true), t.yesNo(false))
        }
    }

    /// tasks.csv's header row, and the names its rows look up.
    func taskHeader<Sink: CSVRowSink>(_ report: Report, _ t: Localizer, _ out: inout Sink) -> TaskRowNames {
        out.row([
            t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvSource), t(.csvLine), t(.csvEndLine), t(.colTask),
            t(.csvAreaID), t(.colArea), t(.csvGroup), t(.csvThemeIDs), t(.colThemes), t(.colTaskText), t(.colLead),
            t(.csvLeadText), t(.csvGenericLead), t(.csvCoordinators), t(.colProducts), t(.colTimeAsWritten),
            t(.csvSchedule),
            t(.csvStart), t(.csvEnd), t(.csvDeadline), t(.colDue), t(.csvDueQuarter), t(.csvPastDue), t(.csvFlags),
            t(.csvSupervisor), t(.csvNotes),
        ])
        return TaskRowNames(report.comparison, t)
    }

    /// A ward's columns in tasks.csv: `wardColumns` and its source.
    func taskWardColumns(_ ward: WardEntry) -> [String] { wardColumns(ward) + [ward.source] }

    /// The facts in runs of one ward each, in order, with the ward's index: a run is the facts that
    /// follow one another with the ward's id (compared with `==`, as the rows always were).
    static func wardRuns(
        _ wards: [WardEntry], _ facts: UnsafeBufferPointer<TaskFacts>, _ body: (_ w: Int, _ run: Range<Int>) -> Void
    ) {
        var w = 0
        var k = 0
        while k < facts.count {
            while wards[w].id != facts[k].task.ward { w += 1 }
            var end = k + 1
            while end < facts.count && wards[w].id == facts[end].task.ward { end += 1 }
            body(w, k..<end)
            k = end
        }
    }

    func tasks<Sink: CSVRowSink>(_ report: Report, _ t: Localizer, _ out: inout Sink) {
        let c = report.comparison
        let names = taskHeader(report, t, &out)
        // The ward's columns made once per ward, not once per task (a ward entry is a large value).
        // Escaped once per ward, too (`CSVRowSink.prepared`), and the yes and no of every row once.
        // The facts read in place too (a `TaskFacts` taken out of the array was copied and
        // destroyed again, ≈ 340 instructions a row).
        c.tasks.withUnsafeBufferPointer { facts in
            Self.wardRuns(c.wards, facts) { w, run in
                let ward = out.prepared(taskWardColumns(c.wards[w]))
                taskRows(report, w, facts, run, ward, names, &out)
            }
        }
    }

    /// tasks.csv as `tasks` writes it, each ward's rows copied from `store` when it kept them for
    /// the ward's plan (its source path and SHA-256) made from the same inputs (`TaskRowsDigest`);
    /// otherwise made as `tasks` makes them, copied in, and kept. A plan must be a function of its
    /// path and SHA-256 under the store's settings, as a plan cache's plans are.
    func tasks(_ report: Report, _ t: Localizer, _ out: inout CSVBytes, keeping store: any TaskRowStore) {
        let c = report.comparison
        let names = taskHeader(report, t, &out)
        var digest = TaskRowsDigest(separator: out.separatorBytes, names: names)
        var block = out.emptyBlock()
        c.tasks.withUnsafeBufferPointer { facts in
            Self.wardRuns(c.wards, facts) { w, run in
                let key = digest.digest(
                    ward: taskWardColumns(c.wards[w]), facts: UnsafeBufferPointer(rebasing: facts[run]))
                let (path, contentDigest) = (report.plans[w].source.path, report.plans[w].source.sha256)
                // Read straight into the file's buffer (a copy through an array was ≈ 13 M at n-500).
                let copied = store.keptTaskRows(path: path, contentDigest: contentDigest, digest: key) { count, fill in
                    out.appendRows(count: count, fill)
                }
                if copied { return }
                block.removeAll()
                let ward = block.prepared(taskWardColumns(c.wards[w]))
                taskRows(report, w, facts, run, ward, names, &block)
                block.withBytes { rows in
                    out.appendRows(rows)
                    store.keepTaskRows(rows, path: path, contentDigest: contentDigest, digest: key)
                }
            }
        }
    }

    /// The rows of the facts `run`, all of ward `w`, whose columns are `ward`.
    func taskRows<Sink: CSVRowSink>(
        _ report: Report, _ w: Int, _ facts: UnsafeBufferPointer<TaskFacts>, _ run: Range<Int>, _ ward: Sink.Prepared,
        _ names: TaskRowNames, _ out: inout Sink
    ) {
        let t = names.t
        let (yes, no) = (names.yes, names.no)
        // The task's fields read in place, through the array's buffer: a `PlanTask` taken out of its
        // array (as `tasks[i]` still was) is a copy of every field, ≈ 950 instructions a row (warm28).
        report.plans[w].tasks.withUnsafeBufferPointer { tasks in
            for k in run {
                let i = facts[k].task.index
                precondition(tasks.indices.contains(i), "a task's facts name a task of its plan")
                out.fields(prepared: ward)
                out.field(tasks[i].line)
                if let endLine = tasks[i].endLine { out.field(endLine) } else { out.emptyField() }
                out.field(tasks[i].ref)
                out.field(facts[k].area)
                out.field(names.areas[facts[k].area] ?? facts[k].area)
                out.field(tasks[i].group ?? "")
                out.field(joining: facts[k].themes)
                out.field(joining: facts[k].themes.lazy.map { id in names.themes[id] ?? id })
                out.field(tasks[i].text)
                out.field(joining: facts[k].leads)
                out.field(tasks[i].leadText ?? "")
                out.field(facts[k].genericLead ? yes : no)
                out.field(joining: tasks[i].coordinators)
                out.field(joining: tasks[i].products)
                // Each part of the timeline read through the optional (taken out whole, the
                // timeline was a copy and cost more, csv30).
                out.field(tasks[i].timeline?.text ?? "")
                out.field(t.schedule(facts[k].schedule))
                out.field(date: tasks[i].timeline?.start)
                out.field(date: tasks[i].timeline?.end)
                out.field(date: tasks[i].timeline?.deadline)
                out.field(date: facts[k].due)
                out.field(quarter: facts[k].dueQuarter)
                out.field(facts[k].pastDue ? yes : no)
                out.field(joining: facts[k].flags.lazy.map { t.flag($0) })
                out.field(tasks[i].supervisor ?? "")
                out.field(joining: tasks[i].notes)
                out.endRow()
            }
        }
    }

    /// Names by id: the first name given for an id (ids equal as `String`s are one id), found by
    /// the ids' slots (`Coverage.Slots`). A class: a row's closure that reads it holds a reference,
    /// not a copy of its tables.
    final class NamesBySlot {
        let slots: Coverage.Slots
        let names: [String]

        init(_ pairs: [(id: String, name: String)]) {
            slots = Coverage.Slots(pairs.map(\.id))
            var names = [String?](repeating: nil, count: slots.count)
            for (r, pair) in pairs.enumerated() where names[slots.ofRow[r]] == nil { names[slots.ofRow[r]] = pair.name }
            self.names = names.map { $0 ?? "" }
        }

        subscript(id: String) -> String? { slots(id).map { names[$0] } }
    }

    func coverage<Sink: CSVRowSink>(_ report: Report, _ t: Localizer, _ out: inout Sink) {
        let c = report.comparison
        var header = [t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvTotalTasks)]
        header += c.coverage.areas.map { t(.csvAreaPrefix, t.pick($0.vi, $0.en)) }
        header += c.coverage.themes.map { t(.csvThemePrefix, t.pick($0.vi, $0.en)) }
        header += [t(.colThemesMissing), t(.colThemesStated), t(.colGapsTotal)]
        out.row(header)
        let columns = wardColumnList(c.wards)
        for w in c.wards.indices {
            out.fields(columns[w])
            out.field(c.wards[w].taskCount)
            for area in c.coverage.areas { out.field(area.cells[w].tasks.count) }
            for theme in c.coverage.themes { out.field(theme.cells[w].tasks.count) }
            let national = c.gaps[w].nationalThemeCounts
            out.field(national.absent)
            out.field(national.stated)
            out.field(c.gaps[w].count)
            out.endRow()
        }
    }

    /// Every target of every plan: once per benchmark it is judged against, and once on its own
    /// when no benchmark applies; and a row for each benchmark a ward sets no target for.
    func targets<Sink: CSVRowSink>(_ report: Report, _ t: Localizer, _ out: inout Sink) {
        let c = report.comparison
        out.row([
            t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvSource), t(.csvLine), t(.csvMetricID), t(.colMetric),
            t(.csvComparator), t(.colValue), t(.csvUnit), t(.colPhase), t(.colTargetText), t(.csvBenchmark),
            t(.csvBenchmarkPeriod), t(.csvBenchmarkSource), t(.csvStatus),
        ])
        let columns = preparedWardColumns(c.wards, for: out)
        // What recurs from ward to ward made once: a benchmark's three columns (escaped once), the
        // statuses' names, a metric's name by its id, a phase's years (warm28 made them every row:
        // ≈ 2,400 instructions a benchmark's years).
        let benchmarkColumns = c.targets.benchmarks.map { row in
            out.prepared([t.measure(row.benchmark), t.years(row.benchmark), row.benchmark.source])
        }
        var statusNames: [TargetComparison.Status: String] = [:]
        for status in TargetComparison.Status.allCases { statusNames[status] = t.status(status) }
        // A name found for a metric is the name of every id equal to it as a `String` (`metricNames`
        // compares with `==`); an id without one is written as it is, so it is not kept.
        var metricNames: [String: String] = [:]
        func metricName(_ id: String) -> String {
            if let known = metricNames[id] { return known }
            guard let names = c.targets.metricNames(id) else { return id }
            let name = t.pick(names.vi, names.en)
            metricNames[id] = name
            return name
        }
        var phaseYears: [YearRange: String] = [:]
        func years(_ phase: YearRange) -> String {
            if let known = phaseYears[phase] { return known }
            let made = t.years(phase)
            phaseYears[phase] = made
            return made
        }
        for w in c.wards.indices {
            let ward = c.wards[w]
            let plan = report.plans[w]
            func targetColumns(_ index: Int?, benchmark b: Int = 0) {
                out.field(ward.source)
                guard let index else {
                    // No target of the ward: the row still names the benchmark's metric (the row read
                    // in place, not copied).
                    out.emptyField()
                    out.field(c.targets.benchmarks[b].benchmark.metric)
                    out.field(t.pick(c.targets.benchmarks[b].metricVi, c.targets.benchmarks[b].metricEn))
                    for _ in 0..<5 { out.emptyField() }
                    return
                }
                let target = plan.targets[index]
                out.field(target.line)
                out.field(target.metric ?? "")
                out.field(target.metric.map(metricName) ?? "")
                out.field(target.comparator?.rawValue ?? "")
                out.field(target.value.map { t.number($0) } ?? "")
                out.field(target.unit?.rawValue ?? "")
                out.field(target.phase.map(years) ?? "")
                out.field(target.text)
            }
            // The ward's targets judged against a benchmark (one ward at a time, so by index).
            var judged = [Bool](repeating: false, count: plan.targets.count)
            for b in c.targets.benchmarks.indices {
                let cell = c.targets.benchmarks[b].cells[w]
                if cell.targets.isEmpty {
                    out.fields(prepared: columns[w])
                    targetColumns(nil, benchmark: b)
                    out.fields(prepared: benchmarkColumns[b])
                    out.field(statusNames[cell.status] ?? t.status(cell.status))
                    out.endRow()
                }
                for value in cell.targets {
                    judged[value.index] = true
                    out.fields(prepared: columns[w])
                    targetColumns(value.index)
                    out.fields(prepared: benchmarkColumns[b])
                    let status = value.status ?? cell.status
                    out.field(statusNames[status] ?? t.status(status))
                    out.endRow()
                }
            }
            for index in plan.targets.indices where !judged[index] {
                out.fields(prepared: columns[w])
                targetColumns(index)
                for _ in 0..<4 { out.emptyField() }
                out.endRow()
            }
        }
    }

    /// A gap kind's place in `gaps`' tables of names.
    static func kindIndex(_ kind: GapItem.Kind) -> Int {
        switch kind {
        case .theme: return 0
        case .target: return 1
        case .citation: return 2
        }
    }

    /// One row per gap item of every ward: kind, id and name, level, basis, the documents that
    /// expect it, where the plan states it, the note, and the specialist's mark (`decisions.yaml`)
    /// with its note; then a row per decision on an item the ward's plan no longer lacks (resolved).
    func gaps<Sink: CSVRowSink>(_ report: Report, _ t: Localizer, _ out: inout Sink) {
        let c = report.comparison
        out.row([
            t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvKind), t(.csvItemID), t(.csvName), t(.csvLevel),
            t(.csvBasis), t(.csvExpectedBy), t(.csvPlaces), t(.csvNote), t(.csvMark), t(.csvMarkNote),
        ])
        func name(_ kind: GapItem.Kind, _ id: String) -> String {
            // The same items recur ward after ward: each name made once, by kind and by the id's
            // bytes (`ExactText`: `String`'s `==` would take an id in NFD for its NFC twin). A
            // table per kind, found by the kind's place, not by hashing it.
            let k = Self.kindIndex(kind)
            if let known = names[k][ExactText(id)] { return known }
            let made = makeName(kind, id)
            names[k][ExactText(id)] = made
            return made
        }
        var names = [[ExactText: String]](repeating: [:], count: 3)
        func makeName(_ kind: GapItem.Kind, _ id: String) -> String {
            switch kind {
            case .theme: return c.coverage.row(theme: id).map { t.pick($0.vi, $0.en) } ?? id
            case .target:
                return c.targets.benchmark(id).map {
                    t.pick($0.metricVi, $0.metricEn) + " " + t.measure($0.benchmark) + " ("
                        + t.years($0.benchmark.period) + ")"
                } ?? id
            case .citation: return c.citations.citation(id).map { t.pick($0.vi, $0.en) } ?? id
            }
        }
        let places = CSVPlaces(t)
        let lists = wardColumnList(c.wards)
        let columns = preparedWardColumns(c.wards, for: out)
        for (w, ward) in c.wards.enumerated() {
            for item in c.gaps[w].items {
                out.fields(prepared: columns[w])
                out.field(item.kind.rawValue)
                out.field(item.id)
                out.field(name(item.kind, item.id))
                out.field(t.level(item.level))
                out.field(joining: item.basis.lazy.map { t.basis($0) })
                out.field(joining: item.expectedBy)
                out.field(places: item.places, places)
                out.field(item.note)
                out.field(item.decision?.mark.rawValue ?? "")
                out.field(item.decision?.note ?? "")
                out.endRow()
            }
            for d in c.decisions ?? [] where d.ward == ward.id && d.state == .resolved {
                out.row(
                    lists[w] + [
                        d.kind.rawValue, d.id, name(d.kind, d.id), t(.levelResolved), "", "", "", "", d.mark.rawValue,
                        d.note ?? "",
                    ])
            }
        }
    }
}

/// `Localizer.places` for the gaps table, the same text made with fewer strings: a group's lines
/// are put between the two halves of "dòng {0}" (split once, at a marker), and the groups joined
/// as `Localizer.list` joins them. When a template does not fill as one prefix, the argument and
/// one suffix (checked with three arguments, "1" among them: an English `one|many` template
/// picks by it), every call goes to `Localizer.places`.
struct CSVPlaces {
    private let t: Localizer
    private let halves: (one: (String, String), many: (String, String))?

    init(_ t: Localizer) {
        self.t = t
        func split(_ phrase: Phrase) -> (String, String)? {
            let marked = Array(t(phrase, "\u{1}").utf8)
            guard let at = marked.firstIndex(of: 0x01), marked.lastIndex(of: 0x01) == at else { return nil }
            let prefix = String(decoding: marked[..<at], as: UTF8.self)
            let suffix = String(decoding: marked[(at + 1)...], as: UTF8.self)
            for probe in ["1", "2", "12, 13"] {
                guard Array(t(phrase, probe).utf8) == Array((prefix + probe + suffix).utf8) else { return nil }
            }
            return (prefix, suffix)
        }
        if let one = split(.lineOne), let many = split(.lineMany) {
            halves = (one, many)
            byteHalves = (
                (Array(one.0.utf8), Array(one.1.utf8)), (Array(many.0.utf8), Array(many.1.utf8))
            )
        } else {
            halves = nil
            byteHalves = nil
        }
        and = Array(t.listAnd.utf8)
    }

    /// The halves of `halves` as UTF-8, and the word before a list's last group.
    private let byteHalves: (one: ([UInt8], [UInt8]), many: ([UInt8], [UInt8]))?
    private let and: [UInt8]

    /// The UTF-8 of `callAsFunction(places)` appended to `out`, without a `String` (an item's
    /// places cost ≈ 5,000 instructions as one, session 29): the same groups in the same order (a
    /// place joins the first group whose section equals its own as a `String?`, as before), the
    /// same halves and separators. False, and nothing appended, when the halves were not found
    /// (`callAsFunction` goes to `Localizer.places` then) or for more than 32 places (those go the
    /// `String` way).
    func append(_ places: [GapPlace], to out: inout ByteBuffer) -> Bool {
        guard let byteHalves, places.count <= 32 else { return false }
        let n = places.count
        guard n > 0 else { return true }
        return places.withUnsafeBufferPointer { places in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * n) { scratch in
                // The first place of each group, each place's group, and whether each place's
                // section is certainly NFC (1) or not known to be (0).
                let leaders = scratch.baseAddress!
                let groupOf = leaders + n
                let nfc = leaders + 2 * n
                var groups = 0
                for m in 0..<n {
                    nfc[m] = places[m].section.map { NFCQuickCheck.isNFC($0.utf8) ? 1 : 0 } ?? 1
                    var g = 0
                    while g < groups {
                        let leader = leaders[g]
                        if Self.sameSection(places[leader].section, nfc[leader] == 1, places[m].section, nfc[m] == 1) {
                            break
                        }
                        g += 1
                    }
                    if g == groups {
                        leaders[g] = m
                        groups += 1
                    }
                    groupOf[m] = g
                }
                for g in 0..<groups {
                    if g > 0 {
                        if g == groups - 1 {
                            and.withUnsafeBufferPointer { out.append($0) }
                        } else {
                            out.append(0x2C)
                            out.append(0x20)
                        }
                    }
                    let section = places[leaders[g]].section
                    var lines = 0
                    for m in leaders[g]..<n where groupOf[m] == g { lines += 1 }
                    if let section {
                        section.withContiguousUTF8 { out.append($0) }
                        out.append(0x20)
                        out.append(0x28)
                    }
                    let (prefix, suffix) = lines == 1 ? byteHalves.one : byteHalves.many
                    prefix.withUnsafeBufferPointer { out.append($0) }
                    var first = true
                    for m in leaders[g]..<n where groupOf[m] == g {
                        if !first {
                            out.append(0x2C)
                            out.append(0x20)
                        }
                        first = false
                        out.appendNumber(places[m].line)
                    }
                    suffix.withUnsafeBufferPointer { out.append($0) }
                    if section != nil { out.append(0x29) }
                }
                return true
            }
        }
    }

    /// `a == b` for two sections, each said certainly NFC or not: the same bytes are equal; two
    /// texts in NFC that differ in a byte are not canonically equivalent, so not equal; any other
    /// pair is compared by `==` (session 29's `==` on two Vietnamese texts was a normalising
    /// comparison, ≈ 260 instructions).
    static func sameSection(_ a: String?, _ aNFC: Bool, _ b: String?, _ bNFC: Bool) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let same =
            a.utf8.count == b.utf8.count
            && a.withContiguousUTF8 { x in
                b.withContiguousUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
            }
        if same { return true }
        if aNFC && bNFC { return false }
        return a == b
    }

    func callAsFunction(_ places: [GapPlace]) -> String {
        guard let halves else { return t.places(places) }
        // The groups as `Localizer.places` makes them: by section, in order of first place.
        var groups: [(section: String?, lines: [Int])] = []
        for place in places {
            if let i = groups.firstIndex(where: { $0.section == place.section }) {
                groups[i].lines.append(place.line)
            } else {
                groups.append((place.section, [place.line]))
            }
        }
        var text = ""
        for (k, group) in groups.enumerated() {
            if k > 0 { text += k == groups.count - 1 ? t.listAnd : ", " }
            if let section = group.section { text += section + " (" }
            let (prefix, suffix) = group.lines.count == 1 ? halves.one : halves.many
            text += prefix
            for (i, line) in group.lines.enumerated() {
                if i > 0 { text += ", " }
                text += String(line)
            }
            text += suffix
            if group.section != nil { text += ")" }
        }
        return text
    }
}
