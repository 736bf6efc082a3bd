import Foundation
import KPIPipeline
import KPISchema
import KPIStoreTesting
import KPIText
import Testing

/// `connectors check` and `connectors detect` on the sample's exports, in Chinese: the dry run names the
/// quarantined row's reason in Chinese, the ranking says what fits.
@Suite struct ConnectorBenchLanguageTests {
    @Test func aDryRunAndADetectionInChinese() throws {
        let ws = try TemporaryWorkspace.sample()
        let workspace = try ws.pipeline().workspace
        let check = try workspace.check(connector: "amazon.fba_returns", file: ws.path + "/inbox/amazon/returns/FBA_Customer_Returns_202610.txt")
        let zh = check.text(language: .zh).split(separator: "\n").map(String.init)
        #expect(zh.first == "inbox/amazon/returns/FBA_Customer_Returns_202610.txt 按 amazon.fba_returns 读取，表头在第 1 行")
        #expect(zh.contains("行：读取 3 行，将加载 2 行，跳过非数据行 0 行，将隔离 1 行"))
        #expect(zh.contains("记录：return 2 条"))
        #expect(zh.contains("问题（1 个）："))
        #expect(zh.contains("  inbox/amazon/returns/FBA_Customer_Returns_202610.txt:3:7：quantity：`one` 不是整数；应为整数，如 3 或 1,200"))
        #expect(zh.last == "未写入任何内容")
        #expect(check.text.hasSuffix("\nnothing was written"))

        let detected = try workspace.detect(file: ws.path + "/inbox/erp/领星订单_202610.csv").text(language: .zh).split(separator: "\n").map(String.init)
        #expect(detected.first?.hasPrefix("inbox/erp/领星订单_202610.csv：lingxing.orders 符合（") == true)
        #expect(detected.contains { $0.hasPrefix("  1. lingxing.orders：") && $0.contains("，所需的列都在") })
    }

    /// `connectors list`: where each connector is defined, in the reader's language; a workspace's own by its
    /// path in the workspace.
    @Test func theListingSaysWhereEachConnectorIsDefined() throws {
        let ws = try TemporaryWorkspace.sample()
        // The shipped violations register under another id: a workspace's own connector.
        let shipped = try String(contentsOfFile: shippedConnectors + "/team.violations.yaml", encoding: .utf8)
        try ws.write("connectors/portal.returns.yaml", shipped.replacingOccurrences(of: "id: team.violations", with: "id: portal.returns")
            .replacingOccurrences(of: "title: Violations register (CSV or XLSX)", with: "title: Portal returns")
            .replacingOccurrences(of: "title_zh: 违规登记表（CSV 或 XLSX）\n", with: ""))
        try ws.write("kpibridge.yaml", try String(contentsOfFile: ws.path + "/kpibridge.yaml", encoding: .utf8) + "connectors: [connectors]\n")
        let listing = try ConnectorListing.forDirectory(ws.path, builtinConnectors: [shippedConnectors])
        let zh = listing.text(.zh).split(separator: "\n").map(String.init)
        #expect(zh.contains { $0.hasSuffix("亚马逊全部订单报告（平面文件，TSV）（内置：amazon.all_orders.yaml）") })
        #expect(zh.contains { $0.hasSuffix("Portal returns（工作区：connectors/portal.returns.yaml）") })
        #expect(listing.text.contains("Portal returns (workspace: connectors/portal.returns.yaml)"))
        #expect(listing.text.contains("(built-in: amazon.all_orders.yaml)"))
    }
}
