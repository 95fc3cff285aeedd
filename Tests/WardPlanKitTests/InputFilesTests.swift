import Foundation
import Testing

@testable import WardPlanKit

/// Input folders as a user names them on the command line.
@Suite("Input files")
struct InputFilesTests {
    @Test func aFolderNamedThroughASymbolicLinkIsSearched() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inputfiles-\(UUID().uuidString)")
        let real = root.appendingPathComponent("plans")
        try FileManager.default.createDirectory(
            at: real.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("KẾ HOẠCH\n".utf8).write(to: real.appendingPathComponent("a.txt"))
        try Data("KẾ HOẠCH\n".utf8).write(to: real.appendingPathComponent("sub/b.md"))
        try Data("x".utf8).write(to: real.appendingPathComponent("c.bin"))
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)

        let viaLink = InputFiles.collect([link.path], registry: .standard)
        // The files under the path as given, as for the folder itself.
        #expect(
            viaLink.paths == [link.appendingPathComponent("a.txt").path, link.appendingPathComponent("sub/b.md").path])
        #expect(viaLink.skipped == [link.appendingPathComponent("c.bin").path])
        #expect(viaLink.missing.isEmpty)
        let direct = InputFiles.collect([real.path], registry: .standard)
        #expect(direct.paths.map { ($0 as NSString).lastPathComponent } == ["a.txt", "b.md"])
    }
}
