import Foundation
import KPIConnectors
import KPISchema
import Testing

@Suite struct TextDecodingTests {
    @Test func utf8ValidatorAcrossChunks() {
        var validator = UTF8Validator()
        let bytes = Array("订单,ok".utf8)
        for byte in bytes { validator.feed([byte]) }
        #expect(validator.isCompleteAndValid)
        #expect(validator.sawNonASCII)

        var truncated = UTF8Validator()
        truncated.feed(bytes.prefix(2))
        #expect(!truncated.isCompleteAndValid)

        var gbk = UTF8Validator()
        gbk.feed([0xB6, 0xA9, 0xB5, 0xA5])  // 订单 in GB18030
        #expect(!gbk.isValid)

        var surrogate = UTF8Validator()
        surrogate.feed([0xED, 0xA0, 0x80])
        #expect(!surrogate.isValid)
    }

    @Test func gb18030IsTranscodedEvenWhenSequencesStraddleChunks() throws {
        // 订单,金额 / 合计,12 in GB18030, plus a four-byte sequence (U+20AC € is 0xA2E3; 𠀀 U+20000 is 0x95328236).
        let bytes: [UInt8] = [0xB6, 0xA9, 0xB5, 0xA5, 0x2C, 0xBD, 0xF0, 0xB6, 0xEE, 0x0A,
                              0xBA, 0xCF, 0xBC, 0xC6, 0x2C, 0x95, 0x32, 0x82, 0x36, 0x0A]
        let source = try GB18030ByteSource(upstream: TricklingSource(bytes))
        var out: [UInt8] = []
        while try source.read(into: &out) > 0 {}
        #expect(String(decoding: out, as: UTF8.self) == "订单,金额\n合计,\u{20000}\n")
    }

    @Test func invalidGB18030BecomesReplacementCharacter() throws {
        let source = try GB18030ByteSource(upstream: MemorySource(bytes: [0x41, 0xFF, 0x42, 0x0A]))
        var out: [UInt8] = []
        while try source.read(into: &out) > 0 {}
        #expect(String(decoding: out, as: UTF8.self) == "A\u{FFFD}B\n")
    }

    /// Reads `bytes` as a file with a shipped connector.
    private func read(_ connector: String, _ bytes: [UInt8], name: String) throws -> CollectingSink {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kpibridge-\(UUID())-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = SourceContext(displayPath: name, fingerprint: try FileFingerprint.compute(path: path), runID: 1)
        var reader = try ConnectorCatalog(directories: [shippedConnectors]).connector(connector).open(path: path, context: context)
        var sink = CollectingSink()
        _ = try reader.read(into: &sink)
        return sink
    }

    @Test func aRowWhoseIdHasUndecodableBytesIsQuarantinedNotLoadedUnderAnotherId() throws {
        let header = "订单编号,平台订单号,平台,店铺名称,订单状态,付款时间,交运时间,发货时间,上网时间,运单号,物流方式,币种,退款金额,退款时间\n"
        let good = "MB1,112-0000001-0000001,Amazon,amazon-us,已发货,2026-10-01 10:00:00,2026-10-02 09:00:00,,,,,USD,,\n"
        var bytes = Array((header + good).data(using: String.Encoding(rawValue: 0x8000_0632))!)
        // The second order id starts with 0x81 0x20, not a GB18030 sequence: iconv yields U+FFFD.
        bytes += Array("MB2,".utf8) + [0x81, 0x20] + Array("112-0000002-0000002,Amazon,amazon-us,,2026-10-01 10:00:00,2026-10-02 09:00:00,,,,,USD,,\n".utf8)
        let sink = try read("mabang.orders", bytes, name: "马帮.csv")
        #expect(sink.records.compactMap { if case .fulfillmentEvent(let e) = $0 { e.key.orderID } else { nil } }
                == ["112-0000001-0000001"])
        #expect(sink.quarantined.map(\.line) == [3])
        #expect(sink.quarantined.first?.column == 2)
        #expect(sink.quarantined.first?.reason.en.contains("平台订单号: `\u{FFFD} 112-0000002-0000002` holds bytes that are not valid "
                                                        + "text in the file's encoding; expected UTF-8 or GB18030 text") == true)
    }
}
