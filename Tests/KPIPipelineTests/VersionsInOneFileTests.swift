import Foundation
import KPIPipeline
import KPIStoreTesting
import Testing

/// Rows of one order repeated inside one file with a later version are that order again, not more lines:
/// before, Amazon's All Orders rows re-sent further down with a later `last-updated-date` were stored as
/// `SKU#2` (units too high) and the order kept its first row's `Pending`.
@Suite struct VersionsInOneFileTests {
    private static let header = "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsku\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\n"

    /// An All Orders row of one unit of P1 at 20.00, bought at `bought` and last updated at `updated`.
    private static func row(_ order: String, _ bought: String, _ updated: String, _ status: String) -> String {
        "\(order)\t\(bought)T10:00:00+00:00\t\(updated)+00:00\t\(status)\tP1\t1\tUSD\t20.00\t0.00\t0.00"
    }

    /// The tiny workspace with `rows` as its only Amazon export, run once.
    private static func run(_ rows: [String], backend: StoreBackend = .sqlite) throws -> TemporaryWorkspace {
        let ws = try TemporaryWorkspace(backend: backend)
        try FileManager.default.removeItem(atPath: ws.path + "/inbox/amazon/orders_resend.txt")
        try ws.write("inbox/amazon/orders.txt", header + rows.joined(separator: "\n") + "\n")
        _ = try ws.pipeline().run()
        return ws
    }

    @Test(arguments: StoreBackend.available) func aLaterVersionReplacesTheLinesAndTheOrder(_ backend: StoreBackend) throws {
        let ws = try Self.run([
            // Pending, then the same line shipped two days later, right below it.
            Self.row("112-0000009-0000001", "2026-10-15", "2026-10-15T10:00:00", "Pending"),
            Self.row("112-0000009-0000001", "2026-10-15", "2026-10-17T10:00:00", "Shipped"),
            // Two lines of one SKU in one version: two lines.
            Self.row("112-0000009-0000002", "2026-10-16", "2026-10-16T12:00:00", "Shipped"),
            Self.row("112-0000009-0000002", "2026-10-16", "2026-10-16T12:00:00", "Shipped"),
            // Both again in a later version, then an older version of the first further down.
            Self.row("112-0000009-0000002", "2026-10-16", "2026-10-18T12:00:00", "Shipped"),
            Self.row("112-0000009-0000002", "2026-10-16", "2026-10-18T12:00:00", "Shipped"),
            Self.row("112-0000009-0000001", "2026-10-15", "2026-10-15T10:00:00", "Pending"),
        ], backend: backend)
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

    /// Two lines of one SKU in each of two versions, the versions alternating (a file sorted by order and
    /// SKU): two lines, each at its newest version — not one.
    @Test func alternatingVersionsKeepEveryLine() throws {
        let ws = try Self.run([
            Self.row("112-0000009-0000003", "2026-10-15", "2026-10-15T10:00:00", "Pending"),
            Self.row("112-0000009-0000003", "2026-10-15", "2026-10-17T10:00:00", "Shipped"),
            Self.row("112-0000009-0000003", "2026-10-15", "2026-10-15T10:00:00", "Pending"),
            Self.row("112-0000009-0000003", "2026-10-15", "2026-10-17T10:00:00", "Shipped"),
        ])
        let lines = try ws.export("order_lines").split(whereSeparator: \.isNewline).filter { $0.hasPrefix("amazon,") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { $0[2] + " " + $0[9] }
        #expect(lines == ["P1 2026-10-17T10:00:00Z", "P1#2 2026-10-17T10:00:00Z"])
    }

    /// Shopify writes an order's own cells on its first row only. Two downloads merged newest first: the
    /// older copy's first row holds its own (empty) fulfilment, so nothing of the newer copy is carried into
    /// it, its lines are the same lines again (not `#2`), and its smaller refund does not replace the newer one.
    @Test(arguments: StoreBackend.available) func anOlderShopifyCopyBelowANewerOneChangesNothing(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace(backend: backend)
        let header = "Name,Financial Status,Paid at,Fulfilled at,Currency,Shipping,Taxes,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Cancelled at,Refunded Amount\n"
        let newer = "#2001,partially_refunded,2026-10-30 18:00:00 -0700,2026-10-31 06:00:00 -0700,USD,0.00,2.80,2026-10-30 18:00:00 -0700,1,Band,25.00,S1,,20.00\n"
            + "#2001,,,,,,,,2,Strap,5.00,S2,,\n"
        let older = "#2001,partially_refunded,2026-10-30 18:00:00 -0700,,USD,0.00,2.80,2026-10-30 18:00:00 -0700,1,Band,25.00,S1,,10.00\n"
            + "#2001,,,,,,,,2,Strap,5.00,S2,,\n"
        try ws.write("inbox/shopify/orders.csv", header + newer + older)
        _ = try ws.pipeline().run()
        let lines = try ws.export("order_lines").split(whereSeparator: \.isNewline).filter { $0.hasPrefix("shopify,#2001,") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { $0[2] + " " + $0[9] }
        #expect(lines == ["S1 2026-10-31T13:00:00Z", "S2 2026-10-31T13:00:00Z"])
        let refunds = try ws.export("refunds").split(whereSeparator: \.isNewline).filter { $0.hasPrefix("shopify,#2001,") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false)[3] }
        #expect(refunds == ["20"])
    }
}
