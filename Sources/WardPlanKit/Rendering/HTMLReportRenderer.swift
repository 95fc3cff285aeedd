import Foundation

/// The gap report as one self-contained HTML file: inline CSS and script (pinned by hash in a
/// Content-Security-Policy, so nothing else can run or load), readable with scripts off, printable
/// on A4 landscape. Sections: summary, coverage matrix, gaps per ward, targets against benchmarks,
/// timelines, lead offices, legal bases, products, ward profiles, every task.
public struct HTMLReportRenderer: ReportRenderer {
    /// The report file's name without its extension; a split report's pages go in a folder of
    /// that name beside it.
    public var fileStem: String
    /// Above this many wards, each ward's details (gaps, letter, profile, tasks) and the long task
    /// lists are kept in the page as data and drawn when asked for (a block opened, a ward picked,
    /// a link followed), so the page opens at once; at or below it, all is in the page and reads
    /// with scripts off.
    public var lazyAbove: Int
    /// Above this many wards, the report is an overview (groups × areas, national gaps) and a page
    /// per group (the city's group, else the province; a large group in parts of at most this many).
    public var splitAbove: Int
    /// Lazy pages' compressed data made before (`PlanCache` keeps them), used again for a page
    /// whose data is the same; the ones made are given to it to keep.
    public var keptData: (any DeflatedDataStore)?
    /// Pages made before (`PlanCache` keeps them), copied when the digest of what they show is the
    /// same (`HTMLPageDigests`); the ones made are given to it to keep.
    public var keptPages: (any KeptPageStore)?
    /// The pages' report-wide digest as the `--json` output makes it, when a run writes both.
    var sharedDigest: SharedReportDigest?

    public init(
        fileStem: String = "report", lazyAbove: Int = 40, splitAbove: Int = 200,
        keptData: (any DeflatedDataStore)? = nil, keptPages: (any KeptPageStore)? = nil
    ) {
        self.fileStem = fileStem
        self.lazyAbove = lazyAbove
        self.splitAbove = splitAbove
        self.keptData = keptData
        self.keptPages = keptPages
    }

    /// The report: one page, or (above `splitAbove` wards) the overview first, then the group
    /// pages named `<fileStem>/<page>.html`.
    public func render(_ report: Report) -> [RenderedFile] {
        deferredFiles(report).map { RenderedFile(name: $0.name, data: $0.render()) }
    }

    /// The files of `render`, each made when asked for (one page in memory at a time).
    public func deferredFiles(_ report: Report) -> [DeferredFile] {
        if report.comparison.wards.count > splitAbove {
            return HTMLSplitReport(report, renderer: self).deferredFiles()
        }
        let digests = keptPages.map { [sharedDigest] _ in
            MadeOnce { HTMLPageDigests(report, shared: sharedDigest) }
        }
        return [
            DeferredFile(name: fileStem + ".html", weight: report.comparison.wards.count) {
                let name = fileStem + ".html"
                return kept(name, options: pageOptions(report), digests: digests) { pageBytes(report) }
            }
        ]
    }

    /// The page named `name` from `keptPages` when what it shows is as when it was kept (the kept
    /// bytes as the store read them, not copied); otherwise made by `make` and kept.
    func kept(
        _ name: String, options: HTMLReportWriter.Page, digests: MadeOnce<HTMLPageDigests>?, make: () -> [UInt8]
    ) -> Data {
        guard let store = keptPages, let digest = digests?.value.digest(page: name, options: options) else {
            return Data(make())
        }
        if let data = store.keptPage(name, digest: digest) { return data }
        let bytes = make()
        store.keepPage(bytes, page: name, digest: digest)
        return Data(bytes)
    }

    func pageOptions(_ report: Report) -> HTMLReportWriter.Page {
        .init(lazy: report.comparison.wards.count > lazyAbove, keptData: keptData.map { ($0, fileStem + ".html") })
    }

    /// The page's text: every ward on one page.
    public func page(_ report: Report) -> String {
        String(decoding: pageBytes(report), as: UTF8.self)
    }

