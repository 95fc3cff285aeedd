import Foundation
import Testing

@testable import WardPlanKit

/// perf22w's CSV rows written a field at a time (`CSVRowSink`) held against the tables as they
/// were made before: an array of `String`s a row (the old table functions, copied below), appended
/// with `CSVReportRenderer.append`. Same bytes for every table of the fixture plans' report, with
/// hostile texts in the tasks, both separators and languages, decisions and a list of units.
@Suite("Fast paths (perf22w)")
struct FastPath22wTests {
    static let asOf = CalendarDate(year: 2026, month: 7, day: 1)!

    /// The fixture plans with texts of every awkward byte put into their tasks' fields and lists
    /// (empty parts, formulas, quotes, separators, line breaks).
    static let plans: [Plan] = {
        let texts = FastPath21bTests.texts.filter { !$0.isEmpty }
        var plans = FastPath20bTests.fixturePlans
        var k = 0
        func next() -> String {
            k += 1
            return k % 7 == 0 ? "" : texts[(k * 7_919) % texts.count]
        }
        for p in plans.indices where p % 3 == 0 {
            for i in plans[p].tasks.indices where i % 2 == 0 {
                plans[p].tasks[i].notes = (0..<(k % 4)).map { _ in next() }
                plans[p].tasks[i].products = [next(), "=1+1", "", "a;b"]
                plans[p].tasks[i].coordinators = [next()]
                plans[p].tasks[i].leadText = next()
                plans[p].tasks[i].group = k % 5 == 0 ? nil : next()
                plans[p].tasks[i].text = next()
                plans[p].tasks[i].supervisor = next()
                plans[p].tasks[i].ref = k % 3 == 0 ? "-\(k)" : "\"\(k)\""
            }
            for i in plans[p].targets.indices { plans[p].targets[i].text = next() }
        }
        return plans
    }()

    static func reports() throws -> [Report] {
        var reports: [Report] = []
        for language in [Language.vi, .en] {
            var comparison = Comparer().compare(plans, asOf: asOf)
            let decisions = try ReviewDecisions(path: "wards/decisions.yaml", text: ReviewDecisionTests.file)
            decisions.apply(to: &comparison)
            let city = try UnitRegistry.city(
                csv: "code,name,kind,group\n8,Phường Ngọc Hà,phường,Cụm 1\n4,Phường Ba Đình,phuong,Cụm 1\n",
                path: "registry.csv")
            var listed = comparison
            listed.registry = RegistryReport.make(comparison, plans: plans, list: city.units, listName: "registry.csv")
            reports.append(Report(comparison: comparison, plans: plans, language: language, decisions: decisions))
            reports.append(Report(comparison: listed, plans: plans, language: language))
        }
        return reports
    }

    /// The old tables: rows of strings, in file order.
    static func oldTables(_ report: Report) -> [(name: String, rows: [[String]])] {
        let old = OldCSV()
        let t = Localizer(language: report.language)
        var tables: [(String, [[String]])] = []
        func add(_ name: String, _ make: (([String]) -> Void) -> Void) {
            var rows: [[String]] = []
            make { rows.append($0) }
            tables.append((name, rows))
        }
        add("tasks") { old.tasks(report, t, $0) }
        add("coverage") { old.coverage(report, t, $0) }
        add("targets") { old.targets(report, t, $0) }
        add("gaps") { old.gaps(report, t, $0) }
        if let registry = report.comparison.registry { add("registry") { old.registry(registry, t, $0) } }
        return tables
    }

