/// A task cell that ends with labelled fields on lines of their own: "Ban hành Kế hoạch CCHC năm
/// 2026" then "Sản phẩm: Kế hoạch" (read as one text, "… năm 2026 Sản phẩm: Kế hoạch"), in a table
/// with no product column, or "Thời hạn: Quý II/2026" where no time column is filled.
///
/// A label counts where it starts with a capital, follows the statement's words and is a field
/// label of `plan-layout.yaml` for a product or a time: "… nâng cao kết quả: …" opens nothing.
enum TaskCellLabels {
    struct Split: Equatable {
        var text: String
        var fields: [(field: TaskField, value: String)]

        static func == (a: Split, b: Split) -> Bool {
            a.text == b.text && a.fields.map(\.field) == b.fields.map(\.field)
                && a.fields.map(\.value) == b.fields.map(\.value)
        }
    }

    /// The statement and the fields after it; nil when the cell has none.
    static func split(_ text: String) -> Split? {
        // A text without a ':' byte has no ':' character (no other scalar is one), so no label:
        // most cells are answered without walking their characters.
        guard SimpleText.contains(UInt8(ascii: ":"), in: text) else { return nil }
        var labels: [(start: String.Index, colon: String.Index, field: TaskField)] = []
        for colon in text.indices where text[colon] == ":" {
            guard let (start, field) = label(before: colon, in: text) else { continue }
            // Only after the statement: a label with nothing before it is a field line, not this.
            guard labels.isEmpty ? !text[..<start].trimmingBlanks.isEmpty : true else { continue }
            labels.append((start, colon, field))
        }
        guard let first = labels.first else { return nil }
        var fields: [(field: TaskField, value: String)] = []
        for (n, label) in labels.enumerated() {
            let end = n + 1 < labels.count ? labels[n + 1].start : text.endIndex
            let value = text[text.index(after: label.colon)..<end].trimmingBlanks
            if !value.isEmpty { fields.append((label.field, value)) }
        }
        guard !fields.isEmpty else { return nil }
        return Split(text: text[..<first.start].trimmingBlanks, fields: fields)
    }

    /// The label of one to four words right before `colon`, opening with a capital, that names a
    /// product or a time.
    private static func label(before colon: String.Index, in text: String) -> (String.Index, TaskField)? {
        var start = colon
        for _ in 1...4 {
            // Back over the spaces, then the word before them.
            var i = start
            while i > text.startIndex, text[text.index(before: i)] == " " { i = text.index(before: i) }
            guard i > text.startIndex else { return nil }
            while i > text.startIndex, text[text.index(before: i)] != " " { i = text.index(before: i) }
            start = i
            guard text[start].isUppercase else { continue }
            let words = String(text[start..<colon])
            if let field = TaskField(label: words), field == .products || field == .timeline { return (start, field) }
        }
        return nil
    }
}
