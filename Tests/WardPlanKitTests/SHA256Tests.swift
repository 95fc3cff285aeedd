import Foundation
import Testing

@testable import WardPlanKit

/// SHA-256 against published values (FIPS 180-4 examples) and `sha256sum` of lengths around the
/// padding's block boundary (55, 56, 63, 64, 119, 120 bytes).
@Suite("SHA-256")
struct SHA256Tests {
    @Test(arguments: [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func lettersA(count: Int, expected: String) {
        #expect(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: count)) == expected)
    }

    @Test func publishedExamplesAndVietnameseText() {
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex(Data("Phường Ngọc Hà".utf8))
                == "e55bf38b96630e318bca21a4a20982918875d232a51a449a67ab88af5cc6da82")
        // The byte form is the hex form's bytes.
        #expect(SHA256.digest(Array("abc".utf8)).prefix(4) == [0xba, 0x78, 0x16, 0xbf])
        // A slice of a larger buffer (an offset base address) hashes as its own bytes.
        let data = Data("xxabc".utf8).dropFirst(2)
        #expect(SHA256.hex(data) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

/// The SHA instructions' path (`CSHA256`) against the Swift rounds, on every length up to three
/// blocks past the padding's boundaries and on longer random messages at odd offsets.
@Suite("SHA-256 with the processor's instructions")
struct SHA256HardwareTests {
    @Test func hardwareAndSoftwareAgreeOnEveryShortLength() {
        var generator = SystemRandomNumberGenerator()
        for count in 0...200 {
            let message = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let hardware = message.withUnsafeBytes { SHA256.digest($0) }
            let software = message.withUnsafeBytes { SHA256.digest($0, software: true) }
            #expect(hardware == software, "length \(count)")
        }
    }

    @Test func hardwareAndSoftwareAgreeOnLongMessagesAtOffsets() {
        var generator = SystemRandomNumberGenerator()
        let buffer = (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for (offset, count) in [(0, 65_536), (1, 4_097), (3, 64 * 100 + 55), (7, 69_000), (13, 1_000)] {
            let slice = buffer[offset..<(offset + count)]
            let hardware = slice.withUnsafeBytes { SHA256.digest($0) }
            let software = slice.withUnsafeBytes { SHA256.digest($0, software: true) }
            #expect(hardware == software, "offset \(offset), length \(count)")
        }
    }

    /// The published value through whichever path this machine takes, and the Swift one.
    @Test func publishedValueBothWays() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        let expected = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        for software in [false, true] {
            let digest = message.withUnsafeBytes { SHA256.digest($0, software: software) }
            #expect(digest.map { String(format: "%02x", $0) }.joined() == expected)
        }
    }

    /// Where the machine has the instructions (Linux x86-64 with `sha` in /proc/cpuinfo), they are used:
    /// otherwise the tests above compare the Swift rounds with themselves.
    @Test func usesTheInstructionsWhereTheProcessorHasThem() throws {
        #if arch(x86_64) && os(Linux)
            let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
            let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
            let hasSHA = flags.split(separator: " ").contains("sha_ni")
            #expect(SHA256.hardware == hasSHA)
        #endif
    }
}
