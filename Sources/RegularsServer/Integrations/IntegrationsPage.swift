import Vapor

/// `GET /integrations`: each source's endpoint, status, today's deliveries and rejections, the latest rejections;
/// CSRF-protected forms rotate a webhook secret or create a Segment write key (each 303 back to this page, which
/// shows the new value once) and revoke a write key. A secret the environment sets is shown as such and cannot be
/// rotated here.
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

    /// The session keys that carry a new secret or write key from the POST to the one GET that shows it: the catalogue
    /// key of its label, and the value.
    static let revealedLabelKey = "integrations.revealed_label"
    static let revealedSecretKey = "integrations.revealed_secret"

    /// Shows a secret or write key the previous request made, once: it leaves the session as it is shown.
    @Sendable func show(_ request: Request) async throws -> View {
        var revealed: IntegrationsView.Revealed?
        if let secret = request.session.data[Self.revealedSecretKey],
            let label = request.session.data[Self.revealedLabelKey]
        {
            request.session.data[Self.revealedSecretKey] = nil
            request.session.data[Self.revealedLabelKey] = nil
            let locale = WebController.format(request).locale
            revealed = .init(
                label: label.split(separator: " ").map { Catalogue.shared.text(String($0), locale) }
                    .joined(separator: " · "),
                value: secret)
        }
        return try await render(request, revealed: revealed)
    }

    /// Post/redirect/get: the rotation answers 303 to `GET /integrations`, which shows the new secret once, so
    /// reloading the page shows the page and never rotates again.
    func rotate(_ request: Request, source: IntegrationSource) async throws -> Response {
        let form = try request.content.decode(SecretForm.self)
        let secret = try await request.regulars.webhookSecrets.rotate(source, to: form.secret)
        return reveal(secret, labelled: "int_new_secret int_source_\(source.rawValue)", request)
    }

    /// Post/redirect/get, as `rotate`: reloading the page never creates another key.
    @Sendable func createWriteKey(_ request: Request) async throws -> Response {
        let form = try request.content.decode(WriteKeyForm.self)
        let name = try IntegrationsController.writeKeyName(form.name)
        let key = try await request.regulars.apiKeys.create(scope: .ingest, name: name)
        return reveal(key, labelled: "int_new_write_key", request)
    }

    /// Keeps `value` for the next `GET /integrations` and answers 303 to it; `label` is catalogue keys separated by
    /// spaces.
    private func reveal(_ value: String, labelled label: String, _ request: Request) -> Response {
        request.session.data[Self.revealedLabelKey] = label
        request.session.data[Self.revealedSecretKey] = value
        return request.redirect(to: "/integrations", redirectType: .normal)
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
