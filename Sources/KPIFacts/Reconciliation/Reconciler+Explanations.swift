import Foundation
import KPISchema

/// The plain-words reasons of a detail row: what happened to the record, in each team's clock.
extension Reconciler {
    private static func label(_ period: Period?, otherwise: String = "not counted") -> String {
        period?.label ?? otherwise
    }

    static func explainPurchase(_ record: RecordRef, _ a: OrderView?, _ b: OrderView?, _ pa: Period?, _ pb: Period?,
                                _ pair: ProfilePair) -> Explanation {
        guard let a, let b else {
            return Explanation(reasons: [.periodBoundary], text: "order \(record.id) counts under one profile's version only")
        }
        var reasons: [ReconcileReason] = []
        var parts: [String] = []
        let instant = a.bundle.order.purchasedAt.instant
        if pa != pb {
            reasons.append(.periodBoundary)
            parts.append("purchased \(a.profile.zone.stamp(instant)) = \(b.profile.zone.stamp(instant)) → "
                         + "\(label(pa)) for \(pair.a), \(label(pb)) for \(pair.b)")
        }
        let lines = a.bundle.lines
        for (reason, amount, inA, inB) in [
            (ReconcileReason.tax, lines.reduce(Decimal(0)) { $0 + $1.tax.amount }, a.profile.includeTax, b.profile.includeTax),
            (.shipping, lines.reduce(Decimal(0)) { $0 + $1.shipping.amount }, a.profile.includeShipping, b.profile.includeShipping),
        ] where inA != inB && amount != 0 {
            reasons.append(reason)
            let money = Money(amount, lines.first?.amount.currency ?? a.bundle.order.currency).spelled
            parts.append("\(reason.rawValue) \(money) included by \(inA ? pair.a : pair.b), excluded by \(inA ? pair.b : pair.a)")
        }
        if pa == pb && a.purchaseDate != b.purchaseDate {
            reasons.append(.currency)
            parts.append("converted at the rate of \(a.purchaseDate) for \(pair.a) and of \(b.purchaseDate) for \(pair.b)")
        }
        if parts.isEmpty { parts.append("counted differently") }
        return Explanation(reasons: reasons, text: "order \(record.id) " + parts.joined(separator: "; "))
    }

    static func explainVersion(_ record: RecordRef, _ version: DefinitionProfile, _ period: Period, earlier: Period?) -> Explanation {
        Explanation(reasons: [.versionChange], text: "\(record.kind) \(record.id) counts again in \(period.label) under "
                    + "\(version.definition(using: [])), as well as in \(label(earlier, otherwise: "another period")) under "
                    + "an earlier version of \(version.name)")
    }

    static func explainShipment(_ record: RecordRef, _ a: OrderView, _ b: OrderView, _ pa: Period?, _ pb: Period?,
                                _ pair: ProfilePair) -> Explanation {
        let kindA = a.profile.shipped, kindB = b.profile.shipped
        let events = a.bundle.events
        func stamp(_ view: OrderView) -> String {
            guard let event = events[view.profile.shipped] else { return "no \(view.profile.shipped.words) recorded yet" }
            return "\(view.profile.shipped.words) \(view.profile.zone.stamp(event.occurredAt.instant))"
        }
        let prefix = "order \(record.id) "
        switch (pa, pb) {
        case (let pa?, nil), (nil, let pa?):
            let inA = pb == nil
            let missing = inA ? b : a
            let reason: ReconcileReason = events[missing.profile.shipped] == nil ? .eventMissing : .shippedEvent
            return Explanation(reasons: [reason], text: prefix + "\(stamp(a)); \(stamp(b)) → "
                               + "\(inA ? pa.label : "not shipped") for \(pair.a), \(inA ? "not shipped" : pa.label) for \(pair.b)")
        case (let pa?, let pb?) where pa != pb:
            if kindA == kindB, let event = events[kindA] {
                let instant = event.occurredAt.instant
                return Explanation(reasons: [.periodBoundary], text: prefix
                    + "\(kindA.words) \(a.profile.zone.stamp(instant)) = \(b.profile.zone.stamp(instant)) → "
                    + "\(pa.label) for \(pair.a), \(pb.label) for \(pair.b)")
            }
            return Explanation(reasons: [.shippedEvent], text: prefix + "\(stamp(a)), \(stamp(b)) → "
                               + "\(pa.label) for \(pair.a), \(pb.label) for \(pair.b)")
        default:
            var reasons: [ReconcileReason] = []
            if kindA != kindB { reasons.append(.shippedEvent) }
            if a.profile.shipSLAHours != b.profile.shipSLAHours { reasons.append(.sla) }
            func clause(_ view: OrderView, _ name: String) -> String {
                guard let shipment = view.shipment else { return "not shipped for \(name)" }
                return "\(shipment.hours.fixed(1)) h for \(name) (\(view.profile.shipped.words), SLA \(view.profile.shipSLAHours) h, "
                    + (shipment.onTime ? "on time)" : "late)")
            }
            return Explanation(reasons: reasons, text: prefix + "shipped after payment: \(clause(a, pair.a)), \(clause(b, pair.b))")
        }
    }

