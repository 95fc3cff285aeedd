import Foundation
import Testing

@testable import WardPlanKit

/// Issue 13, item 5: the command speaks Vietnamese by default and English on request, from one table.
@Suite("Messages")
struct MessagesTests {
    static func placeholders(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    @Test func everyKeyHasBothLanguagesWithTheSamePlaceholders() {
        for message in Message.allCases {
            let (vi, en) = message.text
            #expect(!vi.isEmpty && !en.isEmpty, "\(message)")
            #expect(vi != en || message == .errorPrefix, "\(message) is not translated")
            #expect(Self.placeholders(vi) == Self.placeholders(en), "\(message)")
            // `|` would make the formatter pick a plural form.
            #expect(!vi.contains("|") && !en.contains("|"), "\(message)")
        }
    }

    @Test func messagesAreFilledInTheirLanguage() {
        #expect(Message.langInvalid(.vi, "fr") == "--lang phải là vi hoặc en, không phải 'fr'")
        #expect(Message.langInvalid(.en, "fr") == "--lang must be vi or en, not 'fr'")
        #expect(Message.extractSummary(.en, 2, 0, 82, 7) == "wardplan: 2 plan(s) read, 0 failed; 82 tasks, 7 targets")
    }

    @Test func theLanguageComesFromTheOptionThenTheEnvironment() {
        #expect(Language.ofMessages(arguments: ["wardplan", "compare"], environment: [:]) == .vi)
        #expect(Language.ofMessages(arguments: ["wardplan"], environment: ["LANG": "C.UTF-8"]) == .vi)
        #expect(Language.ofMessages(arguments: ["wardplan"], environment: ["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Language.ofMessages(arguments: ["wardplan"], environment: ["LANG": "en_GB.UTF-8"]) == .en)
        #expect(
            Language.ofMessages(arguments: ["wardplan"], environment: ["LC_ALL": "vi_VN.UTF-8", "LANG": "en_US"])
                == .vi)
        #expect(Language.ofMessages(arguments: ["wardplan"], environment: ["LC_ALL": "", "LANG": "en_US"]) == .en)
        #expect(Language.ofMessages(arguments: ["w", "--lang", "en"], environment: ["LANG": "vi_VN"]) == .en)
        #expect(Language.ofMessages(arguments: ["w", "--lang=vi"], environment: ["LANG": "en_US"]) == .vi)
        #expect(Language.ofMessages(arguments: ["w", "--lang", "fr"], environment: [:]) == .vi)
    }

    // MARK: the command

    @Test func helpIsVietnameseByDefaultAndEnglishOnRequest() throws {
        let folder = try TemporaryFolder()
        let vi = try CommandLineTests().run(["compare", "--help"], in: folder.url, language: "C.UTF-8")
        #expect(vi.stdout.contains("So sánh các kế hoạch và ghi báo cáo"))
        #expect(vi.stdout.contains("Ghi báo cáo HTML vào tệp này."))
        #expect(vi.stdout.contains("Mã thoát: 0"))
        let en = try CommandLineTests().run(["compare", "--help", "--lang", "en"], in: folder.url, language: "C.UTF-8")
        #expect(en.stdout.contains("Write the HTML report to this file."))
        let env = try CommandLineTests().run(["compare", "--help"], in: folder.url, language: "en_US.UTF-8")
        #expect(env.stdout.contains("Exit codes: 0"))
    }

    @Test func usageErrorsAreVietnameseByDefault() throws {
        let folder = try TemporaryFolder()
        let r = try CommandLineTests().run(["compare", "wards"], in: folder.url, language: "C.UTF-8")
        #expect(r.status == 2)
        #expect(r.stderr.contains("hãy cho biết ghi báo cáo vào đâu"))
    }

    @Test func aWrongPathWritesNothingAndExitsOne() throws {
        let folder = try TemporaryFolder()
        let r = try CommandLineTests().run(
            ["compare", "khong-co", "--html", "out/report.html", "--csv", "out/csv", "--as-of", "01/07/2026"],
            in: folder.url, language: "C.UTF-8")
        #expect(r.status == 1)
        #expect(r.stderr.contains("không đọc được kế hoạch nào"))
        #expect(r.stderr.contains("[compare.no-input]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func aDayFirstDateAndASkippedFileOnTheCommandLine() throws {
        let dir = try CommandLineTests().workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0xFF, 0xD8]).write(to: dir.appendingPathComponent("wards/anh.jpg"))
        let r = try CommandLineTests().run(
            ["compare", "wards", "--html", "report.html", "--as-of", "01/07/2026"], in: dir, language: "C.UTF-8")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("wards/anh.jpg: warning: bỏ qua"))
        #expect(r.stderr.contains("[read.skipped]"))
        #expect(r.stderr.contains("1 tệp bỏ qua"))
        let page = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("01/07/2026"))
        #expect(page.contains("wards/anh.jpg"))
    }
}
