import Foundation
import KPISchema

/// The plain-words reasons of a detail row: what happened to the record, in each team's clock, written
/// in English and Chinese at once (the store keeps both; see ``Bilingual``).
extension Reconciler {
    private static func label(_ period: Period?) -> Bilingual {
        period.map { Bilingual($0.label, $0.label) } ?? Bilingual("not counted", "不计入")
    }

    /// `2026-10 for cn, 2026-09 for us` / `cn 计入 2026-10，us 计入 2026-09`.
    private static func periods(_ pa: Bilingual, _ pb: Bilingual, _ pair: ProfilePair) -> Bilingual {
        Bilingual("\(pa.en) for \(pair.a), \(pb.en) for \(pair.b)", "\(pair.a) \(counted(pa.zh))，\(pair.b) \(counted(pb.zh))")
    }

    /// `计入 2026-10`, or the phrase itself when it already says it is not counted.
    private static func counted(_ zh: String) -> String { zh.hasPrefix("不") || zh.hasPrefix("未") ? zh : "计入 \(zh)" }

    /// `2026-10-01 04:17 Asia/Shanghai = 2026-09-30 13:17 America/Los_Angeles`.
    private static func both(_ a: Zone, _ b: Zone, _ instant: Instant) -> String { "\(a.stamp(instant)) = \(b.stamp(instant))" }

    private static func words(_ variant: String) -> Bilingual {
        Bilingual(DisplayNames.variant(variant, .en), DisplayNames.variant(variant, .zh))
    }

    private static let otherRate = Bilingual("converted at different days' rates", "按不同日期的汇率折算")

    private static func rates(_ dateA: CivilDate, _ dateB: CivilDate, _ pair: ProfilePair) -> Bilingual {
        Bilingual("converted at the rate of \(dateA) for \(pair.a) and of \(dateB) for \(pair.b)",
                  "\(pair.a) 按 \(dateA) 的汇率折算，\(pair.b) 按 \(dateB) 的汇率折算")
    }

    static func explainPurchase(_ record: RecordRef, _ a: OrderView?, _ b: OrderView?, _ pa: Period?, _ pb: Period?,
                                _ pair: ProfilePair) -> Explanation {
        guard let a, let b else {
            return Explanation(reasons: [.periodBoundary], text: Bilingual("order \(record.id) counts under one profile's version only",
                                                                           "订单 \(record.id) 只在一方的口径版本中计入"))
        }
        var reasons: [ReconcileReason] = []
        var parts: [Bilingual] = []
        if pa != pb {
            reasons.append(.periodBoundary)
            let when = both(a.profile.zone, b.profile.zone, a.bundle.order.purchasedAt.instant)
            parts.append(Bilingual("purchased \(when) → ", "下单 \(when) → ") + periods(label(pa), label(pb), pair))
        }
        let lines = a.bundle.lines
        for (reason, amount, inA, inB) in [
            (ReconcileReason.tax, lines.reduce(Decimal(0)) { $0 + $1.tax.amount }, a.profile.includeTax, b.profile.includeTax),
            (.shipping, lines.reduce(Decimal(0)) { $0 + $1.shipping.amount }, a.profile.includeShipping, b.profile.includeShipping),
        ] where inA != inB && amount != 0 {
            reasons.append(reason)
            let money = Money(amount, lines.first?.amount.currency ?? a.bundle.order.currency).spelled
            let within = inA ? pair.a : pair.b, without = inA ? pair.b : pair.a
            parts.append(Bilingual("\(reason.rawValue) \(money) included by \(within), excluded by \(without)",
                                   "\(reason == .tax ? "税费" : "运费") \(money)：\(within) 计入，\(without) 不计入"))
        }
        if pa == pb && a.purchaseDate != b.purchaseDate {
            reasons.append(.currency)
            parts.append(rates(a.purchaseDate, b.purchaseDate, pair))
        }
        if parts.isEmpty { parts.append(Bilingual("counted differently", "计值不同")) }
        return Explanation(reasons: reasons, text: Bilingual("order \(record.id) ", "订单 \(record.id) ") + .joined(parts))
    }