    /// The page's UTF-8.
    func pageBytes(_ report: Report) -> [UInt8] {
        HTMLReportWriter(report, page: pageOptions(report)).page()
    }
}

/// Writes one report page. Each section lives in an extension (`HTMLReportWriter+Matrix.swift`, …).
final class HTMLReportWriter {
    /// Which wards a page shows and how.
    struct Page {
        /// Positions in `comparison.wards` of the page's wards; nil for all.
        var wards: [Int]? = nil
        /// Per-ward details kept as data and drawn when asked for.
        var lazy = false
        /// The group a page of a split report shows, and the overview's address from the page.
        var group: String? = nil
        var overview: String? = nil
        /// Where its compressed data may have been kept, and the page's name there.
        var keptData: (store: any DeflatedDataStore, page: String)? = nil
    }

    let comparison: Comparison
    let plans: [Plan]
    /// Files in the input folders that no reader takes.
    let skipped: [String]
    let t: Localizer
    let h = HTMLBuilder(capacity: 1 << 20)
    /// Position of each ward id in `comparison.wards`.
    let wardIndex: [String: Int]
    /// Each ward id's place in Vietnamese dictionary order of the wards' names (`VietnameseCollation`):
    /// the order of ward lists and of sorting by ward.
    let wardRank: [String: Int]
    /// `wardRank` of each ward's id, in ward order (a task row's sort key, without hashing the id).
    let rankOf: [Int]
    /// The page's wards (positions in `comparison.wards`) in that order.
    let collatedWards: [Int]
    /// Task facts per ward, in ward order.
    let facts: [[TaskFacts]]
    /// A specialist's decisions on gap items (the letters section shows them).
    let decisions: ReviewDecisions?
    let options: Page
    /// Each ward's group (`groups(_:)`), in ward order.
    let groupOf: [String?]
    /// Each lead office's position in `comparison.leads.offices` by name (the first, as `firstIndex`).
    let officeIndex: [String: Int]
    /// Per ward, where each theme's gap item is (`HTMLReportIndex.themeGaps`).
    let themeGaps: [[String: Int]]
    /// Wards that name one unit (`HTMLReportIndex.duplicateWards`).
    let duplicateWards: [[Int]]
    /// Area and theme names in the page's language by id (the first row of an id, as `Coverage.row`),
    /// and area names' folded keys: looked up for every task row.
    let areaNames: [String: String]
    let themeNames: [String: String]
    let areaNameKeys: [String: String]
    /// `t(.lineOne, n)` as the text before and after its number, when the phrase is one `{0}` between
    /// fixed text (no `|` form to pick): a task's theme words write it for every word (≈ 2,000
    /// instructions a fill); nil otherwise (filled each time).
    let lineOneAround: (before: String, after: String)?
    /// Parts kept as data in a lazy page, as the members of one JSON object (`"key":"markup"`, the
    /// markup escaped for a script block), written as each part is made (`keepDeferred`); empty
    /// when there are none. The `{` is written with the first member, the `}` by `deferredData`.
    var deferredJSON = ByteBuffer(capacity: 0)

    init(_ report: Report, page: Page = Page(), index: HTMLReportIndex? = nil) {
        let index = index ?? HTMLReportIndex(report.comparison)
        comparison = report.comparison
        plans = report.plans
        skipped = report.skipped
        t = Localizer(language: report.language)
        decisions = report.decisions
        options = page
        groupOf = index.groupOf
        wardIndex = index.wardIndex
        wardRank = index.wardRank
        rankOf = index.rankOf
        if let subset = page.wards {
            let chosen = Set(subset)
            collatedWards = index.collated.filter { chosen.contains($0) }
        } else {
            collatedWards = index.collated
        }
        facts = index.facts
        officeIndex = index.officeIndex
        themeGaps = index.themeGaps
        duplicateWards = index.duplicateWards
        let t = Localizer(language: report.language)
        var areas: [String: String] = [:]
        for row in report.comparison.coverage.areas where areas[row.id] == nil {
            areas[row.id] = t.pick(row.vi, row.en)
        }
        areaNames = areas
        areaNameKeys = areas.mapValues(\.foldedKey)
        var themes: [String: String] = [:]
        for row in report.comparison.coverage.themes where themes[row.id] == nil {
            themes[row.id] = t.pick(row.vi, row.en)
        }
        themeNames = themes
        lineOneAround = Self.around(t.language == .vi ? Phrase.lineOne.text.vi : Phrase.lineOne.text.en)
    }

