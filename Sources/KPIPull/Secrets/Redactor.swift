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
    private var secrets: [String] = []

    package init(secrets: [String] = []) {
        for secret in secrets { add(secret) }
    }

    /// Adds a value to hide (values under four characters would hide ordinary text and are not).
    package mutating func add(_ secret: String) {
        guard secret.count >= 4, !secrets.contains(secret) else { return }
        secrets.append(secret)
        // Longest first, so a secret containing another is replaced whole.
        secrets.sort { $0.count > $1.count }
    }

    package func redact(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: Self.mask)
            let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret
            if encoded != secret { out = out.replacingOccurrences(of: encoded, with: Self.mask) }
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
