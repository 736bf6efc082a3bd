import KPISchema

/// Files each row of a file that covers several shops under the shop its source's `shop_from:` names.
///
/// A row no rule files is quarantined with its value; nothing falls back to a default shop, since a
/// guess would credit one shop with another's orders and still exit 0.
struct RowRouter {
    private enum Rule {
        case column(index: Int, header: String, map: [HeaderName: ShopRef], words: [String])
        case orderID(field: Int, rules: [(OrderIDMatcher, ShopRef)])
    }

    private let rule: Rule
    private let binding: HeaderBinding

    /// Where a row's route could not be read: the 1-based column and the sentence.
    struct Problem: Error {
        var column: Int?
        var message: String
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
                let closest = HeaderName.closest(to: [wanted], among: binding.headers).map { "; closest found: `\($0)`" } ?? ""
                throw FileFormatError(file: file, message: "has no column `\(name)`, which the source's `shop_from` reads to tell each row's shop\(closest)")
            }
            var table: [HeaderName: ShopRef] = [:]
            for (word, ref) in map {
                // Words are matched like headers (case, width, spaces); two that read alike must agree.
                if let other = table[HeaderName(word)], other != ref {
                    throw FileFormatError(file: file, message: "the source's `shop_from` maps `\(word)` and a word written like it to \(other) and \(ref)")
                }
                table[HeaderName(word)] = ref
            }
            rule = .column(index: index, header: binding.headers[index], map: table, words: map.keys.sorted())
        case .orderID(let patterns):
            guard let field = spec.fieldIndex["order_id"] else {
                throw FileFormatError(file: file, message: "`shop_from: order_id` needs order ids, and `\(spec.id)` reads none; use `shop_from: {column: …, map: …}`")
            }
            rule = .orderID(field: field, rules: patterns.compactMap { entry in OrderIDMatcher(pattern: entry.pattern).map { ($0, entry.shop) } })
        }
    }

    /// The shop and platform `record` belongs to.
    func route(_ record: SourceRow, values: [FieldValue?]) -> Result<ShopRef, Problem> {
        switch rule {
        case .column(let index, let header, let map, let words):
            let word = record[cell: index].trimmingSpaces()
            guard !word.isEmpty else {
                return .failure(Problem(column: index + 1, message: "\(header): empty, but the source's `shop_from` needs it to tell the row's shop"))
            }
            guard let ref = map[HeaderName(word)] else {
                let known = words.prefix(8).map { "`\($0)`" }.joined(separator: ", ")
                return .failure(Problem(column: index + 1, message: "\(header): `\(word.prefix(60))` is not in the source's `shop_from` map "
                                        + "(it has \(known)); add `\(word.prefix(60)): platform:shop`"))
            }
            return .success(ref)
        case .orderID(let field, let rules):
            let column = binding.columns[field]
            let header = column.map { binding.headers[$0] } ?? "order_id"
            guard let id = values[field]?.text else {
                return .failure(Problem(column: column.map { $0 + 1 }, message: "\(header): empty, but the source's `shop_from` needs the order id to tell the row's shop"))
            }
            let hits = rules.filter { $0.0.matches(id) }.map(\.1)
            switch Set(hits).count {
            case 1:
                return .success(hits[0])
            case 0:
                return .failure(Problem(column: column.map { $0 + 1 }, message: "\(header): `\(id.prefix(60))` matches no `shop_from` order_id pattern"))
            default:
                let shops = Set(hits).map(\.description).sorted().joined(separator: " and ")
                return .failure(Problem(column: column.map { $0 + 1 }, message: "\(header): `\(id.prefix(60))` matches the `shop_from` patterns of \(shops); make them exclusive"))
            }
        }
    }
}