    static func explainVersion(_ record: RecordRef, _ version: DefinitionProfile, _ period: Period, earlier: Period?) -> Explanation {
        let label = version.definition(using: [])
        let before = earlier.map { Bilingual($0.label, $0.label) } ?? Bilingual("another period", "另一期间")
        return Explanation(reasons: [.versionChange], text: Bilingual(
            "\(record.kind) \(record.id) counts again in \(period.label) under \(label), as well as in \(before.en) under "
                + "an earlier version of \(version.name)",
            "\(DisplayNames.recordKind(record.kind, .zh)) \(record.id) 在 \(period.label) 按 \(label) 再次计入，此前已在 \(before.zh) 按 "
                + "\(version.name) 的较早版本计入"))
    }

    static func explainShipment(_ record: RecordRef, _ a: OrderView, _ b: OrderView, _ pa: Period?, _ pb: Period?,
                                _ pair: ProfilePair) -> Explanation {
        let kindA = a.profile.shipped, kindB = b.profile.shipped
        let events = a.bundle.events
        func stamp(_ view: OrderView) -> Bilingual {
            let event = words(view.profile.shipped.rawValue)
            guard let occurred = events[view.profile.shipped] else {
                return Bilingual("no \(event.en) recorded yet", "尚无\(event.zh)记录")
            }
            let when = view.profile.zone.stamp(occurred.occurredAt.instant)
            return Bilingual("\(event.en) \(when)", "\(event.zh) \(when)")
        }
        let prefix = Bilingual("order \(record.id) ", "订单 \(record.id) ")
        let notShipped = Bilingual("not shipped", "未发货")
        switch (pa, pb) {
        case (let pa?, nil), (nil, let pa?):
            let inA = pb == nil
            let missing = inA ? b : a
            let reason: ReconcileReason = events[missing.profile.shipped] == nil ? .eventMissing : .shippedEvent
            let shipped = Bilingual(pa.label, pa.label)
            return Explanation(reasons: [reason], text: prefix + .joined([stamp(a), stamp(b)]) + Bilingual(" → ", " → ")
                               + periods(inA ? shipped : notShipped, inA ? notShipped : shipped, pair))
        case (let pa?, let pb?) where pa != pb:
            if kindA == kindB, let event = events[kindA] {
                let kind = words(kindA.rawValue), when = both(a.profile.zone, b.profile.zone, event.occurredAt.instant)
                return Explanation(reasons: [.periodBoundary], text: prefix + Bilingual("\(kind.en) \(when) → ", "\(kind.zh) \(when) → ")
                                   + periods(label(pa), label(pb), pair))
            }
            return Explanation(reasons: [.shippedEvent], text: prefix + .joined([stamp(a), stamp(b)], en: ", ", zh: "，")
                               + Bilingual(" → ", " → ") + periods(label(pa), label(pb), pair))
        default:
            var reasons: [ReconcileReason] = []
            if kindA != kindB { reasons.append(.shippedEvent) }
            if a.profile.shipSLAHours != b.profile.shipSLAHours { reasons.append(.sla) }
            func clause(_ view: OrderView, _ name: String) -> Bilingual {
                guard let shipment = view.shipment else { return Bilingual("not shipped for \(name)", "\(name) 未发货") }
                let kind = words(view.profile.shipped.rawValue), hours = shipment.hours.fixed(1), sla = view.profile.shipSLAHours
                return Bilingual("\(hours) h for \(name) (\(kind.en), SLA \(sla) h, " + (shipment.onTime ? "on time)" : "late)"),
                                 "\(name) \(hours) 小时（\(kind.zh)，时限 \(sla) 小时，" + (shipment.onTime ? "及时）" : "超时）"))
            }
            return Explanation(reasons: reasons, text: prefix + Bilingual("shipped after payment: ", "付款后发货用时：")
                               + .joined([clause(a, pair.a), clause(b, pair.b)], en: ", ", zh: "，"))
        }
    }

