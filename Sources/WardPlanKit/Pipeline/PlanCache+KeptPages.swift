import Foundation

/// HTML pages kept in the cache folder, one file per page (`pages/<hash of the settings and the
/// page's name>.html`, replaced when the page changes, so the folder does not grow with runs). A
/// file is used only when its magic, format version and the digest of what the page shows
/// (`HTMLPageDigests`) match and its checksum holds; otherwise the page is made and the file
/// replaced. The tool's build and data files are in the name (the settings' digest), and the plans
/// a page shows are the cache's plans: a function of their path and hash under these settings.
extension PlanCache: KeptPageStore {
    static let pageMagic = Array("WPHTML\n\0".utf8)

    /// The page's bytes in the file's bytes as read, not copied out: a kept page was copied twice
    /// more on its way to the output (≈ 2 MB a page, each copy into fresh pages of memory).
    public func keptPage(_ page: String, digest: DataDigest) -> Data? {
        guard let data = try? FileRead.read(keptPageURL(page: page).path).data,
            let payload = DeflatedData.payload(of: data, digest: digest, zlibVersion: "", magic: Self.pageMagic)
        else { return nil }
        lock.withLock { counts.keptPages += 1 }
        return data[payload]
    }

    public func keepPage(_ bytes: [UInt8], page: String, digest: DataDigest) {
        tag()
        if DeflatedData.write(
            bytes, digest: digest, zlibVersion: "", magic: Self.pageMagic, to: keptPageURL(page: page).path, in: self)
        {
            lock.withLock { counts.keptPagesWritten += 1 }
        }
    }

    func keptPageURL(page: String) -> URL {
        let name = Self.hex(SHA256.digest(settingsDigest + [1] + Array(page.utf8)))
        return directory.appendingPathComponent("pages", isDirectory: true).appendingPathComponent(name + ".html")
    }
}
