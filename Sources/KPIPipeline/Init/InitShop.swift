import KPISchema
import KPIWorkspace

/// One `--shops` entry of `kpibridge init`: the shop, the connector its order exports are read with,
/// and the settings that connector needs and its files do not carry.
///
/// Written `PLATFORM:SHOP` or `CONNECTOR:SHOP`, then optionally a currency (`USD`) and a zone
/// (`America/Los_Angeles`) in either order: `walmart:walmart-us:USD:America/Los_Angeles`.
package struct InitShop: Sendable, Equatable {
    package var connector: String
    package var shop: String
    package var currency: String?
    package var timezone: String?
    /// The entry as written, for messages that suggest adding to it.
    package var entry: String

    /// Shop names that cannot be folders of the inbox or plain YAML values.
    static let reserved: Set<String> = ["team", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// The orders connector a platform name stands for; any connector id may be given instead.
    package static let ordersConnectors = [
        "amazon": "amazon.all_orders", "ebay": "ebay.orders", "shopify": "shopify.orders",
        "tiktok": "tiktok.orders", "walmart": "walmart.orders",
    ]

    package init(connector: String, shop: String, currency: String? = nil, timezone: String? = nil, entry: String? = nil) {
        self.entry = entry ?? "\(connector):\(shop)"
        self.connector = connector
        self.shop = shop
        self.currency = currency
        self.timezone = timezone
    }

    /// Parses one entry; the message says what is wrong and how it is written.
    package init(parsing text: String) throws(PipelineError) {
        entry = text
        let form = "write PLATFORM:SHOP[:CURRENCY][:ZONE], e.g. amazon:amazon-us or walmart:walmart-us:USD:America/Los_Angeles"
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts.count <= 4, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .usage("--shops `\(text)`: \(form)")
        }
        let head = parts.removeFirst(), shop = parts.removeFirst()
        guard shop.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw .usage("--shops `\(text)`: the shop `\(shop)` names a folder and a scope: use letters, digits, - and _")
        }
        // `team` is the roster's folder; the others read as YAML's null, booleans or a number.
        guard !Self.reserved.contains(shop.lowercased()), Double(shop) == nil else {
            throw .usage("--shops `\(text)`: `\(shop)` cannot name a shop (a folder of the inbox or a YAML word); choose another, like \(head.lowercased())-\(shop)")
        }
        if head.contains(".") {
            connector = head
        } else if let known = Self.ordersConnectors[head.lowercased()] {
            connector = known
        } else {
            throw .usage("--shops `\(text)`: `\(head)` is not a platform kpibridge knows ("
                         + Self.ordersConnectors.keys.sorted().joined(separator: ", ") + ") or a connector id (`kpibridge connectors list`)")
        }
        self.shop = shop
        for part in parts {
            // A zone first: `UTC` is three capitals too.
            if timezone == nil, part.contains("/") || part == "UTC", Zone(part) != nil {
                timezone = part
            } else if currency == nil, part.count == 3, part.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                currency = part
            } else {
                throw .usage("--shops `\(text)`: `\(part)` is neither a currency code (USD) nor a zone name (America/Los_Angeles); \(form)")
            }
        }
    }
}
