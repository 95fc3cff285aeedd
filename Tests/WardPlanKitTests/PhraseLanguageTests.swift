import Foundation
import Testing

@testable import WardPlanKit

/// The phrase language (choices, optional groups, gaps), the contexts that cancel a phrase, the
/// words a phrase needs, and the rule that products never make a theme, each on a small taxonomy
/// and sentences written by hand.
@Suite("Phrase language and contexts")
struct PhraseLanguageTests {
    /// A taxonomy of the given themes and contexts (YAML list items), with two abbreviations.
    static func taxonomy(themes: String, contexts: String = "") throws -> Taxonomy {
        let text = """
            version: "t"
            reviewed: 2026-12-01
            abbreviations:
              - { short: "CCHC", long: "cải cách hành chính" }
              - { short: "KSTTHC", long: "kiểm soát thủ tục hành chính" }
            \(contexts.isEmpty ? "" : "contexts:\n" + contexts)
            areas:
              - { id: direction, vi: "Chỉ đạo", en: "Direction" }
              - { id: other, vi: "Khác", en: "Other" }
            themes:
            \(themes)
            """
        return try TaxonomyFile(path: "t.yaml", text: text).taxonomy
    }

    static func theme(_ id: String, _ phrases: String) -> String {
        """
          - id: \(id)
            area: direction
            vi: "\(id)"
            en: "\(id)"
            phrases: \(phrases)

        """
    }

    static func ids(_ classifier: PlanClassifier, _ sentence: String) -> [String] {
        classifier.themes(in: sentence).map(\.id)
    }

    @Test func choicesAndOptionalGroupsSpellOutEveryWording() throws {
        let pattern = try PhrasePattern("kiểm tra {công tác} {CCHC|KSTTHC}")
        #expect(
            pattern.parts == [
                ["kiểm tra công tác CCHC", "kiểm tra công tác KSTTHC", "kiểm tra CCHC", "kiểm tra KSTTHC"]
            ])
        #expect(try PhrasePattern("{các|} quy định").parts == [["các quy định", "quy định"]])
        #expect(try PhrasePattern("a ... b … c").parts == [["a"], ["b"], ["c"]])

