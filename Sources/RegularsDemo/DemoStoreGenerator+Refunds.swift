extension DemoStoreGenerator {
    private static let refundReasons = [
        "customer_request", "damaged", "not_as_described", "wrong_item", "late_delivery",
    ]

    /// With the customer's refund propensity, refunds the order a few days later: fully (merchandise, shipping and
    /// tax) or partially (part of one line plus its share of tax).
    func makeRefund(
        shopper: DemoShopper, placedAt: Int64, lines: [DemoOrderLine], amounts: DemoOrderAmounts, window: DemoWindow,
        random: inout DemoRandom
    ) -> DemoRefundDraft? {
        guard random.chance(shopper.refundPropensity) else { return nil }
        let delayDays = min(30, max(0.3, random.logNormal(mu: DemoMath.log(5), sigma: 0.7)))
        let createdAt = placedAt + Int64(delayDays * 86_400)
        guard createdAt <= window.end else { return nil }
        let reason = random.element(of: Self.refundReasons)
        let net = lines.map { $0.unitPriceMinor * Int64($0.quantity) - $0.discountMinor }
        if random.chance(0.4) {
            let refundLines = lines.indices.map {
                DemoRefundLine(lineIndex: $0, quantity: lines[$0].quantity, amountMinor: net[$0])
            }
            return DemoRefundDraft(
                createdAt: createdAt, amountMinor: amounts.total, lines: refundLines, reason: reason, isFull: true)
        }
        let lineIndex = random.int(below: lines.count)
        let quantity = random.int(in: 1...lines[lineIndex].quantity)
        let lineAmount = net[lineIndex] * Int64(quantity) / Int64(lines[lineIndex].quantity)
        let merchandise = amounts.subtotal - amounts.discount
        let taxShare = merchandise > 0 ? amounts.tax * lineAmount / merchandise : 0
        return DemoRefundDraft(
            createdAt: createdAt, amountMinor: lineAmount + taxShare,
            lines: [DemoRefundLine(lineIndex: lineIndex, quantity: quantity, amountMinor: lineAmount)], reason: reason,
            isFull: false)
    }
}
