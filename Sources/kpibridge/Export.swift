import ArgumentParser
import Foundation
import KPIPipeline

extension Kpibridge {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a fact or ledger table as CSV or JSON Lines.",
            discussion: """
                Tables: fact_metric, quarantine, load_ledger, runs, orders, order_lines, fulfillment_events, \
                refunds, returns. Rows come in primary-key order, so the same store exports byte-identical files.

                Example:
                  kpibridge export --workspace samples/workspace --table fact_metric --format csv --out facts.csv
                  kpibridge export --workspace samples/workspace --table quarantine --format jsonl
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

        func validate() throws {
            guard ExportFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be csv or jsonl, not `\(format)`")
            }
        }

        func run() throws {
            let exporter = TableExporter(format: ExportFormat(rawValue: format)!, byteOrderMark: bom)
            let pipeline = try options.pipeline(createStore: false)
            if let out {
                try exporter.export(table, from: pipeline.store, to: out)
            } else {
                try exporter.export(table, from: pipeline.store) { FileHandle.standardOutput.write(Data($0.utf8)) }
            }
        }
    }
}
