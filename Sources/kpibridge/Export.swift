import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema

extension Kpibridge {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Write a fact or ledger table as CSV or JSON Lines, or several as one Excel workbook.",
                                "把一张事实表或台账表导出为 CSV 或 `JSON Lines`，或把多张表导出为一个 Excel 工作簿。"),
            discussion: Help.pick("""
                Tables: fact_metric, fact_reconciliation, fact_reconciliation_bridge, reconciliation_detail, definitions, \
                fact_changes, quarantine, load_ledger, runs, orders, order_lines, fulfillment_events, refunds, returns and one per plain-data \
                kind (tickets, traffic, ad_spend, inventory_snapshots, …). Rows come in primary-key order, so the same \
                store exports byte-identical files. --lang zh or en renames headers, metrics, definitions and reasons \
                for people (`Shipped orders` / `已发货订单数`); leave it out for BI tools. --format xlsx writes one \
                workbook with a sheet per --table (repeat it), the header row frozen, numbers as numbers, dates \
                and UTC times as Excel dates, no formulas.
                """, """
                可导出的表：fact_metric、fact_reconciliation、fact_reconciliation_bridge、
                reconciliation_detail、`definitions`、fact_changes、`quarantine`、
                load_ledger、`runs`、`orders`、order_lines、fulfillment_events、`refunds`、
                `returns`，以及其余每种数据各一张（`tickets`、`traffic`、ad_spend、
                inventory_snapshots 等）。
                各行按主键顺序输出，所以同一个存储导出的文件逐字节相同。`--lang zh` 或 `en`
                会把表头、指标、口径和原因换成给人看的名称（如 已发货订单数 /
                `Shipped orders`）；给报表工具读取时不要加。--format `xlsx` 写出一个工作簿：
                每个 --table（可重复）一张工作表，冻结表头行，数字存为数字，日期和 UTC
                时间存为 Excel 日期，不含公式。
                """, examples: """
                kpibridge export --workspace samples/workspace --table fact_metric --format csv --out facts.csv
                kpibridge export --workspace samples/workspace --table quarantine --format jsonl
                kpibridge export --workspace samples/workspace --table fact_reconciliation --lang zh --bom --out 对账.csv
                kpibridge export --workspace samples/workspace --format xlsx --table v_kpi_monthly --table v_scorecard --lang zh --out kpi.xlsx
                """))

        @OptionGroup var options: WorkspaceOptions

        @Option(help: .pick("Table to export (repeat it for sheets of an xlsx workbook; default fact_metric).",
                            "要导出的表（导出 `xlsx` 工作簿时可重复，每张表一个工作表；默认 fact_metric）。"))
        var table: [String] = []

        @Option(help: .pick("csv, jsonl or xlsx.", "`csv`、`jsonl` 或 `xlsx`。"))
        var format: String = "csv"

        @Option(help: .pick("Write to this file instead of standard output.", "写入这个文件，而不是标准输出。"))
        var out: String?

        @Flag(help: .pick("Start CSV with a UTF-8 byte order mark, for Excel.", "在 CSV 开头写入 UTF-8 字节序标记（BOM），方便 Excel 打开。"))
        var bom = false

        @Option(help: .pick("Names for people: zh or en (default: machine names).", "给人看的名称：`zh` 或 `en`（默认：机器可读的原名）。"))
        var lang: DisplayLanguage?

        func validate() throws {
            if format == "xlsx" {
                guard out != nil else { throw ValidationError(Help.pick("--format xlsx writes a workbook file: give --out FILE.xlsx",
                                                                        "--format `xlsx` 写出的是工作簿文件：请用 --out FILE.xlsx 指定")) }
                guard Set(table).count == table.count else { throw ValidationError(Help.pick("each --table once: a workbook cannot hold two sheets of one name",
                                                                                             "每个 --table 只能给一次：一个工作簿里不能有两个同名的工作表")) }
                return
            }
            guard ExportFormat(rawValue: format) != nil else {
                throw ValidationError(Help.pick("--format must be csv, jsonl or xlsx, not `\(format)`",
                                                "--format 只能是 `csv`、`jsonl` 或 `xlsx`，不能是 `\(format)`"))
            }
            guard table.count <= 1 else {
                throw ValidationError(Help.pick("one --table per \(format) export (several go into one --format xlsx workbook)",
                                                "\(format) 导出只能有一个 --table（多张表请用 --format `xlsx` 写进同一个工作簿）"))
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
