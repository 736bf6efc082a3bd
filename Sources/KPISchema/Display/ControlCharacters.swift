extension String {
    /// The text with control characters written as escapes (`\n`, `\t`, `\u{1B}`), for anything shown
    /// to a person or written to a log: a file name or a cell cannot forge summary lines or drive the
    /// terminal. `keepingNewlines` leaves the line breaks a multi-line message means to have.
    package func escapingControlCharacters(keepingNewlines: Bool = false) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
        guard unicodeScalars.contains(where: { isControl($0) && !(keepingNewlines && $0 == "\n") }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n" where keepingNewlines: out.unicodeScalars.append(scalar)
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
