import Foundation
import KPISchema

/// The definition choices of the money and service metrics, record by record: which unit cost an order's
/// lines carry (`cogs_basis`), which settlement rows a margin deducts (`margin_fees`), how many days of ad
/// sales an ad row brings (`ad_attribution`), and which tickets are complaints (`complaint_tags`).
extension Reconciler {
    /// An order's cost of goods under `view`'s cost basis, in `currency` at the view's purchase day; nil when
    /// a line has no cost in force, no freight under a landed basis, or no rate (the metric pass leaves such
    /// a cell out too).
    func cogs(of view: OrderView, in currency: String) throws(FXError) -> Decimal? {
        var total: Decimal = 0
        for line in view.bundle.lines {
            guard let cost = costs.unitCost(of: line.sku, on: view.purchaseDate, basis: view.profile.costBasis),
                  let converted = try fx.convertIfKnown(cost, to: currency, on: view.purchaseDate) else { return nil }
            total += converted * Decimal(line.quantity)
        }
        return total
    }

    /// Compares one settlement row as a margin deduction under every pair: a row one profile's
    /// `margin_fees` deducts and the other's does not, or one posted in different periods of their zones.
    /// Each side's value is the fee the row takes off the margin (a charge positive), in A's currency.
    package mutating func add(fee record: FlatRecord) throws(FXError) {
        guard case .timestamp(let posted)? = record["posted_at"], case .decimal(let amount)? = record["amount"],
              case .text(let currency)? = record["currency"] else { return }
        let description = record["description"]?.storageText
        guard MarginFee.isMarginFee(description) else { return }
        let ref = RecordRef(kind: "fee", id: record.keyText, platform: record["platform"]?.storageText ?? "",
                            shop: record["shop"]?.storageText ?? "", lineage: record.lineage)
        var scopes: [(ScopeType, String)] = [(.company, "all")]
        if !ref.platform.isEmpty { scopes.append((.platform, ref.platform)) }
        if !ref.shop.isEmpty { scopes.append((.shop, ref.shop)) }
        let fee = Money(-amount, currency)
        for (index, pair) in pairs.enumerated() {
            let aViews = definitions.versions(of: pair.a), bViews = definitions.versions(of: pair.b)
            let currencyA = aViews[0].currency
            for grain in grains {
                func side(_ versions: [DefinitionProfile]) throws(FXError) -> (profile: DefinitionProfile, side: Side)? {
                    for profile in versions {
                        let day = profile.zone.date(of: posted.instant)
                        let period = grain.period(containing: day)
                        guard definitions.applies(profile, to: period) else { continue }
                        guard MarginFee.deducts(description, under: profile.marginFees) else { return nil }
                        return (profile, Side(period: period, value: try fx.convertIfKnown(fee, to: currencyA, on: day)))
                    }
                    return nil
                }
                let a = try side(aViews), b = try side(bViews)
                guard a != nil || b != nil else { continue }
                compare(index, pair, .grossMargin, ref, scopes, a?.side, b?.side) {
                    Self.explainFee(ref, description: description ?? "", fee: fee, posted: posted.instant,
                                    a: a?.profile ?? aViews[0], b: b?.profile ?? bViews[0], a?.side.period, b?.side.period, pair)
                }
            }
        }
    }

    /// Compares one day of one ad's attributed sales under every pair. Ad reports are per calendar day as
    /// the console wrote them, so both sides count the row in the same period; they differ by window.
    package mutating func add(ad record: FlatRecord) throws(FXError) {
        guard case .date(let date)? = record["date"], case .text(let currency)? = record["currency"] else { return }
        let ref = RecordRef(kind: "ad", id: record.keyText, platform: record["platform"]?.storageText ?? "",
                            shop: record["shop"]?.storageText ?? "", lineage: record.lineage)
        var scopes: [(ScopeType, String)] = [(.company, "all")]
        if !ref.platform.isEmpty { scopes.append((.platform, ref.platform)) }
        scopes.append((.shop, ref.shop))
        for (index, pair) in pairs.enumerated() {
            let currencyA = definitions.versions(of: pair.a)[0].currency
            for grain in grains {
                let period = grain.period(containing: date)
                func side(_ name: String) throws(FXError) -> (profile: DefinitionProfile, side: Side)? {
                    guard let profile = definitions.versions(of: name).first(where: { definitions.applies($0, to: period) })
                    else { return nil }
                    let sales = Self.attributedSales(record, window: profile.adAttribution)
                    let value = try sales.flatMap { amount throws(FXError) in
                        try fx.convertIfKnown(Money(amount, currency), to: currencyA, on: date)
                    }
                    return (profile, Side(period: period, value: value))
                }
                let a = try side(pair.a), b = try side(pair.b)
                guard a != nil || b != nil else { continue }
                if let value = b?.side.value { tally(index, period, scopes, .adSales) { $0.bInA += value } }
                compare(index, pair, .adSales, ref, scopes, a?.side, b?.side) {
                    Self.explainAd(ref, record: record, currency: currency, a: a?.profile, b: b?.profile, pair)
                }
            }
        }
    }

    /// The sales an ad row attributes within `window`: an empty cell with no attributed order is 0 (the
    /// console leaves it empty), with orders or without the column it is unknown.
    static func attributedSales(_ record: FlatRecord, window: AdAttribution) -> Decimal? {
        if case .decimal(let value)? = record[window.salesField] { return value }
        if case .integer(0)? = record[window.ordersField] { return 0 }
        return nil
    }

    /// Compares whether one ticket is a complaint under every pair, in the period it was created. Only a
    /// ticket both sides can judge: where a side declares no complaint tags, or the export did not give the
    /// ticket's tags, that side has no rate at all, and the fact row says so without naming every ticket.
    mutating func addComplaint(_ ref: RecordRef, aViews: [TicketView], bViews: [TicketView], index: Int,
                               pair: ProfilePair, grain: Grain) {
        guard let a = pick(aViews, grain: grain, profile: \.profile, date: { $0.isComplaint == nil ? nil : $0.createdDate }),
              let b = pick(bViews, grain: grain, profile: \.profile, date: { $0.isComplaint == nil ? nil : $0.createdDate })
        else { return }
        compare(index, pair, .complaintRate, ref, [(.company, "all")],
                Side(period: a.period, value: a.view.isComplaint == true ? 1 : 0),
                Side(period: b.period, value: b.view.isComplaint == true ? 1 : 0)) {
            if a.period != b.period { return Self.explainTicket(ref, a.view, b.view, a.period, b.period, pair) }
            return Self.explainComplaint(ref, a.view, b.view, pair)
        }
    }
}
