import Foundation
import KPIPipeline
import KPISchema
import KPIText
import Logging
import Testing

/// Log lines for log shippers: one JSON object per line with the event's fields.
@Suite struct LoggingTests {
    @Test func jsonLinesCarryTheEventsFields() throws {
        let ws = try TemporaryWorkspace()
        let lines = LineCollector()
        var pipeline = try ws.pipeline()
        pipeline.logger = LogFormat.json.logger { lines.append($0) }
        _ = try pipeline.run()
        let loading = try #require(lines.all.first { $0.contains("\"event\":\"loading\"") })
        #expect(loading.hasSuffix("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(loading.utf8)) as? [String: String])
        #expect(object["level"] == "info")
        #expect(object["label"] == "kpibridge")
        #expect(object["file"] == "inbox/amazon/orders.txt")
        #expect(object["connector"] == "amazon.all_orders")
        #expect(object["message"] == "loading  inbox/amazon/orders.txt [amazon.all_orders]")
        #expect(object["ts"]?.count == "2026-11-02T02:30:00.000Z".count)
        // The Chinese wording is for people: JSON lines never carry it.
        #expect(!lines.all.contains { $0.contains(Bilingual.logKey) })
        // Every line is a JSON object on its own line.
        for line in lines.all {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    /// The text log in Chinese: the load's and refresh's own events in Chinese, in order.
    @Test func textLinesInChinese() throws {
        let ws = try TemporaryWorkspace()
        let lines = LineCollector()
        var pipeline = try ws.pipeline()
        pipeline.logger = LogFormat.text.logger(language: .zh) { lines.append($0) }
        _ = try pipeline.run()
        #expect(lines.all.contains("  … 加载  inbox/amazon/orders.txt [amazon.all_orders]\n"))
        // Every line speaks Chinese (this workspace pulls no API, whose own steps stay English).
        #expect(lines.all.allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(lines.all.contains { $0.hasPrefix("  … 计算指标 ") && $0.contains("全部周期重新计算（此存储的首次刷新）") })
        _ = try pipeline.run()
        #expect(lines.all.contains("  … 跳过  inbox/amazon/orders.txt（已由运行 #1 作为 inbox/amazon/orders.txt 加载）\n"))
    }

    @Test func theLanguageIsReadBeforeParsing() {
        #expect(DisplayLanguage.requested(in: ["kpibridge", "run", "--lang", "zh"], environment: ["LANG": "en_US.UTF-8"]) == .zh)
        #expect(DisplayLanguage.requested(in: ["kpibridge", "run", "--lang=en"], environment: ["KPIBRIDGE_LANG": "zh"]) == .en)
        #expect(DisplayLanguage.requested(in: ["kpibridge", "run"], environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        // The last --lang wins, as the parser has it; nothing after `--` is an option.
        #expect(DisplayLanguage.requested(in: ["kpibridge", "run", "--lang", "zh", "--lang", "en"], environment: [:]) == .en)
        #expect(DisplayLanguage.requested(in: ["kpibridge", "run", "--lang", "en", "--", "--lang", "zh"], environment: [:]) == .en)
        #expect(DisplayLanguage.requested(in: ["kpibridge", "run", "--lang", "fr"], environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
    }

    @Test func theFormatIsReadBeforeParsing() {
        #expect(LogFormat.requested(in: ["kpibridge", "run", "--log-format", "json"]) == .json)
        #expect(LogFormat.requested(in: ["kpibridge", "run", "--log-format=json"]) == .json)
        #expect(LogFormat.requested(in: ["kpibridge", "run", "--log-format"]) == .text)
        #expect(LogFormat.requested(in: ["kpibridge", "run"]) == .text)
    }
}
