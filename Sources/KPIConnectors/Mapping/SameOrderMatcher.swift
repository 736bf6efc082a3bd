import Foundation
import KPISchema

/// A `same_order:` pattern: the other channel's order ids a tag or note names.
///
/// The pattern is searched for anywhere in the cell (Shopify writes every tag into one comma-separated
/// cell), and its one capture group is the id.
package struct SameOrderMatcher {
    private let regex: NSRegularExpression

    /// Nil when `pattern` is not a regular expression with exactly one capture group.
    package init?(pattern: String) {
        guard let regex = try? NSRegularExpression(pattern: pattern), regex.numberOfCaptureGroups == 1 else { return nil }
        self.regex = regex
    }

    /// The distinct ids `text` names, in the order they appear.
    package func ids(in text: String) -> [String] {
        var ids: [String] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let id = text[range].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
