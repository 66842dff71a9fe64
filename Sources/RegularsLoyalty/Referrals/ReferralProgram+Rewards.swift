extension ReferralProgram {
    /// Plans the two-sided reward of a referral that screening allowed: the advocate's `referral` action points
    /// (keyed `referral:advocate:<friend>`, so once per friend) and the friend's welcome points (keyed
    /// `referral:friend`, so once per friend ever, even when two advocates claim them). Both are linked to the
    /// friend's order: pending for its return window, taken back in proportion by its refunds (the server applies
    /// the friend's refunds to both ledgers).
    public func planRewards(
        for conversion: ReferralConversion, screening: ReferralScreening, advocateLedger: Ledger,
        friendLedger: Ledger, rules: EarningRules, policy: LedgerPolicy
    ) throws(ReferralRefusal) -> ReferralRewardPlans {
        guard screening == .allow else { throw .notAllowed(screening) }
        let order = conversion.friendOrder
        if let minimum = minimumOrderValue, order.total.currency == minimum.currency,
            order.total.minorUnits < minimum.minorUnits
        {
            throw .orderBelowMinimum(minimum: minimum, order: order.total)
        }
        guard friendPoints > 0 else { throw .notConfigured }
        let event = ActionEvent(
            action: .referral, at: conversion.at, subject: conversion.friendCustomerID, orderID: order.orderID,
            orderValue: order.total, orderPlacedAt: order.placedAt)
        let advocatePlan: LedgerPlan
        do {
            advocatePlan = try advocateLedger.planAction(event, rules: rules, policy: policy)
        } catch {
            throw .notConfigured
        }
        let friendPlan: LedgerPlan
        if friendLedger.contains(key: .referralFriend) {
            friendPlan = .alreadyRecorded(friendLedger.entries(withKey: .referralFriend))
        } else {
            var builder = PlanBuilder(friendLedger)
            builder.settle(at: conversion.at)
            builder.earn(
                key: .referralFriend, kind: .referral, points: friendPoints, at: conversion.at, orderID: order.orderID,
                orderValue: order.total, unlocksAt: policy.unlockInstant(forOrderPlacedAt: order.placedAt),
                policy: policy, explanation: .referralFriend(advocateCustomerID: conversion.advocateCustomerID))
            friendPlan = builder.plan
        }
        return ReferralRewardPlans(advocate: advocatePlan, friend: friendPlan)
    }
}
