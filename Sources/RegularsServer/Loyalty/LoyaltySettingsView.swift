import Foundation
import RegularsLoyalty
import Vapor

/// The programme settings as the admin API shows them: the Shopify access token is never shown again, only
/// whether one is set.
struct LoyaltySettingsView: Content {
    var enabled: Bool
    var launchedAt: Date
    var program: LoyaltyProgram
    var problems: [String]
    var codePrefix: String
    var codeWebhookUrl: String?
    var codeWebhookSecret: String
    var shopifyShopDomain: String?
    var shopifyAccessTokenSet: Bool
    var referralLandingUrl: String?

    init(_ settings: LoyaltySettings) {
        enabled = settings.enabled
        launchedAt = settings.launchedAt
        program = settings.program
        problems = settings.problems
        codePrefix = settings.codePrefix
        codeWebhookUrl = settings.codeWebhookURL
        codeWebhookSecret = settings.codeWebhookSecret
        shopifyShopDomain = settings.shopifyShopDomain
        shopifyAccessTokenSet = settings.shopifyAccessToken != nil
        referralLandingUrl = settings.referralLandingURL
    }
}
