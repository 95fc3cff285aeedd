/// A review letter to one ward, in the parts of a công văn (Nghị định 30/2020/NĐ-CP): the issuing
/// body and number on the left, quốc hiệu and tiêu ngữ on the right, place and date, trích yếu,
/// "Kính gửi", the body (an opening, requests grouped by area, a closing with the reply date),
/// "Nơi nhận" and the signature block. Plain text values: the Word writer and the HTML report
/// lay them out.
public struct ReviewLetter: Hashable, Sendable {
    /// The ward's id in the comparison.
    public var ward: String
    /// ASCII file name without extension, from the ward's name ("phuong-ngoc-ha").
    public var fileStem: String
    /// The body above the sender ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"); nil when the plan names no province.
    public var superior: String?
    /// The issuing body ("SỞ NỘI VỤ").
    public var sender: String
    /// "Số:        /SNV-CCHC": the number is left to fill in.
    public var number: String
    /// Trích yếu: "V/v góp ý Kế hoạch cải cách hành chính … của UBND phường …".
    public var subject: String
    /// "Hà Nội, ngày 01 tháng 7 năm 2026".
    public var placeAndDate: String
    /// Who it is addressed to, after "Kính gửi: ".
    public var recipient: String
    public var opening: String
    public var groups: [RequestGroup]
    /// Said instead of requests when there are none.
    public var noRequests: String?
    public var closing: String
    /// Nơi nhận, one line each.
    public var copies: [String]
    public var signature: LetterTemplate.Signature
    /// The items the letter requests, in letter order (kind and id), for tests and the report.
    public var items: [LetterItem]

    public static let nationalMotto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public static let motto = "Độc lập - Tự do - Hạnh phúc"

    public struct RequestGroup: Hashable, Sendable {
        public var heading: String
        public var requests: [String]
    }

    /// The body's paragraphs in order: opening, each group's heading ("1. Về …") and its requests
    /// ("a) …"), the closing.
    public var bodyParagraphs: [String] {
        var out = [opening]
        for (g, group) in groups.enumerated() {
            out.append("\(g + 1). \(group.heading)")
            for (r, request) in group.requests.enumerated() {
                out.append("\(Self.pointLetter(r))) \(request)")
            }
        }
        if let noRequests { out.append(noRequests) }
        out.append(closing)
        return out
    }

    /// The whole letter as plain text, one paragraph a line: what the HTML report shows to copy.
    public var plainText: String {
        var lines: [String] = []
        if let superior { lines.append(superior) }
        lines += [
            sender, number, Self.nationalMotto, Self.motto, placeAndDate, subject, "", "Kính gửi: \(recipient)", "",
        ]
        lines += bodyParagraphs
        lines += ["", "Nơi nhận:"] + copies.map { "- \($0)" }
        lines += ["", signature.authority, signature.title]
        if !signature.name.isEmpty { lines.append(signature.name) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Points of a list as administrative texts letter them: a, b, c, d, đ, e, …
    static func pointLetter(_ index: Int) -> String {
        let letters = [
            "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
            "x", "y",
        ]
        return index < letters.count ? letters[index] : "\(index + 1)"
    }
}

/// One gap item a letter asks about.
public struct LetterItem: Hashable, Sendable {
    public var kind: GapItem.Kind
    public var id: String
    public var level: GapItem.Level
}
