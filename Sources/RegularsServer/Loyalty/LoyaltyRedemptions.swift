import Foundation
import RegularsCore
import RegularsLoyalty
import SQLKit
import Vapor

/// Redeeming points for a reward: hold → issue → confirm.
///
/// 1. One write transaction takes the points (a `redeem` entry planned from the locked ledger, so parallel
///    redemptions can never overspend), takes one from the reward's stock with a conditional update, and records
///    the redemption with a fresh, unguessable discount code — `held` when the code must still reach the store,
///    `issued` when no store connection is configured.
/// 2. Outside the transaction the code is sent to the store (Standard Webhooks and/or Shopify's Admin API).
/// 3. A second transaction confirms it (`issued`), or marks it `failed` and gives the points back with a system
///    adjustment that says why, and returns the stock.
///
/// With an `Idempotency-Key`, the final answer is stored with the key: the same key and body get it again, another
/// body gets 422, and a retry while the first is still in flight gets 409.
struct LoyaltyRedemptions: Sendable {
    let database: Database
    let settings: LoyaltySettings
    let delivery: DiscountCodeDelivery?

    struct Outcome: Sendable {
        let status: HTTPResponseStatus
        let body: String
    }

    func redeem(customerID: Int64, rewardID: Int64, idempotencyKey: String?, path: String) async throws -> Outcome {
        guard settings.enabled else {
            throw Problem(
                status: .conflict, title: "Programme disabled", detail: "The loyalty programme is not running")
        }
        let fingerprint = RequestFingerprint(method: "POST", path: path, parameters: ["reward_id": "\(rewardID)"])
        if let idempotencyKey,
            let stored = try await IdempotentRequests.stored(
                key: idempotencyKey, fingerprint: fingerprint, in: database)
        {
            return stored
        }
        let now = Instant.now
        let key = IdempotencyKey.api(idempotencyKey ?? "redeem-\(UUID().uuidString)")
        let needsDelivery = delivery != nil
        let held: LoyaltyRedemption.Row
        do {
            held = try await database.write { sql in
                let held = try await hold(
                    customerID: customerID, rewardID: rewardID, key: key, fingerprint: fingerprint, at: now,
                    needsDelivery: needsDelivery, on: sql)
                // Issued at once: the final answer is stored with the points, in the same transaction.
                if !needsDelivery, let idempotencyKey {
                    try await IdempotentRequests.store(
                        key: idempotencyKey, fingerprint: fingerprint, outcome: try Self.created(held), on: sql)
                }
                return held
            }
        } catch let replay as Replay {
            if let idempotencyKey,
                let stored = try await IdempotentRequests.stored(
                    key: idempotencyKey, fingerprint: fingerprint, in: database)
            {
                return stored
            }
            throw Problem(
                status: .conflict, title: "Request in progress",
                detail: "A redemption with this Idempotency-Key (entry \(replay.sequence)) is still being processed")
        }
        var final = held
        if let delivery, held.status == "held" {
            final = try await confirm(held, delivery: delivery)
        }
        let outcome: Outcome
        if final.status == "failed" {
            let problem = Problem(
                status: .badGateway, title: "Discount code not created",
                detail:
                    "The store did not accept the code (\(final.failure ?? "unknown error")); the points were returned")
            outcome = Outcome(
                status: .badGateway, body: String(decoding: try JSONEncoder.api.encode(problem), as: UTF8.self))
        } else {
            outcome = try Self.created(final)
        }
        if needsDelivery, let idempotencyKey {
            try await database.write { sql in
                try await IdempotentRequests.store(
                    key: idempotencyKey, fingerprint: fingerprint, outcome: outcome, on: sql)
            }
        }
        return outcome
    }

    static func created(_ row: LoyaltyRedemption.Row) throws -> Outcome {
        Outcome(
            status: .created, body: String(decoding: try JSONEncoder.api.encode(LoyaltyRedemption(row)), as: UTF8.self))
    }

    /// The key is in the ledger already: the first request with it was accepted.
    struct Replay: Error { let sequence: Int64 }

