import KPISchema

/// Files each row of a file that covers several shops under the shop its source's `shop_from:` names.
///
/// A row no rule files is quarantined with its value; nothing falls back to a default shop, since a
/// guess would credit one shop with another's orders and still exit 0.
struct RowRouter {
    private enum Rule {
        case column(index: Int, header: String, map: [HeaderName: ShopRef], words: [String])
        case orderID(field: Int, rules: [(matcher: OrderIDMatcher, pattern: String, shop: ShopRef)])
    }

    private let rule: Rule
    private let binding: HeaderBinding
    /// The last routed row's order and route: a continuation row (Shopify's CSV writes an order's own
    /// cells on its first row only) with the route column empty belongs where its order went.
    private var last: (orderID: String, route: Route)?

    /// Where a row goes and which cell said so, for messages (`店铺 \`HB-US\``).
    struct Route {
        var shop: ShopRef
        var origin: Bilingual
    }

    /// Where a row's route could not be read: the 1-based column and the sentence.
    struct Problem: Error {
        var column: Int?
        var message: Bilingual
    }

    /// The file's header column the rules read, so drift reports do not call it unknown.
    var column: Int? {
        if case .column(let index, _, _, _) = rule { return index }
        return nil
    }

    /// Nil when the source routes no rows; throws when the file or connector cannot take the rules.
    init?(_ routing: ShopRouting?, spec: CompiledSpec, binding: HeaderBinding, file: String) throws(FileFormatError) {
        guard let routing else { return nil }
        self.binding = binding
        switch routing {
        case .column(let name, let map):
            let wanted = HeaderName(name)
            guard let index = binding.headers.firstIndex(where: { HeaderName($0) == wanted }) else {
                let closest = HeaderName.closest(to: [wanted], among: binding.headers)
                throw FileFormatError(file: file, message: Bilingual(
                    "has no column `\(name)`, which the source's `shop_from` reads to tell each row's shop" + (closest.map { "; closest found: `\($0)`" } ?? ""),
                    "没有 `\(name)` 列，而数据源的 `shop_from` 要靠它判断每行属于哪个店铺" + (closest.map { "；最接近的是 `\($0)`" } ?? "")))
            }
            // The workspace refused words that read alike for different shops; alike ones agree.
            let table = Dictionary(map.map { (HeaderName($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
            rule = .column(index: index, header: binding.headers[index], map: table, words: map.keys.sorted())
        case .orderID(let patterns):
            guard let field = spec.fieldIndex["order_id"] else {
                throw FileFormatError(file: file, message: Bilingual("`shop_from: order_id` needs order ids, and `\(spec.id)` reads none",
                                                                     "`shop_from: order_id` 需要订单号，而 `\(spec.id)` 不读取订单号"))
            }
            rule = .orderID(field: field, rules: patterns.compactMap { entry in
                OrderIDMatcher(pattern: entry.pattern).map { ($0, entry.pattern, entry.shop) }
            })
        }
    }

    /// The shop and platform `record` belongs to.
    mutating func route(_ record: SourceRow, values: [FieldValue?], orderID: String?) -> Result<Route, Problem> {
        let result = decide(record, values: values, orderID: orderID)
        if case .success(let route) = result, let orderID { last = (orderID, route) }
        return result
    }

    private func decide(_ record: SourceRow, values: [FieldValue?], orderID: String?) -> Result<Route, Problem> {
        switch rule {
        case .column(let index, let header, let map, let words):
            let word = record[cell: index].trimmingSpaces()
            guard !word.isEmpty else {
                if let last, let orderID, last.orderID == orderID { return .success(last.route) }
                return .failure(Problem(column: index + 1, message: Bilingual(
                    "\(header): empty, but the source's `shop_from` needs it to tell the row's shop",
                    "\(header)：为空，但数据源的 `shop_from` 要靠它判断此行属于哪个店铺")))
            }
            guard let ref = map[HeaderName(word)] else {
                let listed = words.prefix(8).map { "`\($0)`" }
                return .failure(Problem(column: index + 1, message: Bilingual(
                    "\(header): `\(word.prefix(60))` is not in the source's `shop_from` map "
                        + "(it has \(listed.joined(separator: ", "))); add `\(word.prefix(60)): platform:shop`",
                    "\(header)：`\(word.prefix(60))` 不在数据源的 `shop_from` 映射中（已有 \(listed.joined(separator: "、"))）；"
                        + "请添加 `\(word.prefix(60)): platform:shop`")))
            }
            let said = "\(header) `\(word.prefix(60))`"
            return .success(Route(shop: ref, origin: Bilingual(said, said)))
        case .orderID(let field, let rules):
            let column = binding.columns[field]
            let header = column.map { binding.headers[$0] } ?? "order_id"
            guard let id = values[field]?.text else {
                return .failure(Problem(column: column.map { $0 + 1 }, message: Bilingual(
                    "\(header): empty, but the source's `shop_from` needs the order id to tell the row's shop",
                    "\(header)：为空，但数据源的 `shop_from` 要靠订单号判断此行属于哪个店铺")))
            }
            let hits = rules.filter { $0.matcher.matches(id) }
            switch Set(hits.map(\.shop)).count {
            case 1:
                return .success(Route(shop: hits[0].shop, origin: Bilingual(
                    "\(header) `\(id.prefix(60))` matching `\(hits[0].pattern)`", "\(header) `\(id.prefix(60))` 匹配 `\(hits[0].pattern)`")))
            case 0:
                let tried = rules.map { "`\($0.pattern)`" }
                return .failure(Problem(column: column.map { $0 + 1 }, message: Bilingual(
                    "\(header): `\(id.prefix(60))` matches no `shop_from` order_id pattern (\(tried.joined(separator: ", ")))",
                    "\(header)：`\(id.prefix(60))` 不匹配任何 `shop_from` 订单号模式（\(tried.joined(separator: "、"))）")))
            default:
                let shops = Set(hits.map(\.shop.description)).sorted()
                return .failure(Problem(column: column.map { $0 + 1 }, message: Bilingual(
                    "\(header): `\(id.prefix(60))` matches the `shop_from` patterns of \(shops.joined(separator: " and ")); make them exclusive",
                    "\(header)：`\(id.prefix(60))` 同时匹配 \(shops.joined(separator: " 和 ")) 的 `shop_from` 模式；请让这些模式互斥")))
            }
        }
    }
}
