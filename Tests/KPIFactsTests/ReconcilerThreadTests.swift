import Foundation
import KPIFacts
import KPISchema
import Testing

/// The reconciler on its own thread gives what it gives on the caller's, and its errors reach the caller.
@Suite struct ReconcilerThreadTests {
    typealias R = ReconcilerTests

    /// 3,000 orders 40 minutes apart from 25 Oct (so they straddle days, months and the DST switch) with
    /// every other one label-printed: thousands of detail rows, across many batches.
    static func bundles(currency: String = "USD") -> [OrderBundle] {
        let start = Instant(iso8601: "2026-10-25T00:00:00Z")!.secondsSinceEpoch
        return (0..<3000).map { index in
            let at = R.ts(Instant(secondsSinceEpoch: start + Int64(index) * 2_400).iso8601)
            var (order, line) = R.order(index % 3 == 0 ? "shopify" : "amazon", "T\(index)", at: at.instant.iso8601,
                                        amount: "\(10 + index % 7).50")
            order.currency = currency
            line.amount = Money(line.amount.amount, currency)
            var bundle = OrderBundle(order: order)
            bundle.lines = [line]
            if index % 2 == 0 {
                bundle.events[.labelPrinted] = R.event(order.key.platform, order.key.orderID, .labelPrinted,
                                                       Instant(secondsSinceEpoch: start + Int64(index) * 2_400 + 30_000).iso8601)
            }
            return bundle
        }
    }

    /// A USD→CNY rate for every day the orders fall on.
    static let fx = FXTable(rates: (0..<100).map { offset in
        FXTable.Rate(date: CivilDate(iso: "2026-10-20")!.adding(days: offset), from: "USD", to: "CNY",
                     rate: Decimal(string: "7.1\(offset % 10)")!)
    })

    private func reconciler() -> Reconciler {
        Reconciler(definitions: DefinitionSet([R.cn, R.us]), fx: Self.fx, pairs: [ProfilePair("cn", "us")])
    }

    @Test func sameRowsAndDetailsAsOnTheCallersThread() throws {
        var direct = reconciler()
        let threaded = ReconcilerThread(reconciler())
        for bundle in Self.bundles() {
            try direct.add(bundle)
            try threaded.add(.order(bundle))
        }
        for record in R.records.flat {
            if record.kind == .ticket {
                direct.add(ticket: record)
                try threaded.add(.ticket(record))
            } else {
                direct.add(stock: record)
                try threaded.add(.stock(record))
            }
        }
        let finished = try threaded.finish()
        #expect(direct.details.count > 2_000)
        #expect(finished.details == direct.details)  // same rows in the same order
        #expect(finished.rows(facts: []) == direct.rows(facts: []))
    }

    /// An order in a currency the fx table cannot convert fails the comparison on the worker. The caller
    /// may already get that error from a later `add` (when the worker failed before the queue took the
    /// last batch) and always gets it from `finish`, which ends the worker.
    @Test func aWorkerErrorReachesTheCaller() {
        let threaded = ReconcilerThread(reconciler())
        var fromAdd: (any Error)?
        do {
            for bundle in Self.bundles(currency: "EUR") { try threaded.add(.order(bundle)) }
        } catch {
            fromAdd = error
        }
        #expect(fromAdd == nil || fromAdd is FXError)
        #expect(throws: FXError.self) { _ = try threaded.finish() }
    }
}
