import Foundation

/// Generates a deterministic synthetic online store for demos: customers in three languages, a catalog, two years of
/// orders from a Pareto/NBD repeat-purchase process with gamma-gamma spend, refunds, abandoned checkouts and browsing
/// events.
///
/// The same parameters always produce identical output on every platform: all randomness comes from a private
/// xoshiro256** generator with hand-written samplers and elementary functions, and no output depends on hashing or
/// dictionary order.
public struct DemoStoreGenerator: Sendable {
    /// 2026-11-01T00:00:00Z.
    public static let defaultEnd = Date(timeIntervalSince1970: 1_793_491_200)

    public let seed: UInt64
    public let customerCount: Int
    public let productCount: Int
    /// Latest instant of any generated record.
    public let end: Date
    /// Length of the order history in years, ending at `end`.
    public let years: Int

    /// Negative counts are treated as zero; at least one product and one year are always generated.
    public init(
        seed: UInt64 = 2026, customerCount: Int = 5_000, productCount: Int = 200, end: Date = Self.defaultEnd,
        years: Int = 2
    ) {
        self.seed = seed
        self.customerCount = max(0, customerCount)
        self.productCount = max(1, productCount)
        self.end = end
        self.years = max(1, years)
    }

    public func generate() -> DemoStore {
        let window = DemoWindow(end: end, years: years)
        let catalog = DemoCatalog(count: productCount, seed: seed)
        let drawn = (0..<customerCount).map { makeShopper(generationIndex: $0, catalog: catalog, window: window) }
        let shoppers = Self.chronologicalOrder(times: drawn.map { $0.createdAt }).map { drawn[$0] }
        var customers = makeCustomers(shoppers: shoppers)
        var activity = DemoActivityLog()
        var customerIndex = 0
        while customerIndex < shoppers.count {
            simulate(
                shopper: shoppers[customerIndex], customerIndex: customerIndex, catalog: catalog, window: window,
                into: &activity)
            customerIndex += 1
        }
        return assemble(activity: activity, customers: &customers, catalog: catalog)
    }
}
