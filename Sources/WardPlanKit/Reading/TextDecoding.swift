import Foundation

/// Decoding the bytes of a text file into lines, strictly: invalid UTF-8 is reported with its byte
/// offset, never replaced silently.
enum TextDecoding {
    /// The file's lines, each decoded as UTF-8 and normalised to NFC, without line terminators.
    static func utf8Lines(_ data: Data, path: String) throws(InputError) -> [String] {
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(Diagnostic(.emptyFile, .error, path: path, "the file is empty; nothing to read"))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError(Diagnostic(
                .binaryFile, .error, path: path,
                "this is not a text file (a NUL byte at offset \(nul)); save the plan as UTF-8 text, Markdown or Word"))
        }
        var lines: [String] = []
        var lineStart = 0
        var index = 0
        func emit(_ end: Int) throws(InputError) {
            var slice = bytes[lineStart..<end]
            if slice.last == 0x0D { slice = slice.dropLast() }
            guard let text = String(validating: slice, as: UTF8.self) else {
                let offset = lineStart + firstInvalidUTF8Offset(slice)
                throw InputError(Diagnostic(
                    .invalidEncoding, .error, path: path, line: lines.count + 1,
                    "invalid UTF-8 at byte offset \(offset); the file is in another encoding: save it as UTF-8"))
            }
            lines.append(text.nfc)
        }
        while index < bytes.count {
            if bytes[index] == 0x0A {
                try emit(index)
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < bytes.count { try emit(bytes.count) }
        return lines
    }

    /// Offset within `bytes` of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
