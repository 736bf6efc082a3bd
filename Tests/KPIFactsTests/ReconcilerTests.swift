import Foundation
import KPIFacts
import KPISchema
import Testing

/// The China and US teams' profiles over a handful of orders, tickets and stock rows chosen so that
/// each reconciliation reason happens once. Every value below was worked out by hand in the comments.
@Suite struct ReconcilerTests {
    static let usSupport = ShiftCalendar(name: "us_support", zone: Zone("America/Los_Angeles")!, workingDays: [1, 2, 3, 4, 5],
                                         start: TimeOfDay(hour: 9, minute: 0, second: 0)!, end: TimeOfDay(hour: 18, minute: 0, second: 0)!)
    static let cn = DefinitionProfile(name: "cn", version: 1, zone: Zone("Asia/Shanghai")!, shipped: .labelPrinted, sales: .gross,
                                      includeTax: false, includeShipping: false, currency: "CNY", inventory: .system,
                                      responseTime: .calendarHours, responseSLAHours: 24)
    static let us = DefinitionProfile(name: "us", version: 1, zone: Zone("America/Los_Angeles")!, shipped: .carrierFirstScan,
                                      sales: .net, includeTax: false, includeShipping: false, currency: "USD", inventory: .counted,
                                      responseTime: .businessHours(usSupport), responseSLAHours: 8)
    static func rate(_ day: String, _ value: String) -> FXTable.Rate {
        .init(date: CivilDate(iso: day)!, from: "USD", to: "CNY", rate: Decimal(string: value)!)
    }
    static let fx = FXTable(rates: [rate("2026-10-09", "7.10"), rate("2026-10-11", "7.12"), rate("2026-10-30", "7.20"),
                                    rate("2026-11-02", "7.25")])

    static func ts(_ iso: String) -> Timestamp { Timestamp(instant: Instant(iso8601: iso)!, zone: "UTC") }
    static func key(_ platform: String, _ id: String) -> OrderKey { OrderKey(platform: platform, orderID: id) }
    static let lineage = Lineage(connector: "test", file: "inbox/test.csv", line: 7, contentHash: "h", runID: 1)

    static func order(_ platform: String, _ id: String, at: String, amount: String, tax: String = "0") -> (Order, OrderLine) {
        (Order(key: key(platform, id), shop: platform + "-us", purchasedAt: ts(at), paidAt: nil, status: .open,
               statusRaw: "paid", currency: "USD", version: nil, lineage: lineage),
         OrderLine(key: key(platform, id), lineID: "SKU", sku: "SKU", quantity: 1, amount: Money(Decimal(string: amount)!, "USD"),
                   tax: Money(Decimal(string: tax)!, "USD"), shipping: Money(0, "USD"), version: nil, lineage: lineage))
    }

    static func event(_ platform: String, _ id: String, _ kind: FulfillmentEventKind, _ at: String) -> FulfillmentEvent {
        FulfillmentEvent(key: key(platform, id), kind: kind, occurredAt: ts(at), trackingNumber: nil, lineage: lineage)
    }

    static func ticket(id: String, created: String, replied: String) -> FlatRecord {
        var values = [FlatValue?](repeating: nil, count: FlatKind.ticket.schema.fields.count)
        let schema = FlatKind.ticket.schema
        values[schema.index(of: "system")!] = .text("zendesk")
        values[schema.index(of: "ticket_id")!] = .text(id)
        values[schema.index(of: "created_at")!] = .timestamp(ts(created))
        values[schema.index(of: "first_reply_at")!] = .timestamp(ts(replied))
        return FlatRecord(kind: .ticket, values: values, lineage: lineage)
    }

    static func stock(sku: String, day: String, system: Int, counted: Int) -> FlatRecord {
        let schema = FlatKind.inventorySnapshot.schema
        var values = [FlatValue?](repeating: nil, count: schema.fields.count)
        values[schema.index(of: "source")!] = .text("erp")
        values[schema.index(of: "warehouse")!] = .text("WH1")
        values[schema.index(of: "sku")!] = .text(sku)
        values[schema.index(of: "snapshot_date")!] = .date(CivilDate(iso: day)!)
        values[schema.index(of: "system_quantity")!] = .integer(system)
        values[schema.index(of: "counted_quantity")!] = .integer(counted)
        return FlatRecord(kind: .inventorySnapshot, values: values, lineage: lineage)
    }