        let classifier = PlanClassifier(
            taxonomy: try Self.taxonomy(themes: Self.theme("inspection", "[\"kiểm tra {công tác} {CCHC|KSTTHC}\"]")))
        #expect(Self.ids(classifier, "Kiểm tra CCHC tại các thôn.") == ["inspection"])
        #expect(Self.ids(classifier, "Thành lập đoàn kiểm tra công tác KSTTHC.") == ["inspection"])
        // Abbreviations still apply to each spelling.
        #expect(Self.ids(classifier, "Kiểm tra công tác cải cách hành chính năm 2027.") == ["inspection"])
        #expect(Self.ids(classifier, "Kiểm tra công tác kiểm soát thủ tục hành chính.") == ["inspection"])
        #expect(Self.ids(classifier, "Kiểm tra công tác thi đua, khen thưởng.").isEmpty)
    }

    @Test func aGapHoldsUpToThreeWordsInOrder() throws {
        let classifier = PlanClassifier(
            taxonomy: try Self.taxonomy(
                themes: Self.theme("clean-up", "[\"{xử lý|bãi bỏ} … văn bản … không còn phù hợp\"]")
                    + Self.theme("documents", "[\"văn bản\"]")))
        let found = classifier.themes(in: "Xử lý các văn bản không còn phù hợp.")
        #expect(found.map(\.id).contains("clean-up"))
        #expect(found.first { $0.id == "clean-up" }?.evidence.first?.matched == "Xử lý các văn bản không còn phù hợp")
        // A phrase with a gap shadows nothing: "văn bản" inside it still counts for its own theme.
        #expect(found.map(\.id).contains("documents"))
        #expect(
            Self.ids(classifier, "Bãi bỏ kịp thời những văn bản đã ban hành không còn phù hợp.").contains("clean-up"))
        // Four words in a gap are too many; the parts must come in order.
        #expect(
            !Self.ids(classifier, "Xử lý hồ sơ tồn đọng của năm trước, văn bản không còn phù hợp.").contains("clean-up")
        )
        #expect(!Self.ids(classifier, "Văn bản không còn phù hợp thì xử lý.").contains("clean-up"))
    }

    static let channel = """
          - id: channel
            kind: span
            vi: "Kênh"
            phrases: ["{trên|qua} Cổng Dịch vụ công quốc gia"]

        """

    @Test func aPortalNamedAsTheChannelIsNotTheTheme() throws {
        let classifier = PlanClassifier(
            taxonomy: try Self.taxonomy(
                themes: Self.theme("online", "[\"dịch vụ công trực tuyến\", \"Cổng Dịch vụ công quốc gia\"]"),
                contexts: Self.channel))
        #expect(Self.ids(classifier, "Cập nhật tiến độ hồ sơ trên Cổng Dịch vụ công quốc gia.").isEmpty)
        #expect(Self.ids(classifier, "Tích hợp thủ tục của xã với Cổng Dịch vụ công quốc gia.") == ["online"])
        let both = classifier.themes(in: "Cung cấp dịch vụ công trực tuyến qua Cổng Dịch vụ công quốc gia.")
        #expect(both.first?.evidence.map(\.matched) == ["dịch vụ công trực tuyến"])
    }

    static let purpose = """
          - id: purpose
            kind: clause
            vi: "Mục đích"
            toned: true
            keepWhenAlone: true
            phrases: ["nhằm"]
          - id: purpose-after-break
            kind: clause
            vi: "Mục đích sau dấu phẩy"
            toned: true
            afterBreak: true
            phrases: ["để"]

        """

    static let twoThemes =
        Self.theme("communication", "[\"tuyên truyền CCHC\"]") + Self.theme("portal", "[\"trang thông tin điện tử\"]")

    @Test func aPurposeClauseIsNotTheTasksTheme() throws {
        let classifier = PlanClassifier(taxonomy: try Self.taxonomy(themes: Self.twoThemes, contexts: Self.purpose))
        #expect(Self.ids(classifier, "Nâng cấp trang thông tin điện tử nhằm tuyên truyền CCHC.") == ["portal"])
        // The clause ends with its sentence: after a semicolon the phrase counts again.
        #expect(
            Self.ids(
                classifier, "Nâng cấp trang thông tin điện tử nhằm phục vụ người dân; tuyên truyền CCHC hằng tháng.")
                == ["portal", "communication"])
        // A clause that opens the sentence ends at its first comma.
        #expect(Self.ids(classifier, "Nhằm tuyên truyền CCHC, nâng cấp trang thông tin điện tử.") == ["portal"])
        #expect(
            Self.ids(classifier, "Nhằm phục vụ người dân tốt hơn, tuyên truyền CCHC trên loa truyền thanh.")
                == ["communication"])
        // Nothing else said: the purpose is what the statement is about (keepWhenAlone).
        #expect(Self.ids(classifier, "Tổ chức hội thi nhằm tuyên truyền CCHC.") == ["communication"])
    }

    @Test func withoutKeepWhenAloneAPurposeNeverCounts() throws {
        let strict = Self.purpose.replacingOccurrences(of: "    keepWhenAlone: true\n", with: "")
        let classifier = PlanClassifier(taxonomy: try Self.taxonomy(themes: Self.twoThemes, contexts: strict))
        #expect(Self.ids(classifier, "Tổ chức hội thi nhằm tuyên truyền CCHC.").isEmpty)
    }

    @Test func deOpensAPurposeOnlyAfterABreakAndWithItsMarks() throws {
        let classifier = PlanClassifier(taxonomy: try Self.taxonomy(themes: Self.twoThemes, contexts: Self.purpose))
        #expect(Self.ids(classifier, "Nâng cấp trang thông tin điện tử, để tuyên truyền CCHC.") == ["portal"])
        // Without a comma "để" names the means, not a purpose.
        #expect(
            Self.ids(classifier, "Nâng cấp trang thông tin điện tử để tuyên truyền CCHC.") == [
                "portal", "communication",
            ])
        // "đề" (as in "đề xuất") is not "để".
        #expect(
            Self.ids(classifier, "Nâng cấp trang thông tin điện tử, đề xuất tuyên truyền CCHC.")
                == ["portal", "communication"])
    }

    @Test func somethingNamedOnlyAsAnExampleIsNotTheTheme() throws {
        let example = """
              - id: example
                kind: clause
                vi: "Ví dụ"
                toned: true
                phrases: ["như", "ví dụ"]
                except: ["cũng như"]

            """
        let classifier = PlanClassifier(taxonomy: try Self.taxonomy(themes: Self.twoThemes, contexts: example))
        #expect(
            Self.ids(classifier, "Tuyên truyền CCHC qua các kênh số như trang thông tin điện tử.") == ["communication"])
        #expect(
            Self.ids(classifier, "Tuyên truyền CCHC qua nhiều kênh, ví dụ trang thông tin điện tử.") == [
                "communication"
            ])
        // "cũng như" (as well as) is no example.
        #expect(
            Self.ids(classifier, "Tuyên truyền CCHC cũng như nâng cấp trang thông tin điện tử.")
                == ["communication", "portal"])
        // A parenthesis the example opened in closes it.
        #expect(
            Self.ids(classifier, "Dùng các kênh (như loa truyền thanh) và trang thông tin điện tử.") == ["portal"])
        // "nhu" without its mark ("nhu cầu") is not "như".
        #expect(
            Self.ids(classifier, "Tuyên truyền CCHC theo nhu cầu, trang thông tin điện tử.") == [
                "communication", "portal",
            ])
    }

    @Test func aPhraseThatNeedsAVerbCountsOnlyWithIt() throws {
        let themes = """
              - id: legal-documents
                area: direction
                vi: "VBQPPL"
                en: "Legal documents"
                phrases:
                  - phrase: "văn bản quy phạm pháp luật"
                    with: ["{ban hành|rà soát|xử lý}"]
                  - "Luật Ban hành văn bản quy phạm pháp luật"

            """
        let classifier = PlanClassifier(taxonomy: try Self.taxonomy(themes: themes))
        #expect(Self.ids(classifier, "Giới thiệu văn bản quy phạm pháp luật mới cho tổ dân phố.").isEmpty)
        #expect(Self.ids(classifier, "Rà soát văn bản quy phạm pháp luật do xã ban hành.") == ["legal-documents"])
        #expect(Self.ids(classifier, "Tìm hiểu Luật Ban hành văn bản quy phạm pháp luật.") == ["legal-documents"])
    }

    @Test func productsAddEvidenceButNeverMakeATheme() throws {
        let classifier = PlanClassifier(
            taxonomy: try Self.taxonomy(themes: Self.theme("initiatives", "[\"sáng kiến\"]")))
        func themes(_ statement: String, _ product: String) -> [ThemeMatch] {
            let lines = [
                DocumentLine(number: 1, text: statement), DocumentLine(number: 2, text: "- Sản phẩm: " + product),
            ]
            return classifier.classify(pieces: [statement, product], lines: lines[...], section: .tasks, heading: nil)
                .themes
        }
        #expect(themes("Tổ chức hội nghị tổng kết năm.", "Báo cáo sáng kiến của các bộ phận.").isEmpty)
        let both = themes("Phát động phong trào viết sáng kiến.", "Danh sách sáng kiến được công nhận.")
        #expect(both.map(\.id) == ["initiatives"])
        #expect(both.first?.evidence.map(\.line) == [1, 2])
    }

    @Test func syntaxErrorsNameTheirLines() throws {
        func problems(_ phrases: String, contexts: String = "") -> [DataFileError] {
            do {
                _ = try Self.taxonomy(themes: Self.theme("t", phrases), contexts: contexts)
                Issue.record("loaded: \(phrases)")
                return []
            } catch let error as DataFileErrors {
                return error.errors
            } catch {
                Issue.record("\(error)")
                return []
            }
        }
        // The theme's phrases are on line 15 of the generated file.
        for (phrase, message) in [
            ("kiểm tra {công tác", "is not closed"), ("… kiểm tra", "gap"), ("kiểm tra … …", "gap"),
            ("kiểm tra | rà soát", "must be inside"), ("{công tác}", "optional"), ("{a|{b}}", "cannot hold"),
            ("kiểm tra }", "closes no"),
        ] {
            let found = problems("[\"\(phrase)\"]")
            #expect(found.count == 1, "\(phrase)")
            #expect(found.first?.line == 15, "\(phrase)")
            #expect(found.first?.message.contains(message) == true, "\(phrase): \(found.first?.message ?? "")")
        }
        // Heading phrases are plain words.
        let heading = try Self.taxonomy(themes: Self.theme("t", "[\"a\"]"))
        #expect(heading.areas.count == 2)
        do {
            _ = try TaxonomyFile(
                path: "h.yaml",
                text: """
                    version: "t"
                    reviewed: 2026-12-01
                    areas:
                      - { id: other, vi: "Khác", en: "Other", headings: ["{chỉ đạo|điều hành}"] }

                    """)
            Issue.record("a heading phrase with choices loaded")
        } catch {
            #expect(error.errors.first?.line == 4)
            #expect(error.errors.first?.message.contains("plain words") == true)
        }
        // A phrase's `with` words are checked too, on their own line.
        let with = problems("\n      - phrase: \"văn bản\"\n        with: [\"{ban hành\"]")
        #expect(with.map(\.line) == [17])
        #expect(with.first?.message.contains("is not closed") == true)
        let toned = """
              - id: c
                kind: clause
                vi: "c"
                toned: true
                phrases: ["nhằm … để"]
                themes: ["nothing"]

            """
        let found = problems("[\"a\"]", contexts: toned)
        #expect(found.map(\.line) == [11, 12])
        #expect(found.first?.message.contains("cannot have a gap") == true)
        #expect(found.last?.message.contains("there is no theme \"nothing\"") == true)
    }
}
