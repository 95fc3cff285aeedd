import CFileExchange
import Foundation
import Testing

@testable import WardPlanKit

/// How `OutputSet` puts a written file in its target's place: swapped in one step where the file
/// system can (no flush of the new file's data before the call returns, as ext4 does for a rename
/// over a file), renamed otherwise; the previous version kept until the whole set is in place.
@Suite("Output replace")
struct OutputReplaceTests {
    func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// A scratch folder, a target named `name` in it and the path of its temporary beside it.
    func scratch(_ name: String) throws -> (folder: TemporaryFolder, target: String, temporary: String) {
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent(name).path
        return (folder, target, folder.url.appendingPathComponent(".\(name).tmp").path)
    }

    /// A scratch folder holding one file per name, each with its text; their paths in order.
    func files(_ texts: KeyValuePairs<String, String>) throws -> (folder: TemporaryFolder, paths: [String]) {
        let folder = try TemporaryFolder()
        let paths = try texts.map { name, text in
            let path = folder.url.appendingPathComponent(name).path
            try write(text, path)
            return path
        }
        return (folder, paths)
    }

    @Test func anExistingFileIsSwappedAndItsPreviousVersionKept() throws {
        let (folder, target, temporary) = try scratch("report.xml")
        try write("cũ", target)
        try write("mới", temporary)
        let replaced = OutputSet.replace(target, with: temporary)
        guard case .done(let previous?) = replaced else {
            Issue.record("expected a previous version, got \(replaced)")
            return
        }
        #expect(try read(target) == "mới")
        #expect(try read(previous) == "cũ")
        #if os(Linux)
            // Swapped, not renamed: the previous version is where the new one was.
            #expect(previous == temporary)
        #endif
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).count == 2)
    }

    @Test func aNewTargetIsRenamedWithNoPreviousVersion() throws {
        let (folder, target, temporary) = try scratch("new.csv")
        try write("a;b\n", temporary)
        #expect(OutputSet.replace(target, with: temporary) == .done(previous: nil))
        #expect(try read(target) == "a;b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["new.csv"])
    }

    @Test func aFailedReplaceLeavesTheTargetAsItWas() throws {
        let (folder, target, missing) = try scratch("report.html")
        try write("giữ nguyên", target)
        #expect(OutputSet.replace(target, with: missing) == .failed(ENOENT))
        #expect(try read(target) == "giữ nguyên")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["report.html"])
    }

    @Test func aLinkedTargetIsReplacedAndWhatItPointedAtIsUntouched() throws {
        let (folder, target, temporary) = try scratch("comparison.json")
        let elsewhere = folder.url.appendingPathComponent("elsewhere.json").path
        try write("{}", elsewhere)
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: elsewhere)
        try write("[]", temporary)
        guard case .done(let previous?) = OutputSet.replace(target, with: temporary) else {
            Issue.record("expected the link as the previous version")
            return
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: previous) == elsewhere)
        #expect(try read(target) == "[]")
        #expect(try read(elsewhere) == "{}")
        let kind = try FileManager.default.attributesOfItem(atPath: target)[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
    }

    @Test func aSetReplacingFilesLeavesOnlyItsTargets() throws {
        let (folder, paths) = try files(["a.xml": "old a", "b.json": "old b"])
        let (a, b) = (paths[0], paths[1])
        for round in 1...3 {
            var set = OutputSet()
            set.add(Data("a \(round)".utf8), to: a)
            set.add(Data("b \(round)".utf8), to: b)
            try set.commit(threads: 2)
            #expect(try read(a) == "a \(round)")
            #expect(try read(b) == "b \(round)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
            #expect(names == ["a.xml", "b.json"])
        }
    }

    @Test func theSwapExchangesTwoFilesOrSaysWhyNot() throws {
        let (folder, paths) = try files(["one": "1", "two": "2"])
        let (one, two) = (paths[0], paths[1])
        #expect(wardplans_exchange(one, two) == 0)
        #expect(try read(one) == "2")
        #expect(try read(two) == "1")
        let absent = folder.url.appendingPathComponent("absent").path
        let result = wardplans_exchange(one, absent)
        let code = errno  // read at once: nothing between the call and it may set errno
        #expect(result == -1)
        #expect(code == ENOENT)
    }
}
