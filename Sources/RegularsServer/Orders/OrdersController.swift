import Vapor

/// `GET /api/orders/{id}`.
struct OrdersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("orders", ":id", use: show)
    }

    @Sendable func show(_ request: Request) async throws -> OrderDetail {
        let id = try request.parameters.requireID("id")
        guard let order = try await request.regulars.orders.detail(id) else { throw Problem.notFound("Order \(id)") }
        return order
    }
}
