import Foundation
import Testing

@testable import WardPlanKit

/// Issue 13, item 4: a run writes all its outputs or none, never an empty report over a good one,
/// names what it skips, keeps ward names whole, takes dates as people write them, and says in words
/// why an output could not be written.
@Suite("Safe runs")
struct SafeRunTests {
    // MARK: dates

    @Test func typedDatesAreDayFirstOrISO() {
        #expect(CalendarDate(typed: "01/07/2026") == CalendarDate(year: 2026, month: 7, day: 1))
        #expect(CalendarDate(typed: "1/7/2026") == CalendarDate(year: 2026, month: 7, day: 1))
        #expect(CalendarDate(typed: "31-12-2026") == CalendarDate(year: 2026, month: 12, day: 31))
        #expect(CalendarDate(typed: "5.9.2026") == CalendarDate(year: 2026, month: 9, day: 5))
        #expect(CalendarDate(typed: " 2026-07-01 ") == CalendarDate(year: 2026, month: 7, day: 1))
        // Month first is not a Vietnamese date; 31/02 is no date; two-digit years are ambiguous.
        #expect(CalendarDate(typed: "07/31/2026") == nil)
        #expect(CalendarDate(typed: "31/02/2026") == nil)
        #expect(CalendarDate(typed: "01/07/26") == nil)
        #expect(CalendarDate(typed: "01/07") == nil)
        #expect(CalendarDate(typed: "hôm nay") == nil)
    }

    // MARK: ward names

    /// The Ngọc Hà seed renamed: a ward whose name has a hyphen.
    static func hyphenatedPlan() throws -> Data {
        let text = try Fixtures.text(Fixtures.ngocHaPath)
        return Data(text.replacingOccurrences(of: "Ngọc Hà", with: "Văn Miếu - Quốc Tử Giám").utf8)
    }

