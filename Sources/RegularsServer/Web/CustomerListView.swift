/// The Customers page: one page of customers and the links around it.
struct CustomerListView: Encodable {
    var q: String
    var rows: [Row]
    var nextHref: String?
    var firstHref: String?

    struct Row: Encodable {
        var href: String
        var name: String
        var email: String
        var phone: String
        var orders: Int
        var revenue: String
        var lastOrder: String
        var language: String
    }
}
