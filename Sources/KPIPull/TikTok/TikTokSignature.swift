import Crypto
import Foundation

/// TikTok Shop Open API request signing: HMAC-SHA256, keyed with the app secret, of the secret, the
/// path, each query parameter but `sign` and `access_token` as name+value in name order, the body,
/// and the secret again; lowercase hex.
enum TikTokSignature {
    static func sign(path: String, query: [String: String], body: Data?, secret: String) -> String {
        var message = secret + path
        for name in query.keys.sorted() where name != "sign" && name != "access_token" {
            message += name + query[name]!
        }
        if let body { message += String(decoding: body, as: UTF8.self) }
        message += secret
        let code = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