    static func explainRefund(_ refund: Refund, order: OrderKey, _ a: DefinitionProfile, _ b: DefinitionProfile,
                              _ pa: Period?, _ pb: Period?) -> Explanation {
        let head = "refund \(refund.refundID) of order \(order), \(refund.amount.spelled), "
        func issued(_ profile: DefinitionProfile) -> String {
            refund.refundedAt.map { "issued \(profile.zone.stamp($0.instant))" } ?? "undated (counted in the purchase period)"
        }
        switch (pa, pb) {
        case (let p?, nil), (nil, let p?):
            let net = pb == nil ? a : b, gross = pb == nil ? b : a
            let grossWhy = gross.sales == .gross ? "\(gross.name) reports gross sales" : "\(gross.name) counts it in another version"
            return Explanation(reasons: [.refund], text: head
                + "\(issued(net)): deducted in \(p.label) by \(net.name) (net sales); \(grossWhy)")
        case (let pa?, let pb?) where pa != pb:
            let when = refund.refundedAt.map { "issued \(a.zone.stamp($0.instant)) = \(b.zone.stamp($0.instant))" } ?? issued(a)
            return Explanation(reasons: [.periodBoundary], text: head + "\(when) → \(pa.label) for \(a.name), \(pb.label) for \(b.name)")
        default:
            return Explanation(reasons: [.currency], text: head + "converted at different days' rates")
        }
    }

    static func explainTicket(_ record: RecordRef, _ a: TicketView, _ b: TicketView, _ pa: Period?, _ pb: Period?,
                              _ pair: ProfilePair) -> Explanation {
        let prefix = "ticket \(record.id) "
        if pa != pb {
            return Explanation(reasons: [.periodBoundary], text: prefix
                + "created \(a.profile.zone.stamp(a.createdAt)) = \(b.profile.zone.stamp(a.createdAt)) → "
                + "\(label(pa)) for \(pair.a), \(label(pb)) for \(pair.b)")
        }
        var reasons: [ReconcileReason] = []
        if a.profile.responseTime != b.profile.responseTime { reasons.append(.responseTime) }
        if a.profile.responseSLAHours != b.profile.responseSLAHours { reasons.append(.sla) }
        func clause(_ view: TicketView, _ name: String) -> String {
            let hours = view.responseHours.map { $0.fixed(1) } ?? "?"
            return "\(hours) h for \(name) (\(view.profile.responseTime.variant), SLA \(view.profile.responseSLAHours) h, "
                + (view.withinSLA == true ? "met)" : "missed)")
        }
        return Explanation(reasons: reasons, text: prefix + "first reply after \(clause(a, pair.a)), \(clause(b, pair.b))")
    }