    static func explainRefund(_ refund: Refund, order: OrderKey, _ a: DefinitionProfile, _ b: DefinitionProfile,
                              _ pa: Period?, _ pb: Period?) -> Explanation {
        let amount = refund.amount.spelled
        let head = refund.refundID == Refund.unnumbered
            ? Bilingual("refund of order \(order), \(amount), ", "订单 \(order) 的退款，\(amount)，")
            : Bilingual("refund \(refund.refundID) of order \(order), \(amount), ", "订单 \(order) 的退款 \(refund.refundID)，\(amount)，")
        func issued(_ profile: DefinitionProfile) -> Bilingual {
            guard let at = refund.refundedAt else {
                return Bilingual("undated (counted in the purchase period)", "无退款日期（计入下单期间）")
            }
            let when = profile.zone.stamp(at.instant)
            return Bilingual("issued \(when)", "退款时间 \(when)")
        }
        switch (pa, pb) {
        case (let p?, nil), (nil, let p?):
            let net = pb == nil ? a : b, gross = pb == nil ? b : a
            let grossWhy = gross.sales == .gross
                ? Bilingual("\(gross.name) reports gross sales", "\(gross.name) 报总销售额（不扣退款）")
                : Bilingual("\(gross.name) counts it in another version", "\(gross.name) 在另一口径版本中计入")
            return Explanation(reasons: [.refund], text: head + issued(net)
                + Bilingual(": deducted in \(p.label) by \(net.name) (net sales); ", "：\(net.name) 在 \(p.label) 扣减（净销售额）；")
                + grossWhy)
        case (let pa?, let pb?) where pa != pb:
            let when = refund.refundedAt.map {
                let stamps = both(a.zone, b.zone, $0.instant)
                return Bilingual("issued \(stamps)", "退款时间 \(stamps)")
            } ?? issued(a)
            return Explanation(reasons: [.periodBoundary], text: head + when + Bilingual(" → ", " → ")
                               + periods(label(pa), label(pb), ProfilePair(a.name, b.name)))
        default:
            return Explanation(reasons: [.currency], text: head + otherRate)
        }
    }

    static func explainTicket(_ record: RecordRef, _ a: TicketView, _ b: TicketView, _ pa: Period?, _ pb: Period?,
                              _ pair: ProfilePair) -> Explanation {
        let prefix = Bilingual("ticket \(record.id) ", "工单 \(record.id) ")
        if pa != pb {
            let when = both(a.profile.zone, b.profile.zone, a.createdAt)
            return Explanation(reasons: [.periodBoundary], text: prefix + Bilingual("created \(when) → ", "创建 \(when) → ")
                               + periods(label(pa), label(pb), pair))
        }
        var reasons: [ReconcileReason] = []
        if a.profile.responseTime != b.profile.responseTime { reasons.append(.responseTime) }
        if a.profile.responseSLAHours != b.profile.responseSLAHours { reasons.append(.sla) }
        func clause(_ view: TicketView, _ name: String) -> Bilingual {
            let hours = view.responseHours.map { $0.fixed(1) } ?? "?"
            let clock = view.profile.responseTime.variant, sla = view.profile.responseSLAHours, met = view.withinSLA == true
            return Bilingual("\(hours) h for \(name) (\(clock), SLA \(sla) h, " + (met ? "met)" : "missed)"),
                             "\(name) \(hours) 小时（\(DisplayNames.variant(clock, .zh))，时限 \(sla) 小时，" + (met ? "达标）" : "未达标）"))
        }
        return Explanation(reasons: reasons, text: prefix + Bilingual("first reply after ", "首次响应用时：")
                           + .joined([clause(a, pair.a), clause(b, pair.b)], en: ", ", zh: "，"))
    }

    /// `converted`: some line's cost is in another currency than A's, so the two purchase days' rates matter.
    static func explainCost(_ record: RecordRef, _ a: OrderView, _ b: OrderView, _ costA: Decimal?, _ costB: Decimal?,
                            currency: String, converted: Bool, _ pair: ProfilePair) -> Explanation {
        var reasons: [ReconcileReason] = []
        if a.profile.costBasis != b.profile.costBasis { reasons.append(.costBasis) }
        func clause(_ cost: Decimal?, _ view: OrderView, _ name: String) -> Bilingual {
            let basis = view.profile.costBasis.rawValue, basisZh = DisplayNames.variant(basis, .zh)
            guard let cost else { return Bilingual("no \(basis) cost for \(name)", "\(name) 缺少\(basisZh)数据") }
            let money = Money(cost, currency).spelled
            return Bilingual("\(money) at \(basis) cost for \(name)", "\(name) 按\(basisZh) \(money)")
        }
        var text = Bilingual("order \(record.id) cost of goods ", "订单 \(record.id) 销售成本：")
            + .joined([clause(costA, a, pair.a), clause(costB, b, pair.b)], en: ", ", zh: "，")
        if converted && a.purchaseDate != b.purchaseDate {
            reasons.append(.currency)
            text = .joined([text, rates(a.purchaseDate, b.purchaseDate, pair)])
        }
        return Explanation(reasons: reasons, text: text)
    }

