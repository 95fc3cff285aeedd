/// Walks the blocks of a plan's document tree in document order with a stack of open headings and
/// sorts each into the model: headings, task blocks with their field items, tables, narrative
/// items, targets, responsibilities. One recognizer reads one document; it is not shared.
final class PlanRecognizer {
    struct OpenHeading {
        var heading: Heading
        var phase: YearRange?
        /// The ref of a numbered heading ("2", "2.1", "II.1"): lettered points under it take it.
        var numbering: String?
        /// A part ("Phần A") or a Roman section: numbered headings count their levels from it.
        var isSection = false
        var isPart = false
        /// "1. Văn phòng HĐND và UBND:" over a run of items in a tasks section: the office as
        /// written, the lead of each item under it that names none of its own.
        var office: String?
        /// The office heading's marker style (nil when unmarked): the next line with the same
        /// marker is its sibling and closes it.
        var officeMarker: Marker.Style?
        /// "1. Quý I/2026", "Thực hiện thường xuyên trong năm" (`TimeHeading`): the time of the
        /// tasks under it that give none.
        var time: String?
        /// "Nhiệm vụ 4" alone over lettered items: the next such label is its sibling.
        var isTaskLabel = false
        /// "- Kiểm soát TTHC" over bulleted task blocks (`bulletGroupHeading`): the next such bullet
        /// is its sibling.
        var isBulletGroup = false
        /// What the heading's words say of the items under it (`HeadingWords`), read once: every
        /// item asked the folded text of each open heading for them.
        var words: HeadingWords
    }

    /// The words of a heading that tell what its items state, read from its folded text
    /// (`FoldedKey`) when it is pushed.
    struct HeadingWords {
        /// "chỉ tiêu": its listed figures are targets.
        var namesTargets: Bool
        /// "Mục đích", "Mục tiêu", "Yêu cầu", "Quan điểm" (`purposeWords`).
        var namesPurpose: Bool
        /// "Mục đích", "Mục tiêu" (`aimWords`): a purpose that states aims.
        var namesAims: Bool
        /// "mục tiêu".
        var namesObjectives: Bool

        init(key: String) {
            namesTargets = key.containsWords("chi tieu")
            namesPurpose = PlanRecognizer.purposeWords.contains { key.containsWords($0) }
            namesAims = PlanRecognizer.aimWords.contains { key.containsWords($0) }
            namesObjectives = key.containsWords("muc tieu")
        }
    }

    /// A table group row ("I | CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", "II | Giai đoạn 2028-2030").
    struct Group {
        var text: String
        var area: String?
        var phase: YearRange?
    }

    let units: [OutlineUnit]
    /// The units' outline roles, read once (`UnitShapes`).
    let shapes: UnitShapes
    /// Source lines with text, in order: the lines of a span.
    let contentLineNumbers: [Int]
    let skip: UnitIndexSet
    let reference: ReferenceData
    /// The short office names the plan explains once ("Ghi chú viết tắt: VP: Văn phòng …").
    let legend: AbbreviationLegend
    // The walk's state: read and written by this recognizer's own methods, on the one thread that
    // reads the document. The runtime's check of each access to a class's stored property
    // (`swift_beginAccess`, ≈ 80 instructions; ≈ 200,000 of them in the 100 plans of `n-100`) is
    // left out; the compiler still checks what it can see.
    @exclusivity(unchecked) var plan: Plan
    /// Units placed in the model.
    @exclusivity(unchecked) private(set) var handled = UnitIndexSet()

    @exclusivity(unchecked) private var stack: [OpenHeading] = []
    /// The years a label item gives the items after it under the same heading ("a) Năm 2026:",
    /// "b) Đến năm 2030:"), with the number of headings read when it was met.
    @exclusivity(unchecked) private var labelPhase: (years: YearRange, headings: Int)?
    /// The unit being read is a row of a table whose header was not understood.
    @exclusivity(unchecked) private var readingTableRow = false
    /// The columns and width of the last task table read: a table of the same width without a
    /// header, its first row numbered, goes on with them (one table per area, one header).
    @exclusivity(unchecked) private var lastTaskTable: (columns: TableColumns, width: Int)?
    /// Units a task took ahead of the walk (an inline task's sub-items and "Giao …" sentence).
    @exclusivity(unchecked) private var taken = UnitIndexSet()
    /// The plan has a task table: its rows are the tasks, and items in the body stay statements.
    private lazy var planHasTaskTable: Bool =
        units.contains { unit in
            guard let table = unit.table else { return false }
            let header = table.rows.prefix(table.headerRowCount).map(Self.columnCells)
            return TableColumns.detect(TableColumns.headerCells(header))?.holdsTasks == true
                || header.contains { TableColumns.detect($0)?.holdsTasks == true }
        } || !cards.isEmpty
    /// Tables that are task cards (`TaskCard`), by unit index, and the number of the title right
    /// above each that has one, by the title's index: the card reads its title.
    private lazy var cards: [Int: [TaskCard]] = {
        var found: [Int: [TaskCard]] = [:]
        for (index, unit) in units.enumerated() where !skip.contains(index) {
            if let table = unit.table, let run = TaskCard.readAll(table) { found[index] = run }
        }
        return found
    }()
    private lazy var cardTitles: [Int: String] = {
        var titles: [Int: String] = [:]
        for index in cards.keys where index > 0 && !skip.contains(index - 1) && cards[index - 1] == nil {
            if let number = TaskCard.titleNumber(of: units[index - 1]) { titles[index - 1] = number }
        }
        return titles
    }()
    /// The unit being read (a block, or a row of a table without a header read as a line).
    @exclusivity(unchecked) private var current: OutlineUnit!
    @exclusivity(unchecked) private var task: TaskDraft?
    @exclusivity(unchecked) private var table: TableDraft?
    @exclusivity(unchecked) private var pendingAppendixTitle = false
    @exclusivity(unchecked) private var responsibility: Int?
    /// An office's heading too long for a name, by its responsibility's index: its duty when no
    /// other follows (`finishResponsibilities`).
    @exclusivity(unchecked) private var headingDuties: [Int: Duty] = [:]
    private let timelines: TimelineParser
    private let targets: TargetParser
    /// The areas the taxonomy gives headings, kept for all plans (`HeadingAreas`).
    private let headingAreas: HeadingAreas
    /// What `InlineAssignment` and `OfficeDirectory` said of a text, by text: look-ahead and
    /// joined pieces ask about the same paragraphs again, and a plan names the same offices in
    /// many tasks. Both answers depend on the text alone (and this plan's office list).
    /// Keyed by the texts' bytes (`HashedText`, hashed once and eight bytes a step, the same key
    /// then asking the answers kept for all plans): `ExactText` fed every byte to the standard
    /// hasher at each look-up, and the shared store hashed the text again.
    @exclusivity(unchecked) private var assignments: [HashedText: InlineAssignment?] = [:]
    @exclusivity(unchecked) private var opensAssignments: [HashedText: Bool] = [:]
    @exclusivity(unchecked) private var resolutions: [HashedText: OfficeDirectory.Resolution] = [:]
    /// What `TimelineParser` read of a time, by text: a plan gives the same times to many tasks.
    @exclusivity(unchecked) private var parsedTimelines: [HashedText: Timeline] = [:]

    init(
        units: [OutlineUnit], shapes: UnitShapes? = nil, contentLines: [Int], skip: UnitIndexSet, plan: Plan,
        reference: ReferenceData, legend: AbbreviationLegend = AbbreviationLegend()
    ) {
        self.units = units
        self.legend = legend
        self.shapes = shapes ?? UnitShapes(units)
        self.contentLineNumbers = contentLines
        self.skip = skip
        self.plan = plan
        self.reference = reference
        timelines = TimelineParser(planYears: plan.period?.years)
        targets = TargetParser(metrics: reference.metrics)
        headingAreas = HeadingAreas.of(reference.taxonomy)
    }

    var path: String { plan.source.path }

    func walk() {
        for index in units.indices where !skip.contains(index) && !taken.contains(index) {
            if cardTitles[index] != nil {
                // The title of the card below: that card's task reads it.
                handled.insert(index)
                continue
            }
            if let run = cards[index] {
                finishTask()
                finishTable()
                handled.insert(index)
                let title = cardTitles[index - 1].map { (number: $0, lines: units[index - 1].lines) }
                for (k, card) in run.enumerated() {
                    let lines = OutlineUnit.lines(in: card.span, contentLines: contentLineNumbers)
                    plan.tasks.append(cardTask(card, title: k == 0 ? title : nil, lines: lines))
                }
                continue
            }
            if let table = units[index].table {
                handleTable(table, at: index)
                continue
            }
            finishTable()
            handleLine(units[index], at: index, shape: shapes[index])
        }
        finishTask()
        finishTable()
        finishResponsibilities()
    }

    /// "6. Đề nghị Ủy ban Mặt trận … chính trị - xã hội Tuyên truyền, vận động …": a line break
    /// joined an office's heading and its duties with no colon between. When no duty follows, that
    /// text is its duty too, so its themes count.
    private func finishResponsibilities() {
        for (index, duty) in headingDuties where plan.responsibilities[index].duties.isEmpty {
            plan.responsibilities[index].duties.append(duty)
        }
    }

    /// The outline role of a unit: its marker when it has one, else what its words say (a field
    /// line "Cơ quan chủ trì: …", an appendix "Phụ lục II", prose).
    static func shape(of unit: OutlineUnit) -> LineShape {
        guard let marker = unit.marker else { return LineShape.of(unit.body) }
        switch marker.style {
        case .part:
            return .part(ref: marker.value, title: unit.body)
        case .roman:
            return .roman(ref: marker.value, title: unit.body)
        case .number, .numberPath:
            return .numbered(ref: marker.value, depth: numberDepth(marker.value), title: unit.body)
        case .letter:
            // "b) Cơ quan thực hiện: …", "a) Nhiệm vụ: …": a task's fields written as lettered items.
            if case .field(let field, let value) = LineShape.of(unit.body) { return .field(field, value: value) }
            if let statement = TaskField.statement(in: unit.body) { return .field(.statement, value: statement) }
            return .lettered(ref: marker.value.lowercased(), title: unit.body)
        case .bullet:
            if case .field(let field, let value) = LineShape.of(unit.body) { return .field(field, value: value) }
            return .bullet(marker: marker.text.first ?? "-", text: unit.body)
        case .parenthesizedNumber, .upperLetter:
            // "(1) Tỷ lệ …", "A. …": read as prose; the marker is the item's ref.
            return .prose(unit.body)
        }
    }

