import Foundation
import KPISchema
import KPIStore
import KPIStoreTesting
import Testing

/// A reader that replays fixed records, optionally failing after some of them.
struct ScriptedReader: RecordReader {
    var records: [NormalizedRecord]
    var quarantined: [QuarantinedRow] = []
    var failAfter: Int?

    struct Boom: Error {}

    mutating func read(into sink: inout some RecordSink) throws -> ReadStats {
        var stats = ReadStats()
        for (i, record) in records.enumerated() {
            if let failAfter, i == failAfter { throw Boom() }
            try sink.accept(record)
            stats.rowsRead += 1
            stats.recordsEmitted += 1
        }
        for row in quarantined {
            try sink.quarantine(row)
            stats.rowsRead += 1
            stats.rowsQuarantined += 1
        }
        return stats
    }
}

/// The store contract, run on every backend available (SQLite always, PostgreSQL when configured).
@Suite struct WarehouseStoreTests {
    static let key = OrderKey(platform: "amazon", orderID: "111-1")

    static func order(status: OrderStatus, version: String?, run: Int64 = 1) -> NormalizedRecord {
        .order(Order(key: key, shop: "amz", purchasedAt: Timestamp(instant: Instant(iso8601: "2026-10-01T08:00:00Z")!, zone: "UTC"),
                     paidAt: nil, status: status, statusRaw: status.rawValue, currency: "USD",
                     version: version.flatMap(Instant.init(iso8601:)),
                     lineage: Lineage(connector: "amazon.all_orders", file: "f\(run).txt", line: 2, contentHash: "h\(run)", runID: run)))
    }

    static func file(_ sha: String, run: Int64) -> FileToLoad {
        FileToLoad(path: "inbox/\(sha).txt", connector: "amazon.all_orders",
                   fingerprint: FileFingerprint(sha256: sha, byteCount: 10, isUTF8: true), encoding: "utf-8",
                   runID: run, at: Instant(iso8601: "2026-11-01T00:00:00Z")!)
    }

    private func orders(_ store: any WarehouseStore) throws -> [Order] {
        var out: [Order] = []
        try store.forEachOrder { out.append($0.order) }
        return out
    }

    @Test(arguments: StoreBackend.available) func bundlesCarryTheirChildrenAndOrphansAreCounted(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        let lineage = Lineage(connector: "c", file: "f", line: 3, contentHash: "h", runID: run)
        let at = Timestamp(instant: Instant(iso8601: "2026-10-02T00:00:00Z")!, zone: "Asia/Shanghai")
        let line = OrderLine(key: Self.key, lineID: "A", sku: "A", quantity: 2, amount: Money(Decimal(string: "9.99")!, "USD"),
                             tax: Money(0, "USD"), shipping: Money(0, "USD"), version: nil, lineage: lineage)
        let event = FulfillmentEvent(key: Self.key, kind: .labelPrinted, occurredAt: at, trackingNumber: "T1", lineage: lineage)
        var stray = event
        stray.key = OrderKey(platform: "ebay", orderID: "nope")
        let refund = Refund(key: Self.key, refundID: "total", amount: Money(5, "USD"), refundedAt: nil, lineage: lineage)
        _ = try load(store, "x", run: run, ScriptedReader(records: [
            Self.order(status: .shipped, version: nil), .orderLine(line), .fulfillmentEvent(event),
            .fulfillmentEvent(stray), .refund(refund),
        ]))
        var bundles: [OrderBundle] = []
        try store.forEachOrder { bundles.append($0) }
        #expect(bundles.count == 1)
        #expect(bundles.first?.lines == [line])
        #expect(bundles.first?.events == [.labelPrinted: event])
        #expect(bundles.first?.refunds == [refund])
        #expect(try store.orphanCounts() == (events: 1, refunds: 0))
    }