    static func explainFee(_ record: RecordRef, description: String, fee: Money, posted: Instant, a: DefinitionProfile,
                           b: DefinitionProfile, _ pa: Period?, _ pb: Period?, _ pair: ProfilePair) -> Explanation {
        let head = Bilingual("fee \(record.id) (\(description), \(fee.spelled)) ", "费用 \(record.id)（\(description)，\(fee.spelled)）")
        switch (pa, pb) {
        case (let p?, nil), (nil, let p?):
            let deducting = pb == nil ? a : b, other = pb == nil ? b : a
            let when = deducting.zone.stamp(posted)
            let mine = deducting.marginFees.rawValue, theirs = other.marginFees.rawValue
            return Explanation(reasons: [.marginFees], text: head + Bilingual(
                "posted \(when): deducted from gross margin in \(p.label) by \(deducting.name) (margin_fees \(mine)), "
                    + "not by \(other.name) (margin_fees \(theirs))",
                "入账 \(when)：\(deducting.name) 在 \(p.label) 从毛利中扣减（\(DisplayNames.variant(mine, .zh))），"
                    + "\(other.name) 不扣减（\(DisplayNames.variant(theirs, .zh))）"))
        case (let pa?, let pb?) where pa != pb:
            let when = both(a.zone, b.zone, posted)
            return Explanation(reasons: [.periodBoundary], text: head + Bilingual("posted \(when) → ", "入账 \(when) → ")
                               + periods(label(pa), label(pb), pair))
        default:
            return Explanation(reasons: [.currency], text: head + otherRate)
        }
    }

    static func explainAd(_ record: RecordRef, record ad: FlatRecord, currency: String, a: DefinitionProfile?,
                          b: DefinitionProfile?, _ pair: ProfilePair) -> Explanation {
        func clause(_ profile: DefinitionProfile?, _ name: String) -> Bilingual {
            guard let profile else { return Bilingual("not counted for \(name)", "\(name) 不计入") }
            let window = profile.adAttribution.rawValue, windowZh = DisplayNames.variant(window, .zh)
            guard let sales = attributedSales(ad, window: profile.adAttribution) else {
                return Bilingual("\(window) sales unknown for \(name) (the report has no \(window) column)",
                                 "\(name) 的\(windowZh)广告销售额未知（报表没有 \(window) 列）")
            }
            let money = Money(sales, currency).spelled
            return Bilingual("\(window) sales \(money) for \(name)", "\(name) \(windowZh)广告销售额 \(money)")
        }
        let reasons: [ReconcileReason] = a?.adAttribution != b?.adAttribution ? [.adAttribution] : [.currency]
        return Explanation(reasons: reasons, text: Bilingual("ad \(record.id): ", "广告 \(record.id)：")
                           + .joined([clause(a, pair.a), clause(b, pair.b)], en: ", ", zh: "，"))
    }

    static func explainComplaint(_ record: RecordRef, _ a: TicketView, _ b: TicketView, _ pair: ProfilePair) -> Explanation {
        let tags = a.record["tags"]?.storageText ?? ""
        func clause(_ view: TicketView, _ name: String) -> Bilingual {
            let listed = view.profile.variant(.complaintTags), complaint = view.isComplaint == true
            return Bilingual((complaint ? "a complaint for " : "not a complaint for ") + "\(name) (complaint_tags \(listed))",
                             "\(name) " + (complaint ? "计为投诉" : "不计为投诉") + "（投诉标签 \(listed)）")
        }
        return Explanation(reasons: [.complaintTags], text: Bilingual("ticket \(record.id) tagged `\(tags)`: ", "工单 \(record.id) 标签 `\(tags)`：")
                           + .joined([clause(a, pair.a), clause(b, pair.b)], en: ", ", zh: "，"))
    }

    static func explainStock(_ record: RecordRef, _ a: StockView, _ b: StockView, _ pair: ProfilePair) -> Explanation {
        func clause(_ view: StockView, _ name: String) -> Bilingual {
            let basis = view.profile.inventory.rawValue, basisZh = DisplayNames.variant(basis, .zh)
            guard let quantity = view.quantity else { return Bilingual("no \(basis) quantity for \(name)", "\(name) 缺少\(basisZh)数量") }
            let out = quantity <= 0
            return Bilingual("\(basis) \(quantity) for \(name)" + (out ? " (stockout)" : ""),
                             "\(name) \(basisZh) \(quantity)" + (out ? "（缺货）" : ""))
        }
        return Explanation(reasons: [.inventory], text: Bilingual("stock \(record.id): ", "库存 \(record.id)：")
                           + .joined([clause(a, pair.a), clause(b, pair.b)], en: ", ", zh: "，"))
    }
}
