import Foundation
import Testing

@testable import WardPlanKit

/// A folder of plans listed by `opendir`/`readdir` (`InputFiles.FolderWalk`) and a file's reader
/// chosen from its name's bytes (`ReaderRegistry.plainExtension`), held against the `FileManager`
/// and `NSString` code they replace (kept below as references).
@Suite("Fast paths (session 30): input files")
struct FastPath30InputTests {
    static let paths = [
        "a.txt", "a.TXT", "a.Md", "dir/b.markdown", "x/y/z.docx", "plan.pdf", "plan.PDF", "k.doc", "k.odt", "k.rtf",
        "k.text", "k.docm", ".txt", "a/.txt", "a.", "a..txt", "a.b.md", "dir.d/file", "dir.d/file.txt", "file.txt/",
        "a. txt", "a.t xt", "a.tx/t", "", "/", ".", "..", "Kế hoạch.Txt", "Kế hoạch 2026.md", "a.txt.", "a .md",
        "a.123456789", "a.12345678", "a.abcdefghi", "a.ABCDEFGH", "a.tx_t", "a.tx-t", "a.é", "a.txt~", "/abs/p.md",
        "./p.txt", "../p.md", "p", "p/", "p.tar.gz", "p.7z", "p.m4a", "phường Ngọc Hà.docx", "a.TxT", "ab.c",
    ]

    @Test func theExtensionReadFromBytesIsNSStrings() {
        var plain = 0
        for path in Self.paths {
            let old = (path as NSString).pathExtension.lowercased()
            if let fast = ReaderRegistry.plainExtension(of: path) {
                #expect(fast == old, "\(path.debugDescription)")
                plain += 1
            }
            let registry = ReaderRegistry.standard
            let chosen = registry.reader(forPath: path)?.format
            #expect(chosen == registry.readers.first { $0.fileExtensions.contains(old) }?.format, "\(path)")
        }
        #expect(plain >= 30)
        // Hand-checked answers: read from the bytes or left to NSString.
        #expect(ReaderRegistry.plainExtension(of: "Kế hoạch.Txt") == "txt")
        #expect(ReaderRegistry.plainExtension(of: ".txt") == nil)
        #expect(ReaderRegistry.plainExtension(of: "a/.md") == nil)
        #expect(ReaderRegistry.plainExtension(of: "a.t xt") == nil)
        #expect(ReaderRegistry.plainExtension(of: "file.txt/") == nil)
        #expect(ReaderRegistry.plainExtension(of: "a.") == nil)
    }

