/// A role template: the lines a person in the role is scored on.
package struct Scorecard: Sendable, Hashable {
    package var name: String
    package var title: String
    package var lines: [ScoreLine]

    package init(name: String, title: String, lines: [ScoreLine]) {
        self.name = name
        self.title = title
        self.lines = lines
    }
}
