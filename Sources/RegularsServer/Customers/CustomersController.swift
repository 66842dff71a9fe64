import Vapor

/// `GET /api/customers` and `GET /api/customers/{id}`.
struct CustomersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let customers = routes.grouped("customers")
        customers.get(use: list)
        customers.get(":id", use: profile)
    }

    @Sendable func list(_ request: Request) async throws -> Page<CustomerSummary> {
        let query = try request.query.decode(CustomerQuery.self)
        let (rows, hasMore) = try await request.regulars.customers.search(query)
        let base = request.regulars.configuration.store.baseCurrency
        return Page(
            items: rows.map { CustomerSummary($0, baseCurrency: base) }, hasMore: hasMore,
            nextCursor: hasMore ? rows.last.map { Cursor.encode(afterID: $0.id) } : nil)
    }

    @Sendable func profile(_ request: Request) async throws -> CustomerProfile {
        let id = try request.parameters.requireID("id")
        guard let profile = try await CustomerProfile.load(id, services: request.regulars) else {
            throw Problem.notFound("Customer \(id)")
        }
        return profile
    }
}

extension Parameters {
    /// A positive integer path parameter, or a 400 naming it.
    func requireID(_ name: String) throws(Problem) -> Int64 {
        guard let text = get(name), let id = Int64(text), id > 0 else {
            throw Problem.invalidField(name, "must be a positive integer id")
        }
        return id
    }
}
