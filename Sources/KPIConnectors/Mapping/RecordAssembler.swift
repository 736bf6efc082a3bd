import Foundation
import KPISchema

/// Turns the typed fields of consecutive rows into normalized records.
///
/// Rows of one order usually stand together, so order-level records (the order, its refund, its
/// events) are emitted once per run of consecutive rows with the same key and version; if an order
/// reappears later in the file the store's upsert absorbs the repeat. Memory stays constant per file.
///
/// Versions inside one file (sellers merge downloads; Amazon's All Orders repeats an order's rows with a
/// later `last-updated-date`): lines are numbered per line key *and* version, so a repeat with another
/// version is the same line again (the store keeps the newest) and only rows of one key and one version
/// are separate lines (`SKU#2`). In a layout that writes an order's own cells on its first row only
/// (Shopify's CSV, `carry_forward`), a row holding them starts another copy of the order: nothing is
/// carried into it and its lines are numbered afresh. Order-level records are emitted again only for a
/// strictly newer version, so an older copy further down never replaces a refund or an event.
struct RecordAssembler {
    enum Outcome {
        case records([NormalizedRecord])
        /// A required field is empty (after carry-forward); the index of the field.
        case missing(Int)
        /// The field's value contradicts the row's `shop_from` route; the index and what it says.
        case conflict(Int, Bilingual)
    }

    private let spec: CompiledSpec
    private let context: SourceContext
    private let required: [Int]
    /// The field blamed when a money record has no currency; a spec without a currency field is
    /// only opened when its source supplies one, so then this is never reported.
    private let currencyField: Int
    private var previous: [FieldValue?]?
    private var group: OrderKey?
    /// Per line key and version in the current copy of the order: how many lines of it.
    private var lineCounts: [LineVersion: Int] = [:]
    private var emittedOrder = false
    /// The newest order version emitted for the current order.
    private var emittedOrderVersion: Instant?
    /// The row being assembled holds its order's own cells in a `carry_forward` layout.
    private var startsCopy = false
    /// The shop the source's `shop_from:` files the row being assembled under.
    private var route: ShopRef?
    /// The cell that chose `route`, for a contradiction's message.
    private var routeOrigin = Bilingual.empty
    /// An order whose own row was quarantined, and that row's line: its other rows in the file follow it.
    private var rejectedOrder: (key: OrderKey, line: Int)?

    private struct LineVersion: Hashable {
        var key: String
        var version: Instant?
    }
    private var emittedEvents: Set<FulfillmentEventKind> = []
    /// Tracking numbers already linked to the current order (a parcel repeats on each of its lines).
    private var linkedNumbers: Set<String> = []
    private var emittedRefunds: Set<String> = []
    private var returnCounts: [String: Int] = [:]
    private let mapper = ValueMapper()
    /// The source's `same_order:` rule, compiled (the workspace refused one that does not compile).
    private let twins: (rule: SameOrderRule, matcher: SameOrderMatcher, field: Int)?

    init(spec: CompiledSpec, context: SourceContext) {
        self.spec = spec
        self.context = context
        twins = context.sameOrder.flatMap { rule in
            guard let matcher = SameOrderMatcher(pattern: rule.pattern), let field = spec.fieldIndex[rule.field] else { return nil }
            return (rule, matcher, field)
        }
        required = spec.fields.indices.filter { spec.fields[$0].spec.required }
        currencyField = spec.fieldIndex["currency"] ?? 0
    }

