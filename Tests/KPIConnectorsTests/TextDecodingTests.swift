import KPIConnectors
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
}
