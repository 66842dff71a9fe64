import Crypto
import Foundation

/// The signature Shopify and WooCommerce put on a delivery: base64 HMAC-SHA256 of the raw body with the shared secret,
/// compared in constant time.
enum WebhookSignature {
    static func isValid(_ signature: String, body: Data, secret: String) -> Bool {
        guard let mac = Data(base64Encoded: signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            mac, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
    }
}
