import Foundation
import RegularsCore

/// One immutable line of a customer's points ledger. Entries are only ever appended; every change of a balance,
/// of a lot or of a pending amount is a new entry.
///
/// Sign convention: `points` is what the entry adds to the bucket its `status` names — positive for credits
/// (earn, referral, positive adjust), negative for debits (redeem, expire, reverse, negative adjust). Only
/// `available` entries count in the spendable balance.
public struct LedgerEntry: Hashable, Sendable, Codable, Identifiable {
    /// 1-based position in the account's ledger, contiguous. The server appends with the next expected sequence
    /// under a unique index, so two writers that planned from the same snapshot cannot both succeed.
    public let sequence: Int64
    /// The operation that appended this entry.
    public let key: IdempotencyKey
    /// 0-based index of the entry within its operation (a refund of an order with two credits appends parts 0 and 1).
    public let part: Int
    public let kind: LedgerEntryKind
    public let status: LedgerEntryStatus
    public let points: Int64
    public let createdAt: Date
    /// Pending entries: when the points become available.
    public let unlocksAt: Date?
    /// Credits (and pending entries, for the lot they will create): when the lot expires; `nil` never.
    public let expiresAt: Date?
    /// Debits: the lots the points are taken from, in the order they were consumed.
    public let draws: [LotDraw]
    /// The entry this one acts on: the pending entry a release or void refers to, the credit a reversal takes back.
    public let references: Int64?
    /// The order the points belong to (order points, first-order bonus, referral rewards for a friend's order),
    /// and the order a refund entry is about.
    public let orderID: String?
    /// Order-linked credits: the order value refunds are measured against (proportional reversal).
    public let orderValue: Money?
    /// Refund entries: the order's refunded total after this refund, in `orderValue`'s minor units.
    public let refundedTotal: Int64?
    /// Reversals: what no lot could cover.
    public let shortfall: LedgerShortfall?
    /// Credits: points of this credit that cleared a negative balance (the lot is created without them).
    public let settledOverdraft: Int64
    /// Credits: points withheld from this credit to repay a debt (not included in `points`).
    public let settledDebt: Int64
    /// API-triggered entries: the request fingerprint, for idempotent replays.
    public let fingerprint: RequestFingerprint?
    /// Manual adjustments: who made it.
    public let actor: String?
    /// Manual adjustments: why (required), shown to the shopper.
    public let reason: String?
    public let explanation: EntryExplanation

    public var id: Int64 { sequence }

    public init(
        sequence: Int64, key: IdempotencyKey, part: Int = 0, kind: LedgerEntryKind, status: LedgerEntryStatus,
        points: Int64, createdAt: Date, unlocksAt: Date? = nil, expiresAt: Date? = nil, draws: [LotDraw] = [],
        references: Int64? = nil, orderID: String? = nil, orderValue: Money? = nil, refundedTotal: Int64? = nil,
        shortfall: LedgerShortfall? = nil, settledOverdraft: Int64 = 0, settledDebt: Int64 = 0,
        fingerprint: RequestFingerprint? = nil, actor: String? = nil, reason: String? = nil,
        explanation: EntryExplanation
    ) {
        self.sequence = sequence
        self.key = key
        self.part = part
        self.kind = kind
        self.status = status
        self.points = points
        self.createdAt = createdAt
        self.unlocksAt = unlocksAt
        self.expiresAt = expiresAt
        self.draws = draws
        self.references = references
        self.orderID = orderID
        self.orderValue = orderValue
        self.refundedTotal = refundedTotal
        self.shortfall = shortfall
        self.settledOverdraft = settledOverdraft
        self.settledDebt = settledDebt
        self.fingerprint = fingerprint
        self.actor = actor
        self.reason = reason
        self.explanation = explanation
    }

    /// Whether this entry adds spendable points and so creates a lot (possibly empty, when all of it repaid a debt).
    public var createsLot: Bool {
        status == .available
            && (kind == .earn || kind == .referral || (kind == .adjust && (points > 0 || settledDebt > 0)))
    }

    /// Whether this entry takes spendable points away.
    public var isDebit: Bool {
        status == .available
            && (kind == .redeem || kind == .expire || kind == .reverse || (kind == .adjust && points < 0))
    }

    /// Credits: points earned before any debt was withheld (`points + settledDebt`).
    public var grossPoints: Int64 { points + settledDebt }
}
