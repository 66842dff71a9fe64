extension DemoStoreGenerator {
    static let storeName = "Cedar & Silk"
    static let storeDomain = "cedar-and-silk.example"
    static let currency = "USD"
    static let storeTimeZone = "America/New_York"
    static let firstOrderNumber = 1_001
    /// Lifetime net spend (minor units) from which a customer is tagged "vip".
    static let vipSpendMinor: Int64 = 150_000
    /// Browsing events kept per customer on average; the oldest beyond this budget are dropped.
    static let eventsPerCustomerBudget = 12

    /// Orders, numbers and cross-references everything simulated per customer into the public store.
    func assemble(activity: DemoActivityLog, customers: inout [DemoCustomer], catalog: DemoCatalog) -> DemoStore {
        let drafts = activity.orders
        let sequence = Self.chronologicalOrder(times: drafts.map { $0.placedAt })
        var finalIndex = Array(repeating: 0, count: drafts.count)
        var position = 0
        while position < sequence.count {
            finalIndex[sequence[position]] = position
            position += 1
        }

        var attribution = DemoRandom(seed: seed, stream: .attribution)
        var orders: [DemoOrder] = []
        orders.reserveCapacity(drafts.count)
        var refundDrafts: [(createdAt: Int64, orderIndex: Int, draft: DemoRefundDraft)] = []
        var lifetimeSpend = Array(repeating: Int64(0), count: customers.count)
        position = 0
        while position < sequence.count {
            let draft = drafts[sequence[position]]
            let number = Self.firstOrderNumber + position
            let source = trafficSource(
                for: draft, customers: customers, catalog: catalog, random: &attribution)
            var financialStatus = "paid"
            lifetimeSpend[draft.customerIndex] += draft.amounts.total
            if let refund = draft.refund {
                financialStatus = refund.amountMinor == draft.amounts.total ? "refunded" : "partially_refunded"
                refundDrafts.append((refund.createdAt, position, refund))
                lifetimeSpend[draft.customerIndex] -= refund.amountMinor
            }
            orders.append(
                DemoOrder(
                    externalID: "demo-o-" + DemoFormat.padded(number, width: 6), number: number,
                    customerIndex: draft.customerIndex, placedAt: DemoWindow.date(draft.placedAt),
                    currency: Self.currency, lines: draft.lines, subtotalMinor: draft.amounts.subtotal,
                    discountMinor: draft.amounts.discount, shippingMinor: draft.amounts.shipping,
                    taxMinor: draft.amounts.tax, totalMinor: draft.amounts.total,
                    discountCodes: draft.discountCode.map { [$0] } ?? [], landingSite: source.landingSite,
                    referringSite: source.referringSite, financialStatus: financialStatus,
                    fulfillmentStatus: draft.isFulfilled ? "fulfilled" : "unfulfilled"))
            position += 1
        }

        refundDrafts.sort { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.orderIndex < $1.orderIndex }
        let refunds = refundDrafts.enumerated().map { number, item in
            DemoRefund(
                externalID: "demo-r-" + DemoFormat.padded(number + 1, width: 5), orderIndex: item.orderIndex,
                createdAt: DemoWindow.date(item.createdAt), amountMinor: item.draft.amountMinor,
                lines: item.draft.lines,
                reason: item.draft.reason)
        }

        for index in customers.indices where lifetimeSpend[index] >= Self.vipSpendMinor {
            customers[index].tags.append("vip")
            customers[index].tags.sort()
        }

        return DemoStore(
            name: Self.storeName, domain: Self.storeDomain, currency: Self.currency, timeZone: Self.storeTimeZone,
            products: catalog.products, customers: customers, orders: orders, refunds: refunds,
            checkouts: assembleCheckouts(activity.checkouts, finalOrderIndex: finalIndex),
            events: assembleEvents(activity.events, times: activity.eventTimes))
    }

    private func assembleCheckouts(_ drafts: [DemoCheckoutDraft], finalOrderIndex: [Int]) -> [DemoCheckout] {
        let sequence = Self.chronologicalOrder(times: drafts.map { $0.createdAt })
        return sequence.map { index in
            let draft = drafts[index]
            return DemoCheckout(
                token: draft.token, customerIndex: draft.customerIndex, createdAt: DemoWindow.date(draft.createdAt),
                valueMinor: draft.valueMinor, completedAt: draft.completedAt.map(DemoWindow.date),
                orderIndex: draft.orderDraftIndex.map { finalOrderIndex[$0] },
                recoveryURL: "https://" + Self.storeDomain + "/checkouts/" + draft.token + "/recover")
        }
    }

    /// Events in time order; when over budget, the oldest are dropped (recent browsing matters most).
    private func assembleEvents(_ events: [DemoEvent], times: [Int64]) -> [DemoEvent] {
        let sequence = Self.chronologicalOrder(times: times)
        let budget = Self.eventsPerCustomerBudget * customerCount
        var result: [DemoEvent] = []
        result.reserveCapacity(min(budget, sequence.count))
        var position = max(0, sequence.count - budget)
        while position < sequence.count {
            result.append(events[sequence[position]])
            position += 1
        }
        return result
    }

    /// Indices sorted by time, ties broken by position. Callers append records customer by customer, so position
    /// order is also customer order. A stable radix sort on the time bits of packed (time, position) keys keeps
    /// this fast even in debug builds.
    static func chronologicalOrder(times: [Int64]) -> [Int] {
        guard var low = times.first else { return [] }
        var high = low
        var index = 0
        while index < times.count {
            let time = times[index]
            if time < low { low = time }
            if time > high { high = time }
            index += 1
        }
        let indexBits = UInt64(times.count).bitWidth - UInt64(times.count).leadingZeroBitCount
        let span = UInt64(high - low)
        guard span.leadingZeroBitCount > indexBits else {
            return Array(times.indices).sorted { times[$0] != times[$1] ? times[$0] < times[$1] : $0 < $1 }
        }
        var keys = [UInt64](repeating: 0, count: times.count)
        index = 0
        while index < times.count {
            keys[index] = (UInt64(times[index] - low) &<< UInt64(indexBits)) | UInt64(index)
            index += 1
        }
        DemoRadixSort.sort(&keys, skippingLowBits: UInt64(indexBits))
        let mask: UInt64 = (1 &<< UInt64(indexBits)) - 1
        var order = [Int](repeating: 0, count: keys.count)
        index = 0
        while index < keys.count {
            order[index] = Int(keys[index] & mask)
            index += 1
        }
        return order
    }
}
