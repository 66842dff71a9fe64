import Foundation
import RegularsLoyalty
import Vapor

/// `PATCH /api/loyalty/program`: the fields to change; everything left out keeps its value.
struct LoyaltyProgramInput: Content {
    var enabled: Bool?
    var launchedAt: Date?
    var program: LoyaltyProgram?
    var codePrefix: String?
    var codeWebhookUrl: String?
    var shopifyShopDomain: String?
    var shopifyAccessToken: String?
    var referralLandingUrl: String?
    /// Generates a new Standard Webhooks signing secret.
    var rotateWebhookSecret: Bool?

    func applied(to current: LoyaltySettings, wasStored: Bool, at now: Date) -> LoyaltySettings {
        var settings = current
        if let enabled {
            if enabled, !current.enabled, !wasStored, launchedAt == nil { settings.launchedAt = now }
            settings.enabled = enabled
        }
        if let launchedAt { settings.launchedAt = launchedAt }
        if let program { settings.program = program }
        if let codePrefix { settings.codePrefix = codePrefix.uppercased() }
        if let codeWebhookUrl { settings.codeWebhookURL = codeWebhookUrl.isEmpty ? nil : codeWebhookUrl }
        if let shopifyShopDomain { settings.shopifyShopDomain = shopifyShopDomain.isEmpty ? nil : shopifyShopDomain }
        if let shopifyAccessToken {
            settings.shopifyAccessToken = shopifyAccessToken.isEmpty ? nil : shopifyAccessToken
        }
        if let referralLandingUrl {
            settings.referralLandingURL = referralLandingUrl.isEmpty ? nil : referralLandingUrl
        }
        if rotateWebhookSecret == true { settings.codeWebhookSecret = StandardWebhookSignature.makeSecret() }
        return settings
    }
}
