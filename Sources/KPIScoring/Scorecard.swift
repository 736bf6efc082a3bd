import Foundation

/// A role template: the lines a person in the role is scored on.
package struct Scorecard: Sendable, Hashable {
    package var name: String
    package var title: String
    package var lines: [ScoreLine]
    /// Grade → bonus coefficient for this card, over the policy's (`bonus:` in the card).
    package var bonus: [String: Decimal]?

    package init(name: String, title: String, lines: [ScoreLine], bonus: [String: Decimal]? = nil) {
        self.name = name
        self.title = title
        self.lines = lines
        self.bonus = bonus
    }
}