    mutating func assemble(_ input: [FieldValue?], line: Int, route: RowRouter.Route? = nil) -> Outcome {
        var values = input
        startsCopy = false
        self.route = route?.shop
        routeOrigin = route?.origin ?? .empty
        if let carry = spec.spec.carryForward, let by = spec.fieldIndex[carry.by] {
            if let previous, values[by] != nil, values[by] == previous[by] {
                let carried = carry.fields.map { spec.fieldIndex[$0]! }
                if carried.contains(where: { values[$0] != nil }) {
                    startsCopy = true
                } else {
                    for index in carried { values[index] = previous[index] }
                }
            }
            previous = values
        }
        for index in required where values[index] == nil { return .missing(index) }
        let row = Row(spec: spec, values: values, mapper: mapper)
        // A platform the row states must be the one its route names: a 平台 of Shopify on a row the
        // shop column files under an Amazon shop is a contradiction nobody should resolve by rule.
        if let route = self.route, let field = spec.fieldIndex["platform"], let stated = row.text("platform")?.lowercased(), stated != route.platform {
            let written = row.raw("platform") ?? stated
            return .conflict(field, Bilingual(
                "`\(written)` (\(stated)), but the source's `shop_from` files the row under \(route) (\(routeOrigin.en))",
                "`\(written)`（\(stated)），但数据源的 `shop_from` 把此行归入 \(route)（\(routeOrigin.zh)）"))
        }
        let lineage = Lineage(connector: spec.id, file: context.displayPath, line: line,
                              contentHash: context.fingerprint.sha256, runID: context.runID)
        var out: [NormalizedRecord] = []
        // A row without an order id (a settlement storage fee) yields no order-side records; the
        // field's `required` decides whether such a row is an error.
        if spec.spec.records.hasOrderRecords, let orderID = row.text("order_id") {
            switch appendOrderRecords(row, orderID: orderID, lineage: lineage, into: &out) {
            case .records: break
            case let problem: return problem
            }
        }
        for item in spec.flat where row.satisfies(item.when) {
            switch flatRecord(item, row: row, lineage: lineage) {
            case .success(let record): out.append(.flat(record))
            case .failure(let missing): return .missing(missing.field)
            }
        }
        return .records(out)
    }

