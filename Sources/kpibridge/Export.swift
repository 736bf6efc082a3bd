import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema

extension Kpibridge {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a fact or ledger table as CSV or JSON Lines.",
            discussion: """
                Tables: fact_metric, fact_reconciliation, reconciliation_detail, definitions, fact_changes, quarantine, \
                load_ledger, runs, orders, order_lines, fulfillment_events, refunds, returns and one per plain-data \
                kind (tickets, traffic, ad_spend, inventory_snapshots, …). Rows come in primary-key order, so the same \
                store exports byte-identical files. --lang zh or en renames headers, metrics, definitions and reasons \
                for people (已发货订单数 / Shipped orders); leave it out for BI tools.

                Example:
                  kpibridge export --workspace samples/workspace --table fact_metric --format csv --out facts.csv
                  kpibridge export --workspace samples/workspace --table quarantine --format jsonl
                  kpibridge export --workspace samples/workspace --table fact_reconciliation --lang zh --bom --out 对账.csv
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "Table to export.")
        var table: String = "fact_metric"

        @Option(help: "csv or jsonl.")
        var format: String = "csv"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Flag(help: "Start CSV with a UTF-8 byte order mark, for Excel.")
        var bom = false

        @Option(help: "Names for people: zh or en (default: machine names).")
        var lang: DisplayLanguage?

        func validate() throws {
            guard ExportFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be csv or jsonl, not `\(format)`")
            }
        }

        func run() throws {
            let exporter = TableExporter(format: ExportFormat(rawValue: format)!, byteOrderMark: bom, language: lang)
            let pipeline = try options.pipeline(.readOnly)
            if let out {
                try exporter.export(table, from: pipeline.store, to: out)
            } else {
                try exporter.export(table, from: pipeline.store) { try StandardOutput.write($0) }
            }
        }
    }
}
