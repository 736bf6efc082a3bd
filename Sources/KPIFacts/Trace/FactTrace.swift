import Foundation
import KPISchema

/// Replays the records a fact is computed from, one at a time, and keeps what each one changed.
///
/// Every record goes through the same ``MetricAccumulator`` a refresh uses, so ownership on the record's
/// day, its profile's zone, exchange rates and cancellations apply exactly as they did. A record's share is
/// the difference it made to the metric's row — the value of a sum, the numerator and denominator of a ratio
/// or mean — so the shares add up to the fact by construction, and the final row is the fact itself: a trace
/// whose total differs from the stored row has found a stale fact, not a rounding.
package struct FactTrace {
    package let target: FactTarget
    var accumulator: MetricAccumulator
    package internal(set) var records: [TracedRecord] = []
    /// The metric's parts after the last record that left it known.
    private var lastKnown: FactParts?

    package init(engine: MetricEngine, target: FactTarget) {
        self.target = target
        accumulator = engine.accumulator()
    }

    /// Metrics of the period as a whole (stock levels, heads on the roster): records are listed, but a
    /// record's difference is no share of them.
    package static let wholePeriod: Set<MetricID> = [.daysOfInventory, .inventoryTurnover, .sellThroughRate, .ordersPerHead]
    /// Metrics a trace cannot replay: growth compares two periods' facts (trace each), buyer rates follow
    /// buyers across periods and windows.
    package static let untraceable: Set<String> = MetricAccumulator.growthMetrics.union(MetricAccumulator.customerMetrics)

    /// The fact as the replayed records make it (nil: they give it no value).
    package var fact: FactMetric? { accumulator.standing(of: target).fact }

    package mutating func add(_ bundle: OrderBundle) throws(FXError) {
        let order = bundle.order
        let purchased = zone.date(of: order.purchasedAt.instant)
        var note: Bilingual?
        var listed = false
        if order.status == .cancelled {
            // A cancelled order reaches the order metrics and counts nothing: listed there, with why.
            note = Bilingual("not counted: cancelled (`\(order.statusRaw)`)", "未计入：已取消（`\(order.statusRaw)`）")
            listed = Self.orderMetrics.contains(target.metric)
        } else if !target.period.contains(purchased) {
            note = Bilingual("purchased \(purchased): its refund, return or shipment falls in the period",
                             "购买于 \(purchased)：其退款、退货或发货发生在本周期")
        }
        let kept = records.count
        try step(kind: "order", id: "\(order.key.platform) \(order.key.orderID)", lineage: order.lineage, note: note,
                 listed: listed) { acc throws(FXError) in
            try acc.add(bundle)
        }
        guard records.count == kept, order.status != .cancelled else { return }
        if Self.orderMetrics.contains(target.metric) {
            let skus: [String?] = bundle.lines.isEmpty ? [nil] : bundle.lines.map(\.sku)
            outsideOwnership(kind: "order", id: "\(order.key.platform) \(order.key.orderID)", lineage: order.lineage, day: purchased,
                             verb: Bilingual("purchased", "购买于")) { person in skus.contains { person.owns(shop: order.shop, sku: $0) } }
        }
        shippedOutside(bundle)
    }

    /// The metrics an order counts in by being purchased: where a cancelled one is worth naming.
    static let orderMetrics: Set<MetricID> = [.gmv, .orders, .units, .aov, .refundRate, .netSales, .cogs, .grossMargin, .tacos,
                                              .ordersPerHead]

    /// The zone of the profile the trace replays under (its days are the record days).
    var zone: Zone { accumulator.engine.definitions.allVersions.first?.zone ?? .utc }

    package mutating func add(ticket record: FlatRecord) {
        let kept = records.count
        step(record) { $0.add(ticket: record) }
        if records.count == kept { ticketOutside(record) }
    }
    package mutating func add(traffic record: FlatRecord) { step(record) { $0.add(traffic: record) } }
    package mutating func add(task record: FlatRecord) {
        let kept = records.count
        step(record) { $0.add(task: record) }
        if records.count == kept { taskOutside(record) }
    }
    package mutating func add(review record: FlatRecord) {
        let kept = records.count
        step(record) { $0.add(review: record) }
        if records.count == kept { reviewOutside(record) }
    }
    package mutating func add(contract record: FlatRecord) { step(record) { $0.add(contract: record) } }
    package mutating func add(stock record: FlatRecord) throws(FXError) { try step(record, kind: "stock") { acc throws(FXError) in try acc.add(stock: record) } }
    package mutating func add(ad record: FlatRecord) throws(FXError) { try step(record, kind: "ad") { acc throws(FXError) in try acc.add(ad: record) } }
    package mutating func add(fee record: FlatRecord) throws(FXError) { try step(record) { acc throws(FXError) in try acc.add(fee: record) } }

    /// One plain-data record, named by `kind` (its own kind's name when nil) and key.
    private mutating func step<E: Error>(_ record: FlatRecord, kind: String? = nil,
                                         _ add: (inout MetricAccumulator) throws(E) -> Void) throws(E) {
        try step(kind: kind ?? record.kind.rawValue, id: record.displayKey, lineage: record.lineage, note: nil, listed: false, add)
    }

    private mutating func step<E: Error>(kind: String, id: String, lineage: Lineage, note: Bilingual?, listed: Bool,
                                         _ add: (inout MetricAccumulator) throws(E) -> Void) throws(E) {
        let before = accumulator.standing(of: target, gated: false)
        try add(&accumulator)
        keep(kind: kind, id: id, lineage: lineage, note: note, listed: listed, before: before)
    }

    /// Keeps a record that reached the cell and changed the metric's row, or that reached it and is `listed`
    /// anyway for its note (a cancelled order).
    ///
    /// A share is the difference from the last value the replay knew: while the value is unknown part-way
    /// (an amount without a rate, a refund taking sales to zero), the records in between count with the one
    /// that makes it known again, so the shares still add up to the fact.
    private mutating func keep(kind: String, id: String, lineage: Lineage, note: Bilingual?, listed: Bool,
                               before: (touches: Int, exact: FactParts?, fact: FactMetric?)) {
        let after = accumulator.standing(of: target, gated: false)
        guard after.touches != before.touches else { return }
        var row = TracedRecord(kind: kind, id: id, source: "\(lineage.file):\(lineage.line)", note: note)
        var changed = false
        if let now = after.exact {
            let was = lastKnown
            row.records = now.records - (was?.records ?? 0)
            if now.numerator == nil {
                row.value = now.value - (was?.value ?? 0)
                changed = row.value != 0
            } else {
                row.numerator = (now.numerator ?? 0) - (was?.numerator ?? 0)
                row.denominator = (now.denominator ?? 0) - (was?.denominator ?? 0)
                changed = row.numerator != 0 || row.denominator != 0
            }
            changed = changed || row.records != 0
            lastKnown = now
        } else if lastKnown != nil, before.exact != nil {
            row.note = Bilingual("leaves the value unknown for now (an amount without an exchange rate, or a ratio's denominator at zero)",
                                 "使该值暂时无法确定（有金额缺少汇率，或比率的分母为零）")
            changed = true
        }
        guard changed || listed else { return }
        records.append(row)
    }
}

/// One record's share of a fact: what adding it changed.
package struct TracedRecord: Sendable, Hashable {
    /// `order`, `ticket`, `traffic`, `task`, `review`, `contract`, `stock`, `ad` or `fee`.
    package var kind: String
    /// The record's key: an order's platform and id, a ticket's system and id.
    package var id: String
    /// `file:line` of the export row it came from.
    package var source: String
    /// Its share of a sum (nil for a ratio or mean, which have the two below).
    package var value: Decimal?
    package var numerator: Decimal?
    package var denominator: Decimal?
    /// Its share of the fact's record count.
    package var records = 0
    /// Why a record that reached the fact adds nothing, or leaves it unknown.
    package var note: Bilingual?
    /// Listed for why it is not part of the fact at all (not the person's that day, shipped outside the period
    /// under this profile): no lineage row of the fact names it.
    package var excluded = false

    package init(kind: String, id: String, source: String, value: Decimal? = nil, numerator: Decimal? = nil,
                 denominator: Decimal? = nil, records: Int = 0, note: Bilingual? = nil, excluded: Bool = false) {
        self.kind = kind
        self.id = id
        self.source = source
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.records = records
        self.note = note
        self.excluded = excluded
    }
}
