/// Where an identifier of a customer comes from. One customer may carry several.
public enum IdentitySource: String, CaseIterable, Sendable, Codable {
    case shopify
    case woocommerce
    case segmentUserID = "segment_user_id"
    case anonymousID = "anonymous_id"
    case email
    case csv
    case demo
}