    @Test func aHyphenatedWardNameIsKeptWhole() throws {
        let plan = try Fixtures.plan(try Self.hyphenatedPlan(), path: "van-mieu.md")
        #expect(plan.ward.name == "Văn Miếu - Quốc Tử Giám")
        // The whole name is unit 196 of Hà Nội in the national list, so the id is its code; a list
        // that does not know it keeps the whole name's slug.
        #expect(PlanIdentity.baseID(of: plan) == "00196.2026-2030.263-kh-ubnd")
        #expect(
            PlanIdentity.baseID(of: plan, units: UnitRegistry(units: [], source: "none")).contains(
                ".phuong-van-mieu-quoc-tu-giam."))
        // Lower-case words after a hyphen are not part of the name.
        let other = try Fixtures.plan(
            text: try Fixtures.text(Fixtures.ngocHaPath).replacingOccurrences(
                of: "của phường Ngọc Hà giai đoạn", with: "của phường Ngọc Hà - thành phố Hà Nội giai đoạn"),
            path: "ngoc-ha.md")
        #expect(other.ward.name == "Ngọc Hà")
    }

    @Test func theWholeNameReachesCSVAndXML() throws {
        let folder = try TemporaryFolder()
        let wards = folder.url.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        try Self.hyphenatedPlan().write(to: wards.appendingPathComponent("van-mieu.md"))
        let job = CompareJob(
            paths: [wards.path], csvFolder: folder.url.appendingPathComponent("csv").path,
            xml: folder.url.appendingPathComponent("report.xml").path, asOf: CalendarDate(year: 2026, month: 7, day: 1)!
        )
        _ = try job.run()
        let tasks = try String(contentsOf: folder.url.appendingPathComponent("csv/tasks.csv"), encoding: .utf8)
        #expect(tasks.contains(",Phường Văn Miếu - Quốc Tử Giám,"))
        #expect(tasks.contains("\r\n00196,Phường Văn Miếu - Quốc Tử Giám,"))
        let xml = try String(contentsOf: folder.url.appendingPathComponent("report.xml"), encoding: .utf8)
        #expect(xml.contains("Văn Miếu - Quốc Tử Giám"))
        #expect(!xml.contains(">Văn Miếu<"))
    }

    // MARK: no input, skipped files

    func seedFolder(_ folder: TemporaryFolder) throws -> URL {
        let wards = folder.url.appendingPathComponent("wards")
        try FileManager.default.createDirectory(at: wards, withIntermediateDirectories: true)
        for seed in [Fixtures.namDoSonPath, Fixtures.ngocHaPath] {
            try Fixtures.data(seed).write(to: wards.appendingPathComponent((seed as NSString).lastPathComponent))
        }
        return wards
    }

    @Test func aWrongPathWritesNothingAndKeepsTheOldReport() throws {
        let folder = try TemporaryFolder()
        let html = folder.url.appendingPathComponent("report.html")
        let csv = folder.url.appendingPathComponent("csv")
        try Data("the good report".utf8).write(to: html)
        let job = CompareJob(
            paths: [folder.url.appendingPathComponent("no-such-folder").path], html: html.path, csvFolder: csv.path,
            asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let outcome = try job.run()
        #expect(outcome.noInput)
        #expect(outcome.written.isEmpty)
        #expect(try String(contentsOf: html, encoding: .utf8) == "the good report")
        #expect(!FileManager.default.fileExists(atPath: csv.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report.html"])
    }

    @Test func aSkippedFileIsNamedInTheRunAndTheReport() throws {
        let folder = try TemporaryFolder()
        let wards = try seedFolder(folder)
        try Data([0xFF, 0xD8, 0xFF]).write(to: wards.appendingPathComponent("anh-hop.jpg"))
        let html = folder.url.appendingPathComponent("report.html")
        let job = CompareJob(paths: [wards.path], html: html.path, asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let outcome = try job.run()
        #expect(outcome.extraction.plans.count == 2)
        #expect(outcome.extraction.skipped.map(\.path) == [wards.appendingPathComponent("anh-hop.jpg").path])
        #expect(outcome.extraction.skipped.first?.code == .skippedFile)
        #expect(outcome.extraction.allDiagnostics.contains { $0.code == .skippedFile })
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("Tệp bỏ qua trong thư mục"))
        #expect(page.contains("anh-hop.jpg"))
    }

    // MARK: outputs replaced together

    @Test func anUnwritableCSVFolderLeavesEveryOutputUntouched() throws {
        let folder = try TemporaryFolder()
        let wards = try seedFolder(folder)
        let html = folder.url.appendingPathComponent("report.html")
        let json = folder.url.appendingPathComponent("comparison.json")
        try Data("old html".utf8).write(to: html)
        try Data("old json".utf8).write(to: json)
        // The CSV "folder" is a file: nothing can be written in it.
        let csv = folder.url.appendingPathComponent("csv")
        try Data("a file".utf8).write(to: csv)
        let job = CompareJob(
            paths: [wards.path], html: html.path, csvFolder: csv.path, json: json.path,
            asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        #expect {
            try job.run()
        } throws: { error in
            guard let failure = error as? OutputSet.Failure else { return false }
            return failure.problem == .notAFolder(csv.path)
                && failure.message(.vi).contains("là một tệp, không phải thư mục")
                && !failure.message(.en).contains("NSCocoaErrorDomain")
        }
        #expect(try String(contentsOf: html, encoding: .utf8) == "old html")
        #expect(try String(contentsOf: json, encoding: .utf8) == "old json")
        // No temporary file is left behind.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
                "comparison.json", "csv", "report.html", "wards",
            ])
    }

    @Test func aSetIsWrittenWholeAndReplacesThePreviousFiles() throws {
        let folder = try TemporaryFolder()
        let a = folder.url.appendingPathComponent("a.txt").path
        let b = folder.url.appendingPathComponent("deep/er/b.txt").path
        try Data("old a".utf8).write(to: URL(fileURLWithPath: a))
        var set = OutputSet()
        set.add(Data("new a".utf8), to: a)
        set.add(Data("new b".utf8), to: b)
        #expect(try set.commit() == [a, b])
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "new a")
        #expect(try String(contentsOfFile: b, encoding: .utf8) == "new b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["a.txt", "deep"])
    }

    @Test func aFolderWhereTheFileShouldBeIsNamed() throws {
        let folder = try TemporaryFolder()
        let a = folder.url.appendingPathComponent("a.txt").path
        let taken = folder.url.appendingPathComponent("report.html")
        try FileManager.default.createDirectory(at: taken, withIntermediateDirectories: true)
        try Data("old a".utf8).write(to: URL(fileURLWithPath: a))
        let set = OutputSet([.init(path: a, data: Data("new".utf8)), .init(path: taken.path, data: Data("x".utf8))])
        #expect(throws: OutputSet.Failure.self) { try set.commit() }
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "old a")
        do { try set.commit() } catch {
            #expect(error.problem == .isAFolder)
            #expect(error.message(.en).contains("a folder already has this name"))
        }
    }

    @Test func systemErrorsBecomeWords() {
        #expect(OutputSet.Problem(errno: EACCES, folder: "out") == .permissionDenied(folder: "out"))
        #expect(OutputSet.Problem(errno: EROFS, folder: "out") == .readOnly(folder: "out"))
        #expect(OutputSet.Problem(errno: ENOSPC, folder: "out") == .noSpace)
        let failure = OutputSet.Failure(path: "out/report.html", problem: .permissionDenied(folder: "out"))
        #expect(
            failure.message(.vi)
                == "không ghi được out/report.html: không có quyền ghi vào thư mục out. Hãy chọn thư mục khác hoặc cấp quyền ghi cho thư mục này. Các báo cáo cũ giữ nguyên."
        )
        #expect(failure.diagnostic(.en).code == .outputUnwritable)
    }

    // MARK: CSV

    @Test func everyTargetsRowNamesItsTarget() throws {
        let folder = try TemporaryFolder()
        let wards = try seedFolder(folder)
        let csv = folder.url.appendingPathComponent("csv")
        let job = CompareJob(
            paths: [wards.path], csvFolder: csv.path, asOf: CalendarDate(year: 2026, month: 7, day: 1)!,
            language: .en)
        _ = try job.run()
        let rows = try CSVTestReader.rows(
            String(contentsOf: csv.appendingPathComponent("targets.csv"), encoding: .utf8))
        let header = rows[0]
        let metric = try #require(header.firstIndex(of: "Metric"))
        let benchmark = try #require(header.firstIndex(of: "National benchmark"))
        let text = try #require(header.firstIndex(of: "Text (as written)"))
        #expect(rows.count > 3)
        for row in rows.dropFirst() {
            #expect(!row[metric].isEmpty || !row[text].isEmpty, "\(row)")
            if !row[benchmark].isEmpty { #expect(!row[metric].isEmpty, "a benchmark row without its metric: \(row)") }
        }
    }

    @Test func aSemicolonSeparatorForVietnameseExcel() throws {
        let comparison = Comparer().compare([], failed: [], asOf: CalendarDate(year: 2026, month: 7, day: 1)!)
        let report = Report(comparison: comparison, plans: [])
        let files = CSVReportRenderer(separator: .semicolon).render(report)
        #expect(files.map(\.name) == ["tasks.csv", "coverage.csv", "targets.csv", "gaps.csv"])
        let gaps = String(decoding: files[3].data, as: UTF8.self)
        #expect(gaps.hasPrefix("\u{FEFF}"))
        let header = gaps.dropFirst().prefix { $0 != "\r" }
        #expect(header.hasPrefix("Mã phường;Phường;\"Tỉnh, thành phố\";Loại;Mã;Tên;Mức;"))
        #expect(!gaps.contains("sep="))
    }
}
