/// A role template: the lines a person in the role is scored on.
public struct Scorecard: Sendable, Hashable {
    public var name: String
    public var title: String
    public var lines: [ScoreLine]

    public init(name: String, title: String, lines: [ScoreLine]) {
        self.name = name
        self.title = title
        self.lines = lines
    }
}
