import RegularsCore
import Vapor

/// The merchant's pages: sign-in, the Customers list and the customer profile (Dashboard and Integrations register
/// their own).
struct WebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: loginForm)
        routes.post("login", use: login)
        let signedIn = routes.grouped(AdminSessionMiddleware())
        signedIn.post("logout", use: logout)
        signedIn.get { request in request.redirect(to: "/dashboard") }
        signedIn.get("customers", use: customers)
        signedIn.get("customers", ":id", use: profile)
        try signedIn.register(collection: DashboardPage())
        try signedIn.register(collection: LoyaltyPage())
        try signedIn.register(collection: IntegrationsPage())
    }

    struct LoginView: Encodable {
        var failed: Bool
        var next: String
        var email: String
    }

    struct LoginForm: Content {
        var email: String
        var password: String
        var next: String?
    }

    @Sendable func loginForm(_ request: Request) async throws -> View {
        let next = Self.safeNext(request.query[String.self, at: "next"])
        return try await request.page(
            "login", titleKey: "sign_in_title", section: nil, LoginView(failed: false, next: next, email: ""))
    }

    @Sendable func login(_ request: Request) async throws -> Response {
        let form = try request.content.decode(LoginForm.self)
        let account = try await request.regulars.admins.find(email: form.email)
        let verified = try await request.application.threadPool.runIfActive {
            guard let account else {
                _ = try? Bcrypt.verify(form.password, created: Self.timingDecoyHash)
                return false
            }
            return (try? Bcrypt.verify(form.password, created: account.passwordHash)) ?? false
        }
        guard verified, let account else {
            let view = try await request.page(
                "login", titleKey: "sign_in_title", section: nil,
                LoginView(failed: true, next: Self.safeNext(form.next), email: form.email))
            let response = try await view.encodeResponse(for: request)
            response.status = .unauthorized
            return response
        }
        // A new session id on sign-in, so a session fixed before it cannot be ridden.
        if let previous = request.session.id {
            try await request.application.sessions.driver.deleteSession(previous, for: request).get()
            request.session.id = nil
        }
        request.session.data[AdminSessionMiddleware.sessionKey] = String(account.id)
        request.session.data[CSRFMiddleware.sessionKey] = SecretToken.make()
        return request.redirect(to: Self.safeNext(form.next))
    }

    @Sendable func logout(_ request: Request) async throws -> Response {
        request.session.destroy()
        return request.redirect(to: "/login")
    }

    @Sendable func customers(_ request: Request) async throws -> View {
        var query = try request.query.decode(CustomerQuery.self)
        query.limit = query.limit ?? 50
        let (rows, hasMore) = try await request.regulars.customers.search(query)
        let format = Self.format(request)
        let base = request.regulars.configuration.store.baseCurrency
        let none = Catalogue.shared.text("none", format.locale)
        let q = query.q ?? ""
        let encodedQ = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let view = CustomerListView(
            q: q,
            rows: rows.map { row in
                CustomerListView.Row(
                    href: "/customers/\(row.id)", name: PersonName.display(first: row.firstName, last: row.lastName),
                    email: row.email ?? none, phone: row.phone ?? none, orders: row.orderCount,
                    revenue: MoneyDTO(minorUnits: row.netRevenueMinor, currency: base.code).displayText,
                    lastOrder: format.date(row.lastOrderAt) ?? none,
                    language: row.locale.map { format.label("lang_", $0) } ?? none)
            },
            nextHref: hasMore
                ? rows.last.map { "/customers?q=\(encodedQ)&cursor=\(Cursor.encode(afterID: $0.id))" } : nil,
            firstHref: query.cursor == nil ? nil : "/customers?q=\(encodedQ)")
        return try await request.page("customers", titleKey: "customers_title", section: "customers", view)
    }

    @Sendable func profile(_ request: Request) async throws -> View {
        let id = try request.parameters.requireID("id")
        guard let profile = try await CustomerProfile.load(id, services: request.regulars) else {
            throw Problem.notFound("Customer \(id)")
        }
        let format = Self.format(request)
        let text = { (key: String) in Catalogue.shared.text(key, format.locale) }
        let none = text("none")
        let consentByChannel = Dictionary(uniqueKeysWithValues: profile.consent.map { ($0.channel, $0) })
        let view = CustomerProfileView(
            id: id, name: profile.customer.name, email: profile.customer.email ?? none,
            phone: profile.customer.phone ?? none,
            birthday: profile.birthday.flatMap { Birthday(parsing: $0) }.map(format.birthday) ?? none,
            timeZone: profile.timeZone ?? none,
            language: profile.customer.locale.map { format.label("lang_", $0) } ?? none,
            tags: profile.tags.isEmpty ? none : profile.tags.joined(separator: ", "),
            customerSince: format.dateTime(iso: profile.customer.createdAt) ?? none,
            identities: profile.identities.map {
                .init(label: format.label("source_", $0.source), value: $0.externalId)
            },
            consent: ConsentChannel.allCases.map { channel in
                let state = consentByChannel[channel.rawValue]
                let value = state.map { entry in
                    text(entry.granted ? "consent_granted" : "consent_withdrawn") + " · "
                        + (format.dateTime(iso: entry.at) ?? "") + " · " + entry.source
                }
                return .init(label: text("channel_" + channel.rawValue), value: value ?? text("consent_unknown"))
            },
            aggregates: [
                .init(label: text("order_count"), value: String(profile.aggregates.orderCount)),
                .init(label: text("first_order"), value: format.dateTime(iso: profile.aggregates.firstOrderAt) ?? none),
                .init(label: text("last_order"), value: format.dateTime(iso: profile.aggregates.lastOrderAt) ?? none),
                .init(label: text("net_revenue"), value: profile.aggregates.netRevenue.displayText),
                .init(label: text("refunded"), value: profile.aggregates.refunded.displayText),
            ],
            prediction: profile.scores.map { scores in
                [
                    .init(label: text("rfm_segment"), value: format.label("segment_", scores.rfm.segment)),
                    .init(
                        label: text("p_alive"),
                        value: scores.pAlive.map { "\(Int(($0 * 100).rounded()))%" } ?? none),
                    .init(
                        label: text("expected_orders_90d"),
                        value: scores.expectedOrders90d.map { String(format: "%.2f", $0) } ?? none),
                    .init(label: text("predicted_clv_12m"), value: scores.predictedClv12m?.displayText ?? none),
                    .init(label: text("churn_risk"), value: scores.churnRisk.map { text("risk_" + $0) } ?? none),
                    .init(label: text("next_order"), value: format.dateTime(iso: scores.nextOrderAt) ?? none),
                ]
            } ?? [],
            predictionReason: profile.scores.flatMap { scores in
                CustomerScores.reason(
                    locale: format.locale, orders: profile.aggregates.orderCount,
                    lastOrderAt: profile.aggregates.lastOrderAt.flatMap { Instant(isoText: $0) }?.milliseconds,
                    pAlive: scores.pAlive, expectedOrders: scores.expectedOrders90d)
            } ?? text("prediction_none"),
            orders: profile.orders.map { order in
                .init(
                    number: order.number ?? order.externalId, placedAt: format.dateTime(iso: order.placedAt) ?? none,
                    total: order.total.displayText,
                    payment: format.label("status_", order.cancelledAt == nil ? order.financialStatus : "cancelled"),
                    fulfillment: format.label("status_", order.fulfillmentStatus),
                    lines: order.lines.map {
                        .init(
                            title: $0.title, quantity: $0.quantity, unitPrice: $0.unitPrice.displayText,
                            total: $0.total.displayText)
                    },
                    refunds: order.refunds.map {
                        .init(
                            createdAt: format.dateTime(iso: $0.createdAt) ?? none, amount: $0.amount.displayText,
                            reason: $0.reason ?? none)
                    })
            },
            timeline: profile.timeline.prefix(100).map { entry in
                let title: String
                switch entry.kind {
                case "event": title = format.label("event_", entry.title)
                case "consent": title = text("channel_" + entry.title)
                default: title = entry.title
                }
                let detail =
                    entry.kind == "consent"
                    ? text(entry.detail == "granted" ? "consent_granted" : "consent_withdrawn") : (entry.detail ?? "")
                return .init(
                    at: format.dateTime(iso: entry.at) ?? none, kind: text("kind_" + entry.kind), title: title,
                    detail: detail)
            })
        return try await request.page("profile", titleKey: "profile_title", section: "customers", view)
    }

    static func format(_ request: Request) -> DisplayFormat {
        DisplayFormat(locale: WebLocale.resolve(request), timeZone: request.regulars.configuration.store.timeZone)
    }

    /// Only same-site paths are followed after sign-in, never another host.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/dashboard" }
        return next
    }

    /// A bcrypt hash of a random password, checked when the email is unknown so both paths take as long.
    static let timingDecoyHash = (try? Bcrypt.hash(SecretToken.make(), cost: 12)) ?? ""
}
