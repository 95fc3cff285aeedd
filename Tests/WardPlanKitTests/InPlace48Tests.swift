import Testing

@testable import WardPlanKit

/// session 48: the classifier asks each item the kind of section it is read as
/// (`ClassifiedItem.section(in:)`) instead of a closure given the item (which copied it whole).
/// The plan's element written from its items in place (`PlanXML`) is held by `XMLRoundTripTests`
/// (every field of the model back from the XML, and the golden of that element).
@Suite("InPlace48 items' sections")
struct InPlace48Tests {
    static let kinds: [SectionKind] = [
        .frontMatter, .purpose, .targets, .tasks, .funding, .reporting, .organisation, .other,
    ]

    @Test func eachKindOfItemReadsItsSection() {
        let task = PlanTask(ref: "1", text: "x", area: "procedures", line: 1)
        let target = Target(text: "x", line: 1)
        for kind in Self.kinds {
            // A task is read as the section it stands in; a target always as a target.
            #expect(task.section(in: kind) == kind)
            #expect(target.section(in: kind) == .targets)
            // A narrative item as its own section, wherever it stands.
            for own in Self.kinds {
                let item = NarrativeItem(
                    ref: nil, text: "x", section: own, area: nil, heading: nil, line: 1, endLine: nil)
                #expect(item.section(in: kind) == own)
            }
        }
    }

    /// `par-plan` ("kế hoạch CCHC") never goes to an item of the front matter or the purpose
    /// (`notInSections` in taxonomy.yaml). With no heading, a task stands in the front matter; a
    /// target is a target; a narrative item is its own section.
    @Test func theClassifierReadsEachItemInItsSection() {
        let text = "Ban hành kế hoạch CCHC năm 2027 của phường."
        var plan = Plan(source: SourceInfo(path: "x.txt", sha256: "", format: "text", nonBlankLines: 4))
        plan.tasks = [PlanTask(ref: "1", text: text, area: "other", line: 1)]
        plan.narrative = [
            NarrativeItem(ref: nil, text: text, section: .tasks, area: nil, heading: nil, line: 2, endLine: nil),
            NarrativeItem(ref: nil, text: text, section: .purpose, area: nil, heading: nil, line: 3, endLine: nil),
        ]
        plan.targets = [Target(text: text, line: 4)]
        let lines = (1...4).map { DocumentLine(number: $0, text: text) }
        let classified = PlanClassifier.standard.classify(plan, lines: lines)
        func themes(_ matches: [ThemeMatch]) -> Set<String> { Set(matches.map(\.id)) }
        #expect(!themes(classified.tasks[0].themes).contains("par-plan"))
        #expect(themes(classified.narrative[0].themes).contains("par-plan"))
        #expect(!themes(classified.narrative[1].themes).contains("par-plan"))
        #expect(themes(classified.targets[0].themes).contains("par-plan"))
    }
}
