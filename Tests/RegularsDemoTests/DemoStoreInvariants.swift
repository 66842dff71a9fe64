import Foundation
import RegularsDemo

/// Structural rules every generated store must satisfy, whatever its size; returns human-readable violations.
enum DemoStoreInvariants {
    static func violations(in store: DemoStore, end: Date) -> [String] {
        var problems: [String] = []
        var previousPlacedAt = Date.distantPast
        for (index, order) in store.orders.enumerated() {
            if order.number != 1_001 + index { problems.append("order \(index) has number \(order.number)") }
            if order.placedAt < previousPlacedAt { problems.append("order \(order.number) is out of order") }
            previousPlacedAt = order.placedAt
            if order.totalMinor != order.subtotalMinor - order.discountMinor + order.shippingMinor + order.taxMinor {
                problems.append("order \(order.number) total does not add up")
            }
            if order.subtotalMinor != order.lines.reduce(0, { $0 + $1.unitPriceMinor * Int64($1.quantity) }) {
                problems.append("order \(order.number) subtotal differs from its lines")
            }
            if order.discountMinor != order.lines.reduce(0, { $0 + $1.discountMinor }) {
                problems.append("order \(order.number) discount differs from its lines")
            }
            if order.lines.isEmpty || order.lines.contains(where: { !(1...3).contains($0.quantity) }) {
                problems.append("order \(order.number) has invalid lines")
            }
            for line in order.lines
            where store.products[line.productIndex].variants[line.variantIndex].priceMinor != line.unitPriceMinor {
                problems.append("order \(order.number) line price differs from the variant price")
            }
            let customer = store.customers[order.customerIndex]
            if order.placedAt < customer.createdAt || order.placedAt > end {
                problems.append("order \(order.number) placed outside [createdAt, end]")
            }
        }
        var refundedOrders = Set<Int>()
        for refund in store.refunds {
            let order = store.orders[refund.orderIndex]
            if !refundedOrders.insert(refund.orderIndex).inserted { problems.append("\(refund.externalID) repeats") }
            if refund.amountMinor <= 0 || refund.amountMinor > order.totalMinor {
                problems.append("\(refund.externalID) amount outside (0, total]")
            }
            if refund.createdAt < order.placedAt || refund.createdAt > end {
                problems.append("\(refund.externalID) created outside [placedAt, end]")
            }
            for line in refund.lines {
                guard order.lines.indices.contains(line.lineIndex) else {
                    problems.append("\(refund.externalID) refers to a missing line")
                    continue
                }
                let orderLine = order.lines[line.lineIndex]
                let net = orderLine.unitPriceMinor * Int64(orderLine.quantity) - orderLine.discountMinor
                if line.quantity < 1 || line.quantity > orderLine.quantity || line.amountMinor > net {
                    problems.append("\(refund.externalID) line exceeds the order line")
                }
            }
            let expected = refund.amountMinor == order.totalMinor ? "refunded" : "partially_refunded"
            if order.financialStatus != expected { problems.append("order \(order.number) status mismatch") }
        }
        for (index, order) in store.orders.enumerated()
        where !refundedOrders.contains(index) && order.financialStatus != "paid" {
            problems.append("order \(order.number) is \(order.financialStatus) without a refund")
        }
        for checkout in store.checkouts {
            let customer = store.customers[checkout.customerIndex]
            if checkout.createdAt < customer.createdAt || checkout.createdAt > end {
                problems.append("checkout \(checkout.token) created outside [createdAt, end]")
            }
            if let orderIndex = checkout.orderIndex {
                let order = store.orders[orderIndex]
                if checkout.completedAt != order.placedAt || order.customerIndex != checkout.customerIndex
                    || checkout.createdAt >= order.placedAt
                {
                    problems.append("checkout \(checkout.token) does not match its order")
                }
            } else if checkout.completedAt != nil {
                problems.append("checkout \(checkout.token) completed without an order")
            }
        }
        var previousEvent = Date.distantPast
        for event in store.events {
            let customer = store.customers[event.customerIndex]
            if event.occurredAt < customer.createdAt || event.occurredAt > end {
                problems.append("event \(event.messageID) outside [createdAt, end]")
            }
            if event.occurredAt < previousEvent { problems.append("event \(event.messageID) out of order") }
            previousEvent = event.occurredAt
        }
        return problems
    }
}
