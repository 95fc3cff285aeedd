/// A task table laid out one row per reform area ("TT | Lĩnh vực | Nhiệm vụ | Đơn vị chủ trì |
/// Thời gian"), whose task cell lists several tasks, one "- " item each, and whose lead and time
/// cells hold one value per task in the same order, or nothing when each item names its own
/// ("… (Chủ trì: …; Thời gian: …)"). Each item is a task of its own; a value is given to an item
/// only when the cell's values can be matched to the items one for one, never guessed.
enum ListedTaskCell {
    /// The items a task cell lists, without their bullets; nil when the cell is one task: fewer
    /// than two items, or words before the first one (a task over its steps: "Tổ chức hội nghị
    /// đối thoại, gồm:" then "- Xây dựng kế hoạch", "- Tổng hợp ý kiến"). The first item's bullet
    /// opens each item; a line with another ("+ …") or none goes on the item above it. On a
    /// printed line, an item starts with a capital after its bullet, and not inside the bracket
    /// the item above left open: "- xã hội", "(Chủ trì: Phòng Văn hóa" + "- Xã hội; …)" are where
    /// the page wrapped "Văn hóa - Xã hội".
    static func items(_ lines: CellLines?) -> [String]? {
        guard let lines else { return nil }
        var printed = false
        if case .printed = lines { printed = true }
        var items: [String] = []
        var bullet: Character?
        for raw in lines.lines {
            let line = raw.trimmingBlanks
            guard let first = line.first else { continue }
            let rest = line.dropFirst().trimmingBlanks
            let opens =
                bullets.contains(first) && line.dropFirst().first == " " && (bullet == nil || first == bullet)
                && (!printed || rest.first?.isUppercase == true && !(items.last.map(leavesBracketOpen) ?? false))
            if opens {
                bullet = first
                items.append(rest)
            } else if items.isEmpty {
                return nil
            } else {
                items[items.count - 1] += " " + line
            }
        }
        return items.count >= 2 ? items : nil
    }

    static let bullets: Set<Character> = ["-", "–", "•", "+"]

    private static func leavesBracketOpen(_ text: String) -> Bool {
        text.filter { $0 == "(" }.count > text.filter { $0 == ")" }.count
    }

    /// One value per item from a cell beside the list, nil where the cell leaves an item's value
    /// out; nil as a whole when the cell's values cannot be matched to the items.
    ///
    /// - An empty cell gives no value to any item.
    /// - Paragraphs (a format that keeps them) match when there are as many as items, an empty
    ///   one being a value left out (empty paragraphs after the last item's are dropped).
    /// - Printed lines (a PDF) match when exactly one way of cutting them into as many runs as
    ///   items makes every run a whole value (`isValue`), no run ending on a connector ("Văn phòng
    ///   HĐND và", "Phòng Kinh tế,") or starting in lower case. A value left out leaves no line,
    ///   so a cut that fits may still be wrong: hence one way only, and whole values only.
    /// - One paragraph for several items matches none: which item it is for is not written.
    static func values(
        _ text: String, lines: CellLines?, count: Int, isValue: (String) -> Bool
    ) -> [String?]? {
        if text.trimmingBlanks.isEmpty { return Array(repeating: nil, count: count) }
        switch lines {
        case nil:
            return nil
        case .paragraphs(let paragraphs):
            var values = paragraphs.map(\.trimmingBlanks)
            while values.count > count, values.last?.isEmpty == true { values.removeLast() }
            return values.count == count ? values.map { $0.isEmpty ? nil : $0 } : nil
        case .printed(let printed):
            return cut(printed.map(\.trimmingBlanks).filter { !$0.isEmpty }, into: count, isValue: isValue)
        }
    }

    /// The only way of cutting `lines` into `count` runs of whole values, joined as the page
    /// wrapped them; nil when there is none or more than one.
    static func cut(_ lines: [String], into count: Int, isValue: (String) -> Bool) -> [String?]? {
        let n = lines.count
        guard count >= 1, n >= count, n <= 60 else { return nil }
        // whole[i][j]: lines i..<j form one value.
        var whole = Array(repeating: Array(repeating: false, count: n + 1), count: n)
        for i in 0..<n {
            for j in (i + 1)...n {
                let run = PDFTextLine.join(Array(lines[i..<j]))
                whole[i][j] = !startsInLowerCase(run) && !endsOnConnector(run) && isValue(run)
            }
        }
        // ways[k][i]: the ways (0, 1, or 2 for "more") to cut lines i..<n into k runs.
        var ways = Array(repeating: Array(repeating: 0, count: n + 1), count: count + 1)
        ways[0][n] = 1
        for k in 1...count {
            for i in stride(from: n - 1, through: 0, by: -1) {
                var total = 0
                for j in (i + 1)...n where whole[i][j] { total = min(2, total + ways[k - 1][j]) }
                ways[k][i] = total
            }
        }
        guard ways[count][0] == 1 else { return nil }
        var values: [String?] = []
        var i = 0
        for k in stride(from: count, to: 0, by: -1) {
            guard let j = ((i + 1)...n).first(where: { whole[i][$0] && ways[k - 1][$0] == 1 }) else { return nil }
            values.append(PDFTextLine.join(Array(lines[i..<j])))
            i = j
        }
        return values
    }

    private static func startsInLowerCase(_ text: String) -> Bool {
        text.first.map { $0.isLetter && $0.isLowercase } ?? true
    }

    private static func endsOnConnector(_ text: String) -> Bool {
        let t = text.trimmingBlanks
        if let last = t.last, [",", ";", "-", "–", "/", "(", "&"].contains(last) { return true }
        let key = t.foldedKey
        return key.hasSuffix(" va") || key.hasSuffix(" voi") || key.hasSuffix(" quy") || key.hasSuffix(" thang")
    }
}
