import Foundation

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
            // A folder named through a symbolic link is listed at its target (Foundation does not
            // descend into a link), its files named under the path as given.
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
                    // A cache folder (`--cache` inside an input folder) is not input.
                    if fm.fileExists(atPath: (full as NSString).appendingPathComponent(PlanCache.tagName)) {
                        enumerator.skipDescendants()
                    }
                    continue
                }
                if registry.reader(forPath: full) != nil {
                    found.append(full)
                } else if !companionFiles.contains(name.lowercased()) {
                    result.skipped.append(full)
                }
            }
            result.paths += found.sorted()
        }
        return result
    }
}

/// Writes one file whole or not at all (an `OutputSet` of one): a reader never sees half a file
/// and a failed write leaves the previous file in place. Throws `OutputSet.Failure`.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(OutputSet.Failure) {
        try OutputSet([.init(path: path, data: data)]).commit()
    }
}
