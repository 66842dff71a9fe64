/// How a visitor reached the store before placing an order; case order is part of the output contract.
enum DemoTrafficChannel: CaseIterable, Sendable {
    case direct, organicSearch, paidSearch, instagram, facebook, pinterest, tiktok, referral, email, sms
}
