import Foundation
import RegularsCore
import SQLKit

/// A customer's ledger on the merchant's page `/loyalty/customers/{id}`, with the manual adjustment form.
struct LoyaltyLedgerPageView: Encodable, Sendable {
    var customerID: Int64
    var name: String
    var facts: [LabelledValue]
    var entries: [Row]
    /// The adjustment form's idempotency token: submitting the same form twice adjusts once.
    var formToken: String

    struct Row: Encodable, Sendable {
        var sequence: Int64
        var date: String
        var kind: String
        var status: String
        var points: String
        var description: String
    }

    static func load(
        customerID: Int64, locale: SupportedLocale, services: RegularsServices, formToken: String
    ) async throws -> LoyaltyLedgerPageView? {
        let text = { (key: String) in Catalogue.shared.text(key, locale) }
        let settings = try await services.loyaltySettings()
        let zone = services.configuration.store.timeZone
        struct Customer: Decodable { var firstName: String?; var lastName: String?; var email: String? }
        guard
            let customer = try await services.database.read({ sql in
                try await sql.raw("SELECT first_name, last_name, email FROM customers WHERE id = \(bind: customerID)")
                    .first(decoding: Customer.self, keyDecodingStrategy: .convertFromSnakeCase)
            })
        else { return nil }
        try await LoyaltyLedgerStore.ensureAccount(customerID, in: services.database)
        let (summary, entries) = try await services.database.read { sql in
            (
                try await LoyaltyAccountSummary.load(
                    customerID: customerID, settings: settings, publicURL: services.configuration.baseURL, at: Date(),
                    on: sql),
                try await LoyaltyEntryView.history(customerID: customerID, locale: locale, timeZone: zone, on: sql)
            )
        }
        guard let summary else { return nil }
        return LoyaltyLedgerPageView(
            customerID: customerID,
            name: [PersonName.display(first: customer.firstName, last: customer.lastName), customer.email ?? ""]
                .first { !$0.isEmpty } ?? "",
            facts: [
                LabelledValue(label: text("rewards_balance"), value: "\(summary.balance)"),
                LabelledValue(label: text("rewards_pending"), value: "\(summary.pending)"),
                LabelledValue(label: text("loyalty_debt"), value: "\(summary.debt)"),
                LabelledValue(label: text("rewards_tier"), value: summary.tier?.name ?? text("none")),
                LabelledValue(
                    label: text("rewards_expiry"),
                    value: summary.nextExpiry.map { "\($0.points) · \($0.date)" } ?? text("none")),
                LabelledValue(label: text("rewards_referral"), value: summary.referralLink),
            ],
            entries: entries.map {
                Row(
                    sequence: $0.sequence, date: String($0.createdAt.prefix(10)), kind: text("entry_kind_" + $0.kind),
                    status: text("entry_status_" + $0.status), points: $0.points > 0 ? "+\($0.points)" : "\($0.points)",
                    description: $0.description)
            },
            formToken: formToken)
    }
}
