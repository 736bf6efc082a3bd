import KPIConnectors
import KPISchema

/// `shop_from:` on a source: how rows of a file covering several shops say which one they belong to.
///
/// Either a column and a map from the export's words to workspace shops —
/// `{column: 店铺, map: {US-Amazon: amazon:amazon-us, 官网: shopify:shopify-dtc}}` — or patterns the
/// order id matches — `{order_id: [{pattern: '\d{3}-\d{7}-\d{7}', shop: amazon:amazon-us}]}`.
package struct ShopFromConfig: Sendable, Decodable, Hashable {
    package var column: String?
    package var map: [String: String]?
    package var orderID: [Pattern]?

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case column, map
        case orderID = "order_id"
    }

    /// One `order_id:` entry.
    package struct Pattern: Sendable, Decodable, Hashable {
        package var pattern: String
        package var shop: String

        package enum CodingKeys: String, CodingKey, CaseIterable {
            case pattern, shop
        }
    }

    package init(column: String? = nil, map: [String: String]? = nil, orderID: [Pattern]? = nil) {
        self.column = column
        self.map = map
        self.orderID = orderID
    }

    /// The rules, or the sentence saying what is wrong with them.
    package func routing() -> Result<ShopRouting, ShopFromProblem> {
        let form = ShopFromProblem(Bilingual(
            "`shop_from:` takes `column:` with `map:` (the export's word → platform:shop), or `order_id:` (a list of `pattern:` and `shop:`)",
            "`shop_from:` 要么写 `column:` 加 `map:`（导出文件里的写法 → `platform:shop`），要么写 `order_id:`（由 `pattern:` 和 `shop:` 组成的列表）"))
        switch (column, map, orderID) {
        case (let column?, let map?, nil):
            guard !column.isEmpty, !map.isEmpty else { return .failure(form) }
            var refs: [String: ShopRef] = [:]
            // Words are matched like headers (case, width, spaces aside): two that read alike must agree.
            var alike: [HeaderName: String] = [:]
            for word in map.keys.sorted() {
                let target = map[word]!
                guard let ref = ShopRef(parsing: target) else { return .failure(.badShop(target, at: "map.\(word)")) }
                if let other = alike[HeaderName(word)], refs[other] != ref {
                    return .failure(ShopFromProblem(Bilingual(
                        "`map` has `\(other)` and `\(word)`, which read alike, for \(refs[other]!) and \(ref); keep one",
                        "`map` 里的 `\(other)` 和 `\(word)` 读起来一样，却分别指向 \(refs[other]!) 和 \(ref)；请只保留一个")))
                }
                alike[HeaderName(word)] = word
                refs[word] = ref
            }
            return .success(.column(column, map: refs))
        case (nil, nil, let patterns?):
            guard !patterns.isEmpty else { return .failure(form) }
            var rules: [ShopRouting.OrderIDPattern] = []
            for (index, entry) in patterns.enumerated() {
                guard let ref = ShopRef(parsing: entry.shop) else { return .failure(.badShop(entry.shop, at: "order_id[\(index)].shop")) }
                guard OrderIDMatcher(pattern: entry.pattern) != nil else {
                    return .failure(ShopFromProblem(Bilingual(
                        "`order_id[\(index)].pattern` `\(entry.pattern)` is not a regular expression",
                        "`order_id[\(index)].pattern` `\(entry.pattern)` 不是正则表达式")))
                }
                rules.append(.init(pattern: entry.pattern, shop: ref))
            }
            return .success(.orderID(rules))
        default:
            return .failure(form)
        }
    }

    /// Every shop the rules name, without compiling their patterns (targets that do not parse left out:
    /// the workspace refused them when it opened).
    package var shops: [ShopRef] {
        ((map.map { Array($0.values) } ?? []) + (orderID?.map(\.shop) ?? [])).compactMap(ShopRef.init(parsing:))
    }

    /// Why `shop_from: order_id` cannot serve a connector that reads no order ids, in both languages.
    package static func noOrderIDs(_ connector: String) -> Bilingual {
        Bilingual("`shop_from: order_id` needs order ids, and `\(connector)` reads none; use `shop_from: {column: …, map: …}`",
                  "`shop_from: order_id` 需要订单号，而 `\(connector)` 不读订单号；请改用 `shop_from: {column: …, map: …}`")
    }
}

/// What is wrong with a `shop_from:` block, as a sentence in both languages.
package struct ShopFromProblem: Error, CustomStringConvertible {
    package var sentence: Bilingual

    init(_ sentence: Bilingual) { self.sentence = sentence }

    /// The English sentence.
    package var description: String { sentence.en }

    static func badShop(_ text: String, at key: String) -> ShopFromProblem {
        ShopFromProblem(Bilingual("`\(key)` is `\(text)`; expected platform:shop in lowercase, like amazon:amazon-us",
                                  "`\(key)` 是 `\(text)`；应为小写的 `platform:shop`，如 `amazon:amazon-us`"))
    }
}
