/// A plan diff as lines to read in a terminal (Vietnamese, as the plans are): removed tasks (−),
/// added (+), changed (~), targets, each with its lines in the old and the new version.
public enum PlanDiffText {
    public static func render(_ diff: PlanDiff) -> String {
        var lines: [String] = []
        func version(_ v: PlanDiff.Version) -> String {
            let number = v.number.map { "số \($0)" } ?? "không ghi số"
            let date = v.issuedOn.map { "ngày \($0.day)/\($0.month)/\($0.year)" } ?? v.issuedText ?? "không ghi ngày"
            return "\(v.source) (\(number), \(date))"
        }
        func short(_ text: String) -> String { text.count > 90 ? String(text.prefix(89)) + "…" : text }
        lines.append("Bản trước: " + version(diff.old))
        lines.append("Bản mới:   " + version(diff.new))
        if diff.isEmpty { lines.append("Không có thay đổi về nhiệm vụ và chỉ tiêu.") }
        for t in diff.removed { lines.append("− Bỏ nhiệm vụ \(t.ref) (dòng \(t.line) bản trước): \(short(t.text))") }
        for t in diff.added { lines.append("+ Thêm nhiệm vụ \(t.ref) (dòng \(t.line) bản mới): \(short(t.text))") }
        let names = ["text": "nội dung", "lead": "chủ trì", "time": "thời gian", "products": "sản phẩm"]
        for c in diff.changed {
            lines.append("~ Nhiệm vụ \(c.new.ref) (dòng \(c.old.line) → \(c.new.line)): \(short(c.new.text))")
            for f in c.fields {
                lines.append(
                    "    \(names[f.field] ?? f.field): «\(f.old.map(short) ?? "")» → «\(f.new.map(short) ?? "")»")
            }
        }
        let words: [PlanDiff.TargetChange.Change: String] = [
            .raised: "nâng", .lowered: "hạ", .added: "thêm", .removed: "bỏ", .changed: "sửa",
        ]
        for t in diff.targets {
            let placesText = [t.oldLine.map { "dòng \($0) bản trước" }, t.newLine.map { "dòng \($0) bản mới" }]
                .compactMap { $0 }.joined(separator: ", ")
            lines.append("* Chỉ tiêu (\(words[t.change]!), \(placesText)): \(short(t.newText ?? t.oldText ?? ""))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
