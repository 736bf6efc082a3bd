import Foundation

/// Keeps a buyer's identity out of what a reader writes besides the salted key: the raw text of a quarantined
/// row and the messages about its cells.
///
/// A quarantined row is stored as it stood in the file so someone can fix it; for a spec that keys buyers the
/// buyer's cell is replaced there (`<buyer>`), and any e-mail address elsewhere in the text (a note, a row the
/// scanner could not split into cells) too (`<e-mail>`).
struct BuyerMask: Sendable {
    /// The 0-based file column holding the buyer, when the spec keys buyers and the file has it.
    let column: Int?
    let active: Bool

    static let none = BuyerMask(column: nil, active: false)

    /// `text` with the buyer's cell of `row` and every e-mail address replaced.
    func masked(_ text: String, cells: [String]? = nil) -> String {
        guard active else { return text }
        var out = text
        if let column, let cells, column < cells.count, !cells[column].isEmpty {
            out = out.replacingOccurrences(of: cells[column], with: "<buyer>")
        }
        let range = NSRange(out.startIndex..., in: out)
        return Self.email.stringByReplacingMatches(in: out, range: range, withTemplate: "<e-mail>")
    }

    // A literal pattern: it compiles or the program is wrong.
    private static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+"#)
}
