import Foundation
import KPIConnectors
import KPISchema
import Testing
import Yams

@Suite struct HeaderAndSpecTests {
    /// Why a spec is refused; nil when it compiles (or fails with another error, which no expectation matches).
    static func refusal(_ compile: () throws -> CompiledSpec) -> ConnectorSpecError? {
        do { _ = try compile() } catch { return error as? ConnectorSpecError }
        return nil
    }

    @Test func headerNormalization() {
        #expect(HeaderName("Sessions – Total") == HeaderName("sessions - total"))
        #expect(HeaderName("  Units   Ordered ") == HeaderName("units ordered"))
        #expect(HeaderName("运费（USD）") == HeaderName("运费(USD)"))
        #expect(HeaderName("Sessions - Total - B2B") != HeaderName("Sessions - Total"))
    }

    @Test func closestHeaderSuggestion() {
        let wanted = [HeaderName("Lineitem quantity")]
        #expect(HeaderName.closest(to: wanted, among: ["Name", "Lineitem quantiy", "Total"]) == "Lineitem quantiy")
        #expect(HeaderName.closest(to: wanted, among: ["Name", "Total"]) == nil)
    }

    @Test func missingRequiredColumnNamesItAndTheHeadersFound() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpib-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("orders.csv")
        try "Name,Created at,Paid at,Fulfilled at,Cancelled at,Financial Status,Currency,Lineitem quantiy,Lineitem price,Lineitem sku,Shipping,Taxes,Refunded Amount\n#1,2026-10-01 10:00:00 -0700,,,,,USD,1,2.00,A,,,\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        let context = SourceContext(displayPath: "orders.csv", fingerprint: try FileFingerprint.compute(path: file.path), runID: 1)
        do {
            _ = try catalog.connector("shopify.orders").open(path: file.path, context: context)
            Issue.record("expected a missing-column error")
        } catch let error as MissingColumnsError {
            #expect(error.missing.map(\.field) == ["quantity"])
            #expect(error.missing.first?.closest == "Lineitem quantiy")
            #expect(error.description == """
                orders.csv: not a `shopify.orders` export: a column it reads is missing
                  - quantity: expected a column named `Lineitem quantity`; closest found: `Lineitem quantiy`
                  headers found: `Name`, `Created at`, `Paid at`, `Fulfilled at`, `Cancelled at`, `Financial Status`, `Currency`, `Lineitem quantiy`, `Lineitem price`, `Lineitem sku`, `Shipping`, `Taxes`, `Refunded Amount`
                """)
        }
    }

    @Test func aHeaderOfAHundredThousandColumnsBindsItsColumnsAndIsListedShort() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kpib-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let filler = (0..<100_000).map { "c\($0)" }
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        func open(_ header: [String], _ row: [String]) throws -> any RecordReader {
            let file = dir.appendingPathComponent("wide-\(header.count).csv")
            try (header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let context = SourceContext(displayPath: "wide.csv", fingerprint: try FileFingerprint.compute(path: file.path), runID: 1)
            return try catalog.connector("shopify.orders").open(path: file.path, context: context)
        }
        // The connector's columns after 100,000 others, `Name` also repeated later: the first one binds.
        let header = filler + ["Name", "Created at", "Lineitem quantity", "Lineitem price", "Lineitem sku", "Currency", "Paid at",
                               "Fulfilled at", "Cancelled at", "Financial Status", "Shipping", "Taxes", "Refunded Amount", "Name"]
        var reader = try open(header, filler.map { _ in "" } + ["#1", "2026-10-01 10:00:00 -0700", "2", "3.00", "A", "USD", "", "", "",
                                                               "", "", "", "", "#2"])
        var sink = CollectingSink()
        _ = try reader.read(into: &sink)
        #expect(sink.quarantined.isEmpty)
        #expect(sink.records.compactMap { if case .orderLine(let l) = $0 { "\(l.key.orderID) \(l.sku) \(l.quantity)" } else { nil } }
                == ["#1 A 2"])
        do {
            _ = try open(filler, filler)
            Issue.record("expected a missing-column error")
        } catch let error as MissingColumnsError {
            let listed = error.description.split(separator: "\n").last!
            #expect(listed.hasPrefix("  headers found: `c0`, `c1`, "))
            #expect(listed.hasSuffix("`c39`, … and 99960 more"))
        }
    }

    @Test func unknownConnectorSuggestsTheClosest() throws {
        let catalog = try ConnectorCatalog(directories: [shippedConnectors])
        #expect(catalog.ids.count == 41)
        #expect(Set(["amazon.all_orders", "mabang.orders", "shopify.orders", "walmart.orders", "team.roster"]).isSubset(of: catalog.ids))
        do {
            _ = try catalog.connector("amazon.all_order")
            Issue.record("expected an error")
        } catch {
            #expect(error.closest == "amazon.all_orders")
        }
    }

    @Test func invalidSpecsAreRejectedWithTheReason() throws {
        let yaml = """
            id: demo.orders
            title: Demo
            platform: demo
            file: { delimiter: comma }
            fields:
              order_id: { column: Id, required: true }
              qty: { column: Qty, type: integer }
            records:
              order_line: { amount: qty }
            """
        let spec = try YAMLDecoder().decode(ConnectorSpec.self, from: yaml)
        #expect(Self.refusal { try CompiledSpec(spec, path: "demo.yaml") }
                == ConnectorSpecError(path: "demo.yaml", problem: Bilingual("records.order_line needs a field `sku`",
                                                                            "records.order_line 需要字段 `sku`")))
        // An empty quantity is no value; `keep_empty` cannot make it one.
        let kept = try YAMLDecoder().decode(ConnectorSpec.self, from: yaml.replacingOccurrences(
            of: "qty: { column: Qty, type: integer }", with: "qty: { column: Qty, type: integer, keep_empty: true }"))
        #expect(Self.refusal { try CompiledSpec(kept, path: "demo.yaml") }?.problem == Bilingual(
            "field `qty`: `keep_empty` applies to text fields only (an empty number is no value, never 0)",
            "字段 `qty`：`keep_empty` 只适用于 `text` 字段（空的数字就是没有值，绝不当作 0）"))
    }

    /// An `unpivot:` block is checked like the rest: the fields it fills read no column, parts' values have
    /// the value field's type, every part is named, and groups go with a group field.
    @Test(arguments: [
        ("amount: { column: [], type: decimal }", "amount: { column: Amount, type: decimal }",
         "unpivot.value field `amount` is filled by the parts; give it `column: []`"),
        ("fee_amount: { column: Fee, type: decimal }", "fee_amount: { column: Fee, type: integer }",
         "unpivot.parts[0].value `fee_amount` must have the type of `amount` (decimal)"),
        ("{name: fee_name, value: fee_amount, group: Fees}", "{value: fee_amount, group: Fees}",
         "unpivot.parts[0] needs `name` (the field holding the part's name) or `label` (the name itself)"),
        ("{label: Misc, value: misc_amount, group: Misc}", "{label: Misc, value: misc_amount}",
         "unpivot.parts[1] needs a `group`"),
        ("name: description", "name: nothing", "field `description` names no column (a constant needs `default`; `unpivot` may fill it)"),
    ]) func anUnpivotItCannotFollowIsRefused(_ before: String, _ after: String, _ message: String) throws {
        let yaml = """
            id: demo.fees
            title: Demo
            platform: demo
            file: { delimiter: comma }
            fields:
              settlement_id: { column: Id, required: true }
              fee_name: { column: Fee type }
              fee_amount: { column: Fee, type: decimal }
              misc_amount: { column: Misc, type: decimal }
              currency: { column: Currency }
              description: { column: [] }
              fee_type: { column: [] }
              amount: { column: [], type: decimal }
            unpivot:
              name: description
              value: amount
              group: fee_type
              parts:
                - {name: fee_name, value: fee_amount, group: Fees}
                - {label: Misc, value: misc_amount, group: Misc}
            records:
              fee:
            """
        _ = try CompiledSpec(try YAMLDecoder().decode(ConnectorSpec.self, from: yaml), path: "demo.yaml")
        let changed = try YAMLDecoder().decode(ConnectorSpec.self, from: yaml.replacingOccurrences(of: before, with: after))
        #expect(Self.refusal { try CompiledSpec(changed, path: "demo.yaml") }.map { [$0.path, $0.message] } == ["demo.yaml", message])
    }

    @Test func aFieldNameThatIsNotAnIdentifierIsRefused() throws {
        let yaml = """
            id: portal.returns
            title: Evil
            platform: portal
            file: { delimiter: comma }
            fields:
              order_id: { column: Id, required: true }
              'x"; DROP TABLE orders; --': { column: Evil }
            records:
              ticket:
            """
        let spec = try YAMLDecoder().decode(ConnectorSpec.self, from: yaml)
        #expect(Self.refusal { try CompiledSpec(spec, path: "evil.yaml") }.map { [$0.path, $0.message] } == ["evil.yaml",
            "field name `x\"; DROP TABLE orders; --` must be lower-case letters, digits and `_`, starting with a letter or `_`"])
    }

    @Test func eventAuthorityNeedsEventsAndANameItKnows() throws {
        let orders = """
            id: demo.orders
            title: Demo
            platform: demo
            event_authority: carrier
            file: { delimiter: comma }
            fields:
              order_id: { column: Id, required: true }
              purchased_at: { column: Date, type: datetime, formats: ["yyyy-MM-dd"], required: true }
            records:
              order:
            """
        let unevented = try YAMLDecoder().decode(ConnectorSpec.self, from: orders)
        #expect(Self.refusal { try CompiledSpec(unevented, path: "demo.yaml") }?.message
                == "`event_authority` says whose fulfillment events these are, but `records.fulfillment_events` names none")
        #expect(throws: DecodingError.self) {
            try YAMLDecoder().decode(ConnectorSpec.self, from: orders.replacingOccurrences(of: "carrier", with: "courier"))
        }
        let authorities: [EventAuthority?] = try ["carrier.tracking_xml", "easypost.shipments", "wms.outbound",
                                                  "mabang.orders", "dianxiaomi.sales", "shopify.orders", "ebay.orders",
                                                  "tiktok.orders"].map { id in
            try YAMLDecoder().decode(ConnectorSpec.self, from: String(contentsOfFile: "\(shippedConnectors)/\(id).yaml",
                                                                      encoding: .utf8)).eventAuthority
        }
        #expect(authorities == [.carrier, .carrier, .warehouse, .erp, .erp, .storefront, .storefront, .storefront])
    }
}
