extension DemoStoreGenerator {
    private static let channels = DemoTrafficChannel.allCases
    /// Channel mix of first and repeat orders, in `DemoTrafficChannel.allCases` order.
    private static let firstOrderMix = DemoWeightedTable(weights: [
        0.30, 0.18, 0.10, 0.12, 0.06, 0.04, 0.06, 0.10, 0.04, 0,
    ])
    private static let repeatOrderMix = DemoWeightedTable(weights: [
        0.42, 0.10, 0.05, 0.03, 0.06, 0.02, 0.03, 0, 0.23, 0.06,
    ])
    private static let emailCampaigns = [
        "welcome", "newsletter", "winback", "replenishment", "vip_early_access", "birthday", "browse_abandonment",
        "cart_recovery",
    ]

    /// Draws the traffic source of an order: acquisition channels and referral links ("/?ref=CODE" of an earlier
    /// customer) for first orders; direct visits, email and SMS campaigns (only to consenting customers) and
    /// retargeting for repeat orders.
    func trafficSource(
        for order: DemoOrderDraft, customers: [DemoCustomer], catalog: DemoCatalog, random: inout DemoRandom
    ) -> DemoTrafficSource {
        let customer = customers[order.customerIndex]
        let mix = order.isFirst ? Self.firstOrderMix : Self.repeatOrderMix
        let channel = Self.channels[mix.pick(using: &random)]
        let productIndex = order.lines[0].productIndex
        let productPath = "/products/" + catalog.products[productIndex].handle
        let collectionPath = "/collections/" + catalog.categoryHandles[catalog.categoryOfProduct[productIndex]]
        switch channel {
        case .direct:
            return .direct
        case .organicSearch:
            let engine = random.chance(0.85) ? "https://www.google.com/" : "https://www.bing.com/"
            return DemoTrafficSource(
                landingSite: random.element(of: ["/", productPath, collectionPath]), referringSite: engine)
        case .paidSearch:
            let campaign = random.chance(0.6) ? "brand" : "shopping"
            return DemoTrafficSource(
                landingSite: (campaign == "brand" ? "/" : productPath)
                    + "?utm_source=google&utm_medium=cpc&utm_campaign="
                    + campaign,
                referringSite: "https://www.google.com/")
        case .instagram:
            return DemoTrafficSource(
                landingSite: productPath + "?utm_source=instagram&utm_medium=paid_social&utm_campaign=prospecting",
                referringSite: "https://l.instagram.com/")
        case .facebook:
            let campaign = order.isFirst ? "prospecting" : "retargeting"
            return DemoTrafficSource(
                landingSite: collectionPath + "?utm_source=facebook&utm_medium=paid_social&utm_campaign=" + campaign,
                referringSite: "https://l.facebook.com/")
        case .pinterest:
            return DemoTrafficSource(landingSite: productPath, referringSite: "https://www.pinterest.com/")
        case .tiktok:
            return DemoTrafficSource(
                landingSite: productPath + "?utm_source=tiktok&utm_medium=social&utm_campaign=creator",
                referringSite: "https://www.tiktok.com/")
        case .referral:
            guard order.customerIndex > 0 else { return .direct }
            let referrer = customers[random.int(below: order.customerIndex)]
            return DemoTrafficSource(
                landingSite: "/?ref=" + referrer.referralCode,
                referringSite: random.chance(0.3) ? "https://web.whatsapp.com/" : nil)
        case .email:
            guard customer.emailConsent else { return .direct }
            let campaign = order.isFirst ? "welcome" : random.element(of: Self.emailCampaigns)
            return DemoTrafficSource(
                landingSite: "/?utm_source=regulars&utm_medium=email&utm_campaign=" + campaign, referringSite: nil)
        case .sms:
            guard customer.smsConsent else { return .direct }
            return DemoTrafficSource(
                landingSite: "/?utm_source=regulars&utm_medium=sms&utm_campaign="
                    + random.element(of: ["winback", "flash_sale", "cart_recovery"]),
                referringSite: nil)
        }
    }
}
