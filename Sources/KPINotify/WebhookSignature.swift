import Crypto
import Foundation

/// The HMAC-SHA256 signatures 飞书 and 钉钉 check, from their bots' documentation.
package enum WebhookSignature {
    /// 飞书: base64 of HMAC-SHA256 keyed with `timestamp + "\n" + secret` over an empty message;
    /// `timestamp` in seconds.
    package static func feishu(timestamp: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Data("\(timestamp)\n\(secret)".utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: Data(), using: key)).base64EncodedString()
    }

    /// 钉钉: base64 of HMAC-SHA256 keyed with the secret over `timestamp + "\n" + secret`;
    /// `timestamp` in milliseconds. The caller percent-encodes it into the URL.
    package static func dingtalk(timestamp: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        return Data(HMAC<SHA256>.authenticationCode(for: Data("\(timestamp)\n\(secret)".utf8), using: key)).base64EncodedString()
    }
}
