/// A checkout before global ordering; `orderDraftIndex` points into ``DemoActivityLog/orders``.
struct DemoCheckoutDraft: Sendable {
    var token: String
    var customerIndex: Int
    var createdAt: Int64
    var valueMinor: Int64
    var orderDraftIndex: Int?
    var completedAt: Int64?
}
