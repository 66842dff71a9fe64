/// How an order's visitor arrived, as stored on orders (`landing_site` / `referring_site`).
struct DemoTrafficSource: Sendable {
    var landingSite: String?
    var referringSite: String?

    static let direct = DemoTrafficSource(landingSite: nil, referringSite: nil)
}
