import Foundation
import RegularsCore
import Testing

@testable import RegularsLoyalty

@Suite struct EarningRulesTests {
    let placedAt = Fixtures.utc(2025, 6, 1)

    private var basket: LoyaltyOrder {
        LoyaltyOrder(
            orderID: "1", placedAt: placedAt, currency: Fixtures.usd,
            lines: [
                LoyaltyOrderLine(
                    productID: "boots", categories: ["shoes"], quantity: 1, unitPrice: 5_000, discount: 1_000),
                LoyaltyOrderLine(productID: "socks", categories: ["accessories"], quantity: 3, unitPrice: 1_000),
            ], orderDiscount: 800, shipping: 500, tax: 700)
    }

    @Test func pointsAreOnePerWholeCurrencyUnitRoundedDown() throws {
        let order = Fixtures.order("1", total: 12_399, placedAt: placedAt)

        #expect(try Fixtures.rules.points(for: order).points == 123)
    }

    @Test func discountsAreSubtractedAndSpreadOverTheLinesInWholeCents() throws {
        let earned = try Fixtures.rules.points(for: basket)

        // 800 over line values 4 000 and 3 000: 457.14… and 342.86…, the spare cent to the larger remainder.
        #expect(earned.parts.map(\.value) == [3_543, 2_657])
        #expect(earned.countedValue == 6_200)
        #expect(earned.points == 62)
        #expect(earned.orderValue == Fixtures.usd(4_000 + 3_000 - 800 + 500 + 700))
    }

    static let bases: [(OrderValueBasis, Int64)] = [
        (OrderValueBasis(subtractDiscounts: true, includeShipping: false, includeTax: false), 62),
        (OrderValueBasis(subtractDiscounts: true, includeShipping: true, includeTax: false), 67),
        (OrderValueBasis(subtractDiscounts: true, includeShipping: true, includeTax: true), 74),
        (OrderValueBasis(subtractDiscounts: false, includeShipping: false, includeTax: false), 80),
        (OrderValueBasis(subtractDiscounts: false, includeShipping: true, includeTax: true), 92),
    ]

    @Test(arguments: bases)
    func theMerchantChoosesWhatEarns(basis: OrderValueBasis, expected: Int64) throws {
        var rules = Fixtures.rules
        rules.basis = basis

        #expect(try rules.points(for: basket).points == expected)
    }

    @Test func roundingIsOncePerOrderAfterMultipliers() throws {
        var rules = Fixtures.rules
        rules.actions = []
        let order = LoyaltyOrder(
            orderID: "1", placedAt: placedAt, currency: Fixtures.usd,
            lines: Array(repeating: LoyaltyOrderLine(quantity: 1, unitPrice: 99), count: 3))

        // Per line each 0.99 would earn 0; the order's 2.97 earns 2; with a 1.25 tier multiplier 3.7125 earns 3.
        #expect(try rules.points(for: order).points == 2)
        #expect(try rules.points(for: order, tierMultiplier: Multiplier("1.25")!).points == 3)
    }

    @Test func aDatePromotionFollowsTheStoreLocalDay() throws {
        var rules = Fixtures.rules
        rules.timeZone = LoyaltyTimeZone("America/Los_Angeles")!
        rules.promotions = [
            Promotion(
                name: "March double", multiplier: Multiplier("2")!, startDate: LocalDate(year: 2025, month: 3, day: 1),
                endDate: LocalDate(year: 2025, month: 3, day: 31))
        ]
        let lateFebruaryInLosAngeles = Fixtures.order("1", total: 1_000, placedAt: Fixtures.utc(2025, 3, 1, 7, 30))
        let firstOfMarchInLosAngeles = Fixtures.order("2", total: 1_000, placedAt: Fixtures.utc(2025, 3, 1, 8, 30))
        let lastOfMarchInLosAngeles = Fixtures.order("3", total: 1_000, placedAt: Fixtures.utc(2025, 4, 1, 6, 59))

        #expect(try rules.points(for: lateFebruaryInLosAngeles).points == 10)
        #expect(try rules.points(for: firstOfMarchInLosAngeles).points == 20)
        #expect(try rules.points(for: lastOfMarchInLosAngeles).points == 20)
    }

    @Test func aCategoryPromotionAppliesToItsLinesAndTheLargestPromotionWins() throws {
        var rules = Fixtures.rules
        rules.promotions = [
            Promotion(name: "Shoe week", multiplier: Multiplier("3")!, categories: ["shoes"]),
            Promotion(
                name: "Summer", multiplier: Multiplier("1.5")!, startDate: LocalDate(year: 2025, month: 6, day: 1)),
        ]
        let order = LoyaltyOrder(
            orderID: "1", placedAt: placedAt, currency: Fixtures.usd,
            lines: [
                LoyaltyOrderLine(categories: ["shoes", "sale"], quantity: 1, unitPrice: 1_000),
                LoyaltyOrderLine(categories: ["hats"], quantity: 1, unitPrice: 1_000),
            ])

        let earned = try rules.points(for: order)

        #expect(earned.parts.map(\.promotion) == ["Shoe week", "Summer"])
        #expect(earned.points == 30 + 15)
    }

    @Test func aFractionalRateIsExact() throws {
        var rules = Fixtures.rules
        rules.rate = PointsRate(points: 3, perMinorUnits: 1_000)  // 3 points per 10 dollars
        let order = Fixtures.order("1", total: 9_999, placedAt: placedAt)

        #expect(try rules.points(for: order).points == 29)
    }

    @Test func ordersInAnotherCurrencyAreRefused() throws {
        let eur = try #require(CurrencyCode("EUR"))
        let order = LoyaltyOrder(orderID: "1", placedAt: placedAt, currency: eur, lines: [])

        #expect(throws: EarningError.currencyMismatch(expected: Fixtures.usd, received: eur)) {
            try Fixtures.rules.points(for: order)
        }
    }

    @Test func rulesRoundTripThroughJSONWithDecimalMultipliers() throws {
        var rules = Fixtures.rules
        rules.timeZone = LoyaltyTimeZone("Europe/Paris")!
        rules.actions = [ActionRule(action: .birthday, points: 500, frequency: .oncePerYear)]
        rules.promotions = [Promotion(name: "x", multiplier: Multiplier("1.25")!, categories: ["a"])]

        let json = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        let decoded = try JSONDecoder().decode(EarningRules.self, from: Data(json.utf8))

        #expect(decoded == rules)
        #expect(json.contains("\"1.25\""))
        #expect(json.contains("Europe\\/Paris") || json.contains("Europe/Paris"))
        #expect(json.contains("once_per_year"))
    }

    @Test func badConfigurationIsRefusedOrReported() throws {
        let badZone = Data(#""Mars/Olympus""#.utf8)
        let badMultiplier = Data(#""1.00001""#.utf8)
        var rules = Fixtures.rules
        rules.actions = [
            ActionRule(action: .referral, points: 100, frequency: .onceEver),
            ActionRule(action: .productReview, points: 0, frequency: .oncePerSubject),
        ]
        rules.promotions = [Promotion(name: "half", multiplier: Multiplier("0.5")!)]

        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LoyaltyTimeZone.self, from: badZone) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Multiplier.self, from: badMultiplier) }
        #expect(rules.problems.count == 3)
        #expect(Fixtures.rules.problems.isEmpty)
    }
}
