import Foundation
import KPIPipeline
import KPIStore
import KPIStoreTesting
import Testing

/// Carrier scans known only by tracking number count once a record naming an order carries that number,
/// whichever arrives first and in whichever run; an order's first scan is the earliest of its parcels';
/// a number nothing links is listed and counted nowhere.
@Suite struct TrackingJoinTests {
    private static let sources = """
          - connector: aftership.trackings
            files: inbox/tracking/*.json

        """ + RowRoutingTests.warehouseByOrderID

    /// AfterShip's GET /trackings: a UPS parcel of an Amazon order (label data, two scans, delivery), two
    /// USPS parcels of Shopify #2001 (the second scanned first), and a parcel no export links.
    private static let trackings = """
        {"meta": {"code": 200, "message": "", "type": "Success"},
         "data": {"page": 1, "limit": 100, "count": 4, "trackings": [
          {"id": "a1", "tracking_number": "1Z0000000000000001", "slug": "ups", "tag": "Delivered", "checkpoints": [
            {"slug": "ups", "checkpoint_time": "2026-10-15T17:20:00-07:00", "tag": "InfoReceived", "subtag": "InfoReceived_001", "message": "Shipper created a label", "location": null},
            {"slug": "ups", "checkpoint_time": "2026-10-16T08:05:00-07:00", "tag": "InTransit", "subtag": "InTransit_002", "message": "Origin Scan", "location": "Ontario, CA, US"},
            {"slug": "ups", "checkpoint_time": "2026-10-17T02:40:00-07:00", "tag": "InTransit", "subtag": "InTransit_007", "message": "Departed from Facility", "location": "Ontario, CA, US"},
            {"slug": "ups", "checkpoint_time": "2026-10-19T13:10:00-04:00", "tag": "Delivered", "subtag": "Delivered_001", "message": "Delivered", "location": "Brooklyn, NY, US"}]},
          {"id": "a2", "tracking_number": "9400100000000000000002", "slug": "usps", "tag": "InTransit", "checkpoints": [
            {"slug": "usps", "checkpoint_time": "2026-10-31T16:40:00-07:00", "tag": "InTransit", "subtag": "InTransit_002", "message": "Accepted at USPS Origin Facility", "location": "ONTARIO, CA 91761"}]},
          {"id": "a4", "tracking_number": "9400100000000000000004", "slug": "usps", "tag": "InTransit", "checkpoints": [
            {"slug": "usps", "checkpoint_time": "2026-10-31T15:30:00-07:00", "tag": "InTransit", "subtag": "InTransit_002", "message": "Accepted at USPS Origin Facility", "location": "ONTARIO, CA 91761"}]},
          {"id": "a9", "tracking_number": "9400100000000000000099", "slug": "usps", "tag": "InTransit", "checkpoints": [
            {"slug": "usps", "checkpoint_time": "2026-10-20T09:00:00-07:00", "tag": "InTransit", "subtag": "InTransit_002", "message": "Accepted at USPS Origin Facility", "location": "ONTARIO, CA 91761"}]}
         ]}}

        """

    /// The warehouse's outbound export: which order left in which parcel.
    private static let outbound = """
        参考号,订单号,平台参考号,运单号,仓库代码,订单状态,下单时间,打印时间,打包时间,出货时间,截单时间,运费(USD),总费用(USD)
        R1,WO1,112-0000002-0000002,1Z0000000000000001,USLA01,已出库,2026-10-15 04:00:00,2026-10-15 09:30:15,2026-10-15 11:02:40,2026-10-15 16:45:05,,4.20,5.10
        R2,WO2,#2001,9400100000000000000002,USLA01,已出库,2026-10-30 19:00:00,2026-10-31 07:10:20,2026-10-31 08:00:00,2026-10-31 15:00:00,,3.80,4.60
        R4,WO2,#2001,9400100000000000000004,USLA01,已出库,2026-10-30 19:00:00,2026-10-31 07:10:20,2026-10-31 08:00:00,2026-10-31 15:00:00,,3.80,4.60

        """

