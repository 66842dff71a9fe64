import Foundation
import RegularsCore

/// An order as the server stores it, whatever the source. Amounts are integer minor units of ``currency``.
///
/// Canonical totals (docs/ingestion.md): ``subtotalMinor`` is merchandise before order discounts,
/// and `totalMinor == subtotalMinor − discountMinor + shippingMinor + (taxesIncluded ? 0 : taxMinor)
/// + otherChargesMinor` within the tolerance of ``IngestOptions``.
public struct IngestOrder: Sendable, Equatable, Hashable, Codable {
    public var source: IngestSource
    /// The source's stable id of the order (Shopify numeric id, WooCommerce id, Segment `order_id`…).
    public var externalID: String
    /// The number shown to the customer (`#1001`), when different from the id.
    public var number: String?
    /// The customer as the source knows them; `nil` for guest checkouts, identified by ``email`` only.
    public var customer: IngestCustomer?
    public var email: EmailAddress?
    public var placedAt: Date
    /// The currency the customer paid in.
    public var currency: CurrencyCode
    public var subtotalMinor: Int64
    public var discountMinor: Int64
    public var shippingMinor: Int64
    public var taxMinor: Int64
    /// `true` when ``taxMinor`` is already inside the prices (it is then not added to the total).
    public var taxesIncluded: Bool
    /// Tips, duties and fees that are part of the total; may be negative (WooCommerce negative fees).
    public var otherChargesMinor: Int64
    public var totalMinor: Int64
    /// The same amounts in the shop's base currency, when the payload carries them; else `nil`.
    public var baseAmounts: IngestBaseAmounts?
    /// Amount refunded so far, when the source reports a snapshot (CSV exports); webhooks send refunds separately.
    public var refundedMinor: Int64?
    public var financialStatus: IngestFinancialStatus?
    public var fulfillmentStatus: IngestFulfillmentStatus?
    /// The source's own status word (`processing`, `voided`…), kept for audit.
    public var sourceStatus: String?
    public var cancelledAt: Date?
    public var discountCodes: [String]
    public var landingSite: String?
    public var referringSite: String?
    public var billingAddress: IngestAddress?
    /// Test orders (Shopify `test: true`) that the server may keep out of metrics.
    public var isTest: Bool
    /// The source's last-modified time; the server ignores a delivery older than what it stored.
    public var sourceUpdatedAt: Date
    public var lines: [IngestOrderLine]

    public init(
        source: IngestSource, externalID: String, number: String? = nil, customer: IngestCustomer? = nil,
        email: EmailAddress? = nil, placedAt: Date, currency: CurrencyCode, subtotalMinor: Int64,
        discountMinor: Int64 = 0, shippingMinor: Int64 = 0, taxMinor: Int64 = 0, taxesIncluded: Bool = false,
        otherChargesMinor: Int64 = 0, totalMinor: Int64, baseAmounts: IngestBaseAmounts? = nil,
        refundedMinor: Int64? = nil, financialStatus: IngestFinancialStatus? = nil,
        fulfillmentStatus: IngestFulfillmentStatus? = nil, sourceStatus: String? = nil, cancelledAt: Date? = nil,
        discountCodes: [String] = [], landingSite: String? = nil, referringSite: String? = nil,
        billingAddress: IngestAddress? = nil, isTest: Bool = false, sourceUpdatedAt: Date,
        lines: [IngestOrderLine] = []
    ) {
        self.source = source
        self.externalID = externalID
        self.number = number
        self.customer = customer
        self.email = email
        self.placedAt = placedAt
        self.currency = currency
        self.subtotalMinor = subtotalMinor
        self.discountMinor = discountMinor
        self.shippingMinor = shippingMinor
        self.taxMinor = taxMinor
        self.taxesIncluded = taxesIncluded
        self.otherChargesMinor = otherChargesMinor
        self.totalMinor = totalMinor
        self.baseAmounts = baseAmounts
        self.refundedMinor = refundedMinor
        self.financialStatus = financialStatus
        self.fulfillmentStatus = fulfillmentStatus
        self.sourceStatus = sourceStatus
        self.cancelledAt = cancelledAt
        self.discountCodes = discountCodes
        self.landingSite = landingSite
        self.referringSite = referringSite
        self.billingAddress = billingAddress
        self.isTest = isTest
        self.sourceUpdatedAt = sourceUpdatedAt
        self.lines = lines
    }

    /// `subtotal − discount + shipping + tax (unless included) + other charges`.
    public var expectedTotalMinor: Int64 {
        subtotalMinor - discountMinor + shippingMinor + (taxesIncluded ? 0 : taxMinor) + otherChargesMinor
    }

    /// Merchandise revenue after discounts, before shipping and tax: what CLV models use.
    public var netMerchandiseMinor: Int64 { subtotalMinor - discountMinor }
}
