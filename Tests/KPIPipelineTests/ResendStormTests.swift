import Foundation
import KPIPipeline
import KPIStoreTesting
import KPIText
import Testing

/// Every export sent again under another name that its source still matches (or, where the workspace
/// names the file exactly, over the old one), re-encoded (UTF-8 ↔ GB18030) and with the other line
/// endings, plus an Amazon export whose date range overlaps both of the sample's: each content hash is
/// new, so the files load, and record-level dedup must leave every record, its lineage and every fact
/// table as they were.
@Suite struct ResendStormTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)  // kCFStringEncodingGB_18030_2000
    /// Tables whose rows come from one record each: dedup by key and version keeps them.
    static let records = ["orders", "order_lines", "refunds", "returns", "tickets", "traffic", "inventory_snapshots"]
    /// Fulfillment events and what is computed from them.
    static let derived = ["fulfillment_events"] + IncrementalRefreshTests.tables

    /// The same text in the other encoding with the other line endings; nil for binary or structured
    /// files (XLSX, JSON, XML), which are re-sent byte for byte under the new name.
    static func reencoded(_ data: Data) -> Data? {
        let utf8 = String(data: data, encoding: .utf8)
        guard let text = utf8 ?? String(data: data, encoding: gb18030) else { return nil }
        var body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        body = body.contains("\r\n") ? body.replacingOccurrences(of: "\r\n", with: "\n")
            : body.replacingOccurrences(of: "\n", with: "\r\n")
        return body.data(using: utf8 == nil ? .utf8 : gb18030)
    }

    /// The Amazon rows purchased 20 September – 15 October, from both sample exports (which overlap
    /// 1–5 October; the later file's row of an order item wins), in one GB18030 file with CRLF endings —
    /// the range a colleague downloads by hand.
    static func overlappingAmazonExport(_ inbox: URL) throws -> (data: Data, rows: Int) {
        var header = ""
        var rows: [String: String] = [:]
        for name in ["All_Orders_20260901-20261005.txt", "All_Orders_20261001-20261031.txt"] {
            let lines = try String(contentsOf: inbox.appendingPathComponent("amazon/\(name)"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            header = lines[0]
            for line in lines.dropFirst() {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                let day = cells[2].prefix(10)
                if day >= "2026-09-20", day <= "2026-10-15" { rows["\(cells[0])|\(cells[11])"] = line }
            }
        }
        let text = ([header] + rows.keys.sorted().map { rows[$0]! }).joined(separator: "\r\n") + "\r\n"
        return (try #require(text.data(using: gb18030)), rows.count)
    }

    @Test(arguments: StoreBackend.available)
    func everyFileResentRenamedAndReencodedChangesNothing(_ backend: StoreBackend) throws {
        let ws = try TemporaryWorkspace.sample(backend: backend)
        let first = try IncrementalRefreshTests.pipeline(ws).run()
        let before = try (Self.records + Self.derived).map { try IncrementalRefreshTests.rows(ws, $0) }

        let inbox = URL(fileURLWithPath: ws.path + "/inbox")
        let files = FileManager.default.enumerator(at: inbox, includingPropertiesForKeys: [.isRegularFileKey])!
            .compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        // The sources kpibridge.yaml names by exact file name.
        let exact: Set = ["BusinessReport-2026-10.csv", "BusinessReport-2026-09.csv", "FBA_Manage_Inventory_20261031.txt"]
        var reencoded = 0
        for file in files {
            let data = try Data(contentsOf: file)
            let isText = ["csv", "txt", "tsv"].contains(file.pathExtension.lowercased())
            let copy = isText ? try #require(Self.reencoded(data), "\(file.lastPathComponent) re-encodes") : data
            if isText { reencoded += 1 }
            let name = exact.contains(file.lastPathComponent) ? file.lastPathComponent
                : file.deletingPathExtension().lastPathComponent + "_resent." + file.pathExtension
            try copy.write(to: file.deletingLastPathComponent().appendingPathComponent(name))
        }
        #expect(files.count == first.filesRead && reencoded >= 15)
        let overlapping = try Self.overlappingAmazonExport(inbox)
        try overlapping.data.write(to: inbox.appendingPathComponent("amazon/All_Orders_20260920-20261015.txt"))
        #expect(overlapping.rows > 100)

        let second = try IncrementalRefreshTests.pipeline(ws).run()
        // Byte-identical copies (XLSX, JSON, XML) are skipped by content hash; the rest load.
        #expect(second.filesRead == reencoded + 1)
        // Its one bad row is the sample's mistyped price (`19.9O`), quarantined again.
        #expect(second.text.contains("inbox/amazon/All_Orders_20260920-20261015.txt [amazon.all_orders] "
                                     + "\(overlapping.rows - 1) rows loaded, 1 quarantined"))
        #expect(second.filesFailed == 0)
        let after = try (Self.records + Self.derived).map { try IncrementalRefreshTests.rows(ws, $0) }
        // Rows in one state and not the other, counted (the rows themselves would flood the log).
        func changed(_ index: Int) -> Int { Set(before[index]).symmetricDifference(after[index]).count }
        for (index, table) in Self.records.enumerated() {
            #expect(after[index].count == before[index].count, "\(table) row count")
            #expect(changed(index) == 0, "\(table): \(changed(index)) rows differ")
        }
        // Events carry no version: before sources had an authority, the re-sent 马帮 export (now the
        // latest file) took 106 events back from the carrier XML and the Shopify export, and 店小秘's
        // and 马帮's outbound of one order swapped lineage, moving the shipped metrics of 105 orders.
        let facts = second.text.split(separator: "\n").first { $0.hasPrefix("facts:") }
        #expect(facts?.hasPrefix("facts: nothing to recompute (0 changed orders, 0 changed days)") == true,
                "\(facts ?? "")")
        for (offset, table) in Self.derived.enumerated() {
            let index = Self.records.count + offset
            #expect(changed(index) == 0, "\(table): \(changed(index)) rows differ")
        }
    }
}