    /// A template's text before and after its one `{0}`, when it has no other `{` and no `|`.
    static func around(_ template: String) -> (before: String, after: String)? {
        let parts = template.components(separatedBy: "{0}")
        guard parts.count == 2, !template.contains("|"), !parts[0].contains("{"), !parts[1].contains("{") else {
            return nil
        }
        return (parts[0], parts[1])
    }

    var lazy: Bool { options.lazy }
    /// The page's wards, in Vietnamese order.
    var shownWards: [WardEntry] { collatedWards.map { wards[$0] } }
    var shownGaps: [WardGaps] { collatedWards.map { comparison.gaps[$0] } }
    var shownCount: Int { collatedWards.count }

    var wards: [WardEntry] { comparison.wards }

    /// The page's UTF-8.
    func page() -> [UInt8] {
        documentStart()
        header()
        navigation()
        h.raw("<main id=\"main\">\n")
        if lazy { h.element("p", [.class("note lazy")], text: t(.lazyNote)) }
        summary()
        matrix()
        gapLists()
        letters()
        if comparison.registry != nil { registry() }
        targets()
        timelines()
        leadOffices()
        citations()
        products()
        wardProfiles()
        taskTable()
        method()
        h.raw("</main>\n")
        return documentEnd()
    }

    /// From `<!DOCTYPE html>` to the skip link.
    func documentStart() {
        h.raw("<!DOCTYPE html>\n")
        h.open("html", [.lang(t.language.rawValue)])
        h.newline()
        h.raw(
            "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        )
        h.open(
            "meta",
            [
                Attribute("http-equiv", "Content-Security-Policy"),
                Attribute("content", HTMLAssets.contentSecurityPolicy),
            ])
        h.newline()
        h.element(
            "title",
            text: [t(.reportTitle), options.group, t.date(comparison.asOf)].compactMap { $0 }.joined(separator: " – "))
        h.newline()
        h.raw("<style>")
        h.raw(HTMLAssets.css)
        h.raw("</style>\n</head>\n<body>\n")
        h.element("a", [.class("skip"), .href("#main")], text: t(.skipToContent))
        h.newline()
    }

    /// The footer, the lazy parts, the script, and the end of the document; returns the page.
    func documentEnd() -> [UInt8] {
        h.element("footer", [.class("foot")]) {
            h.text(t(.footer, comparison.taxonomyVersion, t.date(comparison.asOf)))
        }
        h.newline()
        deferredData()
        h.raw("<script>")
        h.raw(HTMLAssets.script)
        h.raw("</script>\n</body>\n</html>\n")
        return h.bytes
    }

    typealias Attribute = HTMLBuilder.Attribute

    // MARK: Page frame

    func header() {
        h.element("header", [.class("top")]) {
            h.element("h1") {
                h.text(t(.reportTitle))
                if let group = options.group { h.element("span", [.class("grp")], text: group) }
            }
            if let overview = options.overview {
                h.element("p") { h.element("a", [.href(overview)], text: t(.backToOverview)) }
            }
            h.element("p", text: t(.asOfLine, t.date(comparison.asOf)))
            let tasks = shownWards.reduce(0) { $0 + $1.taskCount }
            h.element("p", text: t(.inputsLine, shownCount, tasks, comparison.failed.count))
        }
        h.newline()
    }

    /// The page's parts, with the short name the contents bar gives each.
    static let sections: [(id: String, short: Phrase)] = [
        ("summary", .navSummary), ("matrix", .navMatrix), ("gaps", .navGaps), ("letters", .navLetters),
        ("registry", .navRegistry),
        ("targets", .navTargets),
        ("timelines", .navTimelines), ("leads", .navLeads), ("citations", .navCitations), ("products", .navProducts),
        ("wards", .navWards), ("tasks", .navTasks), ("method", .navMethod),
    ]

    func navigation() {
        h.element("nav", [.class("toc"), Attribute("aria-label", t(.contents))]) {
            h.open("ul")
            for section in Self.sections where section.id != "registry" || comparison.registry != nil {
                h.element("li") { h.element("a", [.href("#" + section.id)], text: t(section.short)) }
            }
            h.close("ul")
            picker()
        }
        h.newline()
    }

    /// `<section id=… class="part"><h2>…</h2> body </section>`.
    func section(_ id: String, _ title: Phrase, _ body: () -> Void) {
        h.element("section", [.id(id), .class("part"), Attribute("aria-labelledby", id + "-h")]) {
            h.element("h2", [.id(id + "-h")], text: t(title))
            h.newline()
            body()
        }
        h.newline()
    }

    /// A table in a scrolling region a keyboard can reach. A `capped` region (a table with a row
    /// per ward) keeps its header in view by scrolling inside a screen's height.
    func scrollingTable(
        caption: String, id: String? = nil, classes: String, filterLabel: String? = nil, capped: Bool = false,
        _ body: () -> Void
    ) {
        h.element(
            "div",
            [
                .class(capped ? "scroll capped" : "scroll"), Attribute("role", "region"), Attribute("tabindex", "0"),
                Attribute("aria-label", caption),
            ]
        ) {
            h.element("table", [.id(id), .class(classes), Attribute("data-filter", filterLabel)]) {
                h.element("caption", text: caption)
                body()
            }
        }
        h.newline()
    }

    /// `<thead><tr>…</tr></thead>`: the table's column headers.
    func tableHead(_ cells: () -> Void) {
        h.open("thead")
        h.open("tr")
        cells()
        h.close("tr")
        h.close("thead")
        h.newline()
    }

    /// `<tbody>` with a row per ward of the page, in Vietnamese dictionary order of the names, each starting with
    /// the ward's name as a row header.
    func wardRows(_ cells: (_ w: Int, _ ward: WardEntry) -> Void) {
        h.open("tbody")
        for w in collatedWards {
            let entry = wards[w]
            h.start("tr")
            h.attribute("data-ward", entry.id)
            h.attribute("data-group", entry.group)
            h.raw("><th scope=\"row\">")
            wardLink(entry.id)
            h.raw("</th>")
            cells(w, entry)
            h.close("tr")
            h.newline()
        }
        h.close("tbody")
    }

    /// `<tfoot>` with one row of totals under a ward table, its first cell the row's name.
    func totalsRow(_ name: String, _ cells: () -> Void) {
        h.open("tfoot")
        h.open("tr", [.class("totals")])
        h.element("th", [Attribute("scope", "row")], text: name)
        cells()
        h.close("tr")
        h.close("tfoot")
        h.newline()
    }

    /// A header cell for a column.
    func columnHeader(_ text: String, sortable: Bool = true) {
        h.element("th", [Attribute("scope", "col"), Attribute("data-nosort", sortable ? nil : "")], text: text)
    }

    // MARK: Names and anchors

    func ward(_ id: String) -> WardEntry { wards[wardIndex[id]!] }
    func plan(_ wardID: String) -> Plan { plans[wardIndex[wardID]!] }
    /// The task a reference names, read from its plan in place (not through a copy of the plan).
    func task(_ ref: TaskRef) -> PlanTask { plans[wardIndex[ref.ward]!].tasks[ref.index] }

    func areaName(_ id: String) -> String { areaNames[id] ?? id }

    func themeName(_ id: String) -> String { themeNames[id] ?? id }

    /// "Phường A, Phường B và 3 phường khác".
    func wardNames(_ ids: [String]) -> String { wardNames(Array(ids.prefix(Self.namesShown)), count: ids.count) }

    /// The same, given the first `namesShown` ids of `count`.
    func wardNames(_ first: [String], count: Int) -> String {
        let names = first.prefix(Self.namesShown).map { ward($0).label }
        let rest = count - names.count
        return rest > 0 ? t(.namesAndMore, names.joined(separator: ", "), rest) : t.list(names)
    }

    /// How many wards a list names before "and N more".
    static let namesShown = 4

    /// A link to a ward's profile.
    func wardLink(_ id: String) {
        h.raw("<a href=\"#")
        wardAnchor(id)
        h.raw("\">")
        h.text(ward(id).label)
        h.raw("</a>")
    }

    /// A link to a task's row in the task table: its number in the plan.
    func taskLink(_ ref: TaskRef) {
        h.raw("<a href=\"#")
        taskAnchor(ref)
        h.raw("\">")
        h.text(ref.ref)
        h.raw("</a>")
    }

    /// `Anchor.ward(id)` written, escaped, without making it: the piece of it that varies is
    /// `Anchor.safe`'s, which is the id itself when it is safe already.
    func wardAnchor(_ id: String) {
        h.raw("w-")
        h.text(Anchor.safe(id))
    }

    /// `Anchor.task(ref)` written, escaped, without making it.
    func taskAnchor(_ ref: TaskRef) {
        h.raw("t-")
        h.text(Anchor.safe(ref.ward))
        h.raw("-")
        h.number(ref.index)
    }

    func taskLinks(_ refs: [TaskRef]) {
        for (i, ref) in refs.enumerated() {
            if i > 0 { h.raw(", ") }
            taskLink(ref)
        }
    }

    /// "wards/nam-do-son-2026.txt:112–115".
    func source(_ wardID: String, line: Int, endLine: Int? = nil) -> String {
        source(ward(wardID), line: line, endLine: endLine)
    }

    func source(_ entry: WardEntry, line: Int, endLine: Int? = nil) -> String {
        entry.source + ":" + (endLine.map { $0 > line ? "\(line)–\($0)" : "\(line)" } ?? "\(line)")
    }

    /// `source(entry, line:, endLine:)` written, escaped, without making it (every row of the task
    /// tables shows one): the file's name escaped, then `:` and the lines, which need no escaping
    /// (the escape maps byte by byte, so the pieces give the bytes of the whole).
    func writeSource(_ entry: WardEntry, line: Int, endLine: Int?) {
        h.text(entry.source)
        h.raw(":")
        h.number(line)
        if let endLine, endLine > line {
            h.raw("–")
            h.number(endLine)
        }
    }

    /// Text from a plan: kept as written, marked as Vietnamese when the page is in another language.
    func quote(_ text: String) {
        if t.language == .vi {
            h.text(text)
        } else {
            h.element("span", [.lang("vi")], text: text)
        }
    }

    /// `lang` for an element that holds only text from a plan: nil when the page is Vietnamese.
    var quoteLanguage: String? { t.language == .vi ? nil : "vi" }

    /// A comma-separated list of lines, "dòng 45, 47".
    func linesText(_ lines: [Int]) -> String {
        t(lines.count == 1 ? .lineOne : .lineMany, lines.map(String.init).joined(separator: ", "))
    }
}

/// What every page of a report needs to know about all its wards, made once per report: a split
/// report's pages share it (made per page, it was pages × wards work: 3.6 % of a country's run).
struct HTMLReportIndex: Sendable {
    /// Position of each ward id in `comparison.wards`.
    let wardIndex: [String: Int]
    /// Each ward id's place in Vietnamese dictionary order of the wards' names.
    let wardRank: [String: Int]
    /// `wardRank` of each ward's id, in ward order.
    let rankOf: [Int]
    /// Every ward (positions in `comparison.wards`) in that order.
    let collated: [Int]
    /// Task facts per ward, in ward order.
    let facts: [[TaskFacts]]
    /// Each ward's group (`HTMLReportWriter.groups(_:)`), in ward order.
    let groupOf: [String?]
    /// Each lead office's position in `comparison.leads.offices` by name (the first, as `firstIndex`).
    let officeIndex: [String: Int]
    /// Per ward, the position in its gaps' items of each theme's first item (as `WardGaps.item`):
    /// the theme matrices look one up per ward and theme.
    let themeGaps: [[String: Int]]
    /// Groups of two or more wards that name one unit (`WardEntry.wardKey`), as positions in
    /// `comparison.wards`: each group in ward order, the groups by their first ward's `wardIndex`.
    /// Every page lists them; grouped per page, it was pages × wards keys folded (lead34).
    let duplicateWards: [[Int]]

