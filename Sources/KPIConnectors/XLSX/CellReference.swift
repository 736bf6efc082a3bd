/// The 0-based column of an A1-style reference (`B7` → 1, `AA3` → 26), nil when malformed.
enum CellReference {
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
                guard letters <= 3 else { return nil }  // XFD is the last column
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return letters > 0 ? column - 1 : nil
            default:
                return nil
            }
        }
        return nil
    }
}