    /// A folder with what users leave in one: sub-folders, hidden files and folders, a cache folder,
    /// links to a file, to a folder and to nothing, files no reader takes, companion files.
    @Test func aFolderIsListedAsFileManagerListedIt() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("fastpath30-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let plans = root.appendingPathComponent("plans")
        let outside = root.appendingPathComponent("outside")
        for folder in ["sub/deeper", ".hidden", "cache", "Phường Ngọc Hà", "empty"] {
            try fm.createDirectory(at: plans.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        let files = [
            "a.txt", "B.MD", "c.bin", "README.md", "readme.MD", "decisions.yaml", "registry.csv", "notes",
            ".hidden.txt",
            "sub/d.docx", "sub/e.jpg", "sub/deeper/f.pdf", "sub/deeper/.g.md", ".hidden/h.txt", "cache/i.txt",
            "cache/" + PlanCache.tagName, "Phường Ngọc Hà/kế hoạch.md", "Phường Ngọc Hà/ảnh.png", "x.tar.gz", "y.",
        ]
        for file in files { try Data("KẾ HOẠCH\n".utf8).write(to: plans.appendingPathComponent(file)) }
        try Data("KẾ HOẠCH\n".utf8).write(to: outside.appendingPathComponent("o.txt"))
        try fm.createSymbolicLink(
            at: plans.appendingPathComponent("to-file.txt"), withDestinationURL: outside.appendingPathComponent("o.txt")
        )
        try fm.createSymbolicLink(at: plans.appendingPathComponent("to-folder"), withDestinationURL: outside)
        try fm.createSymbolicLink(
            at: plans.appendingPathComponent("nowhere.md"), withDestinationURL: root.appendingPathComponent("none"))

        for argument in [plans.path, plans.path + "/", root.appendingPathComponent("plans/../plans").path] {
            let new = InputFiles.collect([argument], registry: .standard)
            let old = Self.collectWithFileManager([argument], registry: .standard)
            #expect(new.paths == old.paths, "\(argument)")
            #expect(new.skipped == old.skipped.sorted(), "\(argument)")
            #expect(new.missing.isEmpty && old.missing.isEmpty)
        }
        // Hand-checked: what is read (a readme in Markdown is read as any Markdown file; only its
        // warning is spared when it is not a plan) and what is reported as skipped.
        let listed = InputFiles.collect([plans.path], registry: .standard)
        let names = listed.paths.map { String($0.dropFirst(plans.path.count + 1)) }
        #expect(
            names == [
                "B.MD", "Phường Ngọc Hà/kế hoạch.md", "README.md", "a.txt", "readme.MD", "sub/d.docx",
                "sub/deeper/f.pdf", "to-file.txt",
            ])
        let skipped = listed.skipped.map { String($0.dropFirst(plans.path.count + 1)) }
        #expect(skipped == ["Phường Ngọc Hà/ảnh.png", "c.bin", "notes", "sub/e.jpg", "x.tar.gz", "y."])
        // A missing path and a file named directly.
        let direct = InputFiles.collect(
            [root.appendingPathComponent("none").path, plans.appendingPathComponent("c.bin").path], registry: .standard)
        #expect(direct.missing.count == 1 && direct.paths == [plans.appendingPathComponent("c.bin").path])
    }

    /// A plan's path made absolute without splitting it when it has no empty or `.` component, and
    /// the cache's files named as strings: as the split and join, and as `URL`, made them.
    @Test func cachePathsAreAsBefore() {
        let cache = PlanCache(
            directory: URL(fileURLWithPath: "/tmp/fastpath30 cache/.cache"),
            settings: PlanCache.Settings(PlanExtractor()))
        let paths = [
            "/", "//", "/a", "/a/", "/a//b", "/a/./b", "/a/.", "/./a", "/.", "/a/..", "/a/../b", "/.a/b.", "/a/.b/c",
            "/a/b.txt", "a.txt", "./a.txt", "wards/x.md", "wards//x.md", "wards/./x.md", "wards/", ".", "..", "",
            "/phường Ngọc Hà/kế hoạch.md", "/a/.../b", "/a/b/.", "/..", "/a/ /b",
        ]
        for path in paths {
            let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            let old = "/" + full.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
            #expect(cache.absolute(path) == old, "\(path.debugDescription)")
            if PlanCache.isPlainAbsolute(full) { #expect(full == old, "\(path.debugDescription)") }
        }
        #expect(
            PlanCache.isPlainAbsolute("/a/b.txt") && PlanCache.isPlainAbsolute("/")
                && PlanCache.isPlainAbsolute("/a/.b"))
        #expect(
            !PlanCache.isPlainAbsolute("/a/./b") && !PlanCache.isPlainAbsolute("/a//b")
                && !PlanCache.isPlainAbsolute("/a/"))
        #expect(
            !PlanCache.isPlainAbsolute("a/b") && !PlanCache.isPlainAbsolute("/a/.") && !PlanCache.isPlainAbsolute(""))
        for key in [[UInt8](repeating: 0, count: 32), (0..<32).map { UInt8($0 * 7) }] {
            let name = PlanCache.hex(key)
            #expect(cache.entryPath(name: name) == cache.entryURL(name: name).path)
            #expect(cache.entryPath(name: name, fileExtension: "json") == cache.fragmentURL(key: key).path)
            #expect(cache.entryPath(name: name, fileExtension: "xml") == cache.xmlPartURL(key: key).path)
        }
    }

    /// `InputFiles.collect` as it was before session 30, by `FileManager`'s enumerator (the
    /// reference for `FolderWalk`; its skipped files in the enumerator's order).
    static func collectWithFileManager(_ arguments: [String], registry: ReaderRegistry) -> InputFiles.Collected {
        var result = InputFiles.Collected()
        let fm = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                result.missing.append(Diagnostic(.unreadable, .error, path: argument, ReaderMessage.noSuchPath))
                continue
            }
            guard isDirectory.boolValue else {
                result.paths.append(argument)
                continue
            }
            let listed = URL(fileURLWithPath: argument).resolvingSymlinksInPath().path
            guard let enumerator = fm.enumerator(atPath: listed) else {
                result.missing.append(Diagnostic(.unreadable, .error, path: argument, ReaderMessage.cannotListFolder))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                let full = (argument as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    if fm.fileExists(atPath: (full as NSString).appendingPathComponent(PlanCache.tagName)) {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                if registry.reader(forPath: full) != nil {
                    found.append(full)
                } else if !InputFiles.companionFiles.contains(name.lowercased()) {
                    result.skipped.append(full)
                }
            }
            result.paths += found.sorted()
        }
        return result
    }
}
