import ArgumentParser
import Foundation
import KPIPipeline
import KPISchema
import KPIText
import KPIWorkspace

extension Kpibridge {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Help.pick("Write one period's report as a self-contained HTML file a manager can open or print.",
                                "把一个周期的报告写成独立的 HTML 文件，管理者可直接打开或打印。"),
            discussion: Help.pick("""
                Company summary with the change since the previous period, every scorecard with its lines, \
                achievement bars, grade and any veto, where the teams' numbers differ and the records why, \
                trend charts of the last 6 periods, pacing of the period in progress, and data freshness. \
                Reads the store only (run `kpibridge run` first); no scripts, fonts or images are fetched \
                when the file is opened. The same store gives the same bytes.

                With --notify, the `notify:` webhooks whose `on:` lists `report` get the summary (sales per \
                profile, grades, the file's path) in their own language; exit 1 if one could not be told.
                """, """
                内容包括：公司汇总及与上一周期相比的变化；每张考核表及其考核项、
                达成率条形图、等级和一票否决（如有）；各团队数字的差异及造成差异的记录；
                最近 6 个周期的趋势图；进行中周期的进度预警；数据新鲜度。
                只读取存储（请先运行 `kpibridge run`）；打开文件时不会联网获取脚本、
                字体或图片。同一个存储生成的文件逐字节相同。

                加 --notify 时，`notify:` 下 `on:` 列出 `report` 的 webhook
                会收到摘要（各口径的销售额、等级、文件路径），各用自己的语言；
                有任何一个没能通知到时退出码为 1。
                """, examples: """
                kpibridge report --workspace samples/workspace --period 2026-10 --lang zh --out report.html
                kpibridge report --workspace ~/kpi --period 2026-11 --out /srv/reports/2026-11.html --notify
                """))

        @OptionGroup var options: WorkspaceOptions

        @OptionGroup var when: PeriodOptions

        @OptionGroup var languageOptions: LanguageOptions

        /// The report's language: `--lang`, else the environment's.
        var lang: DisplayLanguage { languageOptions.language }

        @Option(help: .pick("File to write (`-` for standard output; default: kpibridge-report-PERIOD-LANG.html here).",
                            "要写入的文件（`-` 表示标准输出；默认：当前目录下的 `kpibridge-report-PERIOD-LANG.html`）。"))
        var out: String?

        @Flag(help: .pick("Send the report's summary to the notify: webhooks that take `report`.",
                          "把报告摘要发送给 `notify:` 下接收 `report` 的 webhook。"))
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
