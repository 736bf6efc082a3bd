import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one period's report as a self-contained HTML file a manager can open or print.",
            discussion: """
                Company summary with the change since the previous period, every scorecard with its lines, \
                achievement bars, grade and any veto, where the teams' numbers differ and the records why, \
                trend charts of the last 6 periods, pacing of the period in progress, and data freshness. \
                Reads the store only (run `kpibridge run` first); no scripts, fonts or images are fetched \
                when the file is opened. The same store gives the same bytes.

                With --notify, the `notify:` webhooks whose `on:` lists `report` get the summary (sales per \
                profile, grades, the file's path) in their own language; exit 1 if one could not be told.

                Examples:
                  kpibridge report --workspace samples/workspace --period 2026-10 --lang zh --out report.html
                  kpibridge report --workspace ~/kpi --period 2026-11 --out /srv/reports/2026-11.html --notify
                """)

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var when: PeriodOptions

        @OptionGroup var languageOptions: LanguageOptions

        /// The report's language: `--lang`, else the environment's.
        var lang: DisplayLanguage { languageOptions.language }

        @Option(help: "File to write (`-` for standard output; default: kpibridge-report-PERIOD-LANG.html here).")
        var out: String?

        @Flag(help: "Send the report's summary to the notify: webhooks that take `report`.")
        var notify = false

        func run() throws {
            if notify && out == "-" {
                throw PipelineError.usage(Bilingual("--notify names the report's file in the message: give --out FILE",
                                                    "--notify 会在消息里写出报告的文件名：请用 --out FILE 指定文件"))
            }
            let pipeline = try options.pipeline(.readOnly)
            if notify { try pipeline.checkReportWebhooks() }
            let html = try pipeline.report(period: when.value, language: lang)
            let path = out ?? "kpibridge-report-\(when.value.label)-\(lang.rawValue).html"
            if path == "-" {
                try StandardOutput.write(html)
                return
            }
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw PipelineError.failed(Bilingual("cannot write \(path): \(error.localizedDescription)",
                                                     "无法写入 \(path)：\(error.localizedDescription)"))
            }
            try StandardOutput.line(Confirmations.reportWritten(path, bytes: html.utf8.count, period: when.value, language: lang))
            if notify {
                let deliveries = try pipeline.notifyReport(period: when.value, file: path)
                for line in RunReport.deliveryLines(deliveries, language: lang) { try StandardOutput.line(line) }
                if deliveries.contains(where: { $0.failure != nil }) { throw ExitCode(PipelineError.Kind.failed.rawValue) }
            }
        }
    }
}
