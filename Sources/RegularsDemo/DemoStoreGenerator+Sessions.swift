extension DemoStoreGenerator {
    /// Browsing stops this long after a customer's dropout time.
    private static let engagementTail: Int64 = 30 * 86_400

    /// A completed-after-abandonment checkout for ~7% of orders: created hours before the order and completed at
    /// the moment the order was placed (only when it fits after the customer's previous order).
    func recordRecoveredCheckout(
        orderDraftIndex: Int, customerIndex: Int, placedAt: Int64, earliest: Int64, value: Int64,
        random: inout DemoRandom, into log: inout DemoActivityLog
    ) {
        guard random.chance(0.07) else { return }
        let delay = Int64(min(6 * 86_400, max(1_200, random.logNormal(mu: DemoMath.log(5 * 3_600), sigma: 0.9))))
        let createdAt = placedAt - delay
        guard createdAt > earliest else { return }
        log.checkouts.append(
            DemoCheckoutDraft(
                token: random.hex32(), customerIndex: customerIndex, createdAt: createdAt, valueMinor: value,
                orderDraftIndex: orderDraftIndex, completedAt: placedAt))
    }

    /// Checkouts the customer never completed, spread over their engaged period.
    func recordAbandonedCheckouts(
        shopper: DemoShopper, customerIndex: Int, orderCount: Int, catalog: DemoCatalog, window: DemoWindow,
        random: inout DemoRandom, into log: inout DemoActivityLog
    ) {
        let count = min(6, random.poisson(mean: 0.3 + 0.12 * Double(orderCount)))
        guard count > 0 else { return }
        let last = min(window.end, shopper.churnAt + Self.engagementTail)
        var remaining = count
        while remaining > 0 {
            remaining -= 1
            var lines = basket(shopper: shopper, catalog: catalog, reorder: nil, random: &random)
            let amounts = DemoOrderAmounts(lines: &lines, discountPercent: 0, domestic: shopper.region.isDomestic)
            log.checkouts.append(
                DemoCheckoutDraft(
                    token: random.hex32(), customerIndex: customerIndex,
                    createdAt: random.int64(in: shopper.createdAt...max(shopper.createdAt, last)),
                    valueMinor: amounts.total, orderDraftIndex: nil, completedAt: nil))
        }
    }

    /// The views, add-to-carts and cart view that led to an order, minutes before it.
    func recordPurchaseSession(
        lines: [DemoOrderLine], customerIndex: Int, placedAt: Int64, earliest: Int64, catalog: DemoCatalog,
        random: inout DemoRandom, into log: inout DemoActivityLog
    ) {
        let cartID = random.hex16()
        let browsed = min(3, lines.count)
        var clock = max(earliest, placedAt - Int64(browsed * 150) - random.int64(in: 60...900))
        // Each step moves forward but stays in [earliest, placedAt].
        let limit = max(earliest, placedAt - 1)
        var value: Int64 = 0
        var index = 0
        while index < browsed {
            let line = lines[index]
            index += 1
            var properties = productProperties(product: line.productIndex, variant: line.variantIndex, catalog: catalog)
            log.recordEvent(
                "Product Viewed", customerIndex: customerIndex, at: clock, properties: properties, random: &random)
            clock = min(limit, clock + 20 + Int64(random.exponential(rate: 1.0 / 50)))
            properties["quantity"] = String(line.quantity)
            properties["cart_id"] = cartID
            log.recordEvent(
                "Product Added", customerIndex: customerIndex, at: clock, properties: properties, random: &random)
            clock = min(limit, clock + 20 + Int64(random.exponential(rate: 1.0 / 50)))
            value += line.unitPriceMinor * Int64(line.quantity)
        }
        log.recordEvent(
            "Cart Viewed", customerIndex: customerIndex, at: clock,
            properties: ["cart_id": cartID, "value": DemoFormat.decimal(minor: value), "currency": Self.currency],
            random: &random)
    }

    /// Sessions that did not end in an order: searches, product views, sometimes an add-to-cart and a cart view.
    /// Half of them fall in the last 60 days of the customer's engaged period, the rest anywhere in it.
    func recordBrowsing(
        shopper: DemoShopper, customerIndex: Int, catalog: DemoCatalog, window: DemoWindow, random: inout DemoRandom,
        into log: inout DemoActivityLog
    ) {
        let sessions = min(12, random.poisson(mean: 0.4 + 0.4 * min(shopper.purchaseRate, 8)))
        let last = min(window.end, shopper.churnAt + Self.engagementTail)
        guard sessions > 0, last > shopper.createdAt else { return }
        let recent = max(shopper.createdAt, last - 60 * 86_400)
        var remaining = sessions
        while remaining > 0 {
            remaining -= 1
            let from = random.chance(0.5) ? recent : shopper.createdAt
            // Sessions start early enough that all their events fit before `last`.
            var clock = max(shopper.createdAt, random.int64(in: from...last) - 1_800)
            var searched: Int?
            if random.chance(0.3) {
                var category = shopper.primaryCategory
                if let secondary = shopper.secondaryCategory, random.chance(0.4) { category = secondary }
                searched = category
                log.recordEvent(
                    "Products Searched", customerIndex: customerIndex, at: clock,
                    properties: ["query": random.element(of: catalog.categories[category].queries)], random: &random)
            }
            let views = 1 + min(4, random.poisson(mean: 1.1))
            var product = 0
            var variant = 0
            var viewsLeft = views
            while viewsLeft > 0 {
                viewsLeft -= 1
                if let searched {
                    product = catalog.product(in: searched, using: &random)
                } else {
                    product = pickProduct(shopper: shopper, catalog: catalog, random: &random)
                }
                variant = catalog.variant(of: product, using: &random)
                clock = min(last, clock + 15 + Int64(random.exponential(rate: 1.0 / 70)))
                log.recordEvent(
                    "Product Viewed", customerIndex: customerIndex, at: clock,
                    properties: productProperties(product: product, variant: variant, catalog: catalog),
                    random: &random)
            }
            guard random.chance(0.35) else { continue }
            let cartID = random.hex16()
            var properties = productProperties(product: product, variant: variant, catalog: catalog)
            properties["quantity"] = "1"
            properties["cart_id"] = cartID
            clock = min(last, clock + 10 + Int64(random.exponential(rate: 1.0 / 40)))
            log.recordEvent(
                "Product Added", customerIndex: customerIndex, at: clock, properties: properties, random: &random)
            guard random.chance(0.6) else { continue }
            clock = min(last, clock + 10 + Int64(random.exponential(rate: 1.0 / 40)))
            let price = catalog.products[product].variants[variant].priceMinor
            log.recordEvent(
                "Cart Viewed", customerIndex: customerIndex, at: clock,
                properties: ["cart_id": cartID, "value": DemoFormat.decimal(minor: price), "currency": Self.currency],
                random: &random)
        }
    }

    /// Segment "Product Viewed"/"Product Added" properties for a variant.
    func productProperties(product: Int, variant: Int, catalog: DemoCatalog) -> [String: String] {
        catalog.eventProperties[product][variant]
    }
}
