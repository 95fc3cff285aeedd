import Foundation
import Testing

@testable import WardPlanKit

/// An output's folder is found without `NSString.deletingLastPathComponent`, which stops the process
/// on Linux for a one-letter relative name ("o", "o/"): `compare --html o/report.html` crashed.
@Suite("Output folders")
struct OutputSetPathTests {
    @Test func theParentIsNSStringsWithoutIt() {
        let cases: [(String, String)] = [
            ("o", ""), ("o/", ""), ("ab", ""), ("a/b", "a"), ("a/b/", "a"), ("a//b", "a"), ("/a", "/"), ("//a", "/"),
            ("/", "/"), ("./o", "."), ("out/r.html", "out"), ("/tmp/x/o/report.html", "/tmp/x/o"),
            ("phường/báo cáo.html", "phường"), ("", ""),
        ]
        for (path, parent) in cases { #expect(OutputSet.parent(of: path) == parent, "\(path)") }
        #expect(OutputSet.folder(of: "report.html") == ".")
        #expect(OutputSet.folder(of: "o/report.html") == "o")
    }
}
