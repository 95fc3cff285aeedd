/// Signs that the tool did not read all of a plan's tasks. A theme the plan states with no task is
/// `stated` only if the tasks were read: on held-out plans whose task table was not read, nearly
/// every `stated` item was a task the tool missed. Under doubt such an item goes to an officer
/// (`review`) instead of a letter; `absent` items stay (nothing anywhere in the plan names them),
/// unless no task was read at all (a fresh14 reviewer), or many were read as fragments, cells of a
/// table the reader cut apart, or as field lines, the labels of task cards (fresh15 reviewers):
/// then "no task covers it" rests on nothing.
struct ReadingDoubt: Hashable, Sendable {
    /// Lines in a task section kept only as narrative (table rows or list items not understood).
    static let notUnderstoodLines = 5
    /// More non-blank lines per task than this: the task layout was most likely not read (plans
    /// read well hold 2–8 lines per task: a table row is one line, a prose task a few).
    static let linesPerTask = 20
    /// A task running over this many source lines has probably swallowed the tasks after it.
    static let longTaskLines = 25
    /// A task read with fewer words than this is a fragment (no plan's task is that short: on the
    /// held-out plans read well, none was; on a PDF table read apart, two in five).
    static let fragmentWords = 4
    /// Fragments among the tasks read, from this share (and at least `minFragments`), cast doubt.
    static let fragmentShare = 0.2
    static let minFragments = 3
    /// Words a field's value may run to after its label ("Đơn vị chủ trì Phòng Văn hóa - Xã hội").
    static let labelValueWords = 14

    /// In Vietnamese: what the doubt is, for the item's note.
    let reason: String
    /// The tasks as read cannot show that no task covers a theme: none was read, or many were read
    /// as fragments or as field lines.
    var absentUnproven = false

    /// The doubt about `plan`'s tasks, or nil when they look read.
    static func of(_ plan: Plan) -> ReadingDoubt? {
        of(plan, foldedTexts: plan.tasks.map(\.text.foldedKey))
    }

    /// `of(plan)`, given the folded key of each task's text (`FoldedKey.of`), in task order.
    static func of(_ plan: Plan, foldedTexts: [String]) -> ReadingDoubt? {
        precondition(foldedTexts.count == plan.tasks.count, "one folded text a task")
        let labels = plan.tasks.indices.filter { Self.readsAsLabel(key: foldedTexts[$0]) }.map { plan.tasks[$0] }
        if labels.count >= 2, labels.count * 2 >= plan.tasks.count {
            let shown = labels[0].text.prefix(40)
            return ReadingDoubt(
                reason: "\(labels.count)/\(plan.tasks.count) nhiệm vụ công cụ đọc được chỉ là dòng ghi đơn vị,"
                    + " thời gian hoặc sản phẩm (\"\(shown)\", dòng \(labels[0].line))",
                absentUnproven: true)
        }
        // Counted on the bytes (`SimpleText.wordCount`): splitting every task's text by characters
        // was 6 % of a warm `compare` (perf17).
        let fragments = plan.tasks.indices.filter {
            SimpleText.wordCount(plan.tasks[$0].text, limit: fragmentWords) < fragmentWords
        }.map { plan.tasks[$0] }
        let fragmented =
            fragments.count >= minFragments && Double(fragments.count) >= fragmentShare * Double(plan.tasks.count)
        if fragmented {
            return ReadingDoubt(
                reason: "\(fragments.count) trong \(plan.tasks.count) nhiệm vụ công cụ đọc được chỉ có vài chữ"
                    + " (\(Self.lines(fragments.map(\.line))))",
                absentUnproven: true)
        }
        let unread = plan.notUnderstood.reduce(0) { $0 + ($1.endLine ?? $1.line) - $1.line + 1 }
        if unread >= notUnderstoodLines {
            return ReadingDoubt(
                reason: "phần nhiệm vụ có \(unread) dòng công cụ chưa đọc được thành nhiệm vụ"
                    + " (\(Self.lines(plan.notUnderstood.map(\.line))))",
                absentUnproven: plan.tasks.isEmpty)
        }
        let lines = plan.source.nonBlankLines
        if lines > linesPerTask * max(plan.tasks.count, 1) {
            return ReadingDoubt(
                reason: "công cụ chỉ đọc được \(plan.tasks.count) nhiệm vụ trong \(lines) dòng của kế hoạch",
                absentUnproven: plan.tasks.isEmpty)
        }
        if let long = plan.tasks.first(where: { ($0.endLine ?? $0.line) - $0.line + 1 >= longTaskLines }) {
            let name = long.ref.isEmpty ? "dòng \(long.line)" : "\(long.ref) (dòng \(long.line))"
            return ReadingDoubt(
                reason: "nhiệm vụ \(name) dài \((long.endLine ?? long.line) - long.line + 1) dòng,"
                    + " có thể gồm nhiều nhiệm vụ công cụ chưa tách được")
        }
        return nil
    }

    /// Whether a task's text is a field line and nothing else: it opens with a field label of two
    /// words or more (`TaskField`, "Đơn vị chủ trì", "Thời gian hoàn thành"; not one that opens
    /// work as well, "Phối hợp với … tổ chức …") and its value is short. A task's work never opens so.
    static func readsAsLabel(_ text: String) -> Bool {
        // Folded once: `TaskField(label:)` would fold the text again (perf19).
        readsAsLabel(key: text.foldedKey)
    }

    /// `readsAsLabel(_:)` of a text whose folded key (`FoldedKey.of`) is `key`.
    static func readsAsLabel(key: String) -> Bool {
        guard TaskField(labelKey: key) != nil,
            let label = TaskField.labels.first(where: { $0.key.contains(" ") && key.hasWordPrefix($0.key) }),
            !workKeys.contains(where: { label.key.hasWordPrefix($0) })
        else { return false }
        return key.split(separator: " ").count - label.key.split(separator: " ").count <= labelValueWords
    }

    private static let workKeys = (PlanLayout.standard.workVerbs ?? []).map(PlanLayout.key)

    /// The note of a `stated` item sent to review under this doubt. It does not say "chưa cụ thể hóa
    /// thành nhiệm vụ": under doubt that is the claim not made (a fresh13 reviewer found it misleading).
    var note: String {
        "Kế hoạch có nêu; công cụ chưa đọc hết các nhiệm vụ (\(reason)) nên có thể kế hoạch đã có nhiệm vụ"
            + " — cần cán bộ xem lại trước khi đề nghị"
    }

    /// The note of an `absent` item sent to review because the tasks were not read (`absentUnproven`).
    var absentNote: String {
        "Chưa thấy trong kế hoạch; công cụ chưa đọc được các nhiệm vụ (\(reason)) nên chưa thể kết luận"
            + " — cần cán bộ xem lại trước khi đề nghị"
    }

    /// "dòng 12, 13, 20 và 30 chỗ khác" (a place may span several lines).
    private static func lines(_ lines: [Int]) -> String {
        let shown = lines.prefix(3).map(String.init).joined(separator: ", ")
        return "dòng \(shown)" + (lines.count > 3 ? " và \(lines.count - 3) chỗ khác" : "")
    }
}
