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

    public init(separator: Separator = .comma) { self.separator = separator }

    public func render(_ report: Report) -> [RenderedFile] {
        deferredFiles(report).map { RenderedFile(name: $0.name, data: $0.render()) }
    }

    /// The files of `render`, each made when asked for (one table in memory at a time, as bytes:
    /// each row is appended as it is made, never kept as strings).
    public func deferredFiles(_ report: Report) -> [DeferredFile] {
        Self.tableMakers(report).map { table in
            DeferredFile(name: table.name + ".csv") { [self] in
                var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
                let separator = Array(separator.character.utf8)
                table.rows { Self.append($0, separator: separator, to: &bytes) }
                return Data(bytes)
            }
        }
    }

    /// A file of `deferredFiles` as a stream: its bytes given to `write` `chunkSize` at a time as its
    /// rows are made, through buffers reused from chunk to chunk. Made whole (tasks.csv: 127 MB at
    /// 3,321 plans) and then copied into a `Data`, a table cost 6 % of a warm `compare` in copies
    /// and fresh pages (perf20b). The bytes are `deferredFiles`' bytes, cut into chunks.
    public func streamedFiles(_ report: Report, chunkSize: Int = 1 << 20) -> [StreamedFile] {
        let separator = Array(separator.character.utf8)
        return Self.tableMakers(report).map { table in
            StreamedFile(name: table.name + ".csv") { write in
                var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
                bytes.reserveCapacity(chunkSize + (1 << 16))
                var chunk = ReusedChunk()
                var failure: (any Error)?
                func deliver() {
                    do { try write(chunk.holding(bytes)) } catch { failure = error }
                    bytes.removeAll(keepingCapacity: true)
                }
                table.rows { row in
                    guard failure == nil else { return }
                    Self.append(row, separator: separator, to: &bytes)
                    if bytes.count >= chunkSize { deliver() }
                }
                if failure == nil && !bytes.isEmpty { deliver() }
                if let failure { throw failure }
            }
        }
    }

    /// The tables, each a header row and its rows, in file order: `tasks`, `coverage`, `targets`,
    /// `gaps`, and `registry` when the plans were checked against a list of units. The workbook
    /// (`XLSXReportRenderer`) has the same tables as sheets.
    static func tables(_ report: Report) -> [(name: String, rows: [[String]])] {
        tableMakers(report).map { table in
            var rows: [[String]] = []
            table.rows { rows.append($0) }
            return (table.name, rows)
        }
    }

    /// A table's rows, given one at a time in order (header first) to the function it is called with.
    typealias RowMaker = @Sendable (_ emit: ([String]) -> Void) -> Void

    /// The tables of `tables`, each made when asked for.
    static func tableMakers(_ report: Report) -> [(name: String, rows: RowMaker)] {
        let csv = CSVReportRenderer()
        func table(_ name: String, _ make: @escaping @Sendable (Localizer, ([String]) -> Void) -> Void) -> (
            name: String, rows: RowMaker
        ) {
            (name, { emit in make(Localizer(language: report.language), emit) })
        }
        var tables = [
            table("tasks") { csv.tasks(report, $0, $1) }, table("coverage") { csv.coverage(report, $0, $1) },
            table("targets") { csv.targets(report, $0, $1) }, table("gaps") { csv.gaps(report, $0, $1) },
        ]
        if let registry = report.comparison.registry {
            tables.append(table("registry") { csv.registry(registry, $0, $1) })
        }
        return tables
    }

    /// One row per unit: the plans matched to a unit (in the list or not), then the units of the
    /// list that sent no plan, by code.
    func registry(_ registry: RegistryReport, _ t: Localizer, _ emit: ([String]) -> Void) {
        emit([t(.csvUnitCode), t(.csvName), t(.csvProvince), t(.csvRegistryGroup), t(.csvStatus), t(.csvWardID)])
        let unknown = Set(registry.unknown)
        for unit in registry.wards {
            let status =
                unit.code == nil
                ? t(.registryNoMatch) : unknown.contains(unit.ward) ? t(.registryNotListed) : t(.registrySent)
            emit([
                unit.code.map(String.init) ?? "", unit.name ?? "", unit.province ?? "", unit.group ?? "", status,
                unit.ward,
            ])
        }
        for unit in registry.missing {
            emit([String(unit.code), unit.name, unit.province, unit.group ?? "", t(.registryNotSent), ""])
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

    func tasks(_ report: Report, _ t: Localizer, _ emit: ([String]) -> Void) {
        let c = report.comparison
        emit([
            t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvSource), t(.csvLine), t(.csvEndLine), t(.colTask),
            t(.csvAreaID), t(.colArea), t(.csvGroup), t(.csvThemeIDs), t(.colThemes), t(.colTaskText), t(.colLead),
            t(.csvLeadText), t(.csvGenericLead), t(.csvCoordinators), t(.colProducts), t(.colTimeAsWritten),
            t(.csvSchedule),
            t(.csvStart), t(.csvEnd), t(.csvDeadline), t(.colDue), t(.csvDueQuarter), t(.csvPastDue), t(.csvFlags),
            t(.csvSupervisor), t(.csvNotes),
        ])
        // Names by id, looked up for every task (the first row of an id, as `Coverage.row`).
        var names: (areas: [String: String], themes: [String: String]) = ([:], [:])
        for row in c.coverage.areas where names.areas[row.id] == nil { names.areas[row.id] = t.pick(row.vi, row.en) }
        for row in c.coverage.themes where names.themes[row.id] == nil { names.themes[row.id] = t.pick(row.vi, row.en) }
        // The ward's columns made once per ward, not once per task (a ward entry is a large value).
        var w = 0
        var ward = c.wards.isEmpty ? [] : wardColumns(c.wards[0]) + [c.wards[0].source]
        for f in c.tasks {
            if c.wards[w].id != f.task.ward {
                while c.wards[w].id != f.task.ward { w += 1 }
                ward = wardColumns(c.wards[w]) + [c.wards[w].source]
            }
            let task = report.plans[w].tasks[f.task.index]
            let themes = f.themes.map { id in names.themes[id] ?? id }
            let area = names.areas[f.area] ?? f.area
            emit(
                ward + [
                    String(task.line), task.endLine.map(String.init) ?? "", task.ref, f.area, area,
                    task.group ?? "",
                    f.themes.joined(separator: "; "), themes.joined(separator: "; "), task.text,
                    f.leads.joined(separator: "; "),
                    task.leadText ?? "", t.yesNo(f.genericLead), task.coordinators.joined(separator: "; "),
                    task.products.joined(separator: "; "), task.timeline?.text ?? "", t.schedule(f.schedule),
                    task.timeline?.start?.description ?? "", task.timeline?.end?.description ?? "",
                    task.timeline?.deadline?.description ?? "", f.due?.description ?? "",
                    f.dueQuarter?.description ?? "",
                    t.yesNo(f.pastDue), f.flags.map { t.flag($0) }.joined(separator: "; "), task.supervisor ?? "",
                    task.notes.joined(separator: "; "),
                ])
        }
    }

    func coverage(_ report: Report, _ t: Localizer, _ emit: ([String]) -> Void) {
        let c = report.comparison
        var header = [t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvTotalTasks)]
        header += c.coverage.areas.map { t(.csvAreaPrefix, t.pick($0.vi, $0.en)) }
        header += c.coverage.themes.map { t(.csvThemePrefix, t.pick($0.vi, $0.en)) }
        header += [t(.colThemesMissing), t(.colThemesStated), t(.colGapsTotal)]
        emit(header)
        for (w, ward) in c.wards.enumerated() {
            var row = wardColumns(ward) + [String(ward.taskCount)]
            row += c.coverage.areas.map { String($0.cells[w].tasks.count) }
            row += c.coverage.themes.map { String($0.cells[w].tasks.count) }
            let national = c.gaps[w].nationalThemeCounts
            row += [String(national.absent), String(national.stated), String(c.gaps[w].count)]
            emit(row)
        }
    }

    /// Every target of every plan: once per benchmark it is judged against, and once on its own
    /// when no benchmark applies; and a row for each benchmark a ward sets no target for.
    func targets(_ report: Report, _ t: Localizer, _ emit: ([String]) -> Void) {
        let c = report.comparison
        emit([
            t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvSource), t(.csvLine), t(.csvMetricID), t(.colMetric),
            t(.csvComparator), t(.colValue), t(.csvUnit), t(.colPhase), t(.colTargetText), t(.csvBenchmark),
            t(.csvBenchmarkPeriod), t(.csvBenchmarkSource), t(.csvStatus),
        ])
        var judged = Set<[Int]>()
        for (w, ward) in c.wards.enumerated() {
            let plan = report.plans[w]
            func targetColumns(_ index: Int?, benchmark: TargetComparison.BenchmarkRow? = nil) -> [String] {
                guard let index else {
                    // No target of the ward: the row still names the benchmark's metric.
                    let metric = benchmark.map { [$0.benchmark.metric, t.pick($0.metricVi, $0.metricEn)] } ?? ["", ""]
                    return [ward.source, ""] + metric + ["", "", "", "", ""]
                }
                let target = plan.targets[index]
                return [
                    ward.source, String(target.line), target.metric ?? "",
                    target.metric.map { id in c.targets.metricNames(id).map { t.pick($0.vi, $0.en) } ?? id } ?? "",
                    target.comparator?.rawValue ?? "", target.value.map { t.number($0) } ?? "",
                    target.unit?.rawValue ?? "",
                    target.phase.map { t.years($0) } ?? "", target.text,
                ]
            }
            for row in c.targets.benchmarks {
                let cell = row.cells[w]
                let benchmark = [t.measure(row.benchmark), t.years(row.benchmark), row.benchmark.source]
                if cell.targets.isEmpty {
                    emit(
                        wardColumns(ward) + targetColumns(nil, benchmark: row) + benchmark + [t.status(cell.status)])
                }
                for value in cell.targets {
                    judged.insert([w, value.index])
                    emit(
                        wardColumns(ward) + targetColumns(value.index) + benchmark + [
                            t.status(value.status ?? cell.status)
                        ])
                }
            }
            for index in plan.targets.indices where !judged.contains([w, index]) {
                emit(wardColumns(ward) + targetColumns(index) + ["", "", "", ""])
            }
        }
    }

    /// One row per gap item of every ward: kind, id and name, level, basis, the documents that
    /// expect it, where the plan states it, the note, and the specialist's mark (`decisions.yaml`)
    /// with its note; then a row per decision on an item the ward's plan no longer lacks (resolved).
    func gaps(_ report: Report, _ t: Localizer, _ emit: ([String]) -> Void) {
        let c = report.comparison
        emit([
            t(.csvWardID), t(.csvWard), t(.csvProvince), t(.csvKind), t(.csvItemID), t(.csvName), t(.csvLevel),
            t(.csvBasis), t(.csvExpectedBy), t(.csvPlaces), t(.csvNote), t(.csvMark), t(.csvMarkNote),
        ])
        func name(_ kind: GapItem.Kind, _ id: String) -> String {
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
        for (w, ward) in c.wards.enumerated() {
            for item in c.gaps[w].items {
                emit(
                    wardColumns(ward) + [
                        item.kind.rawValue, item.id, name(item.kind, item.id), t.level(item.level),
                        item.basis.map { t.basis($0) }.joined(separator: "; "), item.expectedBy.joined(separator: "; "),
                        t.places(item.places), item.note, item.decision?.mark.rawValue ?? "",
                        item.decision?.note ?? "",
                    ])
            }
            for d in c.decisions ?? [] where d.ward == ward.id && d.state == .resolved {
                emit(
                    wardColumns(ward) + [
                        d.kind.rawValue, d.id, name(d.kind, d.id), t(.levelResolved), "", "", "", "", d.mark.rawValue,
                        d.note ?? "",
                    ])
            }
        }
    }
}