    /// `converted`: some line's cost is in another currency than A's, so the two purchase days' rates matter.
    static func explainCost(_ record: RecordRef, _ a: OrderView, _ b: OrderView, _ costA: Decimal?, _ costB: Decimal?,
                            currency: String, converted: Bool, _ pair: ProfilePair) -> Explanation {
        var reasons: [ReconcileReason] = []
        if a.profile.costBasis != b.profile.costBasis { reasons.append(.costBasis) }
        func clause(_ cost: Decimal?, _ view: OrderView, _ name: String) -> String {
            let basis = "\(view.profile.costBasis.rawValue) cost"
            guard let cost else { return "no \(basis) for \(name)" }
            return "\(Money(cost, currency).spelled) at \(basis) for \(name)"
        }
        var text = "order \(record.id) cost of goods \(clause(costA, a, pair.a)), \(clause(costB, b, pair.b))"
        if converted && a.purchaseDate != b.purchaseDate {
            reasons.append(.currency)
            text += "; converted at the rate of \(a.purchaseDate) for \(pair.a) and of \(b.purchaseDate) for \(pair.b)"
        }
        return Explanation(reasons: reasons, text: text)
    }

    static func explainFee(_ record: RecordRef, description: String, fee: Money, posted: Instant, a: DefinitionProfile,
                           b: DefinitionProfile, _ pa: Period?, _ pb: Period?, _ pair: ProfilePair) -> Explanation {
        let head = "fee \(record.id) (\(description), \(fee.spelled)) "
        switch (pa, pb) {
        case (let p?, nil), (nil, let p?):
            let deducting = pb == nil ? a : b, other = pb == nil ? b : a
            return Explanation(reasons: [.marginFees], text: head
                + "posted \(deducting.zone.stamp(posted)): deducted from gross margin in \(p.label) by \(deducting.name) "
                + "(margin_fees \(deducting.marginFees.rawValue)), not by \(other.name) (margin_fees \(other.marginFees.rawValue))")
        case (let pa?, let pb?) where pa != pb:
            return Explanation(reasons: [.periodBoundary], text: head
                + "posted \(a.zone.stamp(posted)) = \(b.zone.stamp(posted)) → \(pa.label) for \(pair.a), \(pb.label) for \(pair.b)")
        default:
            return Explanation(reasons: [.currency], text: head + "converted at different days' rates")
        }
    }

    static func explainAd(_ record: RecordRef, record ad: FlatRecord, currency: String, a: DefinitionProfile?,
                          b: DefinitionProfile?, _ pair: ProfilePair) -> Explanation {
        func clause(_ profile: DefinitionProfile?, _ name: String) -> String {
            guard let profile else { return "not counted for \(name)" }
            let window = profile.adAttribution.rawValue
            guard let sales = attributedSales(ad, window: profile.adAttribution) else {
                return "\(window) sales unknown for \(name) (the report has no \(window) column)"
            }
            return "\(window) sales \(Money(sales, currency).spelled) for \(name)"
        }
        let reasons: [ReconcileReason] = a?.adAttribution != b?.adAttribution ? [.adAttribution] : [.currency]
        return Explanation(reasons: reasons, text: "ad \(record.id): \(clause(a, pair.a)), \(clause(b, pair.b))")
    }

    static func explainComplaint(_ record: RecordRef, _ a: TicketView, _ b: TicketView, _ pair: ProfilePair) -> Explanation {
        let tags = a.record["tags"]?.storageText ?? ""
        func clause(_ view: TicketView, _ name: String) -> String {
            (view.isComplaint == true ? "a complaint for " : "not a complaint for ")
                + "\(name) (complaint_tags \(view.profile.variant(.complaintTags)))"
        }
        return Explanation(reasons: [.complaintTags],
                           text: "ticket \(record.id) tagged `\(tags)`: \(clause(a, pair.a)), \(clause(b, pair.b))")
    }

    static func explainStock(_ record: RecordRef, _ a: StockView, _ b: StockView, _ pair: ProfilePair) -> Explanation {
        func clause(_ view: StockView, _ name: String) -> String {
            let basis = view.profile.inventory.rawValue
            guard let quantity = view.quantity else { return "no \(basis) quantity for \(name)" }
            return "\(basis) \(quantity) for \(name)" + (quantity <= 0 ? " (stockout)" : "")
        }
        return Explanation(reasons: [.inventory], text: "stock \(record.id): \(clause(a, pair.a)), \(clause(b, pair.b))")
    }
}
