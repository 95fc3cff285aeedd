import Foundation

/// Decoding the bytes of a text file into lines. UTF-8 (with or without a byte-order mark) and
/// UTF-16 with a byte-order mark are read as they are; bytes that are not UTF-8 are tried as the
/// legacy Vietnamese encodings (Windows-1258, TCVN3, VNI) and converted with a note saying so. When
/// nothing fits, the invalid UTF-8 is reported with its byte offset, never replaced silently.
enum TextDecoding {
    struct Decoded {
        /// The lines, NFC, without line terminators.
        var lines: [String]
        /// What was found: "UTF-8", "UTF-16LE", "TCVN3 (ABC)", …
        var encoding: String
        var notes: [Diagnostic] = []
        /// For each line of UTF-8, the kept line it was read from (`DecodedLineAnswers`), nil for a
        /// line not kept; empty for other encodings.
        var kept: [DecodedLineAnswers.Line?] = []

        /// The kept line of file line `number` (1-based) when `text` is its text, byte for byte.
        func kept(number: Int, text: String) -> DecodedLineAnswers.Line? {
            guard number >= 1, number <= kept.count, let line = kept[number - 1] else { return nil }
            return ExactText(line.text) == ExactText(text) ? line : nil
        }
    }

    static func lines(_ data: Data, path: String) throws(InputError) -> Decoded {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(Diagnostic(.emptyFile, .error, path: path, ReaderMessage.emptyText))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes, path: path)
        }
        var encoding = "UTF-8"
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            encoding = "UTF-8 with BOM"
        }
        if let nul = firstNUL(bytes) {
            if let guess = utf16WithoutBOM(bytes) {
                throw InputError(
                    Diagnostic(.invalidEncoding, .error, path: path, ReaderMessage.noByteOrderMark, guess))
            }
            throw InputError(
                Diagnostic(.binaryFile, .error, path: path, ReaderMessage.notText, nul))
        }
        do {
            let (lines, kept) = try utf8LinesKept(bytes)
            return Decoded(lines: lines, encoding: encoding, kept: kept)
        } catch let invalid {
            guard let legacy = LegacyEncoding.detect(bytes) else {
                throw InputError(
                    Diagnostic(
                        .invalidEncoding, .error, path: path, line: invalid.line, ReaderMessage.invalidUTF8,
                        invalid.offset))
            }
            let lines = splitLines(bytes[...]).map { legacy.decode($0).nfc }
            return Decoded(
                lines: lines, encoding: legacy.rawValue,
                notes: [
                    Diagnostic(.legacyEncoding, .warning, path: path, ReaderMessage.legacyEncoding, legacy.rawValue)
                ])
        }
    }

    /// The index of the first zero byte, found by the C library's `memchr` (words, not bytes):
    /// `firstIndex(of: 0)` read every byte of every text file one at a time.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }

    struct InvalidUTF8: Error {
        var offset: Int
        var line: Int
    }

    /// Strict UTF-8: the first invalid byte stops it, with its offset. A line whose bytes an earlier
    /// file held is given the text read then (`DecodedLineAnswers`); with `kept` nil every line is
    /// validated and normalised (the tests' reference).
    static func utf8Lines(
        _ bytes: [UInt8], kept: DecodedLineAnswers? = .shared
    ) throws(InvalidUTF8) -> [String] {
        guard let kept else {
            var lines: [String] = []
            for slice in splitLines(bytes[...]) {
                guard let text = slice.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self)?.nfc }) else {
                    throw InvalidUTF8(offset: slice.startIndex + firstInvalidUTF8Offset(slice), line: lines.count + 1)
                }
                lines.append(text)
            }
            return lines
        }
        return try utf8LinesKept(bytes, in: kept).lines
    }

    /// `utf8Lines`, with the kept line each came from (`DecodedLineAnswers.lines(of:in:make:)`: the
    /// file's lines looked up at once).
    static func utf8LinesKept(
        _ bytes: [UInt8], in store: DecodedLineAnswers = .shared
    ) throws(InvalidUTF8) -> (lines: [String], kept: [DecodedLineAnswers.Line?]) {
        let read = bytes.withUnsafeBufferPointer { all in
            let ranges = lineRanges(all)
            return (
                ranges,
                store.lines(of: ranges, in: all) { line in String(validating: line, as: UTF8.self)?.nfc }
            )
        }
        if let invalid = read.1.invalid {
            let slice = bytes[read.0[invalid]]
            throw InvalidUTF8(offset: slice.startIndex + firstInvalidUTF8Offset(slice), line: invalid + 1)
        }
        return (read.1.texts, read.1.kept)
    }

    /// Lines split at LF, a trailing CR removed.
    static func splitLines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        let ranges = bytes.withUnsafeBufferPointer(lineRanges)
        return ranges.map { bytes[(bytes.startIndex + $0.lowerBound)..<(bytes.startIndex + $0.upperBound)] }
    }

    /// The ranges of `splitLines`'s lines in `bytes`: a slice of an array a line retained the array.
    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return out }
        var start = 0
        // Each LF found by the C library's `memchr` (it reads words, not bytes): the whole file
        // was read a byte at a time here.
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            let lf = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            out.append(start..<(lf > start && bytes[lf - 1] == 0x0D ? lf - 1 : lf))
            start = lf + 1
        }
        if start < bytes.count { out.append(start..<(bytes[bytes.count - 1] == 0x0D ? bytes.count - 1 : bytes.count)) }
        return out
    }

    private static func utf16(_ bytes: [UInt8], path: String) throws(InputError) -> Decoded {
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(
                littleEndian
                    ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var unitOffset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                unitOffset += UTF16.width(scalar)
            case .emptyInput:
                break decoding
            case .error:
                throw InputError(
                    Diagnostic(.invalidEncoding, .error, path: path, ReaderMessage.invalidUTF16, 2 + unitOffset * 2))
            }
        }
        if bytes.count % 2 == 1 {
            throw InputError(
                Diagnostic(.invalidEncoding, .error, path: path, ReaderMessage.truncatedUTF16))
        }
        let text = String(scalars)
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            String($0).nfc
        }
        return Decoded(
            lines: lines.last == "" ? Array(lines.dropLast()) : lines, encoding: littleEndian ? "UTF-16LE" : "UTF-16BE")
    }

    /// "UTF-16LE" or "UTF-16BE" when every other byte of the start is NUL, as in text saved as UTF-16
    /// without a byte-order mark.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = Array(bytes.prefix(4096))
        guard sample.count >= 8 else { return nil }
        let even = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let odd = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
        let half = sample.count / 2
        if odd * 10 >= half * 8, even * 10 <= half { return "UTF-16LE" }
        if even * 10 >= half * 8, odd * 10 <= half { return "UTF-16BE" }
        return nil
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
