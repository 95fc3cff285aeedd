import Foundation
import Synchronization
import Yams

/// A YAML data file read for decoding, with the line of every value in it, so that an error can
/// name the line a city's editor has to fix.
struct YAMLFile {
    let path: String
    let node: Node
    /// Line of every key and value, by path, made when first asked for.
    let lineIndex: YAMLLineIndex

    /// Line of every key and value, by path ("themes[3].phrases[0]").
    var lines: [String: Int] { lineIndex.lines }

    /// `resolver`: how a plain scalar's type is found. The data files' types come from the Swift
    /// types they decode into (Yams builds numbers, true/false and nothing from the text, not from
    /// the tag), so none is needed: Yams' default resolver tried up to seven regular expressions on
    /// every mapping key, and again on every key looked up while decoding (half a billion
    /// instructions at each start). `.default` is for the test that shows both decode alike.
    init(path: String, text: String, resolver: Resolver = .basic) throws(DataFileError) {
        self.path = path
        do {
            guard let node = try Yams.compose(yaml: text, resolver) else {
                throw DataFileError(path: path, line: 1, message: "the file is empty")
            }
            self.node = node
        } catch let error as DataFileError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, path: path)
        } catch {
            throw DataFileError(path: path, message: "not valid YAML: \(error)")
        }
        lineIndex = YAMLLineIndex(node)
    }

    init(url: URL) throws(DataFileError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileError(
                path: url.path, message: "cannot read the file as UTF-8 text: \(error.localizedDescription)")
        }
        try self.init(path: url.path, text: text)
    }

    /// Decodes the file; a value of the wrong kind, a missing field or an unknown one (for types
    /// that reject them) is reported at its line.
    func decode<T: Decodable>(_ type: T.Type) throws(DataFileError) -> T {
        do {
            return try YAMLDecoder().decode(type, from: node)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw DataFileError(path: path, message: "\(error)")
        }
    }

    /// The line of the value at `path`, or of the nearest enclosing value the file has.
    func line(at path: String) -> Int? { lineIndex.line(at: path) }

    static func line(at path: String, in lines: [String: Int]) -> Int? {
        var path = path
        while true {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return lines[""] }
            path = String(path[..<cut])
        }
    }

    func error(at path: String, _ message: String) -> DataFileError {
        DataFileError(path: self.path, line: line(at: path), message: message)
    }

    static func pathString(_ codingPath: [CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out
    }

    private func describe(_ error: DecodingError) -> DataFileError {
        switch error {
        case .typeMismatch(let type, let context):
            return self.error(
                at: Self.pathString(context.codingPath),
                "\(Self.label(context.codingPath)): expected \(Self.kind(type))")
        case .valueNotFound(let type, let context):
            return self.error(
                at: Self.pathString(context.codingPath),
                "\(Self.label(context.codingPath)): expected \(Self.kind(type)), found nothing")
        case .keyNotFound(let key, let context):
            let owner = context.codingPath.isEmpty ? "the file" : Self.pathString(context.codingPath)
            return self.error(
                at: Self.pathString(context.codingPath), "\(owner): the field \"\(key.stringValue)\" is missing")
        case .dataCorrupted(let context):
            return self.error(
                at: Self.pathString(context.codingPath),
                "\(Self.label(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return DataFileError(path: path, message: "\(error)")
        }
    }

    private static func label(_ codingPath: [CodingKey]) -> String {
        codingPath.isEmpty ? "the file" : pathString(codingPath)
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping of fields" }
            return "a \(name)"
        }
    }

    fileprivate static func collectLines(_ node: Node, path: String, into lines: inout [String: Int]) {
        if let line = node.mark?.line, lines[path] == nil { lines[path] = line }
        if let mapping = node.mapping {
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                let child = path.isEmpty ? name : path + "." + name
                // A field's line is the line of its key (a block value may start on the next line).
                if let line = key.mark?.line { lines[child] = line }
                collectLines(value, path: child, into: &lines)
            }
        } else if let sequence = node.sequence {
            for (index, element) in sequence.enumerated() {
                collectLines(element, path: path + "[\(index)]", into: &lines)
            }
        }
    }

    private static func describe(_ error: YamlError, path: String) -> DataFileError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text), " } ?? ""
            return DataFileError(path: path, line: mark.line, message: "not valid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return DataFileError(
                path: path, line: context.mark.line, message: "the field \(keys) is given twice in one entry")
        case .reader(let problem, _, _, _):
            return DataFileError(path: path, message: "not valid YAML: \(problem)")
        default:
            return DataFileError(path: path, message: "not valid YAML: \(error)")
        }
    }
}

/// The line of every key and value of a composed YAML file, by path. Only a problem in the file
/// asks for a line, so the index is made then: made at every load, it was ≈ 100 M instructions of
/// every run's start (the taxonomy's 247 KB alone 76 M), for files that load without a problem.
final class YAMLLineIndex: @unchecked Sendable {
    // `@unchecked`: `Node` is not marked `Sendable`, but this node is composed once and only read.
    private let node: Node
    private let made = Mutex<[String: Int]?>(nil)

    init(_ node: Node) { self.node = node }

    /// Line of every key and value, by path ("themes[3].phrases[0]").
    var lines: [String: Int] {
        made.withLock { made in
            if let made { return made }
            var lines: [String: Int] = [:]
            YAMLFile.collectLines(node, path: "", into: &lines)
            made = lines
            return lines
        }
    }

    /// The line of the value at `path`, or of the nearest enclosing value the file has.
    func line(at path: String) -> Int? { YAMLFile.line(at: path, in: lines) }
}

/// A key for reading every field of a mapping, known or not.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Throws for a field of this mapping that `Known` does not name: in a file people edit by
    /// hand, a misspelt field ("phrase:" for "phrases:") must not be silently ignored.
    func rejectUnknownFields<Known: CodingKey & CaseIterable>(_ known: Known.Type) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where Known(stringValue: key.stringValue) == nil {
            let names = Known.allCases.map(\.stringValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "unknown field \"\(key.stringValue)\"; the fields here are: \(names)")
        }
    }
}