    @Test func tablesAreTheOldRowsAndBytes() throws {
        var rows = 0
        for report in try Self.reports() {
            let old = Self.oldTables(report)
            let new = CSVReportRenderer.tables(report)
            #expect(new.map(\.name) == old.map(\.name))
            for (a, b) in zip(old, new) {
                #expect(a.rows == b.rows, "\(a.name)")
                rows += a.rows.count
            }
            for separator in CSVReportRenderer.Separator.allCases {
                let renderer = CSVReportRenderer(separator: separator)
                let files = renderer.deferredFiles(report)
                #expect(files.map(\.name) == old.map { $0.name + ".csv" })
                var expected: [Data] = []
                for table in old {
                    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
                    for row in table.rows {
                        CSVReportRenderer.append(row, separator: Array(separator.character.utf8), to: &bytes)
                    }
                    expected.append(Data(bytes))
                }
                #expect(files.map { $0.render() } == expected)
                for chunkSize in [1, 1_000, 1 << 20] {
                    let streamed = try renderer.streamedFiles(report, chunkSize: chunkSize).map { file in
                        var data = Data()
                        var chunks = 0
                        try file.stream {
                            data.append($0)
                            chunks += 1
                        }
                        if chunkSize == 1 { #expect(chunks >= 2) }
                        return data
                    }
                    #expect(streamed == expected)
                }
            }
        }
        #expect(rows > 5_000)
    }

    /// A failed write ends the stream with its error, as before.
    @Test func aFailedWriteThrows() {
        struct Refused: Error {}
        let report = Report(comparison: Comparer().compare(Self.plans, asOf: Self.asOf), plans: Self.plans)
        for file in CSVReportRenderer().streamedFiles(report, chunkSize: 100) {
            var calls = 0
            #expect(throws: Refused.self) {
                try file.stream { _ in
                    calls += 1
                    if calls == 2 { throw Refused() }
                }
            }
            #expect(calls == 2 || file.name != "tasks.csv")
        }
    }

