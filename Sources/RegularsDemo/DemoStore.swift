/// A complete synthetic online store produced by ``DemoStoreGenerator``.
///
/// Every collection is in a stable, documented order so that the same seed always yields byte-identical data:
/// customers by `createdAt`, orders by `placedAt` (numbered from 1001 in that order), refunds, checkouts and
/// events by their timestamps. Indices (`customerIndex`, `orderIndex`, `productIndex`, ...) point into these arrays.
public struct DemoStore: Sendable, Equatable {
    /// Display name of the store, e.g. "Cedar & Silk".
    public var name: String
    /// Reserved `.example` host name used for store URLs such as checkout recovery links.
    public var domain: String
    /// ISO 4217 currency code of every amount in the store.
    public var currency: String
    /// IANA time zone of the store.
    public var timeZone: String
    public var products: [DemoProduct]
    public var customers: [DemoCustomer]
    /// Orders sorted by `placedAt`; `number` runs sequentially from 1001 in this order.
    public var orders: [DemoOrder]
    /// Refunds sorted by `createdAt`.
    public var refunds: [DemoRefund]
    /// Checkouts sorted by `createdAt`.
    public var checkouts: [DemoCheckout]
    /// Browsing events sorted by `occurredAt`.
    public var events: [DemoEvent]

    public init(
        name: String, domain: String, currency: String, timeZone: String, products: [DemoProduct],
        customers: [DemoCustomer], orders: [DemoOrder], refunds: [DemoRefund], checkouts: [DemoCheckout],
        events: [DemoEvent]
    ) {
        self.name = name
        self.domain = domain
        self.currency = currency
        self.timeZone = timeZone
        self.products = products
        self.customers = customers
        self.orders = orders
        self.refunds = refunds
        self.checkouts = checkouts
        self.events = events
    }
}
