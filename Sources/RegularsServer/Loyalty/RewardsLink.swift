import Crypto
import Foundation

/// The shopper's signed, expiring link to their My rewards page: `<customer id>.<expiry, unix seconds>.<signature>`,
/// the signature an HMAC-SHA256 (base64url) of both with the server's secret key. It names no guessable id on its
/// own: changing the id or the expiry breaks the signature, and a link stops working when it expires.
struct RewardsLink: Sendable, Equatable {
    let customerID: Int64
    let expiresAt: Int64

    static let defaultLifetimeDays = 30

    enum Failure: Error, Equatable {
        case malformed
        case badSignature
        case expired
    }

    func token(secret: String) -> String {
        "\(customerID).\(expiresAt).\(Self.signature(customerID: customerID, expiresAt: expiresAt, secret: secret))"
    }

    static func make(customerID: Int64, at now: Date, lifetimeDays: Int = defaultLifetimeDays) -> RewardsLink {
        RewardsLink(customerID: customerID, expiresAt: Int64(now.timeIntervalSince1970) + Int64(lifetimeDays) * 86_400)
    }

    static func verify(_ token: String, secret: String, at now: Date) throws(Failure) -> RewardsLink {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let id = Int64(parts[0]), let expiry = Int64(parts[1]) else { throw .malformed }
        var base64 = parts[2].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let mac = Data(base64Encoded: base64),
            HMAC<SHA256>.isValidAuthenticationCode(
                mac, authenticating: Self.message(customerID: id, expiresAt: expiry),
                using: SymmetricKey(data: Data(secret.utf8)))
        else { throw .badSignature }
        guard Int64(now.timeIntervalSince1970) < expiry else { throw .expired }
        return RewardsLink(customerID: id, expiresAt: expiry)
    }

    private static func signature(customerID: Int64, expiresAt: Int64, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: message(customerID: customerID, expiresAt: expiresAt), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func message(customerID: Int64, expiresAt: Int64) -> Data {
        Data("rewards:\(customerID):\(expiresAt)".utf8)
    }
}
