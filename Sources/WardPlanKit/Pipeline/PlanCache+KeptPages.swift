import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTML pages kept in the cache folder, one file per page (`pages/<hash of the settings and the
/// page's name>.html`, replaced when the page changes, so the folder does not grow with runs). A
/// file is used only when its magic, format version and the digest of what the page shows
/// (`HTMLPageDigests`) match and its checksum holds; otherwise the page is made and the file
/// replaced. The tool's build and data files are in the name (the settings' digest), and the plans
/// a page shows are the cache's plans: a function of their path and hash under these settings.
///
/// The file's zlib-version field (`DeflatedData`) holds the digest of the page's own part in hex
/// (`HTMLPageDigests.ownDigest`), read alone by `keptPage(_:mayShow:)`: a page whose own part is
/// not the kept one's is made without waiting for the report-wide digest (`KeptPages`).
extension PlanCache: KeptPageStore {
    static let pageMagic = Array("WPHTML\n\0".utf8)

    public func keptPage(_ page: String, digest: DataDigest) -> [UInt8]? {
        keptPageData(page, digest: digest).map { [UInt8]($0) }
    }

    /// The page's bytes in the file's bytes as read, not copied out: a kept page was copied twice
    /// more on its way to the output (≈ 2 MB a page, each copy into fresh pages of memory).
    public func keptPageData(_ page: String, digest: DataDigest) -> Data? {
        // The own part's digest is not checked again: `digest` covers it.
        guard let data = try? FileRead.read(keptPageURL(page: page).path).data,
            let payload = DeflatedData.payload(of: data, digest: digest, zlibVersion: nil, magic: Self.pageMagic)
        else { return nil }
        lock.withLock { counts.keptPages += 1 }
        return data[payload]
    }

    public func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest) {
        keepPage(bytes, page: page, digest: digest, label: "")
    }

    public func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest, own: DataDigest) {
        keepPage(bytes, page: page, digest: digest, label: Self.label(own))
    }

    private func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest, label: String) {
        tag()
        let data = DeflatedData.encode(bytes, digest: digest, zlibVersion: label, magic: Self.pageMagic)
        if write(data, to: keptPageURL(page: page)) { lock.withLock { counts.keptPagesWritten += 1 } }
    }

    /// Reads the kept file's header alone; true when it cannot be read whole, or carries no label.
    public func keptPage(_ page: String, mayShow own: DataDigest) -> Bool {
        let label = Array(Self.label(own).utf8)
        guard let head = FileHead.read(keptPageURL(page: page).path, count: DeflatedData.headerSize + label.count)
        else { return false }
        return DeflatedData.label(in: head, magic: Self.pageMagic).map { $0.isEmpty || $0 == label } ?? false
    }

    static func label(_ own: DataDigest) -> String {
        [own.count, own.first, own.second].map { String(format: "%016llx", $0) }.joined()
    }

    func keptPageURL(page: String) -> URL {
        let name = Self.hex(SHA256.digest(settingsDigest + [1] + Array(page.utf8)))
        return directory.appendingPathComponent("pages", isDirectory: true).appendingPathComponent(name + ".html")
    }
}

/// The first bytes of a file, fewer when it is shorter; nil when it cannot be opened.
enum FileHead {
    static func read(_ path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return Array(bytes[..<done])
    }
}
