import Foundation
import Synchronization

/// A report of more wards than one page can carry (`HTMLReportRenderer.splitAbove`): an overview
/// (groups × areas, the national gaps) and, in a folder named after the report, a page per group
/// with every part of the report for its wards. A group larger than `splitAbove` is cut into
/// parts of near-equal size, in the wards' Vietnamese order.
struct HTMLSplitReport {
    let report: Report
    let renderer: HTMLReportRenderer

    init(_ report: Report, renderer: HTMLReportRenderer) {
        self.report = report
        self.renderer = renderer
    }

    /// One page of the split report: its file name in the folder, its title and wards.
    struct GroupPage {
        var file: String
        var title: String
        var wards: [Int]
    }

    /// `collated`: every ward in Vietnamese order of its label (`HTMLReportIndex.collatedWards`).
    func pages(collated: [Int]? = nil) -> [GroupPage] {
        let comparison = report.comparison
        let groups = HTMLReportWriter.groups(comparison)
        let unnamed = Localizer(language: report.language)(.unknown)
        // Each group's wards in the order of all wards by label (equal labels in ward order): the
        // order of sorting each group's wards alone, but every label's key made once.
        var members: [String: [Int]] = [:]
        for w in collated ?? HTMLReportIndex.collatedWards(comparison) {
            members[groups[w] ?? unnamed, default: []].append(w)
        }
        let names = VietnameseCollation.sorted(Array(members.keys)) { $0 }
        let size = max(renderer.splitAbove, 1)
        var pages: [GroupPage] = []
        for name in names {
            let wards = members[name]!
            let parts = (wards.count + size - 1) / size
            let per = (wards.count + parts - 1) / parts
            for part in 0..<parts {
                let slice = Array(wards[(part * per)..<min(wards.count, (part + 1) * per)])
                let title =
                    parts == 1
                    ? name : Localizer(language: report.language)(.groupPart, name, part + 1, parts)
                let stem = Slug.of(name).isEmpty ? "group" : Slug.of(name)
                let file =
                    String(format: "%02d-", pages.count + 1) + stem + (parts == 1 ? "" : "-\(part + 1)") + ".html"
                pages.append(GroupPage(file: file, title: title, wards: slice))
            }
        }
        return pages
    }

    /// The overview, then a page per group, each made when asked for.
    func deferredFiles() -> [DeferredFile] {
        // The wards' order is made once, for the page list and the pages' index.
        let collated = HTMLReportIndex.collatedWards(report.comparison)
        let pages = pages(collated: collated)
        let folder = renderer.fileStem
        let lazyAbove = renderer.lazyAbove
        let keptData = renderer.keptData
        // Made once for all pages, when the first file is made (the first asked for: files may be
        // made on several threads).
        let shared = MadeOnce { [report] in HTMLReportIndex(report.comparison, collated: collated) }
        let digests = renderer.keptPages.map { [sharedDigest = renderer.sharedDigest] _ in
            MadeOnce { [report] in HTMLPageDigests(report, shared: sharedDigest) }
        }
        var files = [
            // The overview reads every ward, a page about its own: the largest pages are started
            // first (the page of a changed ward, made again last of all, kept one core busy alone
            // for the last ≈ 0.07 s of a warm run at 3,321 plans, its deflate).
            DeferredFile(name: folder + ".html", weight: report.comparison.wards.count) { [report] in
                Data(HTMLReportWriter(report, index: shared.value).overview(pages, folder: folder))
            }
        ]
        for page in pages {
            files.append(
                DeferredFile(name: folder + "/" + page.file, weight: page.wards.count) { [report, renderer] in
                    let name = folder + "/" + page.file
                    let options = HTMLReportWriter.Page(
                        wards: page.wards, lazy: page.wards.count > lazyAbove, group: page.title,
                        overview: "../" + folder + ".html", keptData: keptData.map { ($0, name) })
                    return renderer.kept(name, options: options, digests: digests) {
                        HTMLReportWriter(report, page: options, index: shared.value).page()
                    }
                })
        }
        return files
    }
}

/// A value of the report made once, by whichever page asks first (pages may be made on several
/// threads).
final class MadeOnce<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made = Mutex<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        made.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
