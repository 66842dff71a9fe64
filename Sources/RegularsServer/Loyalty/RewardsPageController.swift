import Foundation
import RegularsCore
import Vapor

/// The shopper's pages, reached only through a signed link: `GET /rewards/{token}` (My rewards) and its one-click
/// redemption form, and `GET /r/{code}`, the referral link that counts a visit and sends the friend to the store.
/// Registered with the session and CSRF middleware: forms carry the page's token.
struct RewardsPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("rewards", ":token", use: page)
        routes.on(.POST, "rewards", ":token", "redeem", body: .collect(maxSize: "4kb"), use: redeem)
        routes.on(.POST, "rewards", ":token", "share", body: .collect(maxSize: "4kb"), use: share)
        routes.get("r", ":code", use: referralVisit)
    }

    static func link(_ request: Request) throws -> (RewardsLink, String) {
        let token = request.parameters.get("token") ?? ""
        do {
            return (try RewardsLink.verify(token, secret: request.regulars.secretKey, at: Date()), token)
        } catch .expired {
            throw Problem(
                status: .gone, title: "Link expired",
                detail: "This rewards link has expired; ask the store for a new one")
        } catch {
            throw Problem.notFound("This rewards page")
        }
    }

    @Sendable func page(_ request: Request) async throws -> View {
        let (link, token) = try Self.link(request)
        let services = request.regulars
        let preferred = try await services.database.read { sql in
            try await sql.raw("SELECT locale FROM customers WHERE id = \(bind: link.customerID)")
                .first(decodingColumn: "locale", as: String?.self).flatMap { $0 }
        }.flatMap(SupportedLocale.init(rawValue:))
        let locale = WebLocale.resolve(request, preferred: preferred)
        guard
            var content = try await RewardsPageContent.load(
                link: link, token: token, locale: locale, services: services, at: Date())
        else { throw Problem.notFound("This rewards page") }
        if let redeemed = request.query[Int64.self, at: "redeemed"] {
            content.redeemedCode = try await services.database.read { sql in
                try await LoyaltyRedemption.list(customerID: link.customerID, on: sql).first { $0.id == redeemed }?.code
            }
        }
        if let failure = request.query[String.self, at: "failed"] {
            content.message = Catalogue.shared.text(
                failure == "points" ? "rewards_failed_points" : "rewards_failed_other", locale)
        }
        return try await request.page(
            "rewards", titleKey: "rewards_title", section: nil, preferredLocale: preferred, content)
    }

    struct RedeemForm: Content {
        var rewardId: Int64
        var attempt: String

        enum CodingKeys: String, CodingKey {
            case rewardId = "reward_id"
            case attempt
        }
    }

    /// One click: the form's `attempt` is its Idempotency-Key, so a double click or a resubmitted form redeems once.
    @Sendable func redeem(_ request: Request) async throws -> Response {
        let (link, token) = try Self.link(request)
        let form = try request.content.decode(RedeemForm.self)
        let response = try await LoyaltyRedemptions.redeemResponse(
            request, customerID: link.customerID, rewardID: form.rewardId,
            idempotencyKey: "page:\(link.customerID):\(form.attempt.prefix(64))")
        if response.status == .created, let body = response.body.data,
            let redemption = try? JSONDecoder.api.decode(LoyaltyRedemption.self, from: body)
        {
            return request.redirect(to: "/rewards/\(token)?redeemed=\(redemption.id)")
        }
        let reason = response.status == .conflict ? "points" : "other"
        return request.redirect(to: "/rewards/\(token)?failed=\(reason)")
    }

    @Sendable func share(_ request: Request) async throws -> HTTPStatus {
        let (link, _) = try Self.link(request)
        try await ReferralActivity.record(.shared, advocateID: link.customerID, in: request.regulars.database)
        return .noContent
    }

    @Sendable func referralVisit(_ request: Request) async throws -> Response {
        let code = (request.parameters.get("code") ?? "").uppercased()
        let services = request.regulars
        guard
            let advocate = try await services.database.read({ sql in
                try await sql.raw("SELECT customer_id FROM loyalty_accounts WHERE referral_code = \(bind: code)")
                    .first(decodingColumn: "customer_id", as: Int64.self)
            })
        else { throw Problem.notFound("This referral link") }
        try await ReferralActivity.record(.visit, advocateID: advocate, in: services.database)
        let settings = try await services.loyaltySettings()
        let landing = settings.referralLandingURL ?? services.configuration.baseURL
        let separator = landing.contains("?") ? "&" : "?"
        return request.redirect(to: "\(landing)\(separator)ref=\(code)")
    }
}
