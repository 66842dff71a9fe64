extension DemoStoreGenerator {
    /// Upper bound on orders per customer, so a rare extreme purchase rate cannot dominate the store.
    static let maximumOrdersPerCustomer = 120
    /// Store-average basket target in minor units, scaled per order by the customer's spend level.
    static let basketTargetMinor = 3_500.0

    /// Simulates one customer's whole history: orders (with refunds), checkouts and browsing.
    func simulate(
        shopper: DemoShopper, customerIndex: Int, catalog: DemoCatalog, window: DemoWindow,
        into log: inout DemoActivityLog
    ) {
        var random = DemoRandom(seed: seed, stream: .behavior, index: shopper.generationIndex)
        let times = orderTimes(shopper: shopper, window: window, random: &random)
        var previous = shopper.createdAt
        var favourite: Int?
        var ordinal = 0
        while ordinal < times.count {
            let placedAt = times[ordinal]
            let reorder = ordinal > 0 && random.chance(0.3) ? favourite : nil
            var lines = basket(shopper: shopper, catalog: catalog, reorder: reorder, random: &random)
            let discount = chooseDiscount(
                shopper: shopper, isFirst: ordinal == 0, placedAt: placedAt, previous: previous, random: &random)
            let amounts = DemoOrderAmounts(
                lines: &lines, discountPercent: discount?.percent ?? 0, domestic: shopper.region.isDomestic)
            let refund = makeRefund(
                shopper: shopper, placedAt: placedAt, lines: lines, amounts: amounts, window: window, random: &random)
            let draftIndex = log.orders.count
            log.orders.append(
                DemoOrderDraft(
                    customerIndex: customerIndex, placedAt: placedAt, isFirst: ordinal == 0, lines: lines,
                    amounts: amounts, discountCode: discount?.code, refund: refund,
                    isFulfilled: isFulfilled(placedAt: placedAt, refund: refund, window: window, random: &random)))
            recordRecoveredCheckout(
                orderDraftIndex: draftIndex, customerIndex: customerIndex, placedAt: placedAt, earliest: previous,
                value: amounts.total, random: &random, into: &log)
            if random.chance(0.22) {
                recordPurchaseSession(
                    lines: lines, customerIndex: customerIndex, placedAt: placedAt, earliest: shopper.createdAt,
                    catalog: catalog, random: &random, into: &log)
            }
            previous = placedAt
            favourite = lines[random.int(below: lines.count)].productIndex
            ordinal += 1
        }
        recordAbandonedCheckouts(
            shopper: shopper, customerIndex: customerIndex, orderCount: times.count, catalog: catalog, window: window,
            random: &random, into: &log)
        recordBrowsing(
            shopper: shopper, customerIndex: customerIndex, catalog: catalog, window: window, random: &random,
            into: &log)
    }

    /// First order at acquisition, then a Poisson process at the customer's rate until the dropout time, thinned by
    /// seasonal, weekly and local hour-of-day activity (normalised so the yearly mean rate is preserved).
    private func orderTimes(shopper: DemoShopper, window: DemoWindow, random: inout DemoRandom) -> [Int64] {
        var times = [shopper.acquiredAt]
        let horizon = Double(min(shopper.churnAt, window.end))
        let candidateRate = shopper.purchaseRate * DemoActivity.maximum / DemoActivity.mean
        guard candidateRate > 0 else { return times }
        var clock = Double(shopper.acquiredAt)
        while times.count < Self.maximumOrdersPerCustomer {
            clock += random.exponential(rate: candidateRate) * DemoCalendar.secondsPerYear
            guard clock <= horizon else { break }
            let candidate = Int64(clock)
            let intensity = window.activity.intensity(at: candidate, utcOffsetHours: shopper.region.utcOffsetHours)
            guard random.unit() * DemoActivity.maximum < intensity else { continue }
            if let last = times.last, candidate - last >= 3_600 { times.append(candidate) }
        }
        return times
    }

    /// Fills a basket towards a gamma-distributed value target around the customer's spend level, preferring the
    /// customer's categories; quantities are 1-3.
    func basket(shopper: DemoShopper, catalog: DemoCatalog, reorder: Int?, random: inout DemoRandom)
        -> [DemoOrderLine]
    {
        let target = Int64(min(1e12, Self.basketTargetMinor * random.gamma(shape: 5, scale: shopper.spendLevel / 5)))
        let maximumLines = shopper.isWholesale ? 8 : 5
        var lines: [DemoOrderLine] = []
        var subtotal: Int64 = 0
        while lines.isEmpty || (subtotal < target && lines.count < maximumLines) {
            let product: Int
            if let reorder, lines.isEmpty {
                product = reorder
            } else {
                product = pickProduct(shopper: shopper, catalog: catalog, random: &random)
            }
            let variant = catalog.variant(of: product, using: &random)
            let price = catalog.products[product].variants[variant].priceMinor
            // Cumulative probabilities of quantity 1 and 2; wholesale buyers and cheap items go for more.
            let (one, two) = shopper.isWholesale ? (0.2, 0.5) : (price < 2_000 ? (0.62, 0.88) : (0.84, 0.97))
            let roll = random.unit()
            let quantity = roll < one ? 1 : (roll < two ? 2 : 3)
            var existing = lines.count - 1
            while existing >= 0 && (lines[existing].productIndex != product || lines[existing].variantIndex != variant)
            {
                existing -= 1
            }
            if existing >= 0 {
                guard lines[existing].quantity < 3 else { break }
                lines[existing].quantity += 1
                subtotal += price
                continue
            }
            lines.append(
                DemoOrderLine(
                    productIndex: product, variantIndex: variant, quantity: quantity, unitPriceMinor: price,
                    discountMinor: 0))
            subtotal += price * Int64(quantity)
        }
        return lines
    }

    /// A product from the customer's favourite categories most of the time, otherwise from the whole store.
    func pickProduct(shopper: DemoShopper, catalog: DemoCatalog, random: inout DemoRandom) -> Int {
        let roll = random.unit()
        let category: Int
        if roll < 0.6 {
            category = shopper.primaryCategory
        } else if roll < 0.82, let secondary = shopper.secondaryCategory {
            category = secondary
        } else {
            category = catalog.categoryTable.pick(using: &random)
        }
        return catalog.product(in: category, using: &random)
    }

    /// Welcome codes on first orders, Black Friday codes in season, win-back codes after a long gap, and occasional
    /// seasonal/thank-you codes, all scaled by the customer's discount affinity.
    private func chooseDiscount(
        shopper: DemoShopper, isFirst: Bool, placedAt: Int64, previous: Int64, random: inout DemoRandom
    ) -> (code: String, percent: Int64)? {
        let offset = shopper.region.utcOffsetHours
        let affinity = shopper.discountAffinity
        if isFirst {
            return random.chance(0.15 + 0.55 * affinity) ? ("WELCOME10", 10) : nil
        }
        if DemoActivity.isBlackFridayWindow(placedAt, utcOffsetHours: offset) {
            return random.chance(0.3 + 0.6 * affinity) ? ("BFCM25", 25) : nil
        }
        if placedAt - previous > 120 * 86_400 && random.chance(0.15 + 0.5 * affinity) {
            return ("COMEBACK20", 20)
        }
        guard random.chance(0.5 * affinity) else { return nil }
        if shopper.isWholesale { return ("TRADE15", 15) }
        switch DemoActivity.month(of: placedAt, utcOffsetHours: offset) {
        case 3, 4, 5: return ("SPRING15", 15)
        case 6, 7, 8: return ("SUMMER15", 15)
        default: return ("THANKYOU15", 15)
        }
    }

    /// Recent orders may still be waiting to ship; orders cancelled and refunded within two days never shipped.
    private func isFulfilled(placedAt: Int64, refund: DemoRefundDraft?, window: DemoWindow, random: inout DemoRandom)
        -> Bool
    {
        if let refund, refund.isFull, refund.createdAt - placedAt < 2 * 86_400 { return false }
        let age = window.end - placedAt
        if age < 86_400 { return random.chance(0.15) }
        if age < 3 * 86_400 { return random.chance(0.6) }
        return true
    }
}
