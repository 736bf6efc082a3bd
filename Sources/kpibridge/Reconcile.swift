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
            abstract: "Show one metric under two teams' definitions, the delta, and the records behind it.",
            discussion: """
                Reads fact_reconciliation and reconciliation_detail, which `kpibridge run` writes for the profile \
                pairs under `reconcile:` in definitions.yaml. Each record names why it counts differently \
                (shipped_event, event_missing, period_boundary, refund, tax, shipping, currency, inventory, \
                response_time, sla, cost_basis, margin_fees, ad_attribution, complaint_tags) and the file and line \
                it came from.

                Example:
                  kpibridge reconcile --workspace samples/workspace --metric shipped_orders --profiles cn,us --period 2026-10
                  kpibridge reconcile --workspace samples/workspace --metric gmv --period 2026-10 --scope platform:amazon --lang zh
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

        @Option(help: "text or csv.")
        var format: String = "text"

        @Option(help: "Names for people: zh or en.")
        var lang: DisplayLanguage?

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        func validate() throws {
            guard Period(naming: period, grain: grain) != nil else {
                throw ValidationError("--period `\(period)` is not like 2026-10 or 2026-10-31")
            }
            guard ReconcileReport.scope(scope) != nil else {
                throw ValidationError("--scope `\(scope)` is not company, platform:ID or shop:ID")
            }
            guard ["text", "csv"].contains(format) else { throw ValidationError("--format must be text or csv, not `\(format)`") }
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
            let text = format == "csv" ? report.csv(language: lang) : report.text(language: lang) + "\n"
            if let out {
                do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                    throw PipelineError.failed("cannot write \(out): \(error.localizedDescription)")
                }
            } else {
                try StandardOutput.write(text)
            }
        }
    }
}

extension Grain: ExpressibleByArgument {}
