import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// Rows of one order repeated inside one file with a later version are that order again, not more lines:
/// before, Amazon's All Orders rows re-sent further down with a later `last-updated-date` were stored as
/// `SKU#2` (units too high) and the order kept its first row's `Pending`.
@Suite struct VersionsInOneFileTests {
    private static let header = "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\n"

    @Test(arguments: StoreBackend.available) func aLaterVersionReplacesTheLinesAndTheOrder(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        try FileManager.default.removeItem(atPath: ws.path + "/inbox/amazon/orders_resend.txt")
        try ws.write("inbox/amazon/orders.txt", Self.header + [
            // Pending, then the same line shipped two days later, right below it.
            "112-0000009-0000001\t2026-10-15T10:00:00+00:00\t2026-10-15T10:00:00+00:00\tPending\tP1\t1\tUSD\t20.00\t0.00\t0.00",
            "112-0000009-0000001\t2026-10-15T10:00:00+00:00\t2026-10-17T10:00:00+00:00\tShipped\tP1\t1\tUSD\t20.00\t0.00\t0.00",
            // Two lines of one SKU in one version: two lines.
            "112-0000009-0000002\t2026-10-16T10:00:00+00:00\t2026-10-16T12:00:00+00:00\tShipped\tP1\t1\tUSD\t20.00\t0.00\t0.00",
            "112-0000009-0000002\t2026-10-16T10:00:00+00:00\t2026-10-16T12:00:00+00:00\tShipped\tP1\t1\tUSD\t20.00\t0.00\t0.00",
            // Both again in a later version, then an older version of the first further down.
            "112-0000009-0000002\t2026-10-16T10:00:00+00:00\t2026-10-18T12:00:00+00:00\tShipped\tP1\t1\tUSD\t20.00\t0.00\t0.00",
            "112-0000009-0000002\t2026-10-16T10:00:00+00:00\t2026-10-18T12:00:00+00:00\tShipped\tP1\t1\tUSD\t20.00\t0.00\t0.00",
            "112-0000009-0000001\t2026-10-15T10:00:00+00:00\t2026-10-15T10:00:00+00:00\tPending\tP1\t1\tUSD\t20.00\t0.00\t0.00",
        ].joined(separator: "\n") + "\n")
        _ = try ws.pipeline().run()
        let lines = try ws.export("order_lines").split(whereSeparator: \.isNewline).dropFirst()
            .filter { $0.hasPrefix("amazon,") }.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.prefix(5).joined(separator: ",") + " " + $0[9] }
        #expect(lines == [
            "amazon,112-0000009-0000001,P1,P1,1 2026-10-17T10:00:00Z",
            "amazon,112-0000009-0000002,P1,P1,1 2026-10-18T12:00:00Z",
            "amazon,112-0000009-0000002,P1#2,P1,1 2026-10-18T12:00:00Z",
        ])
        let orders = try ws.export("orders").split(whereSeparator: \.isNewline).filter { $0.hasPrefix("amazon,") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { $0[1] + " " + $0[7] }
        #expect(orders == ["112-0000009-0000001 shipped", "112-0000009-0000002 shipped"])
    }
}
