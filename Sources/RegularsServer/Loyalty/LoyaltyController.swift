import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Vapor

/// The loyalty admin API under `/api/loyalty` (admin key): programme settings and dry run, the liability report,
/// the rewards catalogue, each customer's account, ledger, adjustments, actions and redemptions, and referrals.
struct LoyaltyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let loyalty = routes.grouped("loyalty")
        loyalty.get("program", use: program)
        loyalty.on(.PATCH, "program", body: .collect(maxSize: "256kb"), use: updateProgram)
        loyalty.on(.POST, "program", "dry-run", body: .collect(maxSize: "256kb"), use: dryRun)
        loyalty.get("liability", use: liability)
        loyalty.get("rewards", use: rewards)
        loyalty.on(.POST, "rewards", body: .collect(maxSize: "16kb"), use: createReward)
        loyalty.delete("rewards", ":rewardID", use: retireReward)
        loyalty.on(.POST, "maintenance", use: maintain)
        let customer = loyalty.grouped("customers", ":customerID")
        customer.get(use: account)
        customer.get("entries", use: entries)
        customer.on(.POST, "adjustments", body: .collect(maxSize: "16kb"), use: adjust)
        customer.on(.POST, "actions", body: .collect(maxSize: "16kb"), use: action)
        customer.get("redemptions", use: redemptions)
        customer.on(.POST, "redemptions", body: .collect(maxSize: "16kb"), use: redeem)
        customer.get("link", use: link)
        loyalty.get("referrals", use: referrals)
        loyalty.on(.POST, "referrals", body: .collect(maxSize: "16kb"), use: referFriend)
        loyalty.get("referrals", "funnel", use: funnel)
        loyalty.on(.POST, "referrals", ":referralID", "decision", body: .collect(maxSize: "4kb"), use: decide)
        loyalty.get("affiliates", use: affiliates)
        loyalty.on(.POST, "affiliates", ":advocateID", "payouts", body: .collect(maxSize: "4kb"), use: payout)
    }

    // MARK: Programme

    @Sendable func program(_ request: Request) async throws -> LoyaltySettingsView {
        LoyaltySettingsView(try await request.regulars.loyaltySettings())
    }

    @Sendable func updateProgram(_ request: Request) async throws -> LoyaltySettingsView {
        let input = try request.content.decode(LoyaltyProgramInput.self, using: JSONDecoder.api)
        let services = request.regulars
        return try await services.database.write { sql in
            let stored = try await LoyaltySettings.stored(on: sql)
            let current = stored ?? LoyaltySettings.starter(for: services.configuration.store, at: Date())
            let updated = input.applied(to: current, wasStored: stored != nil, at: Instant.now.date)
            let problems = updated.problems
            guard problems.isEmpty else {
                throw Problem(
                    status: .unprocessableEntity, title: "Invalid loyalty programme",
                    detail: problems.joined(separator: "; "),
                    invalidParams: problems.map { Problem.InvalidParam(name: "program", reason: $0) })
            }
            try await updated.save(on: sql)
            services.loyaltyCache.invalidate()
            return LoyaltySettingsView(updated)
        }
    }

    struct DryRunInput: Content {
        var program: LoyaltyProgram?
        /// Share of net points assumed redeemed, in basis points (e.g. 3000 = 30%).
        var redemptionRateBasisPoints: Int?
    }

    @Sendable func dryRun(_ request: Request) async throws -> LoyaltyDryRunView {
        let input =
            request.body.data == nil
            ? DryRunInput() : try request.content.decode(DryRunInput.self, using: JSONDecoder.api)
        let settings = try await request.regulars.loyaltySettings()
        let program = input.program ?? settings.program
        if let rate = input.redemptionRateBasisPoints, !(0...10_000).contains(rate) {
            throw Problem.invalidField("redemption_rate_basis_points", "must be 0 to 10000")
        }
        guard program.problems.isEmpty else {
            throw Problem(
                status: .unprocessableEntity, title: "Invalid loyalty programme",
                detail: program.problems.joined(separator: "; "))
        }
        return try await LoyaltyDryRunView.run(
            program: program,
            redemptionRate: input.redemptionRateBasisPoints.map { Percentage(basisPoints: Int64($0)) },
            database: request.regulars.database, at: Instant.now.date)
    }

    @Sendable func liability(_ request: Request) async throws -> LoyaltyLiabilityView {
        let settings = try await request.regulars.loyaltySettings()
        return try await LoyaltyLiabilityView.compute(
            settings: settings, database: request.regulars.database, at: Instant.now.date)
    }

    @Sendable func maintain(_ request: Request) async throws -> [String: Int] {
        let report = try await LoyaltyMaintenance(
            database: request.regulars.database, store: request.regulars.configuration.store
        ).run(at: Instant.now.date)
        return [
            "accounts": report.accounts, "birthdays": report.birthdays,
            "unconfirmed_redemptions": report.unconfirmedRedemptions,
        ]
    }

    // MARK: Rewards

    private func rewardStore(_ request: Request) -> LoyaltyRewardStore {
        LoyaltyRewardStore(
            database: request.regulars.database, currency: request.regulars.configuration.store.baseCurrency)
    }

    @Sendable func rewards(_ request: Request) async throws -> [LoyaltyReward] {
        try await rewardStore(request).list()
    }

    @Sendable func createReward(_ request: Request) async throws -> Response {
        let input = try request.content.decode(LoyaltyRewardInput.self, using: JSONDecoder.api).validated()
        return try await rewardStore(request).create(input).encodeResponse(status: .created, for: request)
    }

    @Sendable func retireReward(_ request: Request) async throws -> HTTPStatus {
        let id = try request.parameters.requireID("rewardID")
        guard try await rewardStore(request).retire(id) else { throw Problem.notFound("Reward \(id)") }
        return .noContent
    }

    // MARK: Customers

    @Sendable func account(_ request: Request) async throws -> LoyaltyAccountSummary {
        let id = try request.parameters.requireID("customerID")
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        let load = {
            try await services.database.read { sql in
                try await LoyaltyAccountSummary.load(
                    customerID: id, settings: settings, publicURL: services.configuration.baseURL,
                    at: Instant.now.date, on: sql)
            }
        }
        guard var summary = try await load() else { throw Problem.notFound("Customer \(id)") }
        if summary.referralCode.isEmpty {
            try await LoyaltyLedgerStore.ensureAccount(id, in: services.database)
            summary = try await load() ?? summary
        }
        return summary
    }

    @Sendable func entries(_ request: Request) async throws -> [LoyaltyEntryView] {
        let id = try request.parameters.requireID("customerID")
        let services = request.regulars
        return try await services.database.read { sql in
            try await Self.requireCustomer(id, on: sql)
            return try await LoyaltyEntryView.history(
                customerID: id, locale: .en, timeZone: services.configuration.store.timeZone, on: sql)
        }
    }

    struct AdjustmentInput: Content {
        var points: Int64
        var reason: String
    }

    @Sendable func adjust(_ request: Request) async throws -> Response {
        let id = try request.parameters.requireID("customerID")
        let input = try request.content.decode(AdjustmentInput.self, using: JSONDecoder.api)
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard input.points != 0 else { throw Problem.invalidField("points", "must not be 0") }
        guard (1...500).contains(reason.count) else {
            throw Problem.invalidField("reason", "a manual adjustment needs a reason of 1 to 500 characters")
        }
        let actor = Self.actor(of: request)
        let key =
            request.headers.first(name: "Idempotency-Key").map { IdempotencyKey.adjustment("api:\($0)") }
            ?? .adjustment(UUID().uuidString)
        let fingerprint = RequestFingerprint(
            method: "POST", path: request.url.path, parameters: ["points": "\(input.points)", "reason": reason])
        return try await postEntries(request, customerID: id) { settings, now in
            { ledger in
                try ledger.planAdjustment(
                    ManualAdjustment(
                        key: key, points: input.points, actor: actor, reason: reason, at: now, fingerprint: fingerprint),
                    policy: settings.program.ledger)
            }
        }
    }

    struct ActionInput: Content {
        var action: String
        var subject: String?
    }

    /// Actions a store or another Regulars feature reports; the first order, birthdays and referrals are rewarded
    /// by Regulars itself.
    static let reportableActions: [LoyaltyAction] = [
        .accountCreated, .productReview, .npsAnswered, .newsletterSignup, .socialFollow,
    ]

    @Sendable func action(_ request: Request) async throws -> Response {
        let id = try request.parameters.requireID("customerID")
        let input = try request.content.decode(ActionInput.self, using: JSONDecoder.api)
        guard let action = LoyaltyAction(rawValue: input.action), Self.reportableActions.contains(action) else {
            throw Problem.invalidField(
                "action", "must be one of \(Self.reportableActions.map(\.rawValue).joined(separator: ", "))")
        }
        return try await postEntries(request, customerID: id) { settings, now in
            { ledger in
                do {
                    return try ledger.planAction(
                        ActionEvent(action: action, at: now, subject: input.subject), rules: settings.program.earning,
                        policy: settings.program.ledger)
                } catch ActionRefusal.notConfigured {
                    throw Problem(
                        status: .unprocessableEntity, title: "Action not rewarded",
                        detail: "The programme gives no points for \(action.rawValue)")
                } catch {
                    throw Problem.invalidField("subject", "\(action.rawValue) needs the subject it is about")
                }
            }
        }
    }

    /// Posts what `makePlanner` plans for the customer: 201 with the new entries, 200 with the recorded ones for a
    /// replayed key; refusals become problems.
    private func postEntries(
        _ request: Request, customerID: Int64,
        _ makePlanner: @escaping @Sendable (LoyaltySettings, Date) -> @Sendable (Ledger) throws -> LedgerPlan
    ) async throws -> Response {
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        guard settings.enabled else {
            throw Problem(
                status: .conflict, title: "Programme disabled", detail: "The loyalty programme is not running")
        }
        let now = Instant.now.date
        let planner = makePlanner(settings, now)
        let posted: LoyaltyAccountWriter.Posted
        do {
            posted = try await services.database.write { sql in
                try await Self.requireCustomer(customerID, on: sql)
                return try await LoyaltyAccountWriter(sql: sql, settings: settings).post(
                    customerID: customerID, at: now, planner)
            }
        } catch let refusal as LedgerRefusal {
            throw LoyaltyRedemptions.problem(for: refusal)
        }
        let history = LoyaltyHistoryText(
            locale: .en, timeZone: services.configuration.store.timeZone, orderNumbers: [:])
        let entries: [LedgerEntry]
        switch posted.plan {
        case .append(let appended): entries = appended
        case .alreadyRecorded(let recorded): entries = recorded
        }
        return try await entries.map { LoyaltyEntryView($0, history: history) }
            .encodeResponse(status: posted.plan.isReplay ? .ok : .created, for: request)
    }

    @Sendable func redemptions(_ request: Request) async throws -> [LoyaltyRedemption] {
        let id = try request.parameters.requireID("customerID")
        return try await request.regulars.database.read { sql in
            try await Self.requireCustomer(id, on: sql)
            return try await LoyaltyRedemption.list(customerID: id, on: sql)
        }
    }

    struct RedeemInput: Content {
        var rewardId: Int64
    }

    @Sendable func redeem(_ request: Request) async throws -> Response {
        let id = try request.parameters.requireID("customerID")
        let input = try request.content.decode(RedeemInput.self, using: JSONDecoder.api)
        try await request.regulars.database.read { sql in try await Self.requireCustomer(id, on: sql) }
        let key = request.headers.first(name: "Idempotency-Key")
        if let key, !(1...255).contains(key.count) {
            throw Problem.invalidField("Idempotency-Key", "must be 1 to 255 characters")
        }
        return try await LoyaltyRedemptions.redeemResponse(
            request, customerID: id, rewardID: input.rewardId, idempotencyKey: key)
    }

    struct LinkView: Content {
        var url: String
        var expiresAt: String
    }

    @Sendable func link(_ request: Request) async throws -> LinkView {
        let id = try request.parameters.requireID("customerID")
        try await request.regulars.database.read { sql in try await Self.requireCustomer(id, on: sql) }
        let link = RewardsLink.make(customerID: id, at: Date())
        return LinkView(
            url: "\(request.regulars.configuration.baseURL)/rewards/\(link.token(secret: request.regulars.secretKey))",
            expiresAt: Instant(milliseconds: link.expiresAt * 1000).iso8601)
    }

    // MARK: Referrals

    @Sendable func referrals(_ request: Request) async throws -> [LoyaltyReferralView] {
        let status = request.query[String.self, at: "status"]
        if let status, !["signed_up", "held", "rejected", "rewarded"].contains(status) {
            throw Problem.invalidField("status", "must be one of signed_up, held, rejected, rewarded")
        }
        return try await request.regulars.database.read { sql in
            try await LoyaltyReferralView.list(status: status, on: sql)
        }
    }

    struct ReferInput: Content {
        var code: String
        var friendCustomerId: Int64
    }

    @Sendable func referFriend(_ request: Request) async throws -> Response {
        let input = try request.content.decode(ReferInput.self, using: JSONDecoder.api)
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        guard settings.enabled, settings.program.referrals != nil else {
            throw Problem(status: .conflict, title: "Referrals disabled", detail: "The programme has no referrals")
        }
        do {
            let id = try await services.database.write { sql in
                try await Self.requireCustomer(input.friendCustomerId, on: sql)
                return try await ReferralConversions(sql: sql, settings: settings).signUp(
                    friendID: input.friendCustomerId, code: input.code, at: Instant.now.date)
            }
            let view = try await services.database.read { sql in try await LoyaltyReferralView.find(id, on: sql) }
            return try await view.encodeResponse(status: .created, for: request)
        } catch let refusal as ReferralConversions.Refusal {
            switch refusal {
            case .unknownCode: throw Problem.invalidField("code", "no customer has this referral code")
            case .selfReferral:
                throw Problem(
                    status: .unprocessableEntity, title: "Self-referral",
                    detail: "A customer cannot refer themselves",
                    invalidParams: [.init(name: "friend_customer_id", reason: "is the advocate")])
            case .alreadyReferred:
                throw Problem(
                    status: .conflict, title: "Already referred", detail: "This customer was already referred")
            case .notHeld: throw Problem(status: .conflict)
            }
        }
    }

    struct DecisionInput: Content {
        var approve: Bool
    }

    @Sendable func decide(_ request: Request) async throws -> LoyaltyReferralView {
        let id = try request.parameters.requireID("referralID")
        let input = try request.content.decode(DecisionInput.self, using: JSONDecoder.api)
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        do {
            try await services.database.write { sql in
                try await ReferralConversions(sql: sql, settings: settings).decide(
                    referralID: id, approve: input.approve, at: Instant.now.date)
            }
        } catch ReferralConversions.Refusal.notHeld {
            throw Problem(status: .conflict, title: "Not held", detail: "Referral \(id) is not waiting for review")
        }
        return try await services.database.read { sql in try await LoyaltyReferralView.find(id, on: sql) }
    }

    @Sendable func funnel(_ request: Request) async throws -> ReferralFunnel {
        let advocate = request.query[Int64.self, at: "advocate_id"]
        return try await request.regulars.database.read { sql in
            try await ReferralFunnel.load(advocateID: advocate, on: sql)
        }
    }

    // MARK: Affiliates

    @Sendable func affiliates(_ request: Request) async throws -> [AffiliatePayable] {
        let currency = request.regulars.configuration.store.baseCurrency.code
        return try await request.regulars.database.read { sql in
            try await AffiliatePayable.list(currency: currency, on: sql)
        }
    }

    struct PayoutInput: Content {
        var amountMinor: Int64
        var reference: String
    }

    @Sendable func payout(_ request: Request) async throws -> Response {
        let id = try request.parameters.requireID("advocateID")
        let input = try request.content.decode(PayoutInput.self, using: JSONDecoder.api)
        guard input.amountMinor > 0 else { throw Problem.invalidField("amount_minor", "must be positive") }
        let reference = input.reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(reference.count) else {
            throw Problem.invalidField("reference", "the payout's reference, 1 to 100 characters")
        }
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        let actor = Self.actor(of: request)
        do {
            try await services.database.write { sql in
                try await Self.requireCustomer(id, on: sql)
                try await AffiliateCommissions(sql: sql, settings: settings).pay(
                    advocateID: id, amountMinor: input.amountMinor, reference: reference, actor: actor,
                    at: Instant.now.date)
            }
        } catch AffiliateCommissions.Refusal.exceedsPayable(let payable) {
            throw Problem(
                status: .conflict, title: "More than payable",
                detail: "\(input.amountMinor) exceeds the \(payable) minor units payable to customer \(id)")
        }
        let payables = try await services.database.read { sql in
            try await AffiliatePayable.list(currency: services.configuration.store.baseCurrency.code, on: sql)
        }
        return try await payables.filter { $0.advocateId == id }.encodeResponse(status: .created, for: request)
    }

    /// Who made an API change, for the ledger: the admin key's public prefix.
    static func actor(of request: Request) -> String {
        "api key " + String((request.headers.bearerAuthorization?.token ?? "").prefix(APIKeyStore.prefixLength))
    }

    static func requireCustomer(_ id: Int64, on sql: any SQLDatabase) async throws {
        guard try await sql.raw("SELECT id FROM customers WHERE id = \(bind: id)").first() != nil else {
            throw Problem.notFound("Customer \(id)")
        }
    }
}
