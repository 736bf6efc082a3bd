/// How a source's rows name their platform and shop one by one: a warehouse or ERP export that covers
/// several marketplaces and shops in one file.
///
/// Declared in kpibridge.yaml as `shop_from:`; a row that no rule files is quarantined with the value it
/// holds, never given a default, because a guess would credit one shop with another's orders.
package enum ShopRouting: Sendable, Hashable {
    /// The file's column `column` names the shop in the export's own words; `map` translates each word.
    case column(String, map: [String: ShopRef])
    /// The order id's shape tells the shop: each row takes the one pattern its whole id matches.
    case orderID([OrderIDPattern])

    /// Every shop the rules can file a row under.
    package var shops: Set<ShopRef> {
        switch self {
        case .column(_, let map): Set(map.values)
        case .orderID(let patterns): Set(patterns.map(\.shop))
        }
    }

    /// One `order_id:` rule: a regular expression the whole order id must match.
    package struct OrderIDPattern: Sendable, Hashable {
        package var pattern: String
        package var shop: ShopRef

        package init(pattern: String, shop: ShopRef) {
            self.pattern = pattern
            self.shop = shop
        }
    }
}

/// A workspace shop with the platform it sells on, written `amazon:amazon-us`.
package struct ShopRef: Sendable, Hashable, CustomStringConvertible {
    package var platform: String
    package var shop: String

    package init(platform: String, shop: String) {
        self.platform = platform
        self.shop = shop
    }

    /// Reads `platform:shop`; both parts lowercase letters, digits, `.`, `_` and `-`.
    package init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed.contains) }) else { return nil }
        self.init(platform: String(parts[0]), shop: String(parts[1]))
    }

    package var description: String { "\(platform):\(shop)" }
}