    /// P: bought 2026-10-31 16:30Z = 1 Nov 00:30 Beijing = 31 Oct 09:30 LA → November for cn, October for us. 20.00 USD.
    /// L: bought 31 Oct 15:30Z = 23:30 on the month's last day in Beijing, 08:30 in LA → October for both. 10.00 USD;
    ///    label 31 Oct 23:50 Beijing, first scan 1 Nov 17:12Z = 09:12 PST (the US left daylight saving at 09:00Z that day).
    /// D: bought 1 Nov 07:30Z = 00:30 PDT on 1 Nov in LA (still daylight time: −7, so November; −8 would say 31 Oct),
    ///    15:30 in Beijing → November for both. 30.00 USD.
    /// R: bought 10 Oct 20:00Z = 11 Oct 04:00 Beijing, 10 Oct 13:00 LA → October for both, but converted at the
    ///    11 Oct rate (7.12) for cn and the 10 Oct rate (7.10, carried from 9 Oct) for us. 50.00 USD; partial refund
    ///    10.00 on 5 Nov 18:00Z (10:00 PST): November, for us only. Label printed, never scanned.
    static let records = {
        let orders = [order("amazon", "P", at: "2026-10-31T16:30:00Z", amount: "20.00"),
                      order("amazon", "L", at: "2026-10-31T15:30:00Z", amount: "10.00"),
                      order("shopify", "D", at: "2026-11-01T07:30:00Z", amount: "30.00"),
                      order("shopify", "R", at: "2026-10-10T20:00:00Z", amount: "50.00")]
        return RecordSet(
            orders: orders.map(\.0), lines: orders.map(\.1),
            events: [event("amazon", "L", .labelPrinted, "2026-10-31T15:50:00Z"),
                     event("amazon", "L", .carrierFirstScan, "2026-11-01T17:12:00Z"),
                     event("shopify", "R", .labelPrinted, "2026-10-11T02:00:00Z")],
            refunds: [Refund(key: key("shopify", "R"), refundID: "r1", amount: Money(10, "USD"),
                             refundedAt: ts("2026-11-05T18:00:00Z"), lineage: lineage)],
            flat: [
                // Created Fri 30 Oct 17:00 PDT (31 Oct 08:00 Beijing), answered Mon 2 Nov 10:00 PST: 66 calendar
                // hours; business hours Fri 17–18 and Mon 9–10 = 2.
                ticket(id: "4711", created: "2026-10-31T00:00:00Z", replied: "2026-11-02T18:00:00Z"),
                stock(sku: "SKU-A", day: "2026-10-31", system: 0, counted: 3),
            ])
    }()

    func reconcile(_ profiles: [DefinitionProfile] = [cn, us], pair: ProfilePair = ProfilePair("cn", "us"),
                   records: RecordSet = records) throws -> (facts: [FactMetric], rows: [ReconciliationFact], details: [ReconciliationDetail]) {
        let (facts, reconciler) = try reconciler(profiles, pair: pair, records: records)
        return (facts, reconciler.rows(facts: facts), reconciler.sortedDetails)
    }

    /// The facts of `records` and a reconciler that has compared every one of them.
    func reconciler(_ profiles: [DefinitionProfile] = [cn, us], pair: ProfilePair = ProfilePair("cn", "us"),
                    records: RecordSet = records) throws -> (facts: [FactMetric], reconciler: Reconciler) {
        let definitions = DefinitionSet(profiles)
        let (facts, _) = try MetricEngine(definitions: definitions, fx: Self.fx).facts(from: records)
        var reconciler = Reconciler(definitions: definitions, fx: Self.fx, pairs: [pair])
        var bundles: [OrderKey: OrderBundle] = [:]
        for order in records.orders { bundles[order.key] = OrderBundle(order: order) }
        for line in records.lines { bundles[line.key]?.lines.append(line) }
        for refund in records.refunds { bundles[refund.key]?.refunds.append(refund) }
        for event in records.events { bundles[event.key]?.events[event.kind] = event }
        for key in bundles.keys.sorted() { try reconciler.add(bundles[key]!) }
        for record in records.flat {
            if record.kind == .ticket { reconciler.add(ticket: record) } else { reconciler.add(stock: record) }
        }
        return (facts, reconciler)
    }