    /// The tiny workspace with both sources; `first` is written before the first run, `second` before the second.
    private static func twoRuns(first: [(String, String)], second: [(String, String)],
                                backend: StoreBackend) throws -> (TemporaryWorkspace, [RunReport]) {
        let ws = try TemporaryWorkspace(backend: backend)
        var config = try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8)
        config = config.replacingOccurrences(of: "sources:\n", with: "sources:\n" + sources)
        try ws.write("kpibridge.yaml", config)
        var reports: [RunReport] = []
        for files in [first, second] {
            for (path, text) in files { try ws.write(path, text) }
            reports.append(try ws.pipeline().run())
        }
        return (ws, reports)
    }

    private static let scans = ("inbox/tracking/aftership_trackings_202610.json", trackings)
    private static let links = ("inbox/wms/出库_202610.csv", outbound)

    /// Rows of an exported table, split into cells.
    private static func rows(_ ws: TemporaryWorkspace, _ table: String) throws -> [[String]] {
        try ws.export(table).split(separator: "\r\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Carrier events as stored: order, kind, time, parcel, connector, file and line.
    private static func carrierEvents(_ ws: TemporaryWorkspace) throws -> [String] {
        var out: [String] = []
        for c in try rows(ws, "fulfillment_events") where c[7] == "aftership.trackings" {
            out.append([c[0], c[1], c[2], c[3], c[5], c[7], c[8], c[9]].joined(separator: ","))
        }
        return out
    }

    private static func usShipped(_ ws: TemporaryWorkspace) throws -> [String] {
        var out: [String] = []
        for c in try rows(ws, "fact_metric") where c[0] == "month" && c[1] == "2026-10-01" && c[4] != "shop" {
            if c[6] == "shipped_orders", c[7] == "us" { out.append("\(c[4]):\(c[5]) \(c[10])") }
        }
        return out
    }

    static let attached = [
        // Line 2 of the JSON array of records is the first checkpoint: records are numbered from 1 in file order.
        "amazon,112-0000002-0000002,carrier_first_scan,2026-10-16T15:05:00Z,1Z0000000000000001,aftership.trackings,inbox/tracking/aftership_trackings_202610.json,2",
        "amazon,112-0000002-0000002,delivered,2026-10-19T17:10:00Z,1Z0000000000000001,aftership.trackings,inbox/tracking/aftership_trackings_202610.json,4",
        // The second parcel's scan, 70 minutes before the first parcel's, replaces 马帮's 上网时间 (ERP authority).
        "shopify,#2001,carrier_first_scan,2026-10-31T22:30:00Z,9400100000000000000004,aftership.trackings,inbox/tracking/aftership_trackings_202610.json,6",
    ]

    @Test(arguments: StoreBackend.available) func scansBeforeTheirLinkCountWhenItArrives(_ backend: StoreBackend) throws {
        let (ws, reports) = try Self.twoRuns(first: [Self.scans], second: [Self.links], backend: backend)
        #expect(reports.flatMap(\.failures).isEmpty)
        // First run: four parcels, none linked (马帮's numbers are other parcels).
        #expect(reports[0].tracking == TrackingAttachment(eventsChanged: 0, ordersAttached: 0, unlinkedNumbers: 4))
        #expect(reports[1].tracking == TrackingAttachment(eventsChanged: 3, ordersAttached: 2, unlinkedNumbers: 1))
        #expect(try Self.carrierEvents(ws) == Self.attached)
        // October's us shipped orders (carrier first scan, Los Angeles): 112-0000001-0000001 and 112-0000004-0000004
        // from 马帮, now 112-0000002-0000002 (16 Oct) and #2001 (31 Oct 15:30) too.
        #expect(try Self.usShipped(ws) == ["company:all 4", "platform:amazon 3", "platform:shopify 1"])
        let unlinked = try ws.export("v_unlinked_tracking").split(separator: "\r\n")
        #expect(unlinked == ["tracking_number,carrier,scans,first_scan_at,last_scan_at,source_file",
                             "9400100000000000000099,usps,1,2026-10-20T16:00:00Z,2026-10-20T16:00:00Z,inbox/tracking/aftership_trackings_202610.json"])
    }

    /// The link first, the scans a night later: the same events, the same facts.
    @Test(arguments: StoreBackend.available) func aLinkBeforeItsScansGivesTheSameFacts(_ backend: StoreBackend) throws {
        let (later, _) = try Self.twoRuns(first: [Self.scans], second: [Self.links], backend: backend)
        let (earlier, reports) = try Self.twoRuns(first: [Self.links], second: [Self.scans], backend: backend)
        #expect(reports[0].tracking == TrackingAttachment(eventsChanged: 0, ordersAttached: 0, unlinkedNumbers: 0))
        #expect(reports[1].tracking == TrackingAttachment(eventsChanged: 3, ordersAttached: 2, unlinkedNumbers: 1))
        #expect(try Self.carrierEvents(earlier) == Self.attached)
        // Every column but the run that wrote the row.
        let values: (TemporaryWorkspace) throws -> [[String]] = { ws in try Self.rows(ws, "fact_metric").map { Array($0.dropLast()) } }
        #expect(try values(earlier) == values(later))
    }

    /// A third run with nothing new attaches nothing again and recomputes nothing.
    @Test func nothingNewChangesNothing() throws {
        let (ws, _) = try Self.twoRuns(first: [Self.scans], second: [Self.links], backend: .sqlite)
        let report = try ws.pipeline().run()
        #expect(report.tracking == TrackingAttachment(eventsChanged: 0, ordersAttached: 2, unlinkedNumbers: 1))
        #expect(report.refresh?.facts.written == 0)
    }

    /// A tracker's later file about a parcel is what is known of it: a corrected scan moves the order's
    /// first scan. A parcel linked to an order bought after it was scanned is not that order's (a reused
    /// number): nothing is attached there, and the run says how many such scans it left out.
    @Test(arguments: StoreBackend.available) func correctionsReplaceAndImplausibleScansStayOut(_ backend: StoreBackend) throws {
        let (ws, _) = try Self.twoRuns(first: [Self.scans], second: [Self.links], backend: backend)
        // The UPS number again, on an order bought 20 October, after all three of its scans.
        try ws.write("inbox/wms/出库_reused.csv", """
            参考号,订单号,平台参考号,运单号,仓库代码,订单状态,下单时间,打印时间,打包时间,出货时间,截单时间,运费(USD),总费用(USD)
            R5,WO5,112-0000004-0000004,1Z0000000000000001,USLA01,已出库,2026-10-20 04:00:00,2026-10-20 09:00:00,,,,4.20,5.10

            """)
        let third = try ws.pipeline().run()
        #expect(third.tracking == TrackingAttachment(eventsChanged: 0, ordersAttached: 2, unlinkedNumbers: 1, scansBeforePurchase: 3))
        #expect(try Self.carrierEvents(ws).allSatisfy { !$0.contains("112-0000004-0000004") })
        // AfterShip's next download: the origin scan was 10:05, not 08:05, and the departure scan is gone.
        let corrected = Self.trackings
            .replacingOccurrences(of: "2026-10-16T08:05:00-07:00", with: "2026-10-16T10:05:00-07:00")
            .replacingOccurrences(of: #"{"slug": "ups", "checkpoint_time": "2026-10-17T02:40:00-07:00", "tag": "InTransit", "subtag": "InTransit_007", "message": "Departed from Facility", "location": "Ontario, CA, US"},"#, with: "")
        try ws.write("inbox/tracking/aftership_trackings_20261101.json", corrected)
        let fourth = try ws.pipeline().run()
        #expect(fourth.tracking?.eventsChanged == 1)
        #expect(try Self.carrierEvents(ws).first == "amazon,112-0000002-0000002,carrier_first_scan,2026-10-16T17:05:00Z,1Z0000000000000001,"
            + "aftership.trackings,inbox/tracking/aftership_trackings_20261101.json,2")
        #expect(try Self.rows(ws, "tracking_events").filter { $0[0] == "1Z0000000000000001" }.count == 2)
    }
}