    private mutating func appendOrderRecords(_ row: Row, orderID: String, lineage: Lineage,
                                             into out: inout [NormalizedRecord]) -> Outcome {
        let platform = (route?.platform ?? row.text("platform") ?? context.platform ?? spec.spec.platform ?? "").lowercased()
        let key = OrderKey(platform: platform, orderID: orderID)
        // The rest of an order whose own row was set aside goes with it: its lines without the order (or
        // beside an older stored one) would count an order nobody could check.
        if let rejected = rejectedOrder, rejected.key == key, let field = spec.fieldIndex["order_id"] {
            return .conflict(field, Bilingual("`\(orderID)`, whose order row (line \(rejected.line)) was set aside",
                                              "`\(orderID)`，其订单行（第 \(rejected.line) 行）已被隔离"))
        }
        if key != group {
            group = key
            lineCounts.removeAll(keepingCapacity: true)
            emittedOrder = false
            emittedOrderVersion = nil
            emittedEvents.removeAll(keepingCapacity: true)
            emittedRefunds.removeAll(keepingCapacity: true)
            linkedNumbers.removeAll(keepingCapacity: true)
        } else if startsCopy {
            lineCounts.removeAll(keepingCapacity: true)
        }
        let currency = row.text("currency") ?? context.currency
        let records = spec.spec.records
        if let orderSpec = records.order, emittedOrder, let version = row.latest(orderSpec.version ?? []),
           emittedOrderVersion.map({ version > $0 }) ?? true {
            emittedOrder = false
            emittedEvents.removeAll(keepingCapacity: true)
            emittedRefunds.removeAll(keepingCapacity: true)
        }

        if let orderSpec = records.order, !emittedOrder {
            emittedOrder = true
            emittedOrderVersion = row.latest(orderSpec.version ?? [])
            let statusRaw = row.raw("status") ?? ""
            var status = OrderStatus(rawValue: row.text("status") ?? "") ?? (statusRaw.isEmpty ? .open : .other)
            if let flag = orderSpec.cancelledIfPresent, row.isPresent(flag) { status = .cancelled }
            guard let currency else { return .missing(currencyField) }
            guard let purchasedAt = row.timestamp("purchased_at") else { return .missing(spec.fieldIndex["purchased_at"]!) }
            if let twins {
                // Every order of the source gets its row, the twin empty when it names none, so a tag removed
                // in a later export withdraws the link. Two ids cannot both be this order's other copy.
                let ids = row.text(twins.rule.field).map(twins.matcher.ids(in:)) ?? []
                if ids.count > 1 {
                    rejectedOrder = (key, lineage.line)
                    let named = ids.prefix(3).map { "`\($0)`" }
                    return .conflict(twins.field, Bilingual(
                        "names \(ids.count) \(twins.rule.platform) orders (\(named.joined(separator: ", "))) "
                            + "under the source's `same_order` pattern; an order has one copy in another channel",
                        "按数据源的 `same_order` 模式指向 \(ids.count) 个 \(twins.rule.platform) 订单（\(named.joined(separator: "、"))）；"
                            + "一个订单在另一渠道只有一个副本"))
                }
                out.append(.flat(FlatRecord(kind: .orderTwin, values: [
                    .text(key.platform), .text(key.orderID), ids.first.map { _ in .text(twins.rule.platform) }, ids.first.map(FlatValue.text),
                ], lineage: lineage)))
            }
            out.append(.order(Order(
                key: key, shop: route?.shop ?? row.text("shop") ?? context.shop ?? platform,
                purchasedAt: purchasedAt, paidAt: row.timestamp("paid_at"),
                status: status, statusRaw: statusRaw, currency: currency,
                customer: orderSpec.customer.flatMap { row.text($0) }.flatMap { buyer in context.customerSalt.map { CustomerKey(buyer, salt: $0).text } },
                version: row.latest(orderSpec.version ?? []), lineage: lineage)))
        }
        if let lineSpec = records.orderLine {
            guard let currency else { return .missing(currencyField) }
            guard let sku = row.text("sku") else { return .missing(spec.fieldIndex["sku"]!) }
            guard let quantity = row.integer("quantity") else { return .missing(spec.fieldIndex["quantity"]!) }
            let lineKey = (lineSpec.key ?? ["sku"]).map { row.text($0) ?? "" }.joined(separator: "|")
            let version = row.latest(lineSpec.version ?? [])
            let seen = lineCounts[LineVersion(key: lineKey, version: version), default: 0] + 1
            lineCounts[LineVersion(key: lineKey, version: version)] = seen
            let amount: Decimal
            if let field = lineSpec.amount {
                amount = row.decimal(field) ?? 0
            } else {
                amount = (row.decimal(lineSpec.unitPrice!) ?? 0) * Decimal(quantity)
            }
            out.append(.orderLine(OrderLine(
                key: key, lineID: seen == 1 ? lineKey : "\(lineKey)#\(seen)", sku: sku, quantity: quantity,
                amount: Money(amount, currency), tax: Money(row.decimal("tax") ?? 0, currency),
                shipping: Money(row.decimal("shipping") ?? 0, currency),
                version: version, lineage: lineage)))
        }
        for (kind, field, when) in spec.events where row.satisfies(when) {
            guard let at = row.timestamp(field), !emittedEvents.contains(kind) else { continue }
            emittedEvents.insert(kind)
            out.append(.fulfillmentEvent(FulfillmentEvent(key: key, kind: kind, occurredAt: at,
                                                          trackingNumber: row.text("tracking_number"),
                                                          authority: spec.spec.eventAuthority ?? .storefront,
                                                          lineage: lineage)))
        }
        if let refundSpec = records.refund, row.satisfies(spec.refundWhen),
           var amount = row.decimal(refundSpec.amount), amount != 0 {
            if refundSpec.absolute == true, amount < 0 { amount = -amount }
            let base = refundSpec.id.flatMap { row.text($0) } ?? Refund.unnumbered
            let id = refundSpec.item.flatMap { row.text($0) }.map { "\(base)#\($0)" } ?? base
            if !emittedRefunds.contains(id) {
                emittedRefunds.insert(id)
                guard let currency else { return .missing(currencyField) }
                out.append(.refund(Refund(key: key, refundID: id, amount: Money(amount, currency),
                                          refundedAt: refundSpec.at.flatMap { row.timestamp($0) }, lineage: lineage)))
            }
        }
        if let returnSpec = records.return, row.satisfies(spec.returnWhen) {
            guard let sku = row.text("sku") else { return .missing(spec.fieldIndex["sku"]!) }
            guard let returnedAt = row.timestamp("returned_at") else { return .missing(spec.fieldIndex["returned_at"]!) }
            let id: String
            if let field = returnSpec.id, let given = row.text(field) {
                id = given
            } else {
                // No identifier: the SKU and time name the return; a repeat in this file is another unit.
                let base = "\(sku)@\(returnedAt.instant.iso8601)"
                let seen = returnCounts[base, default: 0] + 1
                returnCounts[base] = seen
                id = seen == 1 ? base : "\(base)#\(seen)"
            }
            out.append(.return(Return(key: key, returnID: id, sku: sku, quantity: row.integer("quantity") ?? 1,
                                      returnedAt: returnedAt, reason: row.text("reason"), lineage: lineage)))
        }
        // Every parcel an order-keyed row names links the two, so carrier scans known only by tracking
        // number find their order (see `tracking_events`), each parcel of a multi-parcel order included.
        // Last, so a row quarantined above leaves its parcel for a later row of the order to link.
        if let raw = row.text("tracking_number"), let number = TrackingNumber.normalized(raw), linkedNumbers.insert(number).inserted {
            out.append(.flat(FlatRecord(kind: .trackingLink, values: [.text(number), .text(key.platform), .text(key.orderID)],
                                        lineage: lineage)))
        }
        return .records([])
    }

