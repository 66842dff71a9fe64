/// The secret a webhook's signature is checked with, and whether the environment fixed it (then it cannot be
/// rotated from the API or the page).
struct WebhookSecret: Sendable, Equatable {
    var value: String
    var fromEnvironment: Bool
}
