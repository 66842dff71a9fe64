/// A referral as the conversion logic reads it.
struct ReferralRow: Decodable, Sendable {
    var id: Int64
    var advocateId: Int64
    var friendId: Int64
    var createdAt: Int64
    var orderId: Int64?
}
