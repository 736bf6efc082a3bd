/// Incremental UTF-8 well-formedness check, fed chunk by chunk.
///
/// Hand-written because it runs inside the hashing pass over every byte of every file and must
/// carry a half-read sequence across chunk boundaries; the standard library validates only whole buffers.
package struct UTF8Validator: Sendable {
    private var pending = 0
    private var nextLow: UInt8 = 0x80
    private var nextHigh: UInt8 = 0xBF
    package private(set) var isValid = true
    /// Whether any byte above 0x7F was seen; pure ASCII is valid under every supported encoding.
    package private(set) var sawNonASCII = false

    package init() {}

    package mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard isValid else { return }
        for byte in bytes {
            if pending > 0 {
                guard byte >= nextLow, byte <= nextHigh else { isValid = false; return }
                pending -= 1
                nextLow = 0x80
                nextHigh = 0xBF
                continue
            }
            if byte < 0x80 { continue }
            sawNonASCII = true
            switch byte {
            case 0xC2...0xDF: pending = 1
            case 0xE0: pending = 2; nextLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: pending = 2; nextHigh = 0x9F
            case 0xF0: pending = 3; nextLow = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4: pending = 3; nextHigh = 0x8F
            default: isValid = false; return
            }
        }
    }

    /// True when the input so far was well-formed and did not stop inside a sequence.
    package var isCompleteAndValid: Bool { isValid && pending == 0 }
}