    /// Numbers and joined lists against `String(n)` and `joined(separator: "; ")`, escaped.
    @Test func fieldsAreTheStringsEscaped() {
        var numbers = [
            0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, 65_535, 1 << 40, Int.max, Int.max - 1, -1, -10, Int.min,
        ]
        // Each power of ten and its neighbours: where a number's digit count changes.
        var power = 1
        for _ in 1...18 {
            power *= 10
            numbers += [power - 1, power, power + 1, -power]
        }
        var seed: UInt64 = 22
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            numbers.append(Int(truncatingIfNeeded: seed >> UInt64(seed % 63)))
        }
        for n in numbers {
            var out = CSVBytes(separator: [0x2C])
            out.field(n)
            var expected: [UInt8] = []
            Escaping.appendCSVField(String(n), to: &expected)
            #expect(out.bytes == expected, "\(n)")
        }
        let pieces = ["", "a", "=x", "-1", "+", "@", "\t", "\r", "\n", "\"", ";", ",", " ", "Phường", "đ\"", "'"]
        for a in pieces {
            for b in pieces {
                for parts in [[a], [a, b], [a, b, a], [], [b, "", ""]] {
                    var out = CSVBytes(separator: Array("; ".utf8))
                    out.field("x")
                    out.field(joining: parts)
                    out.field(joining: parts.lazy.map { $0 + "!" })
                    out.endRow()
                    var expected: [UInt8] = []
                    CSVReportRenderer.append(
                        ["x", parts.joined(separator: "; "), parts.map { $0 + "!" }.joined(separator: "; ")],
                        separator: Array("; ".utf8), to: &expected)
                    #expect(out.bytes == expected, "\(parts)")
                }
            }
        }
    }

    /// The one-byte varint read inline against the byte-at-a-time reader it falls back to: every
    /// value of one to ten bytes, the ends of each length, and bytes that stop short or run long.
    @Test func varintsReadAsBefore() throws {
        var values: [UInt64] = Array(0...300) + [UInt64.max, UInt64.max - 1, 1 << 63]
        for shift in stride(from: 7, through: 63, by: 7) {
            values += [(1 << UInt64(shift)) - 1, 1 << UInt64(shift), (1 << UInt64(shift)) + 1]
        }
        for value in values {
            var writer = BinaryWriter()
            writer.varint(value)
            writer.varint(5)
            // A payload of no texts, then the two numbers (`BinaryReader` reads the table first).
            let payload = [UInt8](writer.payload())
            try payload.withUnsafeBytes { raw in
                var fast = try BinaryReader(raw)
                var slow = try BinaryReader(raw)
                #expect(try fast.varint() == value)
                #expect(try slow.longVarint() == value)
                #expect(try fast.varint() == 5 && fast.isAtEnd)
            }
        }
        // Damaged bytes fail the same way: the end reached inside a number, a number too long.
        for bytes in [[0x00, 0x80], [0x00], [0x00] + [UInt8](repeating: 0xFF, count: 11) + [0x01]] as [[UInt8]] {
            bytes.withUnsafeBytes { raw in
                guard var fast = try? BinaryReader(raw), var slow = try? BinaryReader(raw) else { return }
                let a = Result { try fast.varint() }
                let b = Result { try slow.longVarint() }
                #expect(String(describing: a) == String(describing: b))
                if case .success = a { Issue.record("\(bytes) read as a number") }
            }
        }
    }

    /// The texts' open-addressed table against the `Dictionary` it replaces, on hashes that share
    /// their low bits (long probe runs, wrapping at the end), repeated and new, through several growths.
    @Test func hashedTextsAreADictionary() {
        var table = HashedTexts()
        var dictionary: [UInt64: String] = [:]
        var seed: UInt64 = 2_022
        for n in 0..<20_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Low bits from a small set, so many hashes land on one slot.
            let hash = n % 3 == 0 ? (seed & ~0x3FF) | UInt64(n % 5) : seed
            let key = n % 4 == 0 && n > 0 ? Array(dictionary.keys.prefix(1))[0] : hash
            #expect(table[key] == dictionary[key])
            let text = "t\(n)"
            table.insertIfAbsent(text, hash: key)
            if dictionary[key] == nil { dictionary[key] = text }
            #expect(table[key] == dictionary[key])
        }
        for (key, text) in dictionary { #expect(table[key] == text) }
        #expect(table[0x1234_5678_9ABC_DEF0] == dictionary[0x1234_5678_9ABC_DEF0])
    }
    /// The cache's settings name the classifier's taxonomy in a word when it is the parser's: still
    /// the same for the same data, and another taxonomy for the classifier gives other settings.
    @Test func settingsStillTellClassifierTaxonomiesApart() {
        func fingerprint(_ extractor: PlanExtractor) -> [UInt8] { PlanCache.Settings(extractor).fingerprint }
        let standard = PlanExtractor()
        #expect(fingerprint(standard) == fingerprint(PlanExtractor()))
        let same = PlanExtractor(classifier: PlanClassifier(taxonomy: standard.parser.reference.taxonomy))
        #expect(fingerprint(same) == fingerprint(standard))
        var other = standard.parser.reference.taxonomy
        other.version += "-city"
        let city = PlanExtractor(classifier: PlanClassifier(taxonomy: other))
        #expect(fingerprint(city) != fingerprint(standard))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array((try? encoder.encode(other)) ?? Data())
        #expect(json.first == UInt8(ascii: "{"))
        #expect(fingerprint(city).suffix(json.count + 1) == ArraySlice(json + [0]))
    }

    /// Themes the taxonomy does not list, found by index, against the `flatMap` they replace: the
    /// same rows, in id order, each with the area the last task naming it gives.
    @Test func unlistedThemesAreTheRowsTheyWere() {
        var plans = Array(FastPath20bTests.fixturePlans.prefix(12))
        for p in plans.indices {
            for i in plans[p].tasks.indices where (i + p) % 3 == 0 {
                let evidence = plans[p].tasks[i].themes.first?.evidence ?? []
                plans[p].tasks[i].themes.append(ThemeMatch(id: "x.\(i % 4)", area: "area-\(p)", evidence: evidence))
            }
        }
        let taxonomy = Comparer().reference.taxonomy
        let known = Set(taxonomy.themes.map(\.id))
        let old = Dictionary(
            plans.flatMap { plan in
                plan.tasks.flatMap { $0.themes.filter { !known.contains($0.id) }.map { ($0.id, $0.area) } }
            }, uniquingKeysWith: { _, last in last }
        ).sorted { $0.key < $1.key }
        #expect(old.count == 4)
        let rows = Comparer().compare(plans, asOf: Self.asOf).coverage.themes.suffix(old.count)
        #expect(rows.map(\.id) == old.map(\.key))
        #expect(rows.map(\.area) == old.map(\.value))
    }
}

/// The CSV tables as they were made before perf22w (main at 26c8a2c), kept as the reference.
private struct OldCSV {
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
