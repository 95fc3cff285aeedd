import Foundation
import Testing

@testable import WardPlanKit

/// lead33: the XML report's task ids made without copying the tasks or slugging plain references
/// through `Slug.of`, checked against the code they replace (kept here) and `Slug.of` itself.
@Suite("Session 33 lead: task ids")
struct FastPath33LeadTests {
    /// `PlanIdentity.taskIDs` before lead33: the reference for the new one.
    static func taskIDsBefore(planID: String, tasks: [PlanTask]) -> [String] {
        var used: Set<String> = []
        return tasks.enumerated().map { index, task in
            let ref = Slug.of(task.ref, keeping: ["."]).isEmpty ? "n\(index + 1)" : Slug.of(task.ref, keeping: ["."])
            var id = "\(planID)/task-\(ref)"
            var n = 2
            while used.contains(id) {
                id = "\(planID)/task-\(ref)-\(n)"
                n += 1
            }
            used.insert(id)
            return id
        }
    }

    /// Every text of up to four characters from an alphabet of what references hold: digits,
    /// letters of both cases, dots, a hyphen, a space, a parenthesis and a Vietnamese letter.
    static let shortTexts: [String] = {
        let alphabet = ["1", "9", "a", "z", "I", "Z", ".", "-", " ", ")", "Đ", "ư"]
        var texts = [""]
        var last = [""]
        for _ in 1...4 {
            last = last.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += last
        }
        return texts
    }()

    @Test func aPlainReferencesSlugIsSlugOf() {
        var plain = 0
        for text in Self.shortTexts {
            guard let slug = PlanIdentity.plainReferenceSlug(text) else { continue }
            plain += 1
            #expect(slug == Slug.of(text, keeping: ["."]), "\(text)")
        }
        // The fast path is taken for the references plans use, by hand.
        for (ref, slug) in [("1", "1"), ("3.12", "3.12"), ("II.1", "ii.1"), ("b", "b"), ("A.2.c", "a.2.c")] {
            #expect(PlanIdentity.plainReferenceSlug(ref) == slug)
        }
        // And not for references `Slug.of` changes otherwise.
        for ref in ["", ".1", "1.", "1..2", "1 2", "1-2", "IV. 2)", "Đ.1", "１"] {
            #expect(PlanIdentity.plainReferenceSlug(ref) == nil, "\(ref)")
        }
        #expect(plain > 1_000)
        // Every reference, plain or not, gets `Slug.of`'s slug (nil for an empty one).
        for text in Self.shortTexts {
            let slug = Slug.of(text, keeping: ["."])
            #expect(PlanIdentity.referenceSlug(text) == (slug.isEmpty ? nil : slug), "\(text)")
        }
    }

    @Test func taskIDsAreTheOnesBefore() {
        func tasks(_ refs: [String]) -> [PlanTask] {
            refs.enumerated().map { PlanTask(ref: $1, text: "t", area: "other", line: $0 + 1) }
        }
        // Repeats, a reference equal to a made one ("1-2" after two "1"), empty ones, other spellings
        // of one slug ("I.1" and "i.1"), references `Slug.of` rewrites.
        let lists: [[String]] = [
            ["1", "1", "1-2", "1", "", "", "n5"],
            ["I.1", "i.1", "I.1", "II", "ii", "1.", "1", "IV. 2)", "iv.2", "Đ.1", "d.1"],
            ["a", "A", "a-2", "a-3", "a", "a-2"],
            [],
        ]
        for refs in lists {
            #expect(
                PlanIdentity.taskIDs(planID: "p", tasks: tasks(refs))
                    == Self.taskIDsBefore(planID: "p", tasks: tasks(refs)), "\(refs)")
        }
        // By hand: the made ids skip the ones a reference already took.
        #expect(
            PlanIdentity.taskIDs(planID: "x", tasks: tasks(["1", "1-2", "1", "1"]))
                == ["x/task-1", "x/task-1-2", "x/task-1-3", "x/task-1-4"])
        // Random lists of short references, many repeated.
        var generator = SystemRandomNumberGenerator()
        let pool = ["1", "1-2", "2", "II.1", "ii.1", "", "1.", "a", "A", "3.12", "Đ"]
        for _ in 0..<200 {
            let refs = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                pool.randomElement(using: &generator)!
            }
            #expect(
                PlanIdentity.taskIDs(planID: "00008.2026.1-kh", tasks: tasks(refs))
                    == Self.taskIDsBefore(planID: "00008.2026.1-kh", tasks: tasks(refs)), "\(refs)")
        }
        for plan in [Fixtures.namDoSon, Fixtures.ngocHa] {
            #expect(
                PlanIdentity.taskIDs(planID: "p", tasks: plan.tasks)
                    == Self.taskIDsBefore(planID: "p", tasks: plan.tasks))
        }
    }
}
