/// The words a plan lays itself out with, from `plan-layout.yaml`: table column roles, task
/// field labels and the title words that make a document a plan.
struct PlanLayout: Sendable, Decodable {
    struct Column: Sendable, Decodable {
        var role: TableColumns.Role
        var phrases: [String]
        /// Short words that take a column only as the whole cell or its last words, the words
        /// under a merged cell ("Thời gian thực hiện" over "Từ | Đến"): "từ" alone would match
        /// "tư", "tự" once folded.
        var alone: [String]?
    }

    struct Field: Sendable, Decodable {
        var field: TaskField
        var labels: [String]
        /// Labels that name the field only as the whole label: "Kết quả:" is a product, "Kết quả
        /// đạt được năm 2025:" opens a sentence.
        var wholeLabels: [String]?
    }

    struct Titles: Sendable, Decodable {
        var documentKinds: [String]
        var subjects: [String]
    }

    /// Words that open a legal-basis paragraph: "Căn cứ" always, "Thực hiện" only before a document.
    /// Their folded keys are made when the words are set (`LegalBasisParser` asks of every paragraph
    /// of the front matter and every wrapped line, and folding the openers each time cost more than
    /// the look).
    struct BasisOpeners: Sendable, Decodable, Equatable {
        var always: [String] { didSet { alwaysKeys = always.map(\.foldedKey) } }
        var beforeDocument: [String] { didSet { beforeDocumentKeys = beforeDocument.map(\.foldedKey) } }
        private(set) var alwaysKeys: [String]
        private(set) var beforeDocumentKeys: [String]

        init(always: [String], beforeDocument: [String]) {
            self.always = always
            self.beforeDocument = beforeDocument
            alwaysKeys = always.map(\.foldedKey)
            beforeDocumentKeys = beforeDocument.map(\.foldedKey)
        }

        private enum CodingKeys: String, CodingKey { case always, beforeDocument }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                always: try container.decode([String].self, forKey: .always),
                beforeDocument: try container.decode([String].self, forKey: .beforeDocument))
        }
    }

    /// The words of a task paragraph that names its lead in a sentence: "Văn phòng HĐND và UBND xã
    /// chủ trì", "Giám đốc Trung tâm … chịu trách nhiệm".
    struct Assignment: Sendable, Decodable {
        /// Verbs that make the office before them the task's lead.
        var leadVerbs: [String]
        /// Titles a lead may open with, before the office's name.
        var leadTitles: [String]
        /// Words of the place that may follow an office's name ("Công an xã").
        var placeWords: [String]
        /// First words of a body that may lead a task though the office list lacks it.
        var bodyNames: [String]
        /// Words that end the partners after "phối hợp (với)": a purpose ("để", "nhằm") or a verb
        /// that opens a new clause, as written in lower case (`InlineAssignment.partnersEnd`).
        var partnerEnds: [String]
        /// Verbs that make the office before them the lead inside a closing bracket only ("(Văn
        /// phòng … tham mưu, Quý II/2027)"), besides `leadVerbs` (`BracketAssignment`).
        var bracketVerbs: [String]?
        /// Words that refer back to the task before "giao" opens an assigning sentence: "Việc này
        /// giao Phòng … chủ trì".
        var assignOpeners: [String]?
        /// Times that follow an acting verb at the end of an assigning sentence: "… thực hiện cả năm
        /// 2027", "… thực hiện theo hướng dẫn của …", "… thực hiện đúng thời hạn quy định".
        var timesAfterVerb: [String]?
        /// Verbs of a body that follows the work up rather than doing it ("…; Phòng X theo dõi"):
        /// such a body is not the lead.
        var followUpVerbs: [String]?
    }

    var version: Int
    var tableColumns: [Column]
    var taskFields: [Field]
    var statementLabels: [String]
    /// Words that open a task block before its number: "Nhiệm vụ 3: …" (`LabelledTaskOpener`).
    var taskOpeners: [String]
    /// Words that open a target before its number: "Chỉ tiêu 2: …" (`LabelledTaskOpener.opensItem`).
    var targetOpeners: [String]?
    /// Words that open the time part of an assignment (`AssignmentParts`).
    var timeOpeners: [String]
    var planTitles: Titles
    var basisOpeners: BasisOpeners
    var assignment: Assignment
    /// What a cell under a year column holds when the task runs that year ("x", "✓", "•";
    /// `YearMarkColumns`).
    var yearMarks: [String]?
    /// Words a task's sentence opens with ("Rà soát", "Xây dựng"): a lettered item of a tasks
    /// section that opens with one is work, a task even when it names no lead or time.
    var workVerbs: [String]?
    /// Words that may stand before a verb of work: "Tự đánh giá …", "Chủ động rà soát …".
    var workAdverbs: [String]?
    /// Marks that open a task's assignment on a line of its own: "→ VP chủ trì; Quý II" (`LineShape`).
    var assignmentArrows: [String]?
    /// Labels of a plan's list of abbreviations: "Ghi chú viết tắt: …" (`AbbreviationLegend`).
    var abbreviationLabels: [String]?
    /// Labels of a note that is a legend only when it explains two short names or more ("Ghi chú:
    /// CT: chủ trì; … VP: Văn phòng …"; `AbbreviationLegend`).
    var abbreviationNoteLabels: [String]?
    /// The marks of a role matrix's cells: the lead's ("CT") and the partners' ("PH", "x";
    /// `RoleMatrixColumns`).
    var roleMarks: RoleMarks?

    struct RoleMarks: Sendable, Decodable {
        var lead: [String]
        var coordinators: [String]
    }

    /// The shipped file. Its validity is checked by the tests, so a failure here is a bug.
    static let standard: PlanLayout = {
        do {
            return try ReferenceData.load(PlanLayout.self, resource: "plan-layout")
        } catch {
            fatalError("the shipped plan-layout.yaml does not load: \(error)")
        }
    }()

    /// Header phrases as folded keys, in file order.
    /// `alone` marks a phrase that must be the whole cell or end it (`Column.alone`).
    var columnKeys: [(key: String, role: TableColumns.Role, alone: Bool)] {
        tableColumns.flatMap { column in
            column.phrases.map { (Self.key($0), column.role, false) }
                + (column.alone ?? []).map { (Self.key($0), column.role, true) }
        }
    }

    /// Label keys in file order; `whole` marks a label that must be the whole label (`wholeLabels`).
    var fieldKeys: [(key: String, field: TaskField, whole: Bool)] {
        taskFields.flatMap { entry in
            entry.labels.map { (Self.key($0), entry.field, false) }
                + (entry.wholeLabels ?? []).map { (Self.key($0), entry.field, true) }
        }
    }

    /// Whether `text` names a plan: a kind of document and a reform subject.
    func namesPlan(_ text: String) -> Bool { namesKind(text) && namesSubject(text) }

    func namesKind(_ text: String) -> Bool {
        let key = text.foldedKey
        return planTitles.documentKinds.contains { key.containsWords(Self.key($0)) }
    }

    func namesSubject(_ text: String) -> Bool {
        let key = text.foldedKey
        return planTitles.subjects.contains { key.containsWords(Self.key($0)) }
    }

    static func key(_ phrase: String) -> String { phrase.foldedKey }
}
