import RegularsCore

extension EarningRules {
    /// The points `order` earns.
    ///
    /// 1. Each line's value is its subtotal, less its own discount when `basis.subtractDiscounts` (never below 0).
    /// 2. With `subtractDiscounts`, the order discount is spread over the lines in proportion to their values, in
    ///    whole minor units: each line gets the floor of its share and the minor units left over go one each to the
    ///    lines with the largest remainders (ties: the earlier line). Shipping and tax are added as parts of their own
    ///    when the basis includes them.
    /// 3. Each part gets the largest multiplier among the promotions that apply to it on the order's local date in
    ///    the store's time zone (1 when none does: promotions never stack with each other); the tier multiplier
    ///    then applies to everything.
    /// 4. points = ⌊ Σ value × promotion × tier × rate.points / rate.perMinorUnits ⌋ — computed exactly in integers
    ///    and rounded down once for the whole order, never per line.
    public func points(for order: LoyaltyOrder, tierMultiplier: Multiplier = .one) throws(EarningError)
        -> OrderPoints
    {
        guard order.currency == currency else {
            throw .currencyMismatch(expected: currency, received: order.currency)
        }
        for (index, line) in order.lines.enumerated()
        where line.quantity < 0 || line.unitPrice < 0 || line.discount < 0 {
            throw .invalidLine(index: index)
        }
        guard order.orderDiscount >= 0, order.shipping >= 0, order.tax >= 0 else {
            throw .invalidAmount("order discount, shipping and tax must not be negative")
        }
        let lineValues = order.lines.map { line in
            max(0, line.subtotal - (basis.subtractDiscounts ? line.discount : 0))
        }
        let allocated =
            basis.subtractDiscounts
            ? Self.allocate(order.orderDiscount, over: lineValues) : Array(repeating: Int64(0), count: lineValues.count)
        let date = LocalDate(order.placedAt, in: timeZone.timeZone)
        var parts: [LinePoints] = []
        for (index, line) in order.lines.enumerated() {
            let (multiplier, promotion) = promotionMultiplier(on: date, for: line.categories)
            parts.append(
                LinePoints(
                    lineIndex: index, part: "line", value: lineValues[index] - allocated[index], multiplier: multiplier,
                    promotion: promotion))
        }
        if basis.includeShipping, order.shipping > 0 {
            let (multiplier, promotion) = promotionMultiplier(on: date, for: [])
            parts.append(
                LinePoints(
                    lineIndex: nil, part: "shipping", value: order.shipping, multiplier: multiplier,
                    promotion: promotion))
        }
        if basis.includeTax, order.tax > 0 {
            let (multiplier, promotion) = promotionMultiplier(on: date, for: [])
            parts.append(
                LinePoints(lineIndex: nil, part: "tax", value: order.tax, multiplier: multiplier, promotion: promotion))
        }
        var numerator: Int128 = 0
        for part in parts { numerator += Int128(part.value) * Int128(part.multiplier.tenThousandths) }
        numerator *= Int128(tierMultiplier.tenThousandths) * Int128(max(0, rate.points))
        let denominator = Int128(max(1, rate.perMinorUnits)) * Int128(Multiplier.scale) * Int128(Multiplier.scale)
        return OrderPoints(
            orderID: order.orderID, points: ExactArithmetic.divide(numerator, by: denominator, rounding: .down),
            countedValue: parts.reduce(0) { $0 + $1.value }, orderValue: order.total, tierMultiplier: tierMultiplier,
            parts: parts)
    }

    /// The largest multiplier among the promotions that apply, with its name; 1 and `nil` when none does.
    func promotionMultiplier(on date: LocalDate, for categories: Set<String>) -> (Multiplier, String?) {
        var best: (Multiplier, String?) = (.one, nil)
        for promotion in promotions where promotion.applies(on: date, toLineIn: categories) {
            if promotion.multiplier > best.0 || (best.1 == nil && promotion.multiplier == best.0) {
                best = (promotion.multiplier, promotion.name)
            }
        }
        return best
    }

    /// Spreads `amount` over `weights` in proportion, in whole units (largest remainder, ties to the earlier part);
    /// never more than a part's weight, never more than their sum in all.
    static func allocate(_ amount: Int64, over weights: [Int64]) -> [Int64] {
        let total = weights.reduce(0, +)
        guard total > 0, amount > 0 else { return Array(repeating: 0, count: weights.count) }
        let spread = min(amount, total)
        var shares: [Int64] = []
        var remainders: [(remainder: Int128, index: Int)] = []
        for (index, weight) in weights.enumerated() {
            let product = Int128(spread) * Int128(weight)
            shares.append(Int64(product / Int128(total)))
            remainders.append((product % Int128(total), index))
        }
        var left = spread - shares.reduce(0, +)
        for item in remainders.sorted(by: { ($0.remainder, -$0.index) > ($1.remainder, -$1.index) }) where left > 0 {
            shares[item.index] += 1
            left -= 1
        }
        return shares
    }
}