    private struct MissingField: Error { var field: Int }

    /// A plain-data record from the fields named like its columns, the rest from the context.
    private func flatRecord(_ item: CompiledSpec.CompiledFlat, row: Row, lineage: Lineage) -> Result<FlatRecord, MissingField> {
        let schema = item.kind.schema
        var values: [FlatValue?] = []
        values.reserveCapacity(schema.fields.count)
        for (column, source) in zip(schema.fields, item.sources) {
            var value: FlatValue?
            if let source {
                switch row.values[source] {
                case .text(let raw): value = .text(mapper.map(raw, field: source, in: spec))
                case .integer(let v): value = .integer(v)
                case .decimal(let v): value = .decimal(v)
                case .timestamp(let v): value = .timestamp(v)
                case .date(let v): value = .date(v)
                case nil: value = nil
                }
            }
            if item.kind == .trackingEvent, column.name == "tracking_number", case .text(let raw)? = value {
                value = TrackingNumber.normalized(raw).map(FlatValue.text)
            }
            if let route, column.name == "platform" || column.name == "shop" {
                // Routed rows take both from the route, over the export's own words for the shop.
                value = .text(column.name == "platform" ? route.platform : route.shop)
            }
            if value == nil, let fill = ContextFill.fill(for: column.name) {
                switch fill {
                case .platform: value = (row.text("platform") ?? context.platform ?? spec.spec.platform).map { .text($0.lowercased()) }
                case .shop: value = (context.shop ?? row.text("platform") ?? context.platform ?? spec.spec.platform).map(FlatValue.text)
                case .currency: value = context.currency.map(FlatValue.text)
                case .period:
                    value = (column.name == "period_start" || column.name == "as_of" ? context.period?.start : context.period?.end)
                        .map(FlatValue.date)
                }
            }
            if value == nil, column.required {
                return .failure(MissingField(field: source ?? currencyField))
            }
            values.append(value)
        }
        return .success(FlatRecord(kind: item.kind, values: values, lineage: lineage))
    }
}

/// Applies fields' `map`s, remembering each distinct raw word: exports repeat a handful of status
/// and platform words millions of times, and header-style normalization of each is costly.
private final class ValueMapper {
    private var memo: [Int: [String: String]] = [:]

    func map(_ raw: String, field index: Int, in spec: CompiledSpec) -> String {
        let table = spec.fields[index].mapped
        if table.isEmpty { return raw }
        if let hit = memo[index]?[raw] { return hit }
        let mapped = table[HeaderName(raw)] ?? raw
        if memo[index, default: [:]].count < 10_000 { memo[index, default: [:]][raw] = mapped }
        return mapped
    }
}

/// Named access to one row's typed values.
private struct Row {
    let spec: CompiledSpec
    let values: [FieldValue?]
    let mapper: ValueMapper

    func value(_ name: String) -> FieldValue? {
        spec.fieldIndex[name].flatMap { values[$0] }
    }

    func isPresent(_ name: String) -> Bool { value(name) != nil }

    /// The cell's text as written.
    func raw(_ name: String) -> String? { value(name)?.text }

    /// The cell's text after the field's `map`.
    func text(_ name: String) -> String? {
        guard let index = spec.fieldIndex[name], let raw = values[index]?.text else { return nil }
        return mapper.map(raw, field: index, in: spec)
    }

    func integer(_ name: String) -> Int? { value(name)?.integer }
    func decimal(_ name: String) -> Decimal? { value(name)?.decimal }

    /// Whether every condition holds for this row (an empty list always holds).
    func satisfies(_ conditions: [CompiledSpec.CompiledCondition]) -> Bool {
        conditions.allSatisfy { condition in
            let text = values[condition.field]?.text.map { mapper.map($0, field: condition.field, in: spec) } ?? ""
            if let allowed = condition.allowed, !allowed.contains(text) { return false }
            return !condition.excluded.contains(text)
        }
    }
    func timestamp(_ name: String) -> Timestamp? { value(name)?.timestamp }

    /// The latest instant among `names`: the row's version for last-updated-wins.
    func latest(_ names: [String]) -> Instant? {
        names.compactMap { timestamp($0)?.instant }.max()
    }
}