    func row(_ rows: [ReconciliationFact], _ metric: String, _ start: String) -> ReconciliationFact? {
        rows.first { $0.grain == .month && $0.periodStart.description == start && $0.scopeType == .company && $0.metric == metric }
    }

    func details(_ all: [ReconciliationDetail], _ metric: String, _ start: String) -> [String] {
        all.filter { $0.metric == metric && $0.periodStart.description == start }.map {
            "\($0.recordID) \($0.inA ? "a" : "-")\($0.inB ? "b" : "-") \($0.valueA?.plainString ?? "·") \($0.valueBInA?.plainString ?? "·") "
                + $0.reasons.map(\.rawValue).joined(separator: ",")
        }
    }

    @Test func salesDifferByPeriodBoundaryCurrencyDateAndRefund() throws {
        let (_, rows, all) = try reconcile()
        // October. cn: L 10 × 7.20 (31 Oct, carried from 30 Oct) + R 50 × 7.12 = 428.00 CNY.
        // us: L 10 + P 20 + R 50 = 80 USD; in CNY at each LA day's rate: 72.00 + 144.00 + 355.00 = 571.00.
        let october = try #require(row(rows, "gmv", "2026-10-01"))
        #expect(october.valueA == 428 && october.valueB == 80 && october.valueBInA == 571 && october.delta == 143)
        #expect(october.currency == "CNY" && october.differingConcepts == "timezone,sales,currency")
        #expect((october.recordsOnlyA, october.recordsOnlyB, october.recordsDiffering) == (0, 1, 1))
        #expect(details(all, "gmv", "2026-10-01") == ["amazon:P -b · 144 period_boundary", "shopify:R ab 356 355 currency"])
        // November. cn: P 20 × 7.20 + D 30 × 7.20 = 360.00. us: D 30 − refund 10 = 20 USD = 216.00 − 72.50 (5 Nov at 7.25).
        let november = try #require(row(rows, "gmv", "2026-11-01"))
        #expect(november.valueA == 360 && november.valueB == 20 && november.valueBInA == Decimal(string: "143.5")
                && november.delta == Decimal(string: "-216.5"))
        #expect(details(all, "gmv", "2026-11-01") == ["amazon:P a- 144 · period_boundary", "shopify:R#r1 -b · -72.5 refund"])
        // D sits on the daylight-saving night and is November on both sides: no detail names it.
        #expect(!all.contains { $0.recordID == "shopify:D" })
        let boundary = all.first { $0.recordID == "amazon:P" && $0.metric == "orders" }!
        #expect(boundary.explanation.en == "order amazon:P purchased 2026-11-01 00:30 Asia/Shanghai = 2026-10-31 09:30 America/Los_Angeles → 2026-11 for cn, 2026-10 for us")
        #expect(boundary.explanation.zh == "订单 amazon:P 下单 2026-11-01 00:30 Asia/Shanghai = 2026-10-31 09:30 America/Los_Angeles → cn 计入 2026-11，us 计入 2026-10")
        #expect(boundary.sourceFile == "inbox/test.csv" && boundary.sourceLine == 7)
        let refund = all.first { $0.recordID == "shopify:R#r1" }!
        #expect(refund.explanation.en == "refund r1 of order shopify:R, USD 10.00, issued 2026-11-05 10:00 America/Los_Angeles: deducted in 2026-11 by us (net sales); cn reports gross sales")
        #expect(refund.explanation.zh == "订单 shopify:R 的退款 r1，USD 10.00，退款时间 2026-11-05 10:00 America/Los_Angeles：us 在 2026-11 扣减（净销售额）；cn 报总销售额（不扣退款）")
        let currency = all.first { $0.recordID == "shopify:R" && $0.metric == "gmv" }!
        #expect(currency.explanation.en == "order shopify:R converted at the rate of 2026-10-11 for cn and of 2026-10-10 for us")
    }

    @Test func shippedDiffersByEventAndByAMissingScan() throws {
        let (_, rows, all) = try reconcile()
        // October: cn counts L (label 31 Oct 23:50 Beijing) and R (label 11 Oct); us has no October scan at all.
        let october = try #require(row(rows, "shipped_orders", "2026-10-01"))
        #expect(october.valueA == 2 && october.valueB == nil && october.delta == nil)
        #expect((october.recordsOnlyA, october.recordsOnlyB) == (2, 0))
        #expect(details(all, "shipped_orders", "2026-10-01") == ["amazon:L a- 1 · shipped_event", "shopify:R a- 1 · event_missing"])
        #expect(details(all, "shipped_orders", "2026-11-01") == ["amazon:L -b · 1 shipped_event"])
        let l = all.first { $0.recordID == "amazon:L" && $0.metric == "shipped_orders" }!
        #expect(l.explanation.en == "order amazon:L label printed 2026-10-31 23:50 Asia/Shanghai, first carrier scan 2026-11-01 09:12 America/Los_Angeles → 2026-10 for cn, 2026-11 for us")
        let r = all.first { $0.recordID == "shopify:R" && $0.metric == "shipped_orders" }!
        #expect(r.explanation.en == "order shopify:R label printed 2026-10-11 10:00 Asia/Shanghai; no first carrier scan recorded yet → 2026-10 for cn, not shipped for us")
        #expect(r.explanation.zh == "订单 shopify:R 打单 2026-10-11 10:00 Asia/Shanghai；尚无扫描上网记录 → cn 计入 2026-10，us 未发货")
        // The last-day order L was bought 23:30 in Beijing: October for both, so orders disagree only on P.
        #expect(details(all, "orders", "2026-10-01") == ["amazon:P -b · 1 period_boundary"])
    }

    @Test func responseTimeInCalendarAndBusinessHours() throws {
        let (facts, rows, all) = try reconcile()
        let value = { (profile: String, metric: String) in
            facts.first { $0.grain == .month && $0.scopeType == .company && $0.profile == profile && $0.metric == metric }?.value
        }
        #expect(value("cn", "first_response_hours") == 66 && value("us", "first_response_hours") == 2)
        #expect(value("cn", "sla_response_rate") == 0 && value("us", "sla_response_rate") == 1)
        let sla = try #require(row(rows, "sla_response_rate", "2026-10-01"))
        #expect(sla.delta == 1 && sla.recordsDiffering == 1 && sla.differingConcepts == "timezone,response_time,response_sla_hours")
        let ticket = all.first { $0.metric == "sla_response_rate" }!
        #expect(ticket.reasons == [.responseTime, .sla])
        #expect(ticket.explanation.en == "ticket zendesk:4711 first reply after 66.0 h for cn (calendar_hours, SLA 24 h, missed), 2.0 h for us (business_hours(us_support), SLA 8 h, met)")
        #expect(ticket.explanation.zh == "工单 zendesk:4711 首次响应用时：cn 66.0 小时（自然小时，时限 24 小时，未达标），us 2.0 小时（工作小时(us_support)，时限 8 小时，达标）")
    }

    @Test func inventoryIsSystemOrCounted() throws {
        let (_, rows, all) = try reconcile()
        let stockout = try #require(row(rows, "stockout_rate", "2026-10-01"))
        #expect(stockout.valueA == 1 && stockout.valueB == 0 && stockout.differingConcepts == "inventory")
        #expect(all.first { $0.metric == "stockout_rate" }?.explanation.en
                == "stock erp:WH1:SKU-A@2026-10-31: system 0 for cn (stockout), counted 3 for us")
    }

    @Test func taxInOrOut() throws {
        let utc = Zone("UTC")!
        let out = DefinitionProfile(name: "ops", version: 1, zone: utc, shipped: .outbound, sales: .gross, includeTax: false,
                                    includeShipping: false, currency: "USD")
        var into = out
        into.name = "finance"
        into.includeTax = true
        let (line, item) = Self.order("walmart", "T", at: "2026-10-05T12:00:00Z", amount: "20.00", tax: "1.60")
        let (_, rows, all) = try reconcile([into, out], pair: ProfilePair("ops", "finance"),
                                           records: RecordSet(orders: [line], lines: [item]))
        #expect(details(all, "gmv", "2026-10-01") == ["walmart:T ab 20 21.6 tax"])
        #expect(all.first?.explanation.en == "order walmart:T tax USD 1.60 included by finance, excluded by ops")
        // Profiles that agree on every concept a metric uses are not reconciled on it.
        #expect(row(rows, "orders", "2026-10-01") == nil)
        #expect(row(rows, "gmv", "2026-10-01")?.delta == Decimal(string: "1.6"))
    }

    @Test func aMissingRateNamesTheDateAndPair() throws {
        let sparse = FXTable(rates: [Self.rate("2026-10-09", "7.10")], maxCarryDays: 4)
        let (order, line) = Self.order("amazon", "X", at: "2026-10-20T04:00:00Z", amount: "5.00")
        var reconciler = Reconciler(definitions: DefinitionSet([Self.cn, Self.us]), fx: sparse, pairs: [ProfilePair("cn", "us")])
        #expect(throws: FXError.missingRate(from: "USD", to: "CNY", date: CivilDate(iso: "2026-10-20")!, maxCarryDays: 4)) {
            try reconciler.add(OrderBundle(order: order, lines: [line]))
        }
        #expect(FXError.missingRate(from: "USD", to: "CNY", date: CivilDate(iso: "2026-10-20")!, maxCarryDays: 4).description
                == "no fx rate USD→CNY for 2026-10-20 (nor within the 4 days before it); add a row `2026-10-20,USD,CNY,RATE` to the fx table")
    }

    /// cn, cn/v2 (counts "shipped" when a parcel leaves the warehouse, from November) and us, with order L
    /// leaving the warehouse 1 Nov 03:00Z = 11:00 Beijing.
    static var outboundFromNovember: (profiles: [DefinitionProfile], records: RecordSet) {
        var v2 = cn
        v2.version = 2
        v2.effectiveFrom = CivilDate(iso: "2026-11-01")
        v2.shipped = .outbound
        var withOutbound = records
        withOutbound.events.append(event("amazon", "L", .outbound, "2026-11-01T03:00:00Z"))
        return ([cn, v2, us], withOutbound)
    }

    @Test func aDatedVersionComputesOnlyItsPeriods() throws {
        // cn v2 counts "shipped" at outbound from November; October stays on v1 (label printed).
        let (profiles, records) = Self.outboundFromNovember
        let (facts, _, _) = try reconcile(profiles, records: records)
        let shipped = facts.filter { $0.profile == "cn" && $0.metric == "shipped_orders" && $0.grain == .month && $0.scopeType == .company }
        #expect(shipped.map { "\($0.periodStart) v\($0.profileVersion) \($0.value)" } == ["2026-10-01 v1 2", "2026-11-01 v2 1"])
    }

    @Test func nightShiftsAndHolidaysCountOnlyWorkedHours() {
        let shanghai = Zone("Asia/Shanghai")!
        let night = ShiftCalendar(name: "night", zone: shanghai, workingDays: [1, 2, 3, 4, 5],
                                  start: TimeOfDay(hour: 22, minute: 0, second: 0)!, end: TimeOfDay(hour: 6, minute: 0, second: 0)!,
                                  holidays: [CivilDate(iso: "2026-10-07")!])
        // Tue 6 Oct 23:00 → Wed 7 Oct 05:00 Beijing lies in Tuesday's shift: 6 h.
        #expect(night.workingSeconds(from: Instant(iso8601: "2026-10-06T15:00:00Z")!, to: Instant(iso8601: "2026-10-06T21:00:00Z")!) == 6 * 3600)
        // Wed 7 Oct 22:00 → Thu 8 Oct 23:00: Wednesday's shift is a holiday; Thursday's runs 22:00–23:00 of it: 1 h.
        #expect(night.workingSeconds(from: Instant(iso8601: "2026-10-07T14:00:00Z")!, to: Instant(iso8601: "2026-10-08T15:00:00Z")!) == 3600)
    }
}
