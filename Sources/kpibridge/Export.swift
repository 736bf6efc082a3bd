import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema

extension Kpibridge {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a fact or ledger table as CSV or JSON Lines, or several as one Excel workbook.",
            discussion: """
                Tables: fact_metric, fact_reconciliation, fact_reconciliation_bridge, reconciliation_detail, definitions, \
                fact_changes, quarantine, load_ledger, runs, orders, order_lines, fulfillment_events, refunds, returns and one per plain-data \
                kind (tickets, traffic, ad_spend, inventory_snapshots, …). Rows come in primary-key order, so the same \
                store exports byte-identical files. --lang zh or en renames headers, metrics, definitions and reasons \
                for people (已发货订单数 / Shipped orders); leave it out for BI tools. --format xlsx writes one \
                workbook with a sheet per --table (repeat it), the header row frozen, numbers as numbers, dates \
                and UTC times as Excel dates, no formulas.

                Example:
                  kpibridge export --workspace samples/workspace --table fact_metric --format csv --out facts.csv
                  kpibridge export --workspace samples/workspace --table quarantine --format jsonl
                  kpibridge export --workspace samples/workspace --table fact_reconciliation --lang zh --bom --out 对账.csv
                  kpibridge export --workspace samples/workspace --format xlsx --table v_kpi_monthly --table v_scorecard --lang zh --out kpi.xlsx
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "Table to export (repeat it for sheets of an xlsx workbook; default fact_metric).")
        var table: [String] = []

        @Option(help: "csv, jsonl or xlsx.")
        var format: String = "csv"

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Flag(help: "Start CSV with a UTF-8 byte order mark, for Excel.")
        var bom = false

        @Option(help: "Names for people: zh or en (default: machine names).")
        var lang: DisplayLanguage?

        func validate() throws {
            if format == "xlsx" {
                guard out != nil else { throw ValidationError("--format xlsx writes a workbook file: give --out FILE.xlsx") }
                guard Set(table).count == table.count else { throw ValidationError("each --table once: a workbook cannot hold two sheets of one name") }
                return
            }
            guard ExportFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be csv, jsonl or xlsx, not `\(format)`")
            }
            guard table.count <= 1 else {
                throw ValidationError("one --table per \(format) export (several go into one --format xlsx workbook)")
            }
        }

        func run() throws {
            let tables = table.isEmpty ? ["fact_metric"] : table
            let pipeline = try options.pipeline(.readOnly)
            if format == "xlsx", let out {
                try TableExporter(format: .csv, language: lang).exportWorkbook(tables, from: pipeline.store, to: out)
                return
            }
            let table = tables[0]
            let exporter = TableExporter(format: ExportFormat(rawValue: format)!, byteOrderMark: bom, language: lang)
            if let out {
                try exporter.export(table, from: pipeline.store, to: out)
            } else {
                try exporter.export(table, from: pipeline.store) { try StandardOutput.write($0) }
            }
        }
    }
}
