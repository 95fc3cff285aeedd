import Foundation
import ZIPFoundation

/// The zip container of a .docx, opened as untrusted input: only the XML parts the reader needs are
/// inflated, each refused when its declared size or compression ratio is that of a zip bomb, and
/// inflation stops as soon as a part grows past what it declared or past the limit.
struct WordPackage {
    let archive: Archive
    let path: String
    let limits: InputLimits

    init(_ data: Data, path: String, limits: InputLimits) throws(InputError) {
        self.path = path
        self.limits = limits
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputError(
                Diagnostic(.unsupportedFormat, .error, path: path, ReaderMessage.oldWordFile))
        }
        guard data.starts(with: [0x50, 0x4B]) else {
            throw InputError(
                Diagnostic(.binaryFile, .error, path: path, ReaderMessage.notAZip))
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw InputError(
                Diagnostic(.damagedFile, .error, path: path, ReaderMessage.zipDamaged))
        }
    }

    /// The bytes of the part at `name`, or nil when the package has no such part.
    func part(_ name: String) throws(InputError) -> Data? {
        guard let entry = archive[name] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        if declared > limits.maxUncompressedBytes {
            throw bomb("\(name) would inflate to \(declared) bytes, over the limit of \(limits.maxUncompressedBytes)")
        }
        if declared > 1 << 20, declared / compressed > limits.maxCompressionRatio {
            throw bomb(
                "\(name) is compressed \(declared / compressed) to 1, over the limit of \(limits.maxCompressionRatio) to 1"
            )
        }
        var data = Data()
        data.reserveCapacity(declared)
        let bound = min(limits.maxUncompressedBytes, declared)
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024) { chunk in
                data.append(chunk)
                if data.count > bound { throw PartTooLarge() }
            }
        } catch is PartTooLarge {
            throw bomb("\(name) inflates past the \(bound) bytes it declares")
        } catch {
            throw InputError(
                Diagnostic(.damagedFile, .error, path: path, ReaderMessage.partDamaged, name, "\(error)"))
        }
        return data
    }

    private struct PartTooLarge: Error {}

    private func bomb(_ detail: String) -> InputError {
        InputError(
            Diagnostic(.zipBomb, .error, path: path, ReaderMessage.zipBomb, detail))
    }

    /// The target of the first relationship of `type` (its last path segment, e.g. "officeDocument")
    /// in the relationships part `relsPart`, resolved against `base` ("word/").
    func relationshipTarget(_ type: String, in relsPart: String, base: String) throws(InputError) -> String? {
        guard let data = try part(relsPart) else { return nil }
        let root = try WordXML.parse(data, part: relsPart, path: path, limits: limits)
        for relationship in root?.children ?? [] where relationship.name == "Relationship" {
            guard let kind = relationship.attribute("Type"), kind.hasSuffix("/" + type),
                let target = relationship.attribute("Target"), relationship.attribute("TargetMode") != "External"
            else { continue }
            return target.hasPrefix("/") ? String(target.dropFirst()) : base + target
        }
        return nil
    }
}