    private func hold(
        customerID: Int64, rewardID: Int64, key: IdempotencyKey, fingerprint: RequestFingerprint, at now: Instant,
        needsDelivery: Bool, on sql: any SQLDatabase
    ) async throws -> LoyaltyRedemption.Row {
        let currency = settings.program.earning.currency
        guard let reward = try await LoyaltyRewardStore.find(rewardID, currency: currency, on: sql) else {
            throw Problem.invalidField("reward_id", "no reward \(rewardID) exists")
        }
        let writer = LoyaltyAccountWriter(sql: sql, settings: settings)
        let tierID = try await sql.raw(
            "SELECT tier_id FROM loyalty_accounts WHERE customer_id = \(bind: customerID)"
        ).first(decodingColumn: "tier_id", as: String?.self).flatMap { $0 }
        if let reason = reward.unavailability(at: now, tierID: tierID),
            try await LoyaltyLedgerStore(sql: sql).ledger(customerID).contains(key: key) == false
        {
            throw Problem(status: .conflict, title: "Reward unavailable", detail: reason)
        }
        let posted: LoyaltyAccountWriter.Posted
        do {
            posted = try await writer.post(customerID: customerID, at: now.date) { ledger in
                try ledger.planRedemption(
                    RedemptionRequest(
                        points: reward.pointsCost, at: now.date, key: key, fingerprint: fingerprint,
                        reward: reward.name))
            }
        } catch let refusal as LedgerRefusal {
            throw Self.problem(for: refusal)
        }
        if case .alreadyRecorded(let entries) = posted.plan { throw Replay(sequence: entries.first?.sequence ?? 0) }
        guard
            try await sql.raw(
                """
                UPDATE loyalty_rewards SET issued = issued + 1
                WHERE id = \(bind: rewardID) AND (stock IS NULL OR issued < stock) RETURNING id
                """
            ).first() != nil
        else { throw Problem(status: .conflict, title: "Reward unavailable", detail: "the reward is out of stock") }
        let code =
            "\(settings.codePrefix)-\(ReferralCode.random(count: 4))-\(ReferralCode.random(count: 4))-\(ReferralCode.random(count: 4))"
        let status = needsDelivery ? "held" : "issued"
        guard
            let id = try await sql.raw(
                """
                INSERT INTO loyalty_redemptions (customer_id, reward_id, points, code, status, operation_key, created_at,
                    issued_at)
                VALUES (\(bind: customerID), \(bind: rewardID), \(bind: reward.pointsCost), \(bind: code), \(bind: status),
                    \(bind: key.value), \(bind: now.milliseconds), \(bind: needsDelivery ? nil : now.milliseconds))
                RETURNING id
                """
            ).first(decodingColumn: "id", as: Int64.self)
        else { throw Problem(status: .internalServerError, detail: "The redemption was not stored") }
        return LoyaltyRedemption.Row(
            id: id, customerId: customerID, rewardId: rewardID, rewardName: reward.name, points: reward.pointsCost,
            code: code, status: status, failure: nil, createdAt: now.milliseconds, usedAt: nil)
    }

    private func confirm(_ held: LoyaltyRedemption.Row, delivery: DiscountCodeDelivery) async throws
        -> LoyaltyRedemption.Row
    {
        var result = held
        do {
            try await delivery.deliver(held)
            result.status = "issued"
            try await database.write { sql in
                try await sql.raw(
                    """
                    UPDATE loyalty_redemptions SET status = 'issued', issued_at = \(bind: Instant.now.milliseconds)
                    WHERE id = \(bind: held.id) AND status = 'held'
                    """
                ).run()
            }
        } catch {
            let reason = "\(error)"
            result.status = "failed"
            result.failure = reason
            try await database.write { sql in
                try await giveBack(held, reason: reason, on: sql)
            }
        }
        return result
    }

    /// Marks the redemption failed, returns its stock and credits the points back (once: keyed by the redemption).
    func giveBack(_ held: LoyaltyRedemption.Row, reason: String, on sql: any SQLDatabase) async throws {
        guard
            try await sql.raw(
                """
                UPDATE loyalty_redemptions SET status = 'failed', failure = \(bind: reason)
                WHERE id = \(bind: held.id) AND status = 'held' RETURNING id
                """
            ).first() != nil
        else { return }
        try await sql.raw("UPDATE loyalty_rewards SET issued = issued - 1 WHERE id = \(bind: held.rewardId)").run()
        let now = Instant.now.date
        _ = try await LoyaltyAccountWriter(sql: sql, settings: settings).post(customerID: held.customerId, at: now) {
            try $0.planAdjustment(
                ManualAdjustment(
                    key: .adjustment("redemption-\(held.id)-returned"), points: held.points, actor: "system",
                    reason: "The discount code for \(held.rewardName) could not be created: \(reason)", at: now),
                policy: settings.program.ledger)
        }
    }

    static func problem(for refusal: LedgerRefusal) -> Problem {
        switch refusal {
        case .insufficientBalance(let available, let requested):
            return Problem(
                status: .conflict, title: "Insufficient points",
                detail: "The reward costs \(requested) points and \(available) are available")
        case .idempotencyKeyReused:
            return Problem(
                status: .unprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was used with a different request")
        case .invalidAmount(let points):
            return Problem.invalidField("points", "\(points) is not a valid number of points")
        case .missingReasonOrActor:
            return Problem.invalidField("reason", "a manual adjustment needs a reason")
        case .currencyMismatch(let expected, let received):
            return Problem.invalidField("currency", "expected \(expected.code), received \(received.code)")
        case .invalidRefundAmount(let amount):
            return Problem.invalidField("amount", "\(amount) is negative")
        }
    }
}

extension LoyaltyRedemptions {
    /// Redeems for an HTTP request (admin API or the shopper's page): the outcome's status and JSON body, as a
    /// problem when it is an error.
    static func redeemResponse(
        _ request: Request, customerID: Int64, rewardID: Int64, idempotencyKey: String?
    ) async throws -> Response {
        let services = request.regulars
        let settings = try await services.loyaltySettings()
        let currency = services.configuration.store.baseCurrency
        let redemptions = LoyaltyRedemptions(
            database: services.database, settings: settings,
            delivery: DiscountCodeDelivery(
                client: request.client, database: services.database, settings: settings, currency: currency))
        let outcome = try await redemptions.redeem(
            customerID: customerID, rewardID: rewardID, idempotencyKey: idempotencyKey, path: request.url.path)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(
            name: .contentType,
            value: outcome.status.code >= 400 ? Problem.mediaType.serialize() : HTTPMediaType.json.serialize())
        return Response(status: outcome.status, headers: headers, body: .init(string: outcome.body))
    }
}
