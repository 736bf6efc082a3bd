import Foundation

/// What a violation of a veto kind does to a card, by its severity (`veto_severity:` in scorecards.yaml).
///
/// The seeds grade violations (严重程度): a serious one vetoes the card, a minor one costs points. Without
/// `veto_severity`, every violation of a veto kind vetoes.
package enum SeverityRule: Sendable, Hashable {
    /// The card's total is 0 and its grade `VETO`.
    case veto
    /// These points come off the card's total (not below 0), and the grade follows the new total.
    case deduct(Decimal)
}
