import Foundation

/// A data file a command reads by default from the first folder given as a PATH
/// (`wards/decisions.yaml`, `wards/registry.csv`), when it is there.
enum DefaultFile {
    static func find(_ name: String, inFirstFolderOf paths: [String]) -> String? {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
            else { continue }
            let candidate = (path as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
        return nil
    }
}