    private func load(_ store: any WarehouseStore, _ sha: String, run: Int64, _ reader: ScriptedReader) throws -> ReadStats {
        var any: any RecordReader = reader
        return try store.load(Self.file(sha, run: run), reader: &any)
    }

    @Test(arguments: StoreBackend.available) func lastUpdatedWinsWhicheverOrderFilesArrive(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        _ = try load(store, "new", run: run, ScriptedReader(records: [Self.order(status: .shipped, version: "2026-10-03T00:00:00Z")]))
        // An older export re-sent later must not roll the order back.
        _ = try load(store, "old", run: run, ScriptedReader(records: [Self.order(status: .pending, version: "2026-10-01T09:00:00Z")]))
        #expect(try orders(store).map(\.status) == [.shipped])
        // A newer one does replace it.
        _ = try load(store, "newer", run: run, ScriptedReader(records: [Self.order(status: .delivered, version: "2026-10-05T00:00:00Z")]))
        let stored = try orders(store)
        #expect(stored.map(\.status) == [.delivered])
        #expect(stored.first?.version?.iso8601 == "2026-10-05T00:00:00Z")
    }

    @Test(arguments: StoreBackend.available) func aFailedFileLeavesNothingBehind(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        #expect(throws: ScriptedReader.Boom.self) {
            try load(store, "broken", run: run, ScriptedReader(records: [Self.order(status: .shipped, version: nil), Self.order(status: .shipped, version: nil)], failAfter: 1))
        }
        #expect(try orders(store).isEmpty)
        #expect(try store.ledgerEntry(sha256: "broken") == nil)
    }

    @Test(arguments: StoreBackend.available) func ledgerAndQuarantineAreWrittenWithTheRecords(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        let bad = QuarantinedRow(connector: "amazon.all_orders", file: "inbox/a.txt", line: 9, column: 17,
                                 reason: Bilingual("inbox/a.txt:9:17: item-price: `19.9O` is not a number",
                                                   "inbox/a.txt:9:17：item-price：`19.9O` 不是数字"), raw: "x\ty")
        let stats = try load(store, "abc", run: run, ScriptedReader(records: [Self.order(status: .shipped, version: nil)], quarantined: [bad]))
        #expect(stats.rowsLoaded == 1 && stats.rowsQuarantined == 1)
        let entry = try #require(try store.ledgerEntry(sha256: "abc"))
        #expect(entry.rowsLoaded == 1 && entry.rowsQuarantined == 1 && entry.runID == run)
        var rows: [[TableValue]] = []
        try store.scan(.quarantine) { rows.append($0) }
        #expect(rows == [[.integer(1), .integer(run), .text("amazon.all_orders"), .text("inbox/a.txt"), .text("abc"),
                          .integer(9), .integer(17), .text("inbox/a.txt:9:17: item-price: `19.9O` is not a number"),
                          .text("inbox/a.txt:9:17：item-price：`19.9O` 不是数字"), .text("x\ty")]])
    }

    /// An empty text is stored as '' (not NULL, which a bound empty buffer could become) and a NUL byte as ␀,
    /// whichever store writes it.
    @Test(arguments: StoreBackend.available) func emptyTextAndNULBytesAreStoredAsWritten(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        let rows = ["", "a\u{0}b"].enumerated().map { index, raw in
            QuarantinedRow(connector: "test", file: "inbox/a.txt", line: index + 2, column: nil,
                           reason: Bilingual("bad", "坏"), raw: raw)
        }
        _ = try load(store, "raw", run: run, ScriptedReader(records: [Self.order(status: .shipped, version: nil)], quarantined: rows))
        var stored: [[TableValue]] = []
        try store.scan(.quarantine) { stored.append($0) }
        #expect(stored.map { [$0[5], $0[6], $0[9]] } == [
            [.integer(2), .null, .text("")],
            [.integer(3), .null, .text("a\u{2400}b")],
        ])
    }

    @Test(arguments: StoreBackend.available)
    func aKeyRepeatedInOneFileIsAppliedInRowOrder(_ backend: StoreBackend) throws {
        // Batched writers must not merge or reorder: row by row, the newer version wins and an older
        // one later in the same file is ignored.
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        _ = try load(store, "one", run: run, ScriptedReader(records: [
            Self.order(status: .pending, version: "2026-10-01T09:00:00Z"),
            Self.order(status: .delivered, version: "2026-10-05T00:00:00Z"),
            Self.order(status: .shipped, version: "2026-10-03T00:00:00Z"),
        ]))
        let stored = try orders(store)
        #expect(stored.map(\.status) == [.delivered])
        #expect(stored.first?.version?.iso8601 == "2026-10-05T00:00:00Z")
    }

    @Test(arguments: StoreBackend.available)
    func thousandsOfOrdersComeBackInByteOrderWithTheirChildren(_ backend: StoreBackend) throws {
        // 2,600 orders: more than one insert batch (1,000 rows) and one cursor fetch (2,000 rows).
        let store = try backend.emptyStore()
        let run = try store.beginRun(command: "test", at: .now())
        let lineage = Lineage(connector: "c", file: "f", line: 2, contentHash: "h", runID: run)
        let at = Timestamp(instant: Instant(iso8601: "2026-10-02T00:00:00Z")!, zone: "UTC")
        var records: [NormalizedRecord] = []
        // Ids that sort differently by bytes than by a locale: lower case after upper, 订单 after both.
        let ids = (0..<2_597).map { String(format: "A-%05d", $0) } + ["a-1", "Z-1", "订单-1"]
        for id in ids {
            let key = OrderKey(platform: "shop", orderID: id)
            records.append(.order(Order(key: key, shop: "s", purchasedAt: at, paidAt: nil, status: .shipped, statusRaw: "shipped",
                                        currency: "USD", version: nil, lineage: lineage)))
            for sku in ["X", "Y"] {
                records.append(.orderLine(OrderLine(key: key, lineID: sku, sku: sku, quantity: 1, amount: Money(1, "USD"),
                                                    tax: Money(0, "USD"), shipping: Money(0, "USD"), version: nil, lineage: lineage)))
            }
        }
        // Events for orders that are not stored, sorting before, between and after real ones.
        for id in ["0", "A-00100x", "zz"] {
            records.append(.fulfillmentEvent(FulfillmentEvent(key: OrderKey(platform: "shop", orderID: id), kind: .labelPrinted,
                                                              occurredAt: at, trackingNumber: nil, lineage: lineage)))
        }
        records.append(.fulfillmentEvent(FulfillmentEvent(key: OrderKey(platform: "shop", orderID: "A-00100"), kind: .labelPrinted,
                                                          occurredAt: at, trackingNumber: "T", lineage: lineage)))
        _ = try load(store, "big", run: run, ScriptedReader(records: records))
        var seen: [String] = []
        var lines = 0
        var events: [String] = []
        try store.forEachOrder { bundle in
            seen.append(bundle.order.key.orderID)
            lines += bundle.lines.count
            if !bundle.events.isEmpty { events.append(bundle.order.key.orderID) }
        }
        #expect(seen == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(seen.suffix(3) == ["Z-1", "a-1", "订单-1"])
        #expect(lines == 2 * ids.count)
        #expect(events == ["A-00100"])
        #expect(try store.orphanCounts() == (events: 3, refunds: 0))
    }

    static func fact(_ value: String, metric: String = "gmv", day: String = "2026-10-01") -> FactMetric {
        FactMetric(grain: .day, periodStart: CivilDate(iso: day)!, periodEnd: CivilDate(iso: day)!, timezone: "UTC",
                   scopeType: .company, scopeID: "all", metric: metric, profile: "us", profileVersion: 1, definition: "us/v1",
                   value: Decimal(string: value)!, numerator: nil, denominator: nil, unit: "currency", currency: "USD", recordCount: 1)
    }

    @Test(arguments: StoreBackend.available) func factsAreRewrittenOnlyWhereTheyChange(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        var first = try store.replaceFactMetrics([Self.fact("10.5"), Self.fact("0.333333", metric: "refund_rate")], runID: 1)
        #expect(first.inserted == 2)
        first = try store.replaceFactMetrics([Self.fact("10.5"), Self.fact("0.333333", metric: "refund_rate")], runID: 2)
        #expect(first.unchanged == 2 && first.written == 0)
        let third = try store.replaceFactMetrics([Self.fact("11"), Self.fact("3", metric: "orders", day: "2026-10-02")], runID: 3)
        #expect(third.updated == 1 && third.inserted == 1 && third.deleted == 1)
        var rows: [[TableValue]] = []
        try store.scan(.factMetric) { rows.append($0) }
        #expect(rows.map { [$0[1], $0[6], $0[10], $0[16]] } == [
            [.text("2026-10-01"), .text("gmv"), .integer(11), .integer(3)],
            [.text("2026-10-02"), .text("orders"), .integer(3), .integer(3)],
        ])
        // The change log carries the stored values, read back before they are overwritten or deleted.
        let summary = { (changes: [FactChange]) in changes.map { [$0.change, $0.key[1], $0.key[4], $0.oldValue ?? "-", $0.newValue ?? "-"] } }
        #expect(summary(third.changes) == [
            ["updated", "2026-10-01", "gmv", "10.5", "11"],
            ["removed", "2026-10-01", "refund_rate", "0.333333", "-"],
        ])
        // Rows no fresh row matches go in key order.
        let fourth = try store.replaceFactMetrics([], runID: 4)
        #expect(fourth.deleted == 2)
        #expect(summary(fourth.changes) == [
            ["removed", "2026-10-01", "gmv", "11", "-"],
            ["removed", "2026-10-02", "orders", "3", "-"],
        ])
        rows = []
        try store.scan(.factMetric) { rows.append($0) }
        #expect(rows.isEmpty)
    }

    /// SQLite 3.40 turns the text `0.005754` into the double one unit in the last place above Swift's
    /// (0x1.791819d2391d6p-8 against …d5p-8): found at a million lines, where `--full-refresh` called two
    /// unchanged refund rates changed. Small values in scientific notation (`1.0e-05`) read back too.
    @Test(arguments: StoreBackend.available) func valuesSQLiteRoundsDifferentlyStillCompareUnchanged(_ backend: StoreBackend) throws {
        let store = try backend.emptyStore()
        let facts = [Self.fact("0.005754", metric: "refund_rate"), Self.fact("0.00001", metric: "refund_rate", day: "2026-10-02"),
                     Self.fact("123456789.12")]
        #expect(try store.replaceFactMetrics(facts, runID: 1).inserted == 3)
        let again = try store.replaceFactMetrics(facts, runID: 2)
        #expect(again.unchanged == 3 && again.written == 0)
    }

    @Test func storeURLs() throws {
        #expect(try StoreURL(parsing: "sqlite:/tmp/w.sqlite") == .sqlite(path: "/tmp/w.sqlite"))
        #expect(try StoreURL(parsing: "sqlite://rel/w.sqlite") == .sqlite(path: "rel/w.sqlite"))
        #expect(StoreURL.postgres(url: "postgres://kpi:s3cret@db/kpi").description == "postgres://kpi:***@db/kpi")
        #expect(throws: StoreURLError.self) { try StoreURL(parsing: "mysql://x") }
        #expect(throws: StoreURLError.self) { try StoreURL(parsing: "sqlite:") }
    }

    @Test func onlyKnownTablesCanBeExported() {
        #expect(StoreTable.named("fact_metric") != nil)
        #expect(StoreTable.named("fact_metric; DROP TABLE runs") == nil)
    }
}
