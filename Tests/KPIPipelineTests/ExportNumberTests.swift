import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// SQLite keeps fact values as doubles; an export must print the decimal that was written, not the
/// double's neighbourhood (`2490857.120000001`, as Foundation's `Decimal(Double)` rendered it).
@Suite struct ExportNumberTests {
    @Test(arguments: StoreBackend.available)
    func largeAmountsExportAsWritten(backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        try ws.write("inbox/shopify/big.csv", """
            Name,Financial Status,Paid at,Fulfilled at,Cancelled at,Shipping,Taxes,Refunded Amount,Currency,Created at,Lineitem quantity,Lineitem price,Lineitem sku
            #77,paid,,,,,,,USD,2026-10-05 10:00:00 -0700,1,2490857.12,BIG

            """)
        _ = try ws.pipeline().run()
        let lines = try ws.export("fact_metric").split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = lines[0].map(String.init)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let rows = lines.dropFirst()
        func value(_ day: String, _ profile: String) -> String? {
            rows.first {
                $0[column("grain")] == "day" && $0[column("period_start")] == day && $0[column("scope_type")] == "company"
                    && $0[column("metric")] == "gmv" && $0[column("profile")] == profile
            }.map { String($0[column("value")]) }
        }
        #expect(value("2026-10-05", "us") == "2490857.12")
        // Beijing's day is the 6th; 2490857.12 × 7.10 (the 30 Sep rate, carried) = 17685085.552.
        #expect(value("2026-10-06", "cn") == "17685085.55")
        let currency = rows.filter { $0[column("unit")] == "currency" }
        #expect(!currency.isEmpty)
        for row in currency {
            let decimals = row[column("value")].split(separator: ".").dropFirst().first?.count ?? 0
            #expect(decimals <= 2, "\(row[column("metric")]) \(row[column("period_start")]): \(row[column("value")])")
        }
    }
}
