import Crypto
import Foundation

/// Signatures of outbound webhooks by the Standard Webhooks specification: the secret is `whsec_` + base64 of
/// random bytes; the signed content is `<webhook-id>.<webhook-timestamp>.<body>`; the `webhook-signature` header is
/// `v1,` + base64 of its HMAC-SHA256.
enum StandardWebhookSignature {
    static func makeSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "whsec_" + Data(bytes).base64EncodedString()
    }

    static func sign(id: String, timestamp: Int64, body: Data, secret: String) -> String {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        let key = Data(base64Encoded: encoded) ?? Data(secret.utf8)
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }
}
