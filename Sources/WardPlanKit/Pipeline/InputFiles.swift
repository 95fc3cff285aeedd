import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the input files named on a command line: files as given, directories searched (sorted,
/// hidden files skipped) for files a reader takes. This and `AtomicFile` are the library's only
/// file-system code; the CLI decides which folders they are pointed at.
public enum InputFiles {
    public struct Collected: Sendable {
        public var paths: [String] = []
        /// Paths that do not exist or cannot be listed: each is a failed input.
        public var missing: [Diagnostic] = []
        /// Files skipped in directories because no reader takes them.
        public var skipped: [String] = []
    }

    /// Files of a plans folder that are no plans and are not skipped with a warning: its readme and
    /// the data files the commands read from it (`decisions.yaml`, `registry.csv`).
    public static let companionFiles: Set<String> = ["readme.md", "decisions.yaml", "registry.csv"]

    public static func collect(_ arguments: [String], registry: ReaderRegistry) -> Collected {
        var result = Collected()
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
            // A folder named through a symbolic link is listed at its target, its files named under
            // the path as given.
            let listed = URL(fileURLWithPath: argument).resolvingSymlinksInPath().path
            var walk = FolderWalk(shown: argument, registry: registry)
            guard walk.list(listed, relative: "") else {
                result.missing.append(Diagnostic(.unreadable, .error, path: argument, ReaderMessage.cannotListFolder))
                continue
            }
            result.paths += walk.found.sorted()
            // Sorted as well: the order a folder lists its entries in is the file system's.
            result.skipped += walk.skipped.sorted()
        }
        return result
    }

    /// The files under one folder, by `opendir`/`readdir` (`FileManager`'s enumerator, which
    /// bridges and rewrites every path it returns, cost ≈ 53,000 instructions a file, the largest
    /// part of listing a folder of plans). Hidden entries are skipped, and so is a cache folder
    /// (one that holds the cache's tag file); a symbolic link is taken for what it points to but a
    /// linked folder is not searched (as the enumerator did not descend into one).
    struct FolderWalk {
        /// The folder as the command line names it: the files found are named under it.
        let shown: String
        let registry: ReaderRegistry
        var found: [String] = []
        var skipped: [String] = []

        init(shown: String, registry: ReaderRegistry) {
            self.shown = shown
            self.registry = registry
        }

        /// Lists the folder at `path`, which is `relative` under the one named; false when it cannot be opened.
        mutating func list(_ path: String, relative: String) -> Bool {
            guard let folder = opendir(path) else { return false }
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                let type = entry.pointee.d_type
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                // ".", ".." and hidden entries.
                guard !name.hasPrefix(".") else { continue }
                let inside = path + "/" + name
                let named = relative.isEmpty ? name : relative + "/" + name
                switch Self.kind(of: inside, type: type) {
                case .missing:
                    continue
                case .folder:
                    if !Self.exists(inside + "/" + PlanCache.tagName) { _ = list(inside, relative: named) }
                case .linkedFolder:
                    continue
                case .file:
                    let full = (shown as NSString).appendingPathComponent(named)
                    if registry.reader(forPath: full) != nil {
                        found.append(full)
                    } else if !companionFiles.contains(name.lowercased()) {
                        skipped.append(full)
                    }
                }
            }
            return true
        }

        enum Kind { case missing, folder, linkedFolder, file }

        /// What an entry is, from its `d_type` when the file system gives one; a link (or an entry
        /// of unknown type) by what it points to. A link that points nowhere is passed over.
        static func kind(of path: String, type: UInt8) -> Kind {
            switch Int32(type) {
            case Int32(DT_REG): return .file
            case Int32(DT_DIR): return .folder
            default:
                var status = stat()
                guard stat(path, &status) == 0 else { return .missing }
                guard status.st_mode & S_IFMT == S_IFDIR else { return .file }
                var own = stat()
                let isLink = Int32(type) == Int32(DT_LNK) || (lstat(path, &own) == 0 && own.st_mode & S_IFMT == S_IFLNK)
                return isLink ? .linkedFolder : .folder
            }
        }

        static func exists(_ path: String) -> Bool {
            var status = stat()
            return stat(path, &status) == 0
        }
    }
}

/// Writes one file whole or not at all (an `OutputSet` of one): a reader never sees half a file
/// and a failed write leaves the previous file in place. Throws `OutputSet.Failure`.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(OutputSet.Failure) {
        try OutputSet([.init(path: path, data: data)]).commit()
    }
}
