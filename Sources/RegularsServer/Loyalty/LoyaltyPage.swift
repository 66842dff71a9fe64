import Foundation
import RegularsCore
import RegularsLoyalty
import Vapor

/// The merchant's loyalty pages: `/loyalty` (programme settings, rewards, dry run, points liability, referrals held
/// for review) and `/loyalty/customers/{id}` (a customer's ledger with manual adjustments).
struct LoyaltyPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("loyalty", use: overview)
        routes.post("loyalty", "settings", use: saveSettings)
        routes.on(.POST, "loyalty", "program", body: .collect(maxSize: "256kb"), use: saveProgram)
        routes.post("loyalty", "tiers", use: saveTiers)
        routes.post("loyalty", "actions", use: saveActions)
        routes.post("loyalty", "promotions", use: savePromotions)
        routes.post("loyalty", "referral-rules", use: saveReferralRules)
        routes.post("loyalty", "rewards", use: createReward)
        routes.post("loyalty", "dry-run", use: dryRun)
        routes.post("loyalty", "referrals", ":referralID", use: decideReferral)
        routes.get("loyalty", "customers", ":id", use: ledger)
        routes.post("loyalty", "customers", ":id", "adjust", use: adjust)
    }

    @Sendable func overview(_ request: Request) async throws -> View {
        try await render(request, dryRun: nil, message: request.query[String.self, at: "saved"] != nil ? "saved" : nil)
    }

    private func render(
        _ request: Request, dryRun: LoyaltyDryRunView?, message: String?,
        editing: (inout LoyaltyPageView) -> Void = { _ in }
    ) async throws -> View {
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        let locale = WebLocale.resolve(request)
        var content = try await LoyaltyPageView.load(
            settings: settings, dryRun: dryRun, message: message, locale: locale, services: services)
        editing(&content)
        return try await request.page("loyalty", titleKey: "loyalty_title", section: "loyalty", content)
    }

    struct SettingsForm: Content {
        var enabled: String?
        var pointsPerUnit: Int64
        var returnWindowDays: Int
        var lifetimeDays: Int
        var shortfall: String
        var pointsPerUnitOfValue: Int64
        var codeWebhookUrl: String?

        enum CodingKeys: String, CodingKey {
            case enabled
            case pointsPerUnit = "points_per_unit"
            case returnWindowDays = "return_window_days"
            case lifetimeDays = "lifetime_days"
            case shortfall
            case pointsPerUnitOfValue = "points_per_unit_of_value"
            case codeWebhookUrl = "code_webhook_url"
        }
    }

    @Sendable func saveSettings(_ request: Request) async throws -> Response {
        let form = try request.content.decode(SettingsForm.self)
        guard (0...1_000).contains(form.pointsPerUnit) else {
            throw Problem.invalidField("points_per_unit", "must be 0 to 1000")
        }
        guard (0...365).contains(form.returnWindowDays) else {
            throw Problem.invalidField("return_window_days", "must be 0 to 365")
        }
        guard (0...3_650).contains(form.lifetimeDays) else {
            throw Problem.invalidField("lifetime_days", "must be 0 (never) to 3650")
        }
        guard (1...1_000_000).contains(form.pointsPerUnitOfValue) else {
            throw Problem.invalidField("points_per_unit_of_value", "must be 1 to 1000000")
        }
        guard let shortfall = ShortfallPolicy(rawValue: form.shortfall) else {
            throw Problem.invalidField("shortfall", "must be negativeBalance or debtFromFutureEarnings")
        }
        let services = request.regulars
        let unit = services.configuration.store.baseCurrency.minorUnitsPerMajor
        try await services.database.write { sql in
            let stored = try await LoyaltySettings.stored(on: sql)
            var settings = stored ?? LoyaltySettings.starter(for: services.configuration.store, at: Date())
            let enabling = form.enabled == "on"
            if enabling, stored == nil { settings.launchedAt = Date() }
            settings.enabled = enabling
            settings.program.earning.rate = PointsRate(points: form.pointsPerUnit, perMinorUnits: unit)
            settings.program.ledger = LedgerPolicy(
                returnWindowDays: form.returnWindowDays,
                pointsLifetimeDays: form.lifetimeDays == 0 ? nil : form.lifetimeDays, shortfall: shortfall,
                timeZone: settings.program.ledger.timeZone)
            settings.program.redemptionValue = RedemptionValue(minorUnits: unit, points: form.pointsPerUnitOfValue)
            let url = form.codeWebhookUrl?.trimmingCharacters(in: .whitespaces) ?? ""
            settings.codeWebhookURL = url.isEmpty ? nil : url
            guard settings.problems.isEmpty else {
                throw Problem(
                    status: .unprocessableEntity, title: "Invalid loyalty programme",
                    detail: settings.problems.joined(separator: "; "))
            }
            try await settings.save(on: sql)
        }
        services.loyaltyCache.invalidate()
        return request.redirect(to: "/loyalty?saved=1")
    }

    @Sendable func saveTiers(_ request: Request) async throws -> Response {
        try await save(request, LoyaltyTiersForm.self, shownAt: \.tiersForm, anchor: "tiers")
    }

    @Sendable func saveActions(_ request: Request) async throws -> Response {
        try await save(request, LoyaltyActionsForm.self, shownAt: \.actionsForm, anchor: "actions")
    }

    @Sendable func savePromotions(_ request: Request) async throws -> Response {
        try await save(request, LoyaltyPromotionsForm.self, shownAt: \.promotionsForm, anchor: "promotions")
    }

    @Sendable func saveReferralRules(_ request: Request) async throws -> Response {
        try await save(request, LoyaltyReferralRulesForm.self, shownAt: \.referralForm, anchor: "referral-rules")
    }

    /// Saves one of the programme's forms in one transaction, or — when anything in it is wrong — saves nothing and
    /// answers 422 with the page, the form as posted and its mistakes listed beside it.
    private func save<Form: LoyaltyProgramForm>(
        _ request: Request, _ type: Form.Type, shownAt keyPath: WritableKeyPath<LoyaltyPageView, Form>,
        anchor: String
    ) async throws -> Response {
        let fields = LoyaltyFormFields(try request.content.decode([String: String].self))
        let services = request.regulars
        let store = services.configuration.store
        var form = Form(fields: fields, currency: store.baseCurrency, locale: WebLocale.resolve(request))
        do {
            try await services.database.write { [form] sql in
                var settings =
                    try await LoyaltySettings.stored(on: sql) ?? LoyaltySettings.starter(for: store, at: Date())
                settings.program = try form.program(applying: settings.program)
                guard settings.problems.isEmpty else { throw LoyaltyFormRejection(mistakes: settings.problems) }
                try await settings.save(on: sql)
            }
        } catch let rejection as LoyaltyFormRejection {
            form.mistakes = rejection.mistakes
            let page = try await render(request, dryRun: nil, message: nil) { [form] in $0[keyPath: keyPath] = form }
            return try await page.encodeResponse(status: .unprocessableEntity, for: request)
        }
        services.loyaltyCache.invalidate()
        return request.redirect(to: "/loyalty?saved=1#" + anchor)
    }

    struct ProgramForm: Content {
        var program: String
    }

    /// Every rule at once — actions, promotions, tiers, referral and fraud rules — from the page's JSON editor.
    @Sendable func saveProgram(_ request: Request) async throws -> Response {
        let program = try LoyaltyProgramJSON.parse(try request.content.decode(ProgramForm.self).program)
        let services = request.regulars
        try await services.database.write { sql in
            var settings =
                try await LoyaltySettings.stored(on: sql)
                ?? LoyaltySettings.starter(for: services.configuration.store, at: Date())
            settings.program = program
            try await settings.save(on: sql)
        }
        services.loyaltyCache.invalidate()
        return request.redirect(to: "/loyalty?saved=1")
    }

    struct RewardForm: Content {
        var name: String
        var kind: String
        var pointsCost: Int64
        var value: String?

        enum CodingKeys: String, CodingKey {
            case name, kind, value
            case pointsCost = "points_cost"
        }
    }

    @Sendable func createReward(_ request: Request) async throws -> Response {
        let form = try request.content.decode(RewardForm.self)
        let currency = request.regulars.configuration.store.baseCurrency
        var input = LoyaltyRewardInput(name: form.name, kind: form.kind, pointsCost: form.pointsCost)
        let value = form.value?.trimmingCharacters(in: .whitespaces) ?? ""
        if form.kind == "amount_off" {
            guard let money = try? Money.parse(value, currency: currency), money.minorUnits > 0 else {
                throw Problem.invalidField("value", "the amount off, e.g. 5.00")
            }
            input.valueMinor = money.minorUnits
        } else if form.kind == "percent_off" {
            guard let percent = Percentage(value) else {
                throw Problem.invalidField("value", "the percentage off, e.g. 10 or 12.5")
            }
            input.percentBasisPoints = Int(percent.basisPoints)
        } else if form.kind == "free_product" {
            input.productId = value
        }
        _ = try await LoyaltyRewardStore(database: request.regulars.database, currency: currency)
            .create(try input.validated())
        return request.redirect(to: "/loyalty?saved=1")
    }

    @Sendable func dryRun(_ request: Request) async throws -> View {
        let settings = try await request.regulars.loyaltySettings()
        let report = try await LoyaltyDryRunView.run(
            program: settings.program, redemptionRate: Percentage(basisPoints: 3_000),
            database: request.regulars.database, at: Date())
        return try await render(request, dryRun: report, message: nil)
    }

    struct DecisionForm: Content {
        var approve: String
    }

    @Sendable func decideReferral(_ request: Request) async throws -> Response {
        let id = try request.parameters.requireID("referralID")
        let form = try request.content.decode(DecisionForm.self)
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        try await services.database.write { sql in
            try await ReferralConversions(sql: sql, settings: settings).decide(
                referralID: id, approve: form.approve == "yes", at: Instant.now.date)
        }
        return request.redirect(to: "/loyalty?saved=1")
    }

    @Sendable func ledger(_ request: Request) async throws -> View {
        let id = try request.parameters.requireID("id")
        let services = request.regulars
        let locale = WebLocale.resolve(request)
        guard
            let content = try await LoyaltyLedgerPageView.load(
                customerID: id, locale: locale, services: services, formToken: SecretToken.make())
        else { throw Problem.notFound("Customer \(id)") }
        return try await request.page("loyalty-ledger", titleKey: "loyalty_ledger_title", section: "loyalty", content)
    }

    struct AdjustForm: Content {
        var points: Int64
        var reason: String
        var token: String
    }

    @Sendable func adjust(_ request: Request) async throws -> Response {
        let id = try request.parameters.requireID("id")
        let form = try request.content.decode(AdjustForm.self)
        let reason = form.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard form.points != 0 else { throw Problem.invalidField("points", "must not be 0") }
        guard (1...500).contains(reason.count) else { throw Problem.invalidField("reason", "a reason is required") }
        guard (16...64).contains(form.token.count) else { throw Problem.invalidField("token", "reload the page") }
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        guard settings.enabled else {
            throw Problem(
                status: .conflict, title: "Programme disabled", detail: "The loyalty programme is not running")
        }
        let actor = request.storage[SignedInAdmin.self]?.email ?? "admin"
        let now = Instant.now.date
        do {
            _ = try await services.database.write { sql in
                try await LoyaltyController.requireCustomer(id, on: sql)
                return try await LoyaltyAccountWriter(sql: sql, settings: settings).post(customerID: id, at: now) {
                    try $0.planAdjustment(
                        ManualAdjustment(
                            key: .adjustment(form.token), points: form.points, actor: actor, reason: reason, at: now),
                        policy: settings.program.ledger)
                }
            }
        } catch let refusal as LedgerRefusal {
            throw LoyaltyRedemptions.problem(for: refusal)
        }
        return request.redirect(to: "/loyalty/customers/\(id)")
    }
}