    /// The count of the numbers of a marker's value ("2.1" two, "II.1.2" two): its parts between
    /// dots that read as an `Int`. A value of ASCII digits and dots, no part longer than 18 digits
    /// (none overflows), is counted on its bytes; any other is split (`numberDepthBySplit`).
    static func numberDepth(_ value: String) -> Int {
        var count = 0
        var run = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: ".") {
                run = 0
            } else if byte &- UInt8(ascii: "0") < 10 {
                run += 1
                if run == 1 { count += 1 }
                if run > 18 { return numberDepthBySplit(value) }
            } else {
                return numberDepthBySplit(value)
            }
        }
        return count
    }

    /// `numberDepth` by splitting, as it was: the reference for the byte count.
    static func numberDepthBySplit(_ value: String) -> Int {
        value.split(separator: ".").filter { Int($0) != nil }.count
    }

    // MARK: - Lines

    private func handleLine(_ line: OutlineUnit, at i: Int, shape: LineShape) {
        current = line
        let wasPendingAppendix = pendingAppendixTitle
        pendingAppendixTitle = false
        closeOfficeHeading(before: line)

        switch shape {
        case .part(let ref, let title):
            // "Phần C. NHIỆM VỤ, GIẢI PHÁP": the top level; Roman sections inside it sit one below.
            finishTask()
            pushHeading(ref: ref, text: title, level: 1, at: i, isSection: true, isPart: true)
            pendingAppendixTitle = title.isEmpty
        case .roman(let ref, let title):
            finishTask()
            pushHeading(ref: ref, text: title, level: partLevel + 1, at: i, isSection: true)
        case .appendix(let ref, let title):
            finishTask()
            pushHeading(ref: "Phụ lục \(ref)", text: title, level: 1, at: i)
            pendingAppendixTitle = true
        case .numbered(let ref, let depth, let title):
            finishTask()
            if headsNumberedChildren(i, ref: ref) {
                // "7. Cải thiện môi trường đầu tư …" over "7.1. Tổ chức …": the items' heading,
                // however long its words and whatever follows its first child.
                pushHeading(ref: ref, text: title, level: sectionLevel + depth, at: i, numbering: ref)
            } else if contextKind == .tasks, areaHeadingsOverLetters.contains(i) {
                // "7. Cải thiện môi trường kinh doanh; nâng cao …" over "a) …" among areas that head
                // lettered items: an area too, however long its words.
                pushHeading(ref: ref, text: title, level: sectionLevel + depth, at: i, numbering: ref)
            } else if followedByFields(i) {
                startTask(ref: ref, text: title, at: i)
            } else if let office = officeHeading(title) {
                pushHeading(
                    ref: ref, text: title, level: sectionLevel + depth, at: i, numbering: ref, office: office,
                    officeMarker: line.marker?.style)
            } else if isHeading(line, title: title, at: i) {
                pushHeading(ref: ref, text: title, level: sectionLevel + depth, at: i, numbering: ref)
            } else {
                item(ref: ref, text: title, at: i, numbered: true)
            }
        case .taskLabel(let ref):
            finishTask()
            if opensLabelledTask(i) {
                // The statement and field lines after the label are the task's; its text and line
                // are the statement's (`finishTask`).
                startTask(ref: ref, text: "", at: i)
                task!.label = (line.text, line.lines)
                task!.lines = []
            } else {
                // "Nhiệm vụ 1" over lettered items: a numbered heading, its number theirs, inside
                // the heading above it (an area's) and beside the label heading before it.
                let level = (stack.last { !$0.isTaskLabel }?.heading.level ?? 0) + 1
                pushHeading(ref: ref, text: line.text, level: level, at: i, numbering: ref)
                stack[stack.count - 1].isTaskLabel = true
            }
        case .lettered(let letter, let title):
            finishTask()
            if timeHeadingTime != nil, !line.isHeading, officeHeading(title) == nil, !followedByFields(i) {
                // "a) …" under "1. Quý I/2026": a task, however short.
                item(ref: letter, text: title, at: i, numbered: false)
            } else if followedByFields(i) {
                startTask(ref: [numberedRef, letter].compactMap { $0 }.joined(separator: "."), text: title, at: i)
            } else if let office = officeHeading(title) {
                pushHeading(
                    ref: letter, text: title, level: letteredLevel, at: i, office: office, officeMarker: .letter)
            } else if officeLead == nil,
                line.isHeading
                    || (TextShape.hasAtMostWords(title, 8) && !TextShape.endsSentence(title)
                        && !closesWithAssignment(title))
            {
                pushHeading(ref: letter, text: title, level: letteredLevel, at: i)
            } else {
                item(ref: letter, text: title, at: i, numbered: false)
            }
        case .field(let field, let value):
            if task != nil {
                if field == .start {
                    task!.add(field, value: value, note: line.body.trimmingBlanks, lines: line.lines)
                } else {
                    task!.add(field, value: value, lines: line.lines)
                }
                handled.insert(i)
            } else {
                item(ref: nil, text: line.text, at: i, numbered: false)
            }
        case .bullet(let marker, let text):
            // "- Thứ hai, …" opens the next item of a list written in ordinals, never the rest of the
            // last field; with field lines under it, the next task.
            let opensOrdinal = OrdinalWords.opening(text) != nil
            let ordinal = OrdinalWords.opening(text).flatMap { followedByFields(i) ? $0 : nil }
            if task != nil, !opensOrdinal, keepsNote(text, marker: marker, at: i) { return }
            if task != nil, !opensOrdinal, task!.attach(text, marker: marker, lines: line.lines) {
                handled.insert(i)
                return
            }
            finishTask()
            if let ordinal {
                startTask(ref: ordinal.ref, text: ordinal.title, at: i)
                task?.marker = marker
            } else if followedByFields(i) {
                // "- **Nhiệm vụ:** Rà soát …" over its field bullets: the label names the statement.
                startTask(ref: nextUnnumberedTaskRef(), text: TaskField.statement(in: text) ?? text, at: i)
                task?.marker = marker
            } else if let office = officeHeading(text) {
                pushHeading(
                    ref: nil, text: text, level: officeSiblingLevel, at: i, office: office, officeMarker: .bullet)
            } else if bulletGroupHeading(text, marker: marker, at: i) {
                // "- Kiểm soát TTHC" over "+" tasks with their field lines: the group of those tasks.
                let level = (stack.last { !$0.isBulletGroup }?.heading.level ?? 0) + 1
                pushHeading(ref: nil, text: text, level: level, at: i)
                stack[stack.count - 1].isBulletGroup = true
            } else {
                item(ref: nil, text: text, at: i, numbered: false)
            }
        case .prose(let text) where TextScan.key(of: text, equals: "phu luc"):
            // "PHỤ LỤC" without a number: an appendix, its title on the lines after.
            finishTask()
            pushHeading(ref: "Phụ lục", text: "", level: 1, at: i)
            pendingAppendixTitle = true
        case .prose(let text):
            if wasPendingAppendix, FrontMatterParser.isCapitals(text) {
                extendLastHeading(with: text, at: i)
                pendingAppendixTitle = true
                return
            }
            // "B. CẢI CÁCH THỂ CHẾ" after a task's last field opens the next area; it goes on no value.
            let letteredHeading =
                line.marker?.style == .upperLetter && !stack.isEmpty && Self.isLetteredHeading(text)
            // "Thứ hai, …" opens the next item of a list written in ordinals, never the rest of the
            // last field: a task with field lines under it, or in a tasks section, where its inline
            // assignment may make it one (the ordinal its ref).
            let ordinal = OrdinalWords.opening(text)
            let opensOrdinalTask = ordinal != nil && followedByFields(i)
            // A heading (by its markup, or a short line in capitals after a task's fields: "TỔ CHỨC
            // THỰC HIỆN") ends the task: it goes on no field, and what follows it is not the task's.
            let endsTask = task != nil && (line.isHeading || task!.hasFields && Self.isCapitalsHeading(text))
            if task != nil, !letteredHeading, ordinal == nil, line.marker == nil, !endsTask,
                keepsNote(text, marker: nil, at: i)
            {
                return
            }
            if task != nil, !letteredHeading, ordinal == nil, !endsTask,
                task!.attach(text, marker: nil, lines: line.lines)
            {
                handled.insert(i)
                return
            }
            finishTask()
            if stack.isEmpty, FrontMatterParser.isCapitals(text) {
                // Document markers of the header: "QUYẾT ĐỊNH", "KẾ HOẠCH", the issuing authority.
                handled.insert(i)
                plan.headings.append(
                    Heading(
                        ref: nil, text: text, level: 0, kind: .frontMatter, area: nil, line: line.line,
                        endLine: line.endLine))
            } else if !stack.isEmpty, line.marker == nil, let office = officeHeading(text) {
                pushHeading(ref: nil, text: text, level: officeSiblingLevel, at: i, office: office)
            } else if line.marker == nil, contextKind == .tasks, TimeHeading.time(of: text) != nil,
                line.isHeading || nextIsMarkedItem(i)
            {
                // "Tháng 6/2026" over lettered or bulleted tasks, a sibling of the time heading before it.
                let sibling = stack.last?.time != nil
                let level = (stack.last?.heading.level ?? 0) + (sibling ? 0 : 1)
                pushHeading(ref: nil, text: text, level: level, at: i)
            } else if line.isHeading, !stack.isEmpty, !TextShape.endsSentence(text), TextShape.hasAtMostWords(text, 15)
            {
                pushHeading(ref: nil, text: text, level: (stack.last?.heading.level ?? 0) + 1, at: i)
            } else if endsTask, line.marker == nil, !stack.isEmpty {
                // A line in capitals that ended a task block heads what follows, below the section.
                pushHeading(ref: nil, text: text, level: sectionLevel + 1, at: i)
            } else if opensOrdinalTask, let ordinal {
                startTask(ref: ordinal.ref, text: ordinal.title, at: i)
            } else if followedByFields(i) {
                startTask(ref: nextUnnumberedTaskRef(), text: text, at: i)
            } else if letteredHeading, let marker = line.marker {
                // "B. CẢI CÁCH THỂ CHẾ" between a section and its tasks: a heading, its area the tasks'.
                pushHeading(ref: marker.value, text: text, level: sectionLevel + 1, at: i)
            } else if contextKind == .tasks, line.marker == nil, let ordinal {
                item(ref: ordinal.ref, text: ordinal.title, at: i, numbered: false)
            } else {
                let listed = line.marker.flatMap { [.parenthesizedNumber, .upperLetter].contains($0.style) ? $0 : nil }
                item(ref: listed?.value, text: text, at: i, numbered: false)
            }
        }
    }

    /// "+ Ghi chú: …", "- Yêu cầu: …" in a task block: a line whose label is no field is a note of
    /// the task, kept with its label, not the rest of the field before it. An item of a list the
    /// last field opened ("- Sản phẩm:" then "+ Báo cáo: …") stays the field's.
    private func keepsNote(_ text: String, marker: Character?, at i: Int) -> Bool {
        guard task != nil, marker == nil || marker != task!.marker, !task!.listOpen, TaskDraft.isLabelledLine(text)
        else { return false }
        task!.addNote(text, lines: current.lines)
        handled.insert(i)
        return true
    }

    /// A numbered line is a heading when the markup says so, or when it is short and does not end
    /// like a sentence. In a targets section a line with a value is a target, however short.
    private func isHeading(_ line: OutlineUnit, title: String, at i: Int) -> Bool {
        if line.isHeading { return true }
        if TextShape.endsSentence(title) || !TextShape.hasAtMostWords(title, 15) { return false }
        // "1. Rà soát TTHC (Chủ trì: Văn phòng; thời gian: Quý I)" assigns a task, however short.
        if contextKind == .tasks, inlineAssignment(in: title) != nil || isLabelledTask(at: i) { return false }
        if contextKind == .targets, title.contains("%") { return false }
        return true
    }

    /// "Nhiệm vụ 5: Thực hiện chế độ báo cáo …" in a plan that writes its tasks so
    /// (`writesLabelledTasks`), with no lettered or bulleted items under it: a task.
    private func isLabelledTask(at i: Int) -> Bool {
        let unit = units[i]
        return unit.marker == nil && !unit.isHeading && !nextIsMarkedItem(i)
            && LabelledTaskOpener.read(unit.body) != nil && writesLabelledTasks
    }

    /// "TỔ CHỨC THỰC HIỆN", "KINH PHÍ THỰC HIỆN:": a short line in capitals that is not a sentence
    /// (a colon may close it), of two words or more, one of them a word of three letters that is no
    /// Roman numeral; a time ("III/2026", the rest of a wrapped "Quý") is none.
    static func isCapitalsHeading(_ text: String) -> Bool {
        let body = text.endsWithMark(":") ? String(text.dropLast()) : text
        guard FrontMatterParser.isCapitals(body), !TextShape.endsSentence(body) else { return false }
        let words = text.split(separator: " ")
        guard words.count >= 2, words.count <= 15,
            words.contains(where: {
                $0.count >= 3 && $0.allSatisfy(\.isLetter) && RomanNumeral.value(String($0)) == nil
            })
        else { return false }
        return !AssignmentParts.isTime(text)
    }

    /// "C. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "D. Tổ chức bộ máy": a capital-lettered line in capitals,
    /// or short and not a sentence.
    static func isLetteredHeading(_ text: String) -> Bool {
        FrontMatterParser.isCapitals(text) || (!TextShape.endsSentence(text) && TextShape.hasAtMostWords(text, 12))
    }

    /// The bullets that open task blocks in this plan ("+ …" then "=> Giao: …; t/g: …"): a bullet
    /// character that two items or more of a tasks section open with field lines under them.
    private lazy var blockBulletMarkers: Set<Character> = {
        var counts: [Character: Int] = [:]
        for i in units.indices where !skip.contains(i) {
            guard case .bullet(let marker, _) = shapes[i], followedByFields(i) else { continue }
            counts[marker, default: 0] += 1
        }
        return Set(counts.filter { $0.value >= 2 }.keys)
    }()

    /// A short bullet that is no sentence, with another bullet that opens task blocks right after it
    /// ("- Kiểm soát TTHC" then "+ Niêm yết …" and its "=> Giao: …" line): the group of the tasks.
    private func bulletGroupHeading(_ text: String, marker: Character, at i: Int) -> Bool {
        guard contextKind == .tasks, !planHasTaskTable, i + 1 < units.count, !skip.contains(i + 1),
            case .bullet(let next, _) = shapes[i + 1], next != marker, blockBulletMarkers.contains(next),
            !blockBulletMarkers.contains(marker)
        else { return false }
        return !TextShape.endsSentence(text) && TextShape.hasAtMostWords(text, 12) && inlineAssignment(in: text) == nil
    }

    /// Whether the next unit is a lettered or bulleted item.
    private func nextIsMarkedItem(_ i: Int) -> Bool {
        guard i + 1 < units.count, !skip.contains(i + 1), let style = units[i + 1].marker?.style else { return false }
        return style == .letter || style == .bullet
    }

    /// A label alone ("Nhiệm vụ thứ nhất:") opens a task when a paragraph (its statement) or a field
    /// line follows it, or a bullet with field lines after it.
    private func opensLabelledTask(_ i: Int) -> Bool {
        guard i + 1 < units.count, !skip.contains(i + 1), units[i + 1].table == nil else { return false }
        switch shapes[i + 1] {
        case .prose, .field: return true
        case .bullet: return followedByFields(i + 1)
        default: return false
        }
    }

    /// The numbered lines right above a lettered item whose siblings (the same depth, under the
    /// same Roman section or part) are such lines too, one at least reading as a heading by its words
    /// (`isHeading`'s test: short, no sentence): the areas of a plan that letters its tasks under
    /// them. A long one among them ("7. Cải thiện môi trường kinh doanh; nâng cao chất lượng …")
    /// heads its items as the others do, whatever its words. A line that names its lead inline is
    /// a task, as before.
    private lazy var areaHeadingsOverLetters: UnitIndexSet = {
        var groups: [[Int]: (members: [Int], headings: Int)] = [:]
        var section = -1
        for i in units.indices where !skip.contains(i) {
            switch shapes[i] {
            case .roman, .part: section = i
            case .numbered(_, let depth, let title):
                guard i + 1 < units.count, !skip.contains(i + 1), units[i].table == nil,
                    case .lettered = shapes[i + 1], inlineAssignment(in: title) == nil
                else { continue }
                let readsAsHeading =
                    units[i].isHeading || (!TextShape.endsSentence(title) && TextShape.hasAtMostWords(title, 15))
                groups[[section, depth], default: ([], 0)].members.append(i)
                if readsAsHeading { groups[[section, depth], default: ([], 0)].headings += 1 }
            default: continue
            }
        }
        return UnitIndexSet(groups.values.filter { $0.members.count >= 2 && $0.headings >= 1 }.flatMap(\.members))
    }()

    /// Whether the next unit is numbered as this one's first child ("7." then "7.1."), so this one
    /// is their heading.
    private func headsNumberedChildren(_ i: Int, ref: String) -> Bool {
        guard i + 1 < units.count, !skip.contains(i + 1), units[i + 1].table == nil,
            case .numbered(let next, _, _) = shapes[i + 1]
        else { return false }
        return Self.isFirstChild(next, of: ref)
    }

    /// "7.1" under "7", "2.3.1" under "2.3": the parent's parts, then "1".
    static func isFirstChild(_ child: String, of parent: String) -> Bool {
        let parts = { (ref: String) in ref.split(separator: ".").map(String.init) }
        let (c, p) = (parts(child), parts(parent))
        return !p.isEmpty && c.count == p.count + 1 && Array(c.prefix(p.count)) == p && Int(c.last!) == 1
    }

    /// Whether field lines ("- Cơ quan chủ trì: …") follow, maybe after a wrapped line or two.
    private func followedByFields(_ i: Int) -> Bool {
        var j = i + 1
        while j < units.count, j <= i + 4, !skip.contains(j), units[j].table == nil {
            switch shapes[j] {
            case .field: return true
            case .prose: j += 1
            default: return false
            }
        }
        return false
    }

    // MARK: - Headings and context

    private func pushHeading(
        ref: String?, text: String, level: Int, at i: Int, numbering: String? = nil, isSection: Bool = false,
        isPart: Bool = false, office: String? = nil, officeMarker: Marker.Style? = nil
    ) {
        handled.insert(i)
        let heading = Heading(
            ref: ref, text: text, level: level, kind: SectionKind.of(heading: text),
            area: areaOfHeading(text), line: current.line, endLine: current.endLine)
        plan.headings.append(heading)
        while let last = stack.last, last.heading.level >= level { stack.removeLast() }
        stack.append(
            OpenHeading(
                heading: heading, phase: TextShape.yearRange(in: text), numbering: numbering, isSection: isSection,
                isPart: isPart, office: office, officeMarker: officeMarker,
                time: isPart ? nil : TimeHeading.time(of: text), words: HeadingWords(key: text.foldedKey)))
        if level == 1 || isSection { responsibility = nil }
        if level > 1, !isSection, contextKind == .organisation { startResponsibility(heading: text, at: i) }
    }

    /// An appendix title given on the lines after "Phụ lục II".
    private func extendLastHeading(with text: String, at i: Int) {
        handled.insert(i)
        guard var open = stack.popLast(), let index = plan.headings.lastIndex(of: open.heading) else { return }
        var heading = open.heading
        heading.text = heading.text.isEmpty ? text : heading.text + " " + text
        heading.endLine = current.endLine
        heading.kind = SectionKind.of(heading: heading.text)
        heading.area = areaOfHeading(heading.text)
        plan.headings[index] = heading
        open.heading = heading
        open.words = HeadingWords(key: heading.text.foldedKey)
        open.phase = TextShape.yearRange(in: heading.text)
        stack.append(open)
    }

    /// The office a line names when it heads a run of tasks: in a tasks section (with no task
    /// table), an office's name and nothing more, closed by a colon ("1. Văn phòng HĐND và UBND:",
    /// "Công an phường:"). The name is read by `OfficeDirectory.isOfficeName`, so "Công tác tuyên
    /// truyền:" heads nothing.
    private func officeHeading(_ text: String) -> String? {
        guard contextKind == .tasks, !planHasTaskTable, text.endsWithMark(":") else { return nil }
        let name = String(text.dropLast()).trimmingBlanks
        guard !name.isEmpty, !name.contains(":") else { return nil }
        // "Các cơ quan, đơn vị thuộc phường:": a generic body, longer than a subject's name may be.
        let offices = reference.offices
        let generic = { offices.opensWithOffice(name) && self.resolve(name).generic && TextShape.wordCount(name) <= 8 }
        return offices.isOfficeName(name) || generic() ? name : nil
    }

    /// The lead an office heading gives the items under it.
    private var officeLead: String? { stack.last { $0.office != nil }?.office }

    /// An unmarked office heading sits where the office heading before it sat, else one below.
    private var officeSiblingLevel: Int {
        if let last = stack.last, last.office != nil, last.officeMarker == nil || last.officeMarker == .bullet {
            return last.heading.level
        }
        return (stack.last?.heading.level ?? 0) + 1
    }

    /// A line with the office heading's own marker ("2. …" after "1. Văn phòng …:") is its sibling,
    /// and unmarked prose ends an unmarked office heading's items: the office leads no more.
    private func closeOfficeHeading(before line: OutlineUnit) {
        guard let index = stack.lastIndex(where: { $0.office != nil }) else { return }
        let closes: Bool
        if let style = stack[index].officeMarker {
            closes = line.marker?.style == style
        } else {
            closes = line.marker == nil && !line.isHeading && task == nil && officeHeading(line.body) == nil
        }
        if closes { stack.removeSubrange(index...) }
    }

    /// The kind of the innermost heading that names one.
    /// Read in place from the top of the stack (`reversed().first` copied each open heading it passed).
    private var contextKind: SectionKind {
        if stack.isEmpty { return .frontMatter }
        var i = stack.count
        while i > 0 {
            i -= 1
            let kind = stack[i].heading.kind
            if kind != .other { return kind }
        }
        return .other
    }

    /// The time of the innermost time heading (`TimeHeading`) in a tasks part, when the tasks
    /// there are grouped by when they are due.
    private var timeHeadingTime: String? {
        guard contextKind == .tasks, !planHasTaskTable else { return nil }
        return stack.last { $0.time != nil }?.time
    }

    var contextArea: String? {
        var i = stack.count
        while i > 0 {
            i -= 1
            if let area = stack[i].heading.area { return area }
        }
        return nil
    }

    private var contextPhase: YearRange? {
        if let label = labelPhase, label.headings == plan.headings.count { return label.years }
        return stack.reversed().first { $0.phase != nil }?.phase ?? plan.period?.years
    }

    /// The innermost heading below the section level: the plan's own group for a task.
    var contextGroup: String? { stack.last.flatMap { $0.heading.level > 1 ? $0.heading.text : nil } }

    private var numberedRef: String? { stack.last { $0.numbering != nil }?.numbering }

    private var letteredLevel: Int {
        (stack.last { $0.numbering != nil || $0.isSection || $0.heading.level == 1 }?.heading.level ?? 1) + 1
    }

    /// The level of the open part ("Phần C"), 0 when none is open: Roman sections sit below it.
    private var partLevel: Int { stack.last { $0.isPart }?.heading.level ?? 0 }

    /// The level numbered headings count from: the open part or Roman section's, else 1.
    private var sectionLevel: Int { stack.last { $0.isSection }?.heading.level ?? 1 }

    private func nextUnnumberedTaskRef() -> String {
        let prefix = numberedRef ?? stack.last?.heading.ref ?? ""
        let siblings = plan.tasks.filter { $0.ref.hasPrefix(prefix.isEmpty ? "" : prefix + ".") }.count
        return prefix.isEmpty ? "\(plan.tasks.count + 1)" : "\(prefix).\(siblings + 1)"
    }

    // MARK: - Items

    private func item(ref: String?, text: String, at i: Int, numbered: Bool) {
        handled.insert(i)
        let line = current!
        let kind = contextKind
        // A short item that only names years and opens a list ("Năm 2026:", "Đến năm 2030:") gives
        // its years to the targets after it, until the next label or heading.
        if text.endsWithMark(":"), TextShape.hasAtMostWords(text, 6), let years = TextShape.yearRange(in: text) {
            labelPhase = (years, plan.headings.count)
        }
        if kind == .targets, !TextShape.isParenthesised(text) {
            plan.targets += targets.targets(in: text, phase: contextPhase, line: line.line, endLine: line.endLine)
            return
        }
        if kind == .organisation, !TextShape.isParenthesised(text) {
            // "- Công an phường: triển khai …" opens an office's duties as a numbered item does.
            let opensOffice = numbered || reference.offices.splitLeadingOffice(text) != nil
            if opensOffice || responsibility == nil {
                startResponsibility(
                    heading: opensOffice ? text : (contextGroup ?? stack.last?.heading.text ?? ""), at: i)
                if opensOffice { return }
            }
            plan.responsibilities[responsibility!].duties.append(
                Duty(text: text, line: line.line, endLine: line.endLine))
            return
        }
        if kind == .tasks, !planHasTaskTable, startInlineTask(ref: ref, text: text, at: i, numbered: numbered) {
            return
        }
        // A table row, or a list item where no task table gives the tasks, that stays narrative in a
        // task section was not understood: coverage lists it.
        if kind == .tasks, readingTableRow || (line.marker != nil && !line.isHeading && !planHasTaskTable) {
            plan.notUnderstood.append(
                SourceText(text: text, line: line.line, endLine: line.endLine == line.line ? nil : line.endLine))
        }
        plan.narrative.append(
            NarrativeItem(
                ref: ref, text: text, section: kind, area: contextArea, heading: stack.last?.heading.text,
                line: line.line, endLine: line.endLine))
        // Objectives ("Mục tiêu") often state measured targets too; the sentence stays a narrative
        // item and each measured clause with a known metric becomes a target as well.
        // "II. MỤC TIÊU, CHỈ TIÊU NĂM 2026" names two kinds (`.other`); its listed figures are targets.
        // Aims under "Mục đích" state targets in prose too ("… Phấn đấu 80% TTHC …"): a clause with
        // a known metric and a figure is one there, whatever verb (or none) opens it, unless it
        // reports a result already reached ("năm 2025 đạt 85%"). Requirements ("2. Yêu cầu") and
        // viewpoints say how to work, not what to reach.
        let namesTargets = kind == .other && stack.contains { $0.words.namesTargets }
        let aims = stack.last { $0.words.namesPurpose }.map(\.words.namesAims)
        if kind == .purpose && aims == true || namesTargets {
            // A listed objective with a figure ("- 100% cán bộ … sử dụng thành thạo …") is a target
            // even when no metric names it; a sentence needs a known metric.
            let listed =
                line.marker != nil
                && (namesTargets || stack.contains { $0.words.namesObjectives })
            let start = plan.period?.years.from
            plan.targets += targets.targets(in: text, phase: contextPhase, line: line.line, endLine: line.endLine)
                .filter {
                    $0.value != nil && ($0.metric != nil || listed) && !targets.isResult($0.text, before: start)
                }
        }
    }

    /// Folded words of a purpose heading, and those of one that states aims ("Mục đích", "Mục tiêu").
    static let purposeWords = ["muc dich", "muc tieu", "yeu cau", "quan diem"]
    static let aimWords = ["muc dich", "muc tieu"]

    // MARK: - Tasks written as items with their assignment inline

    /// Makes a task of an item under a "Nhiệm vụ" heading whose own text, sub-items or the
    /// sentences right after them ("Giao …", "Văn phòng … chủ trì, …", "Thời gian: …") name a lead.
    /// The sub-items and those sentences become part of the task. Without a lead the item stays a
    /// statement, unless the plan writes its tasks as numbered paragraphs (`writesProseTasks`): a
    /// numbered paragraph there is a task whose lead is missing.
    private func startInlineTask(ref: String?, text: String, at i: Int, numbered: Bool) -> Bool {
        let offices = reference.offices
        var pieces = [text]
        var taken: [Int] = []
        let end = current.subtreeEnd > i ? current.subtreeEnd : i + 1
        // Sub-items that name no lead of their own belong to the task ("… bằng các hình thức:" then
        // "+ …" lines); one that names its own lead is a task of its own.
        if inlineAssignment(in: text) == nil {
            for j in (i + 1)..<min(end, units.count) {
                guard units[j].table == nil, !skip.contains(j),
                    inlineAssignment(in: units[j].body) == nil
                else { break }
                pieces.append(units[j].body)
                taken.append(j)
            }
        }
        // The paragraphs that close the task, when a line break put them apart: the rest of a text
        // cut in the middle of a sentence, the one that names the lead while none is named, the one
        // that gives the time while none is given.
        var next = (taken.last ?? i) + 1
        while next < units.count, !skip.contains(next), units[next].marker == nil, units[next].table == nil,
            !units[next].isHeading
        {
            let body = units[next].body
            // "Nhiệm vụ 2: …" after "… (Chủ trì: …; hoàn thành trong tháng 01/2027)": the next task.
            if LabelledTaskOpener.opensItem(body) { break }
            let joined = pieces.joined(separator: " ")
            let sofar = inlineAssignment(in: joined)
            let givesLead =
                sofar == nil && (body.hasPrefix("Giao ") || opensAssignment(body))
            let givesTime =
                sofar?.timeline == nil
                && (InlineAssignment.timeSentence(in: body)?.start == body.startIndex
                    || InlineAssignment.endsWithTimeLabel(joined))
            let continuesText = !TextShape.endsSentence(joined) && !FrontMatterParser.isCapitals(body)
            // "(Văn phòng … thực hiện, Quý I/2027)." on a paragraph of its own closes the task.
            let closingBracket =
                sofar == nil && closesWithAssignment(body) && TextShape.isParenthesised(bracketBody(body))
            guard givesLead || givesTime || continuesText || closingBracket else { break }
            pieces.append(body)
            taken.append(next)
            next += 1
        }
        var joined = pieces.joined(separator: " ")
        // Under "1. Quý I/2026": "… (Chủ trì: X). Sản phẩm: Y." gives its products, and every
        // lettered or bulleted item is a task, its time the heading's when it gives none.
        let headingTime =
            current.marker.map { [.letter, .bullet, .number, .numberPath].contains($0.style) } == true
            ? timeHeadingTime : nil
        var products: [String] = []
        if headingTime != nil, let split = ClosingProducts.split(joined) {
            joined = split.text
            products = split.products
        }
        var assignment: InlineAssignment
        if let assigned = inlineAssignment(in: joined) {
            assignment = assigned
        } else if numbered, writesProseTasks || isLabelledTask(at: i), !TextShape.isParenthesised(text) {
            assignment = InlineAssignment.readParagraph(joined, offices: offices)
        } else if let office = officeLead, current.marker != nil, !TextShape.isParenthesised(text) {
            // An item under "1. Văn phòng HĐND và UBND:": that office leads it.
            assignment = InlineAssignment.readParagraph(joined, offices: offices)
            if assignment.lead == nil { assignment.lead = office }
        } else if let marker = current.marker, marker.style == .bullet,
            writesListedTasks || marker.text.first.map(blockBulletMarkers.contains) == true,
            !TextShape.isParenthesised(text), !text.endsWithMark(":")
        {
            // Among bullets that close with their assignment, one without is a task whose lead is
            // missing; so is a bullet of the plan's task blocks without its field lines ("+ Số hóa
            // …" without the "=> Giao: …; t/g: …" line its siblings have).
            assignment = InlineAssignment.readParagraph(joined, offices: offices)
        } else if headingTime != nil, !TextShape.isParenthesised(text), !text.endsWithMark(":") || !taken.isEmpty {
            // "a) Tuyên truyền … gồm:" with its "- …" lines is one task.
            assignment = InlineAssignment.readParagraph(joined, offices: offices)
        } else if isLetteredWork(text) {
            // "b) Bố trí lại … (thường xuyên)." under "3. Cải cách tổ chức bộ máy": a task, its lead
            // and time those its bracket gives, if any.
            assignment = InlineAssignment.readParagraph(joined, offices: offices)
        } else {
            return false
        }
        if assignment.timeline == nil, let headingTime { assignment.timeline = headingTime }
        // "…; sản phẩm là Báo cáo đánh giá" in the assigning sentence.
        if products.isEmpty, let named = assignment.product { products = ProductList.split(named) }
        let sourceLines = ([current.lines] + taken.map { units[$0].lines }).flatMap { $0 }
        // "c) Công an phường chủ trì …" under "3. …" is task "3.c", as a lettered task block is.
        let lettered = current.marker?.style == .letter
        let taskRef = ref.map { lettered ? [numberedRef, $0].compactMap { $0 }.joined(separator: ".") : $0 }
        for j in taken {
            handled.insert(j)
            self.taken.insert(j)
        }
        plan.tasks.append(
            makeTask(
                ref: taskRef ?? nextUnnumberedTaskRef(), text: assignment.text, area: contextArea, group: contextGroup,
                leadText: assignment.lead, coordinatorsText: assignment.coordinators, products: products,
                supervisor: nil,
                timelineText: assignment.timeline, notes: [], lines: sourceLines))
        return true
    }

    /// A lettered item under a heading of the tasks section (an area's: "1. Cải cách thể chế") whose
    /// sentence opens with a verb of work (`plan-layout.yaml`, `workVerbs`) or closes with its time
    /// in brackets ("… (trong Quý III/2027)."): a task, with or without a lead and a time.
    private func isLetteredWork(_ text: String) -> Bool {
        guard current.marker?.style == .letter, stack.last.map({ !$0.isSection }) == true,
            !TextShape.isParenthesised(text)
        else { return false }
        return Self.opensWithWork(text, offices: reference.offices) || InlineAssignment.closingBracketTime(text) != nil
    }

    /// Whether a sentence opens with a verb of work (`workVerbs`): first, after a word of
    /// `workAdverbs` ("Tự đánh giá, chấm điểm …"), or after a body that does the work ("Các cơ
    /// quan, đơn vị đăng ký …": `OfficeDirectory.opensWithOffice`, the verb in lower case within its
    /// first ten words).
    static func opensWithWork(_ text: String, offices: OfficeDirectory) -> Bool {
        // Read once for all plans with the directory (`OfficeDirectory.SharedAnswers`): the whole
        // sentence was folded to read its first words, at every lettered item of every plan.
        offices.shared.workOpening(text) { readsOpeningWithWork(text, offices: offices) }
    }

    /// `opensWithWork` without the shared answers.
    static func readsOpeningWithWork(_ text: String, offices: OfficeDirectory) -> Bool {
        let key = text.foldedKey
        if workVerbKeys.contains(where: { key.hasWordPrefix($0) }) { return true }
        if let adverb = workAdverbKeys.first(where: { key.hasWordPrefix($0) }) {
            let rest = String(key.dropFirst(adverb.count).drop { $0 == " " })
            if workVerbKeys.contains(where: { rest.hasWordPrefix($0) }) { return true }
        }
        guard offices.opensWithOffice(text) else { return false }
        let opening = text.split(separator: " ").prefix(10).joined(separator: " ")
        return InlineAssignment.unknownLead(opening) != nil
    }

    private static let workVerbKeys = InlineAssignment.workVerbKeys
    private static let workAdverbKeys = (PlanLayout.standard.workAdverbs ?? []).map(PlanLayout.key)

    /// Whether a text closes with a bracket that names a lead or a time: "… (giao X, Quý II/2027).",
    /// "… (thường xuyên)".
    private func closesWithAssignment(_ text: String) -> Bool {
        guard contextKind == .tasks, bracketBody(text).endsWithMark(")") else { return false }
        return inlineAssignment(in: text) != nil || InlineAssignment.closingBracketTime(text) != nil
    }

    /// The text without the "." or ";" after its closing bracket.
    private func bracketBody(_ text: String) -> String {
        var body = text.trimmingBlanks
        while body.endsWithMark(".") || body.endsWithMark(";") { body.removeLast() }
        return body
    }

    /// The plan writes its tasks as numbered paragraphs that name their lead in a sentence ("1.2.
    /// … Văn phòng HĐND và UBND xã chủ trì. Thời gian: …"): at least two numbered items, with the
    /// paragraph after each, read as assigned tasks. There a numbered paragraph in a task section
    /// that names no lead is a task with its lead missing, not a statement.
    private lazy var writesProseTasks: Bool = {
        var found = 0
        for (i, unit) in units.enumerated() where !unit.isHeading {
            guard let style = unit.marker?.style, style == .number || style == .numberPath,
                TextShape.endsSentence(unit.body)
            else { continue }
            var text = unit.body
            if i + 1 < units.count, units[i + 1].marker == nil, units[i + 1].table == nil,
                opensAssignment(units[i + 1].body)
            {
                text += " " + units[i + 1].body
            }
            // A sentence names the lead, not a closing parenthesis of fields "(Chủ trì: …)".
            var closing = text
            while closing.endsWithMark(".") || closing.endsWithMark(";") { closing.removeLast() }
            guard !closing.endsWithMark(")"), inlineAssignment(in: text) != nil else {
                continue
            }
            found += 1
            if found >= 2 { return true }
        }
        return false
    }()

    /// The plan writes its tasks as labelled items ("Nhiệm vụ 1: … (Chủ trì: …; Quý I/2027)"): two
    /// of them or more name their lead. A labelled item without one is then a task whose lead is
    /// missing, never a statement or a heading.
    private lazy var writesLabelledTasks: Bool = {
        var found = 0
        for unit in units where !unit.isHeading && unit.marker == nil && unit.table == nil {
            guard let opener = LabelledTaskOpener.read(unit.body), inlineAssignment(in: opener.title) != nil else {
                continue
            }
            found += 1
            if found >= 2 { return true }
        }
        return false
    }()

    /// The plan writes its tasks as bullets that close with their assignment in parentheses ("- Rà
    /// soát … (Chủ trì: Phòng Kinh tế; Quý III/2026)."): at least three such bullets.
    private lazy var writesListedTasks: Bool = {
        var found = 0
        for unit in units where !unit.isHeading && unit.marker?.style == .bullet {
            var closing = unit.body
            while closing.endsWithMark(".") || closing.endsWithMark(";") { closing.removeLast() }
            guard closing.endsWithMark(")"), inlineAssignment(in: unit.body) != nil else {
                continue
            }
            found += 1
            if found >= 3 { return true }
        }
        return false
    }()

    /// Starts an office's duties. A line that gives the duties after the office's name and a colon is
    /// split there: the name is the heading, the rest the first duty (same line), so its themes count.
    private func startResponsibility(heading: String, at i: Int) {
        let split = reference.offices.splitLeadingOffice(heading)
        let name = split?.office ?? heading
        let office = resolve(name).named.first
        let duties = split.map { [Duty(text: $0.duty, line: current.line, endLine: current.endLine)] } ?? []
        plan.responsibilities.append(
            Responsibility(office: office, heading: name, line: current.line, duties: duties))
        responsibility = plan.responsibilities.count - 1
        if split == nil, !TextShape.hasAtMostWords(heading, 15) || TextShape.endsSentence(heading) {
            headingDuties[plan.responsibilities.count - 1] = Duty(
                text: heading, line: current.line, endLine: current.endLine)
        }
    }

    // MARK: - Answers kept by text

    func inlineAssignment(in text: String) -> InlineAssignment? {
        let key = HashedText(text)
        if let known = assignments[key] { return known }
        // `InlineAssignment.read`, asked by the key made here.
        let offices = reference.offices
        let found = offices.shared.assignment(key) { InlineAssignment.readText(text, offices: offices) }
        assignments[key] = .some(found)
        return found
    }

    private func opensAssignment(_ text: String) -> Bool {
        let key = HashedText(text)
        if let known = opensAssignments[key] { return known }
        // `InlineAssignment.opensAssignment`, asked by the key made here.
        let offices = reference.offices
        let opens = offices.shared.opensAssignment(key) { InlineAssignment.opensAssignmentText(text, offices: offices) }
        opensAssignments[key] = opens
        return opens
    }

    func resolve(_ text: String) -> OfficeDirectory.Resolution {
        let key = HashedText(text)
        if let known = resolutions[key] { return known }
        // `OfficeDirectory.resolve` of the text with the legend's short names written in full: the
        // same text, and so the same key, when the plan has no legend.
        let offices = reference.offices
        let expanded = legend.isEmpty ? text : legend.expanding(text)
        let resolution = offices.shared.resolution(legend.isEmpty ? key : HashedText(expanded)) {
            offices.resolveByNumbers(expanded)
        }
        resolutions[key] = resolution
        return resolution
    }

    /// `Taxonomy.area(forHeading:)`, kept for all plans read with the taxonomy (`HeadingAreas`).
    private func areaOfHeading(_ text: String) -> String? {
        headingAreas.area(forHeading: text, in: reference.taxonomy)
    }

    func readTimeline(_ text: String) -> Timeline {
        let key = HashedText(text)
        if let known = parsedTimelines[key] { return known }
        // Read once for all plans of the same years (`TextAnswers`): the parser reads nothing else.
        let parsed = Self.sharedTimelines.answer(
            TimelineKey(text: key, planYears: timelines.planYears), textLength: text.utf8.count
        ) { timelines.parse(text) }
        parsedTimelines[key] = parsed
        return parsed
    }

    /// A time field and the plan's years, the key of the timelines kept for all plans.
    struct TimelineKey: Hashable {
        let text: HashedText
        let planYears: YearRange?
    }

    private static let sharedTimelines = TextAnswers<TimelineKey, Timeline>()

    /// `OfficeDirectory.canonicalName`, from the kept resolution.
    private func canonicalName(_ text: String) -> String? {
        let r = resolve(text)
        return r.named.count == 1 && r.unknown.isEmpty ? r.named[0] : nil
    }

    // MARK: - Tasks written as blocks

    private func startTask(ref: String, text: String, at i: Int) {
        handled.insert(i)
        task = TaskDraft(ref: ref, text: text, lines: current.lines)
    }

    private func finishTask() {
        guard let draft = task else { return }
        task = nil
        // A label alone gives the task its ref; the statement after it is the text. Without one,
        // the label is the text (a task of field lines only).
        let title = draft.text.isEmpty ? draft.label?.text ?? "" : draft.text
        let lines = draft.text.isEmpty ? (draft.label?.lines ?? []) + draft.lines : draft.lines
        var text =
            draft.value(.statement).map { draft.text.isEmpty ? $0 : title + ": " + $0 } ?? title
        var lead = draft.value(.lead)
        // A start line beside the completion is a note and the time's start; alone, it is the time.
        let start = draft.value(.start)
        let completion = draft.value(.timeline)
        var notes = draft.value(.funding).map { ["Kinh phí: \($0)"] } ?? []
        notes += (completion == nil ? [] : draft.fieldNotes) + draft.notes
        var coordinators = draft.value(.coordinators)
        // "1.2. … Giám đốc Trung tâm … chịu trách nhiệm." then "Thời gian: …": the lead in a sentence.
        if lead == nil, let assignment = inlineAssignment(in: text) {
            text = assignment.text
            lead = assignment.lead
            coordinators = coordinators ?? assignment.coordinators
        }
        var task = makeTask(
            ref: draft.ref, text: text, area: contextArea, group: contextGroup,
            leadText: lead, coordinatorsText: coordinators,
            products: draft.products, supervisor: draft.value(.supervisor), timelineText: completion ?? start,
            notes: notes, lines: lines)
        if let start, completion != nil {
            task.timeline = task.timeline.map { TableDraft.starting($0, at: readTimeline(start)) }
        }
        plan.tasks.append(task)
    }

    /// Builds a task from its fields, with the diagnostics a reviewer wants to see.
    func makeTask(
        ref: String, text: String, area: String?, group: String?, leadText: String?, coordinatorsText: String?,
        products: [String], supervisor: String?, timelineText: String?, timeline given: Timeline? = nil,
        notes: [String], lines sourceLines: [Int]
    ) -> PlanTask {
        let line = sourceLines.min() ?? 0
        var lead = leadText.map(resolve) ?? OfficeDirectory.Resolution()
        if let leadText, lead.named.isEmpty, lead.unknown.isEmpty, !lead.generic {
            // A lead the office list does not know and that does not start like an office ("Ban
            // Chỉ huy Quân sự", "Sở Nội vụ") is kept as written and reported as unknown.
            let written = leadText.trimmingCharacters(in: OfficeDirectory.trimSet)
            if !written.isEmpty { lead.unknown = [written] }
        }
        let coordinators = coordinatorsText.map(resolve) ?? OfficeDirectory.Resolution()
        for unknown in lead.unknown + coordinators.unknown {
            diagnose(.unknownOffice, .warning, line, .unknownOffice, ref, unknown)
        }
        if leadText == nil {
            diagnose(.missingLead, .warning, line, .missingLead, ref)
        }
        var timeline: Timeline?
        if let given {
            // Read already (years marked in a table): its text is made, not written.
            timeline = given
        } else if let timelineText {
            let parsed = readTimeline(timelineText)
            if !parsed.hasSchedule && parsed.flags.isEmpty {
                diagnose(.unparsedTimeline, .note, line, .unparsedTimeline, ref, timelineText)
            }
            timeline = parsed
        } else {
            diagnose(.missingTimeline, .warning, line, .missingTimeline, ref)
        }
        if products.isEmpty {
            diagnose(.missingProduct, .note, line, .missingProduct, ref)
        }
        var task = PlanTask(
            ref: ref, text: text, area: area ?? Taxonomy.otherAreaID, group: group,
            lead: lead.named + lead.unknown, leadText: leadText, leadGeneric: lead.generic,
            coordinators: coordinators.named + coordinators.unknown, coordinatorsText: coordinatorsText,
            products: products, supervisor: supervisor.map { canonicalName($0) ?? $0 },
            timeline: timeline, line: line, endLine: sourceLines.max())
        task.notes = notes
        return task
    }

    func diagnose(
        _ code: Diagnostic.Code, _ severity: Diagnostic.Severity, _ line: Int, _ message: ReaderMessage,
        _ values: CustomStringConvertible...
    ) {
        plan.diagnostics.append(
            Diagnostic(
                code, severity, path: path, line: line,
                Localizer.fill(message.text.en, values.map(\.description))))
    }

    // MARK: - Tables

    /// Reads a table block: its header row(s) say what each column holds; its rows become tasks,
    /// targets or narrative items. A table whose header is not understood is read row by row as
    /// lines, unless it goes on a table just read (rows after a page break).
    private func handleTable(_ block: TableBlock, at index: Int) {
        handled.insert(index)
        var cellMap: [Int]?
        var headerRows = Array(block.rows.prefix(block.headerRowCount))
        var columns = TableColumns.detect(TableColumns.headerCells(headerRows.map(Self.columnCells)))
        if headerRows.count > 1, columns == nil || !columns!.holdsTasks && !columns!.holdsTargets,
            let first = TableColumns.detect(Self.columnCells(headerRows[0]))
        {
            // The rows under the first are not a second header row after all.
            columns = first
            headerRows = [headerRows[0]]
        }
        // "2026 | 2027 | … | 2030" under a merged "Thời gian thực hiện", given as the body's first row.
        if columns?.holdsTasks == true || columns?.holdsTargets == true, block.rows.count > headerRows.count,
            let withYears = Self.yearRowExtending(headerRows, with: block.rows[headerRows.count])
        {
            columns = withYears
            headerRows.append(block.rows[headerRows.count])
        }
        var rows = block.rows[...]
        if let columns {
            pendingAppendixTitle = false
            for row in headerRows {
                plan.tableHeaders.append(
                    SourceText(text: Self.rowText(row), line: row.span.line, endLine: nilIfSame(row.span)))
            }
            for repeated in block.repeatedHeaderSpans {
                plan.tableHeaders.append(
                    SourceText(
                        text: Self.rowText(headerRows.last!), line: repeated.line, endLine: nilIfSame(repeated)))
            }
            rows = rows.dropFirst(headerRows.count)
            if let open = table?.columns, open != columns, let map = Self.columnMap(from: columns, onto: open) {
                // The header repeated after a page break, its columns found otherwise on the new page:
                // the table goes on, and a first row without a number continues the last row.
                cellMap = map
            } else if table?.columns != columns {
                finishTask()
                finishTable()
                table = TableDraft(columns: columns)
            }
        }
        var headerBefore: TableRow?
        let width = block.columnCount
        if columns == nil, table == nil, let last = lastTaskTable, last.width >= 4, width == last.width,
            let first = block.rows.first, Self.opensWithNumber(first)
        {
            // One small table per area, the header only on the first: a table of the same columns whose
            // first row is numbered goes on with that header, past the area's heading between them.
            table = TableDraft(columns: last.columns)
        }
        if table != nil, table!.width == nil { table!.width = width }
        for row in rows {
            let raw = Self.columnCells(row)
            let cells = cellMap.map { Self.remap(raw, by: $0, width: table?.columns.headers.count ?? raw.count) } ?? raw
            if let columns = TableColumns.detect(raw),
                table.map({ Self.readsAsHeader(raw, columns, under: $0.columns) }) ?? true
            {
                // A header inside the block: a new table, or the same header again.
                plan.tableHeaders.append(
                    SourceText(text: Self.rowText(row), line: row.span.line, endLine: nilIfSame(row.span)))
                if table?.columns != columns {
                    finishTask()
                    finishTable()
                    table = TableDraft(columns: columns)
                }
                headerBefore = row
                continue
            }
            // The years under a header read inside the block: the header's second row. Under a
            // table that has year columns, such a row is that header's, repeated on a new page.
            let withYears = headerBefore.flatMap { header in
                table?.rows.isEmpty == true ? Self.yearRowExtending([header], with: row) : nil
            }
            let hasYears = table.map { !$0.columns.yearColumns.isEmpty || !$0.columns.targetYears.isEmpty } == true
            let hasQuarters = table.map { !$0.columns.quarterColumns.isEmpty } == true
            if withYears != nil || hasYears && YearMarkColumns.isYearRow(cells)
                || hasQuarters && QuarterMarkColumns.isQuarterRow(cells)
            {
                plan.tableHeaders.append(
                    SourceText(text: Self.rowText(row), line: row.span.line, endLine: nilIfSame(row.span)))
                if let withYears { table!.columns = withYears }
                headerBefore = nil
                continue
            }
            headerBefore = nil
            let spans = Self.spansTable(row, width: width)
            let titleAcross = Self.numberThenTitleAcross(row, width: width)
            let cellLines = cellMap == nil ? Self.columnLines(row) : []
            // The number and the task merged down over rows that each give an activity of their own
            // ("Nhiệm vụ | Hoạt động cụ thể"): the row is the task's next part, with its own lead and
            // time, not a cell's rest cut by a page break.
            let sibling =
                row.continuesPrevious && row.cells.first?.mergedFromAbove == true
                && table?.columns.index(of: .detail).map { !TableDraft.cell(cells, $0).isEmpty } == true
            if table == nil
                || !handleRow(
                    cells, lines: contentLines(row.span), text: Self.rowText(row), spansTable: spans,
                    titleAcross: titleAcross, cellLines: cellLines, sibling: sibling)
            {
                finishTable()
                let unit = OutlineUnit(
                    kind: .paragraph, body: Self.rowText(row), span: row.span, lines: contentLines(row.span),
                    subtreeEnd: index + 1)
                readingTableRow = true
                handleLine(unit, at: index, shape: Self.shape(of: unit))
                readingTableRow = false
            }
        }
    }

    /// Whether a row that `TableColumns.detect` reads as a header, inside the body of an open table,
    /// is one. Under a task table whose header names the lead or the time, a row of data is a task
    /// whatever its cells say ("Duy trì hoạt động … | Cả giai đoạn | … | Các đơn vị | Đạt chỉ tiêu
    /// được giao" names a task, a lead and a target column by chance): a header there holds column
    /// words only, every filled cell but one taking a role or standing for a year.
    static func readsAsHeader(_ cells: [String], _ columns: TableColumns, under open: TableColumns) -> Bool {
        let opensTasks = open.holdsTasks && (open.index(of: .lead) != nil || open.index(of: .timeline) != nil)
        guard opensTasks, columns != open else { return true }
        let unnamed = cells.indices.filter {
            !cells[$0].trimmingBlanks.isEmpty && columns.roles[$0] == nil && columns.yearColumns[$0] == nil
                && columns.quarterColumns[$0] == nil
        }
        return unnamed.count <= 1
    }

    /// Where each column of a header goes in the open table's columns, when the header is that table's
    /// repeated on a new page with its columns found otherwise (a PDF page whose lines part the
    /// columns at other places): the same roles, in the same order, for the cells that have words.
    /// A column whose header cell is empty goes to the nearest column with one, on its right if any.
    /// Nil when the headers differ.
    static func columnMap(from new: TableColumns, onto open: TableColumns) -> [Int]? {
        let named = { (columns: TableColumns) in
            columns.headers.indices.filter { !columns.headers[$0].trimmingBlanks.isEmpty }
        }
        let (newNamed, openNamed) = (named(new), named(open))
        guard new.holdsTasks || new.holdsTargets, new.yearColumns.isEmpty, open.yearColumns.isEmpty,
            newNamed.count == openNamed.count,
            zip(newNamed, openNamed).allSatisfy({ new.roles[$0] == open.roles[$1] })
        else { return nil }
        return new.headers.indices.map { i in
            if let k = newNamed.firstIndex(of: i) { return openNamed[k] }
            let right = newNamed.firstIndex { $0 > i } ?? newNamed.count - 1
            return openNamed[right]
        }
    }

    /// A row's cells moved to the open table's columns (`columnMap`); cells that land in one column
    /// are joined.
    static func remap(_ cells: [String], by map: [Int], width: Int) -> [String] {
        var out = Array(repeating: "", count: max(width, (map.max() ?? 0) + 1))
        for (i, cell) in cells.enumerated() where !cell.isEmpty {
            let j = i < map.count ? map[i] : out.count - 1
            out[j] = out[j].isEmpty ? cell : out[j] + " " + cell
        }
        return out
    }

    /// The columns of a task table's header with a row of years or quarters under it, when those are
    /// columns of marks (`YearMarkColumns`, `QuarterMarkColumns`), or of a targets table's, when they are its stages
    /// ("Mục tiêu phấn đấu" over "2026 | 2028 | 2030", `TargetYearColumns`); nil when the row is
    /// not such a row.
    static func yearRowExtending(_ header: [TableRow], with row: TableRow) -> TableColumns? {
        let cells = columnCells(row)
        guard
            YearMarkColumns.isYearRow(cells) || QuarterMarkColumns.isQuarterRow(cells)
                || RoleMatrixColumns.isOfficeRow(cells),
            let columns = TableColumns.detect(TableColumns.headerCells(header.map(columnCells) + [cells])),
            columns.holdsTasks
                && !(columns.yearColumns.isEmpty && columns.quarterColumns.isEmpty && columns.officeColumns.isEmpty)
                || columns.holdsTargets && !columns.targetYears.isEmpty
        else { return nil }
        return columns
    }

    /// A row's text by column: a merged cell's text in its first column and blanks under the rest;
    /// a cell merged from the row above left blank in a row that continues it.
    static func columnCells(_ row: TableRow) -> [String] {
        var cells: [String] = []
        for cell in row.cells {
            cells.append(row.continuesPrevious && cell.mergedFromAbove ? "" : cell.text)
            cells += Array(repeating: "", count: max(0, cell.columnSpan - 1))
        }
        return cells
    }

    /// `columnCells`' companion: each column's cell lines (`CellLines`), where the format gives several.
    static func columnLines(_ row: TableRow) -> [CellLines?] {
        var lines: [CellLines?] = []
        for cell in row.cells {
            lines.append(row.continuesPrevious && cell.mergedFromAbove ? nil : cell.lines)
            lines += Array(repeating: nil, count: max(0, cell.columnSpan - 1))
        }
        return lines
    }

    /// A task's statement from its task cell and, where the table has one, its detail cell ("Nhiệm vụ |
    /// Hoạt động cụ thể"): the task's name, then its work.
    static func statement(_ task: String, detail: String?) -> String {
        guard let detail, !detail.isEmpty else { return task }
        guard let last = task.last else { return detail }
        return task + (":.;".contains(last) ? " " : ": ") + detail
    }

    /// The row's filled cells, a space between (`cells.map(\.text).filter { !$0.isEmpty }
    /// .joined(separator: " ")`), made in one buffer without the lists between.
    static func rowText(_ row: TableRow) -> String {
        var length = 0
        for cell in row.cells { length += cell.text.utf8.count + 1 }
        var text = ""
        text.reserveCapacity(length)
        for cell in row.cells where !cell.text.isEmpty {
            if !text.isEmpty { text += " " }
            text += cell.text
        }
        return text
    }

    private func nilIfSame(_ span: SourceSpan) -> Int? { span.endLine == span.line ? nil : span.endLine }

    private func contentLines(_ span: SourceSpan) -> [Int] {
        OutlineUnit.lines(in: span, contentLines: contentLineNumbers)
    }

    /// Reads a body row into the open table; false when there is no table to put it in.
    private func handleRow(
        _ cells: [String], lines rowLines: [Int], text: String, spansTable: Bool = false, titleAcross: Bool = false,
        cellLines: [CellLines?] = [], sibling: Bool = false
    ) -> Bool {
        guard table != nil else { return false }
        let line = rowLines[0]
        let refCell = table!.columns.index(of: .ref).map { TableDraft.cell(cells, $0) } ?? ""
        let ref = refCell.trimmingCharacters(in: OfficeDirectory.trimSet)
        let nonEmpty = cells.enumerated().filter { !$0.element.isEmpty && $0.offset != table!.columns.index(of: .ref) }

        if nonEmpty.isEmpty && ref.isEmpty { return true }
        // "Cải cách thể chế" in an area column: the group of this row and the rows under it that
        // leave the cell empty (merged down in Word) or repeat it.
        if let column = table!.columns.index(of: .area) {
            let area = TableDraft.cell(cells, column).trimmingBlanks
            if let first = area.first, first.isLowercase, table!.areaCell != nil {
                // "điều hành" under "Công tác chỉ đạo,": the area's name wrapped onto the next line
                // (a PDF's rows); an area's name starts with a capital.
                extendGroup(with: area, endLine: rowLines.last)
            } else if !area.isEmpty, area.foldedKey != table!.areaCell?.foldedKey {
                table!.areaCell = area
                let title = Self.groupTitle(area)
                openGroup(ref: title?.ref, text: title?.title ?? area, line: line, endLine: rowLines.last)
            }
            if nonEmpty.allSatisfy({ $0.offset == column }) && ref.isEmpty { return true }
        }
        // "I. CÔNG TÁC CHỈ ĐẠO" in one cell across the row (or alone in its row): the numeral and
        // the title of a group written together.
        let filled = cells.filter { !$0.isEmpty }
        // "Kết quả/sản phẩm: Báo cáo" alone in a row under a task (merged across the table): the
        // product of the task above, neither a group nor a task; with nothing after the label, nothing.
        if filled.count == 1, !table!.rows.isEmpty, case .field(.products, let value) = LineShape.of(filled[0]) {
            table!.rows[table!.rows.count - 1].productRows += value.isEmpty ? [] : ProductList.split(value)
            table!.rows[table!.rows.count - 1].lines += rowLines
            return true
        }
        let single = filled.count == 1 ? Self.groupTitle(filled[0]) : nil
        if let single {
            openGroup(ref: single.ref, text: single.title, line: line, endLine: rowLines.last)
            return true
        }
        if filled.count == 1, let area = areaRow(filled[0], spansTable: spansTable) {
            openGroup(ref: area.ref, text: area.title, line: line, endLine: rowLines.last)
            return true
        }
        // "| | 7. Nâng cao chỉ số năng lực cạnh tranh … (DDCI) | | |": in a table whose rows carry their
        // numbers in a number column, a row without one whose only text opens with a number of its
        // own (a markdown table cannot merge the title across) is an area's row, not the rest of the
        // task above; the title is no sentence.
        if ref.isEmpty, table!.columns.index(of: .ref) != nil, filled.count == 1, let own = Self.cellNumber(filled[0]),
            !TextShape.endsSentence(own.text), TextShape.wordCount(own.text) <= 20
        {
            openGroup(ref: own.ref, text: own.text, line: line, endLine: rowLines.last)
            return true
        }
        // "1 | Công tác chỉ đạo, điều hành CCHC" with the title merged across every other column: a
        // group row, whichever column comes after the number. The merge says it; the title is no
        // sentence, and may be longer than a lone cell's ("Cải thiện môi trường đầu tư kinh doanh,
        // nâng cao Chỉ số DDCI").
        if titleAcross, filled.count == 2, !TextShape.endsSentence(filled[1]), TextShape.wordCount(filled[1]) <= 20 {
            openGroup(
                ref: filled[0].trimmingCharacters(in: OfficeDirectory.trimSet), text: filled[1], line: line,
                endLine: rowLines.last)
            return true
        }
        if !nonEmpty.isEmpty, RomanNumeral.value(ref) != nil || (ref.count == 1 && ref.first!.isUppercase) {
            openGroup(ref: ref, text: nonEmpty[0].element, line: line, endLine: rowLines.last)
            return true
        }
        let startsRow = table!.columns.index(of: .ref) != nil ? !ref.isEmpty : !table!.keyCell(cells).isEmpty
        if startsRow {
            table!.rows.append(
                TableDraft.Row(ref: ref, cells: cells, lines: rowLines, group: table!.group, cellLines: cellLines))
        } else if !table!.rows.isEmpty {
            // A row continued on the next page: its TT cell is empty.
            table!.rows[table!.rows.count - 1].merge(cells, lines: rowLines, cellLines: cellLines, separate: sibling)
        } else {
            plan.unclassified.append(SourceText(text: text, line: line, endLine: rowLines.last))
            diagnose(.orphanTableRow, .warning, line, .orphanTableRow)
        }
        return true
    }

    /// A group row: its title gives the area and phase of the rows under it.
    private func openGroup(ref: String?, text: String, line: Int, endLine: Int?) {
        let group = Group(
            text: text, area: areaOfHeading(text), phase: TextShape.yearRange(in: text))
        table!.group = group
        plan.headings.append(
            Heading(
                ref: ref, text: text, level: (stack.last?.heading.level ?? 0) + 1, kind: SectionKind.of(heading: text),
                area: group.area, line: line, endLine: endLine))
    }

    /// Adds the rest of an area's name to the group the area column opened last, and to its heading
    /// and the rows already in it.
    private func extendGroup(with words: String, endLine: Int?) {
        guard var group = table!.group, let index = plan.headings.lastIndex(where: { $0.text == group.text }) else {
            return
        }
        let old = group.text
        group.text += " " + words
        group.area = areaOfHeading(group.text)
        group.phase = TextShape.yearRange(in: group.text)
        table!.group = group
        table!.areaCell = (table!.areaCell ?? "") + " " + words
        plan.headings[index].text = group.text
        plan.headings[index].area = group.area
        plan.headings[index].kind = SectionKind.of(heading: group.text)
        if let endLine { plan.headings[index].endLine = max(plan.headings[index].endLine ?? endLine, endLine) }
        for row in table!.rows.indices where table!.rows[row].group?.text == old {
            table!.rows[row].group = group
        }
    }

    /// The only text of a row read as a group's numeral and title: "II. CẢI CÁCH THỂ CHẾ", "B -
    /// Giai đoạn 2028-2030" (a Roman numeral or a capital letter, then a short title that is not a
    /// sentence), or a title in capitals alone ("CẢI CÁCH TTHC"). A task written alone in its row
    /// ("Rà soát … trước 30/6.", "1. Rà soát …") is not a group.
    static func groupTitle(_ text: String) -> (ref: String?, title: String)? {
        let isTitle = { (title: String) in
            FrontMatterParser.isCapitals(title)
                || (!TextShape.endsSentence(title) && TextShape.wordCount(title) <= 12)
        }
        if let space = text.firstIndex(of: " ") {
            let numeral = String(text[..<space]).trimmingCharacters(in: Set(".:)-"))
            let title = String(text[space...]).trimmingCharacters(in: Set(" .:-–"))
            let isNumeral =
                RomanNumeral.value(numeral) != nil || (numeral.count == 1 && numeral.first!.isUppercase)
            if isNumeral, numeral.count < text[..<space].count || numeral.count > 1 || title.first?.isUppercase == true,
                !title.isEmpty, isTitle(title)
            {
                return (numeral, title)
            }
        }
        let words = TextShape.wordCount(text)
        return FrontMatterParser.isCapitals(text) && words >= 2 && words <= 15 && !TextShape.endsSentence(text)
            ? (nil, text) : nil
    }

    /// "1. Cải cách thể chế" alone in its row: an area's group row, not a task, when its one cell is
    /// merged across the whole table, or, with every other cell empty, when it opens with a number
    /// and names a reform area (`taxonomy.yaml` heading phrases). The title is short and no
    /// sentence. A task cell with its own number and an office or a year filled stays a task.
    private func areaRow(_ text: String, spansTable: Bool) -> (ref: String?, title: String)? {
        let numbered = Self.cellNumber(text)
        let title = numbered?.text ?? text
        guard !TextShape.endsSentence(title), TextShape.wordCount(title) <= 12 else { return nil }
        if spansTable { return (numbered?.ref, title) }
        guard let numbered, areaOfHeading(title) != nil else { return nil }
        return (numbered.ref, title)
    }

    /// Whether a row's first cell holds a task's number ("7", "7.", "2.3").
    static func opensWithNumber(_ row: TableRow) -> Bool {
        guard let cell = row.cells.first else { return false }
        let number = cell.text.trimmingCharacters(in: OfficeDirectory.trimSet)
        return !number.isEmpty && number.count <= 6 && number.allSatisfy { $0.isNumber || $0 == "." }
            && number.first!.isNumber
    }

    /// Whether a row holds a short number in its first cell and its only other text in one cell merged
    /// across all the other columns (two or more): "1 | Công tác chỉ đạo, điều hành CCHC".
    static func numberThenTitleAcross(_ row: TableRow, width: Int) -> Bool {
        guard width >= 3, row.cells.count == 2, row.cells[1].columnSpan >= width - 1 else { return false }
        let number = row.cells[0].text.trimmingCharacters(in: OfficeDirectory.trimSet)
        return (1...6).contains(number.count) && !row.cells[1].text.trimmingBlanks.isEmpty
            && (number.allSatisfy { $0.isNumber || $0 == "." } || RomanNumeral.value(number) != nil
                || (number.count == 1 && number.first!.isUppercase))
    }

    /// Whether a row's only text stands in one cell merged across the table (two columns or more).
    static func spansTable(_ row: TableRow, width: Int) -> Bool {
        // The one filled cell counted in place: a cell trimmed to empty is one of blanks only, and
        // the cells were copied and each trimmed into a new text.
        var filledSpan: Int?
        for cell in row.cells where !cell.text.unicodeScalars.allSatisfy(Blanks.isBlank) {
            guard filledSpan == nil else { return false }
            filledSpan = cell.columnSpan
        }
        return width >= 2 && (filledSpan ?? 0) >= width
    }

    /// `spansTable` as it was: the reference for the count in place.
    static func spansTableByFiltering(_ row: TableRow, width: Int) -> Bool {
        let filled = row.cells.filter { !$0.text.trimmingBlanks.isEmpty }
        return width >= 2 && filled.count == 1 && filled[0].columnSpan >= width
    }

    /// "1. Xây dựng …", "2) Rà soát …", "1.2. Triển khai …": the number a task cell opens with (a
    /// line's numbered marker, `LineShape.numbered`, with its "." or ")") and the words after it,
    /// which start with a letter; nil when the cell opens otherwise ("100% hồ sơ …", "1.5 triệu").
    static func cellNumber(_ text: String) -> (ref: String, text: String)? {
        guard let m = MarkerScan.firstMatch(LineShape.numbered, in: text, MarkerScan.numbered),
            let terminator = m[2], !terminator.isEmpty,
            let rest = m[3], rest.unicodeScalars.first?.properties.isAlphabetic == true
        else { return nil }
        return (m[1]!, rest.trimmingBlanks)
    }

    private func finishTable() {
        guard let draft = table else { return }
        table = nil
        let columns = draft.columns
        if columns.holdsTasks, let width = draft.width { lastTaskTable = (columns, width) }
        // Year columns of a targets table: a column of years already past, or named a result
        // ("Kết quả 2025" in a plan from 2026), holds results; a table of results only holds no
        // target, its rows are statements.
        let start = plan.period?.years.from
        let yearColumns = columns.targetYears.sorted { $0.key < $1.key }.map { column, years in
            let header = TableDraft.cell(columns.headers, column)
            let result = start.map { years.to < $0 } == true || targets.isResult(header, before: start)
            return (column: column, cell: TargetParser.YearCell(header: header, years: years, text: "", result: result))
        }
        let resultsOnly = !yearColumns.isEmpty && yearColumns.allSatisfy(\.cell.result)
        for (index, row) in draft.rows.enumerated() {
            let value = { (role: TableColumns.Role) -> String? in
                columns.index(of: role).map { TableDraft.cell(row.cells, $0) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            if columns.holdsTasks, let listed = listedTasks(of: row, at: index, in: draft) {
                // One row per area, its task cell listing several tasks.
                plan.tasks += listed
            } else if columns.holdsTasks {
                // "Phân công" | "Chủ trì: X<br>Phối hợp: Y": both roles in the lead column, by label
                // or by a mark after the lead ("X (chủ trì), Y").
                let roles = value(.lead).flatMap { AssignmentParts.labelledCell($0) ?? AssignmentParts.markedCell($0) }
                // Years marked under "2026 | 2027 | …" give the time when no column or label does;
                // so do quarters marked under "Quý I | … | Quý IV", read in the plan's year.
                // A start cell beside an empty completion cell ("Thường xuyên", "Theo hướng dẫn" in
                // "Bắt đầu | Hoàn thành") is the row's only time, as a start line alone is.
                let stated = value(.timeline) ?? draft.startAlone(of: row) ?? roles?.timeline
                let marked = stated == nil ? draft.markedYears(of: row) : []
                let timelineText = stated ?? QuarterMarkColumns.text(of: draft.markedQuarters(of: row))
                // Without a number column, a task cell may open with its own number ("1. Xây dựng
                // …", restarting per area): that is the row's number, not the task's words.
                var taskText = Self.statement(value(.task) ?? "", detail: value(.detail))
                // "… năm 2026" then "Sản phẩm: Kế hoạch" inside the task cell, the row giving no
                // product (or time) of its own: the labelled tail is that field, not the task's words.
                var cellProducts: [String] = []
                var cellTime: String?
                if let tail = TaskCellLabels.split(taskText),
                    tail.fields.allSatisfy({ $0.field == .products ? value(.products) == nil : stated == nil })
                {
                    taskText = tail.text
                    cellProducts = tail.fields.filter { $0.field == .products }.flatMap { ProductList.split($0.value) }
                    cellTime = tail.fields.first { $0.field == .timeline }?.value
                }
                let ownNumber = row.ref.isEmpty ? Self.cellNumber(taskText) : nil
                // "VP | VH-XH | CA" marked "PH | CT | …": the offices marked CT lead, PH take part.
                let matrix = draft.matrixRoles(of: row)
                let matrixLead = matrix.lead.isEmpty ? nil : matrix.lead.joined(separator: "; ")
                let matrixPartners = matrix.partners.isEmpty ? nil : matrix.partners.joined(separator: "; ")
                var task =
                    makeTask(
                        ref: ownNumber?.ref ?? (row.ref.isEmpty ? "\(index + 1)" : row.ref),
                        text: ownNumber?.text ?? taskText,
                        area: row.group?.area ?? contextArea, group: row.group?.text ?? contextGroup,
                        leadText: roles.map(\.lead) ?? value(.lead) ?? matrixLead,
                        coordinatorsText: value(.coordinators) ?? roles?.coordinators ?? matrixPartners,
                        products: (value(.products).map(ProductList.split) ?? cellProducts) + row.productRows
                            + draft.yearProducts(of: row),
                        supervisor: value(.supervisor),
                        timelineText: cellTime ?? timelineText, timeline: YearMarkColumns.timeline(of: marked),
                        notes: draft.otherCells(of: row), lines: row.lines)
                if let start = value(.start), draft.startAlone(of: row) == nil {
                    task.timeline = task.timeline.map { TableDraft.starting($0, at: readTimeline(start)) }
                }
                plan.tasks.append(task)
            } else if columns.holdsTargets, !yearColumns.isEmpty, !resultsOnly {
                // One stage per year cell with a figure; results beside them are kept as words.
                let cells = yearColumns.map { column, cell in
                    var cell = cell
                    cell.text = TableDraft.cell(row.cells, column)
                    return cell
                }
                let indicator = value(.target) ?? row.cells.joined(separator: " ")
                plan.targets += targets.stages(
                    indicator: indicator, cells: cells, unitCell: value(.unit),
                    phase: row.group?.phase ?? contextPhase, line: row.lines[0], endLine: row.lines.last
                ).map { stage in
                    var stage = stage
                    stage.lead = value(.lead)
                    return stage
                }
            } else if columns.holdsTargets, !resultsOnly {
                var target = targets.target(
                    text: value(.target) ?? row.cells.joined(separator: " "), unitCell: value(.unit),
                    valueCell: value(.value), phase: row.group?.phase ?? contextPhase, line: row.lines[0],
                    endLine: row.lines.last)
                target.lead = value(.lead)
                plan.targets.append(target)
            } else {
                if contextKind == .tasks {
                    plan.notUnderstood.append(
                        SourceText(
                            text: row.cells.filter { !$0.isEmpty }.joined(separator: " | "), line: row.lines[0],
                            endLine: row.lines.count > 1 ? row.lines.last : nil))
                }
                plan.narrative.append(
                    NarrativeItem(
                        ref: row.ref.isEmpty ? nil : row.ref,
                        text: row.cells.filter { !$0.isEmpty }.joined(separator: " | "),
                        section: contextKind, area: row.group?.area ?? contextArea,
                        heading: row.group?.text ?? stack.last?.heading.text,
                        line: row.lines[0], endLine: row.lines.last))
            }
        }
    }
}
