/// How many terminal columns text takes: East Asian wide characters (汉字, full-width forms) take two.
///
/// Written here because Foundation has no wcwidth; the ranges are Unicode's East Asian Wide and
/// Full-width blocks that Chinese text uses, which is all the tables kpibridge aligns contain.
package enum TerminalWidth {
    package static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1.value) ? 2 : 1) }
    }

    /// `text` padded with spaces to `width` columns, on the right (`leading: false`) or the left.
    package static func pad(_ text: String, _ width: Int, leading: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return leading ? fill + text : text + fill
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
