import Foundation
import RegularsCore
import Vapor

/// The My rewards data as JSON for a storefront to embed, behind the same signed link as the page:
/// `GET /api/shopper/rewards/{token}` and `POST /api/shopper/rewards/{token}/redemptions` (honours
/// `Idempotency-Key`). `?lang=` picks the language of the history lines.
struct ShopperRewardsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let shopper = routes.grouped("api", "shopper", "rewards", ":token")
        shopper.get(use: show)
        shopper.on(.POST, "redemptions", body: .collect(maxSize: "4kb"), use: redeem)
    }

    @Sendable func show(_ request: Request) async throws -> Response {
        let (link, token) = try RewardsPageController.link(request)
        let locale =
            request.query[String.self, at: "lang"].flatMap(SupportedLocale.init(rawValue:))
            ?? request.regulars.configuration.store.defaultLocale
        guard
            let content = try await RewardsPageContent.load(
                link: link, token: token, locale: locale, services: request.regulars, at: Date())
        else { throw Problem.notFound("This rewards page") }
        let response = Response(status: .ok)
        try response.content.encode(content, using: JSONEncoder.api)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable func redeem(_ request: Request) async throws -> Response {
        let (link, _) = try RewardsPageController.link(request)
        let input = try request.content.decode(LoyaltyController.RedeemInput.self, using: JSONDecoder.api)
        let key = request.headers.first(name: "Idempotency-Key").map { "shopper:\(link.customerID):\($0)" }
        return try await LoyaltyRedemptions.redeemResponse(
            request, customerID: link.customerID, rewardID: input.rewardId, idempotencyKey: key)
    }
}
