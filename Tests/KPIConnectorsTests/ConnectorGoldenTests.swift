import Foundation
import KPIConnectors
import KPISchema
import Testing

/// Each shipped connector read over a small fixture must produce exactly the golden records.
@Suite struct ConnectorGoldenTests {
    /// The connector detection routes fixture `name` to, if any.
    private func detected(_ name: String) throws -> String? {
        let detector = ConnectorDetector(catalog: try ConnectorCatalog(directories: [shippedConnectors]))
        let path = fixture(name)
        return try? detector.choose(path: path, display: name, fingerprint: try FileFingerprint.compute(path: path)).get().connector
    }

    private func golden(_ name: String) throws -> String {
        try String(contentsOfFile: fixture(name), encoding: .utf8)
    }

    @Test func amazonAllOrders() throws {
        let (sink, stats) = try read("amazon.all_orders", "amazon_all_orders.txt", shop: "amazon-us")
        #expect(render(sink.records) == (try golden("amazon_all_orders.golden")))
        #expect(stats.rowsRead == 5)
        #expect(stats.rowsQuarantined == 1)
        #expect(stats.rowsLoaded == 4)
        #expect(sink.quarantined.map(\.reason.en) == [
            "amazon_all_orders.txt:6:3: purchase-date: `2026-02-30T10:00:00+00:00` is not a real calendar date; expected a time like `yyyy-MM-dd'T'HH:mm:ssXXX` or `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`",
        ])
        #expect(sink.quarantined.first?.raw.hasPrefix("111-0000004-0000004\t\t2026-02-30") == true)
    }

    /// A vendor account's Sponsored Products report: no SKU column, sales attributed over 14 days. Those land in
    /// the 14-day fields and the 7-day ones stay empty, so a profile counting 7 days finds no sales rather than
    /// another window's; a day with no attributed order leaves the sales cell empty, as the console does.
    @Test func vendorAdReportCarriesTheFourteenDayWindow() throws {
        let (sink, stats) = try read("amazon.sp_advertised_product", "sp_advertised_product_vendor.csv", shop: "amazon-vendor")
        #expect(render(sink.records) == """
            ad_spend platform=amazon shop=amazon-vendor date=2026-10-01 campaign=SP - Vendor - Mugs ad_group=Mugs asin=B0C9MUG001 impressions=12011 clicks=96 spend=71.52 currency=USD sales_14d=402.3 orders_14d=14 line=2
            ad_spend platform=amazon shop=amazon-vendor date=2026-10-02 campaign=SP - Vendor - Mugs ad_group=Mugs asin=B0C9MUG001 impressions=10734 clicks=81 spend=63.18 currency=USD orders_14d=0 line=3

            """)
        #expect(stats.rowsRead == 2 && stats.rowsQuarantined == 0)
    }

    /// A cost table kept in English, without the optional freight column: each row a cost from its date on.
    /// A cost without a currency is set aside rather than read in some currency nobody named; so is a day
    /// that does not exist.
    @Test func skuCostsInEnglishWithoutFreight() throws {
        let (sink, stats) = try read("finance.sku_costs", "sku_costs_en.csv")
        #expect(render(sink.records) == """
            sku_cost sku=MUG-01 effective_from=2026-09-01 unit_cost=3.2 currency=USD line=2
            sku_cost sku=MUG-01 effective_from=2026-10-15 unit_cost=3.45 currency=USD line=3

            """)
        #expect(stats.rowsRead == 4 && stats.rowsQuarantined == 2)
        #expect(sink.quarantined.map(\.reason.en) == [
            "sku_costs_en.csv:4:4: Currency: empty, but `currency` is required",
            "sku_costs_en.csv:5:2: Effective From: `2026-09-31` is not a real calendar date; expected a date like `yyyy-MM-dd` or `yyyy/M/d` or `yyyy-MM-dd HH:mm:ss`",
        ])
    }

    /// Only what costs the seller is a fee: commission and fulfilment are; the sale's principal and tax
    /// (the order reports count those), the tax Amazon withholds for the state (ItemWithheldTax) and the
    /// reserve it holds back and releases are not.
    @Test func amazonSettlementFeesLeaveOutWithheldTaxAndReserves() throws {
        let (sink, stats) = try read("amazon.settlement_v2", "amazon_settlement_v2_withheld.txt")
        #expect(render(sink.records) == """
            fee platform=amazon settlement_id=13370000002 order_id=113-2204417-5598021 transaction_type=Order fee_type=ItemFees description=Commission sku=PC-1818-BEIGE item_code=52811749365301 amount=-3.75 currency=USD posted_at=2026-10-05T09:12:44Z@UTC shop=amazon settlement_start=2026-10-15T00:00:00Z@UTC settlement_end=2026-10-29T00:00:00Z@UTC line=6
            fee platform=amazon settlement_id=13370000002 order_id=113-2204417-5598021 transaction_type=Order fee_type=ItemFees description=FBAPerUnitFulfillmentFee sku=PC-1818-BEIGE item_code=52811749365301 amount=-5.4 currency=USD posted_at=2026-10-05T09:12:44Z@UTC shop=amazon settlement_start=2026-10-15T00:00:00Z@UTC settlement_end=2026-10-29T00:00:00Z@UTC line=7

            """)
        #expect(stats.rowsRead == 8 && stats.rowsSkipped == 1 && stats.rowsQuarantined == 0)
    }

    /// Bank of China's table: 中行折算价 per 100 units becomes a rate per unit, against CNY; a second
    /// publication of the day repeats the rate; a currency the spec does not map (坚戈) yields nothing; a row without a
    /// conversion rate is set aside, not given one.
    @Test func bankOfChinaQuotations() throws {
        let (sink, stats) = try read("fx.boc_whpj", "boc_whpj.csv")
        #expect(render(sink.records) == """
            fx_rate date=2026-11-02 from_currency=USD to_currency=CNY rate=7.1126 line=2
            fx_rate date=2026-11-02 from_currency=USD to_currency=CNY rate=7.1126 line=3
            fx_rate date=2026-11-02 from_currency=EUR to_currency=CNY rate=7.781 line=4
            fx_rate date=2026-11-02 from_currency=JPY to_currency=CNY rate=0.04641 line=6

            """)
        #expect(sink.quarantined.map(\.reason.en) == ["boc_whpj.csv:7:6: 中行折算价: empty, but `rate` is required"])
        #expect(sink.quarantined.map(\.reason.zh) == ["boc_whpj.csv:7:6：中行折算价：为空，但 `rate` 是必填字段"])
        #expect(stats.rowsRead == 6)
    }

    /// The 36-column settlement flat file: each row's one filled pair (or single column) is read like a V2
    /// row — the pair names `fee_type`, its own type word `description`. A row stating only the quantity
    /// carries no money and is skipped; the sale's principal, tax and promotion are the order reports'
    /// (no record); each item's refunded principal is a refund (two items under one adjustment, two refunds);
    /// an amount without the type beside it is set aside.
    @Test func amazonSettlementV1() throws {
        let (sink, stats) = try read("amazon.settlement_v1", "amazon_settlement_v1.txt")
        let order = "settlement_id=13360000001 order_id=112-1111111-1111111 transaction_type=Order"
        let item = "sku=HB-MUG-TI item_code=61122233344455"
        let refunded = "settlement_id=13360000001 order_id=112-2222222-2222222 transaction_type=Refund"
        let refundItem = "sku=HB-CHAIR-F item_code=61122233344466"
        #expect(render(sink.records) == """
            fee platform=amazon \(order) fee_type=ItemFees description=Commission \(item) amount=-6.6 currency=USD posted_at=2026-09-01T10:15:00Z@UTC shop=amazon settlement_start=2026-08-30T07:00:00Z@UTC settlement_end=2026-09-13T07:00:00Z@UTC line=6
            fee platform=amazon \(order) fee_type=ItemFees description=FBAPerUnitFulfillmentFee \(item) amount=-3.22 currency=USD posted_at=2026-09-01T10:15:00Z@UTC shop=amazon settlement_start=2026-08-30T07:00:00Z@UTC settlement_end=2026-09-13T07:00:00Z@UTC line=7
            fee platform=amazon \(order) fee_type=ShipmentFees description=FBAInboundTransportationFee \(item) amount=-0.85 currency=USD posted_at=2026-09-01T10:15:00Z@UTC shop=amazon settlement_start=2026-08-30T07:00:00Z@UTC settlement_end=2026-09-13T07:00:00Z@UTC line=8
            refund amazon:112-2222222-2222222 id=amzn1.adj.66001#61122233344466 amount=58 USD at=2026-09-05T12:00:00Z@UTC line=10
            refund amazon:112-2222222-2222222 id=amzn1.adj.66001#61122233344477 amount=22 USD at=2026-09-05T12:00:00Z@UTC line=11
            fee platform=amazon \(refunded) fee_type=ItemFees description=Commission \(refundItem) amount=8.7 currency=USD posted_at=2026-09-05T12:00:00Z@UTC shop=amazon settlement_start=2026-08-30T07:00:00Z@UTC settlement_end=2026-09-13T07:00:00Z@UTC line=12
            fee platform=amazon \(refunded) fee_type=ItemFees description=RefundCommission \(refundItem) amount=-1.74 currency=USD posted_at=2026-09-05T12:00:00Z@UTC shop=amazon settlement_start=2026-08-30T07:00:00Z@UTC settlement_end=2026-09-13T07:00:00Z@UTC line=13
            fee platform=amazon settlement_id=13360000001 transaction_type=OtherFee fee_type=OtherFee description=Subscription Fee amount=-39.99 currency=USD posted_at=2026-09-10T00:00:00Z@UTC shop=amazon settlement_start=2026-08-30T07:00:00Z@UTC settlement_end=2026-09-13T07:00:00Z@UTC line=14
            fee platform=amazon settlement_id=13360000001 transaction_type=MiscEvent fee_type=MiscFee description=MiscFee amount=-1.5 currency=USD posted_at=2026-09-11T00:00:00Z@UTC shop=amazon settlement_start=2026-08-30T07:00:00Z@UTC settlement_end=2026-09-13T07:00:00Z@UTC line=15

            """)
        #expect(sink.quarantined.map(\.reason.en) == ["amazon_settlement_v1.txt:16:24: price-type: empty, but the amount beside it needs its name"])
        #expect(sink.quarantined.map(\.reason.zh) == ["amazon_settlement_v1.txt:16:24：price-type：为空，但旁边的金额需要它给出名称"])
        // Rows 2–16: the summary and the quantity-only row skipped.
        #expect(stats.rowsRead == 15 && stats.rowsSkipped == 2 && stats.rowsQuarantined == 1)
        #expect(try detected("amazon_settlement_v1.txt") == "amazon.settlement_v1")
    }

    /// The ECB's rate history: each quoted currency of a day is a rate from EUR, `N/A` none; a cell that is
    /// neither a number nor `N/A` sets the whole day aside rather than loading part of it.
    @Test func europeanCentralBankHistory() throws {
        let (sink, stats) = try read("fx.ecb_hist", "eurofxref-hist.csv")
        func day(_ date: String, line: Int, _ rates: [(String, String)]) -> String {
            rates.map { "fx_rate date=\(date) from_currency=EUR to_currency=\($0.0) rate=\($0.1) line=\(line)\n" }.joined()
        }
        #expect(render(sink.records)
                == day("2026-11-03", line: 2, [("USD", "1.0835"), ("JPY", "163.52"), ("GBP", "0.84215"), ("CHF", "0.9402"),
                                               ("CNY", "7.7012"), ("INR", "91.245")])
                + day("2026-11-02", line: 3, [("USD", "1.0852"), ("JPY", "164.01"), ("GBP", "0.8418"), ("CHF", "0.9415"),
                                               ("CNY", "7.7145"), ("INR", "91.38")]))
        #expect(sink.quarantined.map(\.reason.en) == ["eurofxref-hist.csv:4:3: JPY: `n.a.` is not a number; expected a number like 1,234.56, $12.00 or 12%"])
        #expect(sink.quarantined.map(\.reason.zh) == ["eurofxref-hist.csv:4:3：JPY：`n.a.` 不是数字；应为数字，如 1,234.56、$12.00 或 12%"])
        #expect(stats.rowsRead == 3)
    }

    /// The seller-fulfilled order report: an order awaiting shipment (open, versioned by its purchase time
    /// so All Orders' later status wins), lines keyed by SKU like All Orders', times with their offset; a
    /// quantity written in words is set aside.
    @Test func amazonOrderReport() throws {
        let (sink, stats) = try read("amazon.order_report", "amazon_order_report.txt")
        #expect(render(sink.records) == (try golden("amazon_order_report.golden")))
        #expect(sink.quarantined.map(\.reason.en) == ["amazon_order_report.txt:4:10: quantity-purchased: `one` is not a whole number; expected a whole number like 3 or 1,200"])
        #expect(stats.rowsRead == 3)
        #expect(try detected("amazon_order_report.txt") == "amazon.order_report")
    }

    /// FBA's amazon-fulfilled inventory: a SELLABLE row is the SKU's stock on the period's last day (an
    /// empty shelf included), an UNSELLABLE one yields nothing, a mistyped quantity is set aside.
    @Test func amazonAFNInventory() throws {
        let (sink, stats) = try read("amazon.afn_inventory", "amazon_afn_inventory.txt", period: "2026-11-30")
        #expect(render(sink.records) == """
            inventory_snapshot source=amazon warehouse=AFN sku=HB-MUG-TI snapshot_date=2026-11-30 available_quantity=118 line=2
            inventory_snapshot source=amazon warehouse=AFN sku=HB-CHAIR-F snapshot_date=2026-11-30 available_quantity=0 line=4

            """)
        #expect(sink.quarantined.map(\.reason.en) == ["amazon_afn_inventory.txt:5:6: Quantity Available: `4O` is not a whole number; expected a whole number like 3 or 1,200"])
        #expect(stats.rowsRead == 4 && stats.rowsQuarantined == 1)
        #expect(try detected("amazon_afn_inventory.txt") == "amazon.afn_inventory")
    }

    /// Returns of seller-fulfilled orders: one return per RMA on its request day, read as midnight Pacific
    /// (the marketplace's day); a date in neither layout the report is known to write is set aside.
    @Test func amazonReturnsByReturnDate() throws {
        let (sink, stats) = try read("amazon.mfn_returns", "amazon_mfn_returns.txt")
        #expect(render(sink.records) == """
            return amazon:114-3941689-8772232 id=D8kQ2mZpRRMA sku=HB-MUG-TI qty=1 at=2026-11-20T08:00:00Z@America/Los_Angeles reason=CR-DEFECTIVE line=2
            return amazon:114-3941689-8772232 id=D8kQ2mZpSRMA sku=HB-CAMP-LT qty=1 at=2026-11-21T08:00:00Z@America/Los_Angeles reason=CR-UNWANTED_ITEM line=3

            """)
        #expect(sink.quarantined.count == 1 && sink.quarantined[0].reason.en.hasPrefix("amazon_mfn_returns.txt:4:3: Return request date: `22/11/26`"))
        #expect(stats.rowsRead == 3)
        #expect(try detected("amazon_mfn_returns.txt") == "amazon.mfn_returns")
    }

    /// Freshdesk's API with `include=stats`: codes become words, first reply and resolution come from
    /// `stats`, an unanswered ticket has neither, a time in another layout sets its ticket aside; `"tags": []`
    /// is a ticket without tags (empty text), not one whose tags are unknown.
    @Test func freshdeskTicketsAPI() throws {
        let (sink, stats) = try read("freshdesk.tickets_api", "freshdesk_tickets_api.json")
        #expect(render(sink.records) == """
            ticket system=freshdesk ticket_id=4101 created_at=2026-11-02T08:12:45Z@UTC first_reply_at=2026-11-02T09:40:10Z@UTC \
            solved_at=2026-11-03T10:00:02Z@UTC agent=48000111222 group_name=48000000031 status=solved priority=medium channel=email tags=defect,mug line=1
            ticket system=freshdesk ticket_id=4102 created_at=2026-11-03T21:30:00Z@UTC group_name=48000000031 status=open priority=low channel=chat tags= line=2

            """)
        #expect(sink.quarantined.map(\.reason.en) == [
            "freshdesk_tickets_api.json:3:2: created_at: `04/11/2026 10:00` does not match the date format; expected a time like `yyyy-MM-dd'T'HH:mm:ssXXX`",
        ])
        #expect(sink.quarantined.map(\.reason.zh) == [
            "freshdesk_tickets_api.json:3:2：created_at：`04/11/2026 10:00` 与日期格式不符；应为形如 `yyyy-MM-dd'T'HH:mm:ssXXX` 的时间",
        ])
        #expect(stats.rowsRead == 3)
        #expect(try detected("freshdesk_tickets_api.json") == "freshdesk.tickets_api")
    }

    /// SP-API's sales and traffic by ASIN: each child over the report's whole range (its specification's
    /// start and end), percentages as fractions; the per-day totals are not read again; a child without
    /// sessions is set aside.
    @Test func amazonSalesAndTraffic() throws {
        let (sink, stats) = try read("amazon.sales_traffic", "amazon_sales_traffic.json", shop: "amazon-us")
        let range = "platform=amazon shop=amazon-us period_start=2026-11-01 period_end=2026-11-30"
        #expect(render(sink.records) == """
            traffic \(range) asin=B0CJ4TQ1MX sku=HB-MUG-TI sessions=1212 page_views=1681 units=41 order_items=37 sales=902 currency=USD buy_box_pct=0.9524 unit_session_pct=0.0338 line=1
            traffic \(range) asin=B0CJ4W8S3E sku=HB-CAMP-LT sessions=62 page_views=76 units=0 order_items=0 sales=0 currency=USD buy_box_pct=1 unit_session_pct=0 line=2

            """)
        #expect(sink.quarantined.map(\.reason.en) == ["amazon_sales_traffic.json:3:20: trafficByAsin.sessions: empty, but `sessions` is required"])
        #expect(stats.rowsRead == 3)
        #expect(try detected("amazon_sales_traffic.json") == "amazon.sales_traffic")
    }

    /// Gorgias's API tickets: UTC times without an offset (microseconds dropped), the assignees' names as
    /// agent and team, the survey's 1–5 score as satisfaction; a time in another layout sets its ticket aside.
    @Test func gorgiasTicketsAPI() throws {
        let (sink, stats) = try read("gorgias.tickets_api", "gorgias_tickets_api.json")
        #expect(render(sink.records) == """
            ticket system=gorgias ticket_id=90011 created_at=2026-11-02T08:12:45Z@UTC solved_at=2026-11-03T10:00:02Z@UTC csat=5 agent=林晓 \
            group_name=售后组 status=closed priority=normal channel=email line=1
            ticket system=gorgias ticket_id=90012 created_at=2026-11-03T21:30:00Z@UTC status=open priority=high channel=chat line=2

            """)
        #expect(sink.quarantined.count == 1
                && sink.quarantined[0].reason.en.hasPrefix("gorgias_tickets_api.json:3:12: created_datetime: `Nov 4, 2026 10:00` does not match the date format"))
        #expect(stats.rowsRead == 3)
        #expect(try detected("gorgias_tickets_api.json") == "gorgias.tickets_api")
    }

    /// Every column these fixtures carry is one their connector reads or knows: a drift note on them would
    /// be noise a user learns to ignore.
    @Test(arguments: [("amazon.settlement_v1", "amazon_settlement_v1.txt"), ("fx.ecb_hist", "eurofxref-hist.csv"),
                      ("amazon.order_report", "amazon_order_report.txt"), ("amazon.afn_inventory", "amazon_afn_inventory.txt"),
                      ("amazon.mfn_returns", "amazon_mfn_returns.txt"), ("freshdesk.tickets_api", "freshdesk_tickets_api.json"),
                      ("amazon.sales_traffic", "amazon_sales_traffic.json"), ("gorgias.tickets_api", "gorgias_tickets_api.json")])
    func fixturesShowNoDrift(_ connector: String, _ name: String) throws {
        let path = fixture(name)
        let context = SourceContext(displayPath: name, fingerprint: try FileFingerprint.compute(path: path), runID: 7,
                                    shop: "amazon-us", period: DateRange(parsing: "2026-11-30"))
        let reader = try ConnectorCatalog(directories: [shippedConnectors]).connector(connector).open(path: path, context: context)
        #expect((reader as? any HeaderReporting)?.unknownColumns == [])
    }

    /// A part's column renamed or gone fails the file naming its field: read as empty, that pair's fees or that
    /// currency's rates would vanish with exit 0.
    @Test(arguments: [("amazon.settlement_v1", "amazon_settlement_v1.txt", "item-related-fee-amount", "item_fee_amount"),
                      ("fx.ecb_hist", "eurofxref-hist.csv", "GBP", "gbp")])
    func aPartsColumnRenamedFailsTheFile(_ connector: String, _ name: String, _ column: String, _ field: String) throws {
        let text = try String(contentsOfFile: fixture(name), encoding: .utf8)
        let header = text.prefix { $0 != "\n" }
        let renamed = header.replacingOccurrences(of: column, with: column + "-old") + text.dropFirst(header.count)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-\(UUID())-\(name)").path
        try renamed.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = SourceContext(displayPath: name, fingerprint: try FileFingerprint.compute(path: path), runID: 7)
        let error = #expect(throws: MissingColumnsError.self) {
            try ConnectorCatalog(directories: [shippedConnectors]).connector(connector).open(path: path, context: context)
        }
        #expect(error?.missing.map(\.field) == [field])
    }

    @Test func shopifyOrders() throws {
        let (sink, stats) = try read("shopify.orders", "shopify_orders.csv", shop: "shopify-dtc")
        #expect(render(sink.records) == (try golden("shopify_orders.golden")))
        #expect(stats.rowsRead == 3)
        #expect(stats.rowsQuarantined == 0)
    }

    /// Buyers become HMAC-SHA-256 keys under the salt (first 128 bits, after the salt's tag: the HMAC of a fixed
    /// text; the values below from Python's `hmac`): the same e-mail gives the same key, and no e-mail reaches a record.
    @Test func shopifyOrdersKeyTheirBuyers() throws {
        let (sink, _) = try read("shopify.orders", "shopify_orders.csv", shop: "shopify-dtc", salt: "test-salt-0123456789")
        let orders = sink.records.compactMap { record -> Order? in if case .order(let o) = record { o } else { nil } }
        #expect(orders.map(\.key.orderID) == ["#1001", "#1002"])
        #expect(orders.map(\.customer) == ["19f77c55:0a0f04cc93e7622a268df4c6c712e422", "19f77c55:171f6ece78831cbe01f812a0416c5d86"])
        #expect(!render(sink.records).contains("example.com"))
        // Without a salt nobody is keyed: the e-mail is not kept in any other form.
        let (plain, _) = try read("shopify.orders", "shopify_orders.csv", shop: "shopify-dtc")
        #expect(plain.records.allSatisfy { if case .order(let o) = $0 { o.customer == nil } else { true } })
        // Case and surrounding spaces do not make another buyer; a short salt is refused.
        let salt = try #require(CustomerSalt("test-salt-0123456789"))
        #expect(CustomerKey(" A@Example.COM ", salt: salt) == CustomerKey("a@example.com", salt: salt))
        #expect(CustomerSalt("short") == nil)
        #expect(CustomerKey.tag(of: salt) == "19f77c55")
        #expect("\(salt)" == "<customer salt>")
    }

    /// A register's empty 续约状态 is a term not decided yet, never a loss; a word the connector does not map is
    /// kept as written (the renewal rate takes both as undecided).
    @Test func contractsWithoutAnOutcomeAreUndecided() throws {
        let (sink, stats) = try read("team.contracts", "contracts_en.csv")
        #expect(stats.rowsQuarantined == 0)
        let outcomes = sink.records.compactMap { record -> String? in
            if case .flat(let flat) = record { flat["outcome"]?.storageText } else { nil }
        }
        #expect(outcomes == ["renewed", "pending", "续约中"])
    }

    /// A quarantined row of a spec that keys buyers is stored without the buyer: its cell and any e-mail
    /// address in the line are replaced.
    @Test func aQuarantinedRowKeepsNoBuyer() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-buyer-\(UUID()).csv").path
        try Data("""
            Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Notes,Cancelled at,Refunded Amount,Id,Tags
            #9,ava@example.com,paid,2026-10-01 10:00:00 -0700,fulfilled,,USD,10.00,0.00,0.00,10.00,2026-10-01 10:00:00 -0700,two,Mug,10.00,A,call ava@example.com,,0.00,1,

            """.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var context = SourceContext(displayPath: "orders.csv", fingerprint: try FileFingerprint.compute(path: path), runID: 1, shop: "dtc")
        context.customerSalt = CustomerSalt("test-salt-0123456789")
        var reader = try ConnectorCatalog(directories: [shippedConnectors]).connector("shopify.orders").open(path: path, context: context)
        var sink = CollectingSink()
        _ = try reader.read(into: &sink)
        let raw = try #require(sink.quarantined.first?.raw)
        #expect(raw == "#9,<buyer>,paid,2026-10-01 10:00:00 -0700,fulfilled,,USD,10.00,0.00,0.00,10.00,2026-10-01 10:00:00 -0700,two,Mug,10.00,A,call <buyer>,,0.00,1,")
        #expect(sink.quarantined.first?.reason.en.contains("example.com") == false)
        #expect(sink.quarantined.first?.reason.zh.contains("example.com") == false)
        #expect(sink.quarantined.first?.reason.zh.contains("不是整数") == true)
    }

    @Test func mabangOrdersInGB18030() throws {
        let (sink, stats) = try read("mabang.orders", "mabang_orders_gb18030.csv")
        #expect(render(sink.records) == (try golden("mabang_orders.golden")))
        #expect(stats.rowsSkipped == 1)  // the 合计 total row
        #expect(stats.rowsQuarantined == 1)
        #expect(sink.quarantined.map(\.reason.en) == [
            "mabang_orders_gb18030.csv:5:7: 交运时间: `2026-10-03 25:00:00` is not a real time of day; expected a time like `yyyy-MM-dd HH:mm:ss` or `yyyy/MM/dd HH:mm:ss` or `yyyy/M/d H:mm` or `yyyy-MM-dd HH:mm` in Asia/Shanghai",
        ])
    }

    @Test func fileFingerprintDetectsEncoding() throws {
        #expect(try FileFingerprint.compute(path: fixture("mabang_orders_gb18030.csv")).isUTF8 == false)
        #expect(try FileFingerprint.compute(path: fixture("shopify_orders.csv")).isUTF8 == true)
    }

    @Test func sha256OfKnownBytes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-abc-\(UUID()).txt").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // FIPS 180-2 test vector.
        #expect(try FileFingerprint.compute(path: path).sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
