import Vapor

/// `GET /integrations`: each source's endpoint, status, today's deliveries and rejections, the latest rejections;
/// CSRF-protected forms rotate a webhook secret (303 back to this page, which shows it once), create a Segment write key (shown
/// once) and revoke one. A secret the environment sets is shown as such and cannot be rotated here.
struct IntegrationsPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("integrations", use: show)
        for source in [IntegrationSource.shopify, .woocommerce] {
            routes.post("integrations", PathComponent(stringLiteral: source.rawValue), "secret") { request in
                try await self.rotate(request, source: source)
            }
        }
        routes.post("integrations", "segment", "write-keys", use: createWriteKey)
        routes.post("integrations", "segment", "write-keys", "revoke", use: revokeWriteKey)
    }

    struct SecretForm: Content {
        var secret: String?
    }

    struct WriteKeyForm: Content {
        var name: String?
    }

    struct RevokeForm: Content {
        var prefix: String
    }

    /// The session keys that carry a rotated secret from the POST to the one GET that shows it.
    static let revealedSourceKey = "integrations.revealed_source"
    static let revealedSecretKey = "integrations.revealed_secret"

    /// Shows a secret the previous request rotated, once: it leaves the session as it is shown.
    @Sendable func show(_ request: Request) async throws -> View {
        var revealed: IntegrationsView.Revealed?
        if let secret = request.session.data[Self.revealedSecretKey],
            let source = request.session.data[Self.revealedSourceKey]
        {
            request.session.data[Self.revealedSecretKey] = nil
            request.session.data[Self.revealedSourceKey] = nil
            let locale = WebController.format(request).locale
            revealed = .init(
                label: Catalogue.shared.text("int_new_secret", locale) + " · "
                    + Catalogue.shared.text("int_source_\(source)", locale),
                value: secret)
        }
        return try await render(request, revealed: revealed)
    }

    /// Post/redirect/get: the rotation answers 303 to `GET /integrations`, which shows the new secret once, so
    /// reloading the page shows the page and never rotates again.
    func rotate(_ request: Request, source: IntegrationSource) async throws -> Response {
        let form = try request.content.decode(SecretForm.self)
        let secret = try await request.regulars.webhookSecrets.rotate(source, to: form.secret)
        request.session.data[Self.revealedSourceKey] = source.rawValue
        request.session.data[Self.revealedSecretKey] = secret
        return request.redirect(to: "/integrations", redirectType: .normal)
    }

    @Sendable func createWriteKey(_ request: Request) async throws -> View {
        let form = try request.content.decode(WriteKeyForm.self)
        let name = try IntegrationsController.writeKeyName(form.name)
        let key = try await request.regulars.apiKeys.create(scope: .ingest, name: name)
        let locale = WebController.format(request).locale
        return try await render(
            request, revealed: .init(label: Catalogue.shared.text("int_new_write_key", locale), value: key))
    }

    @Sendable func revokeWriteKey(_ request: Request) async throws -> Response {
        let form = try request.content.decode(RevokeForm.self)
        guard try await IntegrationsController.revokeWriteKey(prefix: form.prefix, services: request.regulars) else {
            throw Problem.notFound("An active write key with the prefix \(form.prefix)")
        }
        return request.redirect(to: "/integrations")
    }

    func render(_ request: Request, revealed: IntegrationsView.Revealed?) async throws -> View {
        let format = WebController.format(request)
        let text = { (key: String) in Catalogue.shared.text(key, format.locale) }
        let none = text("none")
        let statuses = try await IntegrationStatus.loadAll(request.regulars)
        let view = IntegrationsView(
            revealed: revealed,
            sources: statuses.map { status in
                let isSegment = status.source == IntegrationSource.segment.rawValue
                return IntegrationsView.Source(
                    id: status.source, name: text("int_source_\(status.source)"),
                    status: text("int_status_\(status.status)"), statusClass: status.status,
                    secretState: status.secret.map { text("int_secret_\($0)") },
                    canRotate: !isSegment && status.secret != "environment", endpoints: status.endpoints,
                    facts: [
                        .init(
                            label: text("int_last_event"),
                            value: format.dateTime(iso: status.lastEventReceivedAt) ?? none),
                        .init(label: text("int_deliveries_today"), value: String(status.deliveriesToday)),
                        .init(label: text("int_rejections_today"), value: String(status.rejectionsToday)),
                    ],
                    rejections: status.recentRejections.map { rejection in
                        .init(
                            at: format.dateTime(iso: rejection.receivedAt) ?? none, topic: rejection.topic,
                            field: rejection.field ?? none,
                            reason: rejection.count.map { "\(rejection.reason) (×\($0))" } ?? rejection.reason)
                    },
                    isSegment: isSegment,
                    writeKeys: (status.writeKeys ?? []).map {
                        .init(
                            prefix: $0.prefix, name: $0.name, created: format.dateTime(iso: $0.createdAt) ?? none,
                            active: $0.revokedAt == nil)
                    })
            })
        return try await request.page("integrations", titleKey: "integrations_title", section: "integrations", view)
    }
}
