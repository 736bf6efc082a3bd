import Crypto
import Foundation
import KPISchema

/// A buyer's identity as a keyed hash: `<salt tag>:<first 128 bits of HMAC-SHA-256>` in hex.
///
/// A plain hash of an e-mail is reversed by hashing a list of e-mails; keyed by a secret the store never
/// holds, the key says only "the same buyer as that order". Identities are compared trimmed and in lower
/// case, as mail systems and marketplaces treat them. The tag names the salt (an HMAC of a fixed text, which
/// tells nothing of the salt), so keys made under two salts are never taken for different buyers silently.
package struct CustomerKey: Sendable, Hashable {
    package let text: String

    package init(_ identity: String, salt: CustomerSalt) {
        let normalized = identity.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        text = Self.tag(of: salt) + ":" + Self.hex(Self.code(normalized, salt).prefix(16))
    }

    /// The 8 hex digits every key made under `salt` starts with.
    package static func tag(of salt: CustomerSalt) -> String {
        hex(code("kpibridge customer salt check", salt).prefix(4))
    }

    private static func code(_ text: String, _ salt: CustomerSalt) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: salt.bytes)))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}
