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
        let form = Bilingual("write PLATFORM:SHOP[:CURRENCY][:ZONE], e.g. amazon:amazon-us or walmart:walmart-us:USD:America/Los_Angeles",
                             "请写成 PLATFORM:SHOP[:CURRENCY][:ZONE]，例如 `amazon:amazon-us` 或 `walmart:walmart-us:USD:America/Los_Angeles`")
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts.count <= 4, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .usage(Bilingual("--shops `\(text)`: \(form.en)", "--shops `\(text)`：\(form.zh)"))
        }
        let head = parts.removeFirst(), shop = parts.removeFirst()
        guard shop.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw .usage(Bilingual("--shops `\(text)`: the shop `\(shop)` names a folder and a scope: use letters, digits, - and _",
                                   "--shops `\(text)`：店铺名 `\(shop)` 既是文件夹名也是范围名：只能用字母、数字、- 和 _"))
        }
        // `team` is the roster's folder; the others read as YAML's null, booleans or a number.
        guard !Self.reserved.contains(shop.lowercased()), Double(shop) == nil else {
            throw .usage(Bilingual("--shops `\(text)`: `\(shop)` cannot name a shop (a folder of the inbox or a YAML word); choose another, like \(head.lowercased())-\(shop)",
                                   "--shops `\(text)`：`\(shop)` 不能用作店铺名（它是收件箱里的文件夹名或 YAML 保留词）；请换一个，例如 \(head.lowercased())-\(shop)"))
        }
        if head.contains(".") {
            connector = head
        } else if let known = Self.ordersConnectors[head.lowercased()] {
            connector = known
        } else {
            let platforms = Self.ordersConnectors.keys.sorted().joined(separator: ", ")
            throw .usage(Bilingual("--shops `\(text)`: `\(head)` is not a platform kpibridge knows ("
                                   + platforms + ") or a connector id (`kpibridge connectors list`)",
                                   "--shops `\(text)`：`\(head)` 既不是 kpibridge 认识的平台（" + platforms
                                   + "），也不是连接器 id（`kpibridge connectors list`）"))
        }
        self.shop = shop
        for part in parts {
            // A zone first: `UTC` is three capitals too.
            if timezone == nil, part.contains("/") || part == "UTC", Zone(part) != nil {
                timezone = part
            } else if currency == nil, part.count == 3, part.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                currency = part
            } else {
                throw .usage(Bilingual("--shops `\(text)`: `\(part)` is neither a currency code (USD) nor a zone name (America/Los_Angeles); \(form.en)",
                                       "--shops `\(text)`：`\(part)` 既不是币种代码（USD），也不是时区名（America/Los_Angeles）；\(form.zh)"))
            }
        }
    }
}
