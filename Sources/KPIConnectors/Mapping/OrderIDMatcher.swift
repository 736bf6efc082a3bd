import Foundation

/// A `shop_from: order_id` pattern: whether a whole order id has the shape a marketplace gives its ids.
///
/// Whole-id matching, so `\d{3}-\d{7}-\d{7}` (Amazon) cannot take an id that merely contains such a run.
package struct OrderIDMatcher {
    private let regex: NSRegularExpression

    /// Nil when `pattern` is not a regular expression.
    package init?(pattern: String) {
        guard let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$") else { return nil }
        self.regex = regex
    }

    package func matches(_ id: String) -> Bool {
        regex.firstMatch(in: id, range: NSRange(id.startIndex..., in: id)) != nil
    }
}