    /// Every ward (positions in `comparison.wards`) by its label in Vietnamese order, equal labels
    /// in ward order.
    static func collatedWards(_ comparison: Comparison) -> [Int] {
        VietnameseCollation.sorted(Array(comparison.wards.indices)) { comparison.wards[$0].label }
    }

    /// With `collated`, the wards in that order as `collatedWards` gives it (a split report's page
    /// list made it first: each label's collation key is made once per run, not twice).
    init(_ comparison: Comparison, collated: [Int]? = nil) {
        groupOf = HTMLReportWriter.groups(comparison)
        var index: [String: Int] = [:]
        for (i, ward) in comparison.wards.enumerated() { index[ward.id] = i }
        wardIndex = index
        let all = collated ?? Self.collatedWards(comparison)
        var rank: [String: Int] = [:]
        for (r, w) in all.enumerated() { rank[comparison.wards[w].id] = r }
        wardRank = rank
        rankOf = comparison.wards.map { rank[$0.id]! }
        self.collated = all
        var perWard: [[TaskFacts]] = comparison.wards.map { _ in [] }
        for f in comparison.tasks {
            if let w = index[f.task.ward] { perWard[w].append(f) }
        }
        facts = perWard
        var offices: [String: Int] = [:]
        for (o, office) in comparison.leads.offices.enumerated() where offices[office.name] == nil {
            offices[office.name] = o
            // A commune's "Công an xã" is the row of "Công an phường".
            for name in office.alsoShownAs ?? [] where offices[name] == nil { offices[name] = o }
        }
        officeIndex = offices
        var byUnit: [String: [Int]] = [:]
        for (w, ward) in comparison.wards.enumerated() {
            if let key = ward.wardKey { byUnit[key, default: []].append(w) }
        }
        duplicateWards = byUnit.values.filter { $0.count > 1 }.sorted {
            index[comparison.wards[$0[0]].id]! < index[comparison.wards[$1[0]].id]!
        }
        themeGaps = comparison.gaps.map { gaps in
            var first: [String: Int] = [:]
            for i in gaps.items.indices where gaps.items[i].kind == .theme && first[gaps.items[i].id] == nil {
                first[gaps.items[i].id] = i
            }
            return first
        }
    }
}

/// Ids of the page's anchors. Ward, area and theme ids are made safe for a fragment here.
enum Anchor {
    static func safe(_ s: String) -> String {
        // Most ids are already safe (ASCII letters, digits, '-'): returned as they are.
        if isSafe(s) { return s }
        return String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { scalar in
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
                        ? scalar : "_"
                }))
    }

    /// Whether `s` is ASCII letters, digits and `-` only, read from its UTF-8 in place (the
    /// pages ask it of a ward's id for every row, link and anchor: `utf8.allSatisfy` cost ≈ 200
    /// instructions an id, pages47).
    static func isSafe(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            for b in bytes {
                let letter = b | 0x20
                guard (letter >= 0x61 && letter <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D else { return false }
            }
            return true
        }
    }

    static func ward(_ w: String) -> String { "w-" + safe(w) }
    static func wardTheme(_ w: String, _ theme: String) -> String { "w-\(safe(w))-t-\(safe(theme))" }
    static func target(_ w: String, _ index: Int) -> String { "w-\(safe(w))-k-\(index)" }
    static func basis(_ w: String, _ index: Int) -> String { "w-\(safe(w))-b-\(index)" }
    static func gaps(_ w: String) -> String { "g-" + safe(w) }
    static func gapArea(_ w: String, _ area: String) -> String { "g-\(safe(w))-a-\(safe(area))" }
    static func gapTheme(_ w: String, _ theme: String) -> String { "g-\(safe(w))-t-\(safe(theme))" }
    static func task(_ ref: TaskRef) -> String { "t-\(safe(ref.ward))-\(ref.index)" }
    static func taskGroup(_ w: String, _ area: String) -> String { "t-\(safe(w))-a-\(safe(area))" }
}
