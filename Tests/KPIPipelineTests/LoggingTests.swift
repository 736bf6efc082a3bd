import Foundation
import KPIPipeline
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
        // Every line is a JSON object on its own line.
        for line in lines.all {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func theFormatIsReadBeforeParsing() {
        #expect(LogFormat.requested(in: ["kpibridge", "run", "--log-format", "json"]) == .json)
        #expect(LogFormat.requested(in: ["kpibridge", "run", "--log-format=json"]) == .json)
        #expect(LogFormat.requested(in: ["kpibridge", "run", "--log-format"]) == .text)
        #expect(LogFormat.requested(in: ["kpibridge", "run"]) == .text)
    }
}
