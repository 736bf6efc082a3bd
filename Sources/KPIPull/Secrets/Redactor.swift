import Foundation

/// Removes secrets from anything that leaves the process: messages, logs and kept raw responses.
///
/// It knows the run's credential values (each replaced wherever it appears) and the query parameters
/// and JSON members that carry tokens or signatures by name (a pre-signed report URL's
/// `X-Amz-Signature`, an LWA `access_token`), whose values are replaced even when not configured.
package struct Redactor: Sendable {
    package static let mask = "[redacted]"
    /// Parameter and member names whose values are secret, lowercased.
    static let sensitiveNames = ["access_token", "refresh_token", "client_secret", "app_secret", "sign",
                                 "x-amz-signature", "x-amz-credential", "x-amz-security-token", "signature"]
    /// The secrets as given.
    private var secrets: [String] = []
    /// Literal forms to hide (base64 of a secret, of a Basic `user:secret` pair), longest first.
    private var forms: [String] = []
    /// Per secret, a pattern matching it however a response or a log escapes its punctuation, compiled
    /// once here rather than on every message redacted.
    private var patterns: [NSRegularExpression] = []

    package init(secrets: [String] = []) {
        for secret in secrets { add(secret) }
    }

    /// Adds a value to hide (values under four characters would hide ordinary text and are not).
    package mutating func add(_ secret: String) {
        guard secret.count >= 4, !secrets.contains(secret) else { return }
        secrets.append(secret)
        var all: Set<String> = []
        for value in secrets { all.insert(Data(value.utf8).base64EncodedString()) }
        // `user:secret` in a Basic authorization header, for every pair of known values.
        for user in secrets + [""] {
            for value in secrets where value != user {
                all.insert(Data("\(user):\(value)".utf8).base64EncodedString())
                all.insert(Data("\(value):\(user)".utf8).base64EncodedString())
            }
        }
        forms = all.sorted { ($0.count, $0) > ($1.count, $1) }
        patterns = secrets.sorted { ($0.count, $0) > ($1.count, $1) }.compactMap { try? NSRegularExpression(pattern: Self.pattern(for: $0)) }
    }

    /// A regular expression matching `secret` with each character other than a letter or digit written
    /// as itself or in any escape an API or log uses for it, mixed freely: JSON (`\/`, `\"`, `\u002B`
    /// or `\u002b`), percent-encoding in either hex case (`%2F`, `%2f`), a form's `+` for a space.
    static func pattern(for secret: String) -> String {
        secret.unicodeScalars.map { scalar -> String in
            let literal = NSRegularExpression.escapedPattern(for: String(scalar))
            guard scalar.isASCII, !CharacterSet.alphanumerics.contains(scalar) else { return literal }
            let hex = String(format: "%02X", scalar.value)
            let anyCase = hex.map { $0.isLetter ? "[\($0)\($0.lowercased())]" : String($0) }.joined()
            var ways = [literal, "\\\\" + literal, "\\\\u00" + anyCase, "%" + anyCase]
            if scalar == " " { ways.append("\\+") }
            return "(?:" + ways.joined(separator: "|") + ")"
        }.joined()
    }

    package func redact(_ text: String) -> String {
        var out = text
        // Whole base64 forms first: masking a secret inside one would leave the rest of it readable.
        for form in forms where out.contains(form) {
            out = out.replacingOccurrences(of: form, with: Self.mask)
        }
        for expression in patterns {
            out = expression.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out),
                                                      withTemplate: NSRegularExpression.escapedTemplate(for: Self.mask))
        }
        for name in Self.sensitiveNames {
            out = Self.replaceValues(in: out, after: name + "=", until: "&\"' \n<>")
            out = Self.replaceValues(in: out, after: "\"" + name + "\":\"", until: "\"")
            out = Self.replaceValues(in: out, after: "\"" + name + "\": \"", until: "\"")
        }
        return out
    }

    package func redact(_ url: URL) -> String { redact(url.absoluteString) }

    /// Replaces what follows each case-insensitive `marker` up to one of `stops`.
    private static func replaceValues(in text: String, after marker: String, until stops: String) -> String {
        guard text.range(of: marker, options: .caseInsensitive) != nil else { return text }
        var out = ""
        var rest = text[...]
        while let found = rest.range(of: marker, options: .caseInsensitive) {
            // `sign=` must not match inside `design=`: the marker starts a name.
            let before = found.lowerBound > rest.startIndex ? rest[rest.index(before: found.lowerBound)] : nil
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            if let before, before.isLetter || before.isNumber || before == "_" || before == "-" { continue }
            let end = rest.firstIndex(where: { stops.contains($0) }) ?? rest.endIndex
            if end > rest.startIndex { out += mask }
            rest = rest[end...]
        }
        return out + rest
    }
}
