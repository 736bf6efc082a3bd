import ArgumentParser
import Foundation
import KPIFacts
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one metric under two teams' definitions, the bridge from one value to the other, and the records behind it.",
            discussion: """
                Reads fact_reconciliation, fact_reconciliation_bridge and reconciliation_detail, which `kpibridge \
                run` writes for the profile pairs under `reconcile:` in definitions.yaml. The bridge walks from the \
                first profile's value to the second's: one line per cause with its records and signed effect, in \
                the first profile's currency, summing to the difference (a rounding or residual line shows anything \
                the causes do not cover). With --records, each record follows, naming why it counts differently \
                (shipped_event, event_missing, period_boundary, refund, tax, shipping, currency, inventory, \
                response_time, sla, cost_basis, margin_fees, ad_attribution, complaint_tags, version_change) and the \
                file and line it came from.

                Example:
                  kpibridge reconcile --workspace samples/workspace --metric gmv --profiles cn,us --period 2026-10
                  kpibridge reconcile --workspace samples/workspace --metric shipped_orders --period 2026-10 --records
                  kpibridge reconcile --workspace samples/workspace --metric gmv --period 2026-10 --scope platform:amazon --lang zh
                  kpibridge reconcile --workspace samples/workspace --metric gmv --period 2026-10 --format json
                  kpibridge reconcile --workspace samples/workspace --metric gmv --period 2026-10 --format csv --out gmv.csv
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(help: "The metric, e.g. shipped_orders, gmv, orders, first_response_hours.")
        var metric: String

        @Option(help: "Two profiles, A,B (default: the first pair under reconcile.pairs).")
        var profiles: String?

        @Option(help: "2026-10 (a month) or 2026-10-31 (a day; with --grain week, its week).")
        var period: String

        @Option(help: "day, week or month (default: month for YYYY-MM, day for a date).")
        var grain: Grain?

        @Option(help: "company, platform:ID or shop:ID.")
        var scope: String = "company"

        @Option(help: "text, json (the row, the bridge and the records) or csv (the records).")
        var format: String = "text"

        @Flag(help: "List each record behind the difference after the bridge (text).")
        var records = false

        @OptionGroup var language: LanguageOptions

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        func validate() throws {
            guard Period(naming: period, grain: grain) != nil else {
                throw ValidationError("--period `\(period)` is not like 2026-10 or 2026-10-31")
            }
            guard ReconcileReport.scope(scope) != nil else {
                throw ValidationError("--scope `\(scope)` is not company, platform:ID or shop:ID")
            }
            guard ["text", "json", "csv"].contains(format) else {
                throw ValidationError("--format must be text, json or csv, not `\(format)`")
            }
            if let profiles, profiles.split(separator: ",").count != 2 {
                throw ValidationError("--profiles takes two profile names, like cn,us")
            }
        }

        func run() throws {
            let pipeline = try options.pipeline(.readOnly)
            let job = ReconcileJob(pipeline: pipeline, metric: metric, profiles: profiles,
                                   period: Period(naming: period, grain: grain)!, scope: scope)
            guard let pair = job.pair else {
                throw ValidationError("definitions.yaml has fewer than two profiles; nothing to reconcile")
            }
            let report = try job.run(pair: pair)
            let text = switch format {
            // Files for tools change their headers for an explicit --lang only.
            case "csv": report.csv(language: language.lang)
            case "json": report.json(language: language.lang)
            default: report.text(language: language.names, listRecords: records) + "\n"
            }
            if let out {
                do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                    throw PipelineError.failed(Bilingual("cannot write \(out): \(error.localizedDescription)",
                                                         "无法写入 \(out)：\(error.localizedDescription)"))
                }
            } else {
                try StandardOutput.write(text)
            }
        }
    }
}

extension Grain: ExpressibleByArgument {}
