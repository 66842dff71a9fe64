extension DemoStoreGenerator {
    private static let emailDomains = ["example.com", "example.net", "example.org"]
    /// Unambiguous code letters (no I, O, 0 or 1), as ASCII.
    private static let referralAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)

    /// Identities for shoppers already sorted by `createdAt`; uniqueness of emails, phones and referral codes is
    /// resolved in that order. The "vip" tag is added later, once lifetime spend is known.
    func makeCustomers(shoppers: [DemoShopper]) -> [DemoCustomer] {
        var usedEmails = Set<String>()
        var usedPhones = Set<String>()
        var usedCodes = Set<String>()
        var customers: [DemoCustomer] = []
        customers.reserveCapacity(shoppers.count)
        let endYear = DemoCalendar.civil(fromDays: DemoCalendar.day(containing: DemoWindow(end: end, years: years).end))
            .year
        var index = 0
        while index < shoppers.count {
            let shopper = shoppers[index]
            var random = DemoRandom(seed: seed, stream: .identity, index: shopper.generationIndex)
            let region = shopper.region
            let locale = region.locale
            let first = random.element(of: DemoNames.firstNames(for: locale))
            let last = random.element(of: DemoNames.lastNames(for: locale))
            let birthday = makeBirthday(endYear: endYear, random: &random)

            let phone = makePhone(region: region, used: &usedPhones, random: &random)
            let email = makeEmail(
                first: first.latin, last: last.latin, locale: locale, birthYear: birthday.year, used: &usedEmails,
                random: &random, fallback: index + 1)
            let emailConsent = random.chance(shopper.signedUpEarly ? 0.9 : 0.58)
            let smsConsent = phone != nil && random.chance(locale == .english ? 0.3 : 0.18)
            let whatsappConsent = phone != nil && random.chance(region.whatsappAdoption)
            var tags: [String] = []
            if emailConsent && (shopper.signedUpEarly || random.chance(0.3)) { tags.append("newsletter") }
            if shopper.isWholesale { tags.append("wholesale") }

            let traditional = region.usesTraditionalChinese
            customers.append(
                DemoCustomer(
                    externalID: "demo-c-" + DemoFormat.padded(index + 1, width: 5), email: email, phone: phone,
                    firstName: traditional ? first.traditional : first.native,
                    lastName: traditional ? last.traditional : last.native, locale: locale.rawValue,
                    timeZone: region.timeZone, countryCode: region.countryCode, birthMonth: birthday.month,
                    birthDay: birthday.day, birthYear: birthday.year, createdAt: DemoWindow.date(shopper.createdAt),
                    emailConsent: emailConsent, smsConsent: smsConsent, whatsappConsent: whatsappConsent, tags: tags,
                    referralCode: makeReferralCode(used: &usedCodes, random: &random)))
            index += 1
        }
        return customers
    }

    /// ~70% share a birthday (uniform over a leap year, so Feb 29 occurs); ~85% of those also give the year.
    private func makeBirthday(endYear: Int64, random: inout DemoRandom) -> (month: Int?, day: Int?, year: Int?) {
        guard random.chance(0.7) else { return (nil, nil, nil) }
        var dayOfYear = random.int(below: 366)
        var month = 1
        while dayOfYear >= DemoCalendar.daysInMonth(month, year: 2024) {
            dayOfYear -= DemoCalendar.daysInMonth(month, year: 2024)
            month += 1
        }
        let day = dayOfYear + 1
        guard random.chance(0.85) else { return (month, day, nil) }
        let age = 18 + min(62, Int(random.gamma(shape: 2.2, scale: 8)))
        var year = endYear - Int64(age)
        if month == 2 && day == 29 {
            while !DemoCalendar.isLeap(year) { year -= 1 }
        }
        return (month, day, Int(year))
    }

    /// ~78% give a mobile number; numbers are unique across customers (as stores require).
    private func makePhone(region: DemoRegion, used: inout Set<String>, random: inout DemoRandom) -> String? {
        guard random.chance(0.78) else { return nil }
        for _ in 0..<12 {
            let candidate = region.phoneNumber(using: &random)
            if used.insert(candidate).inserted { return candidate }
        }
        return nil
    }

    private func makeEmail(
        first: String, last: String, locale: DemoLocale, birthYear: Int?, used: inout Set<String>,
        random: inout DemoRandom, fallback: Int
    ) -> String {
        let local: String
        if locale == .chinese && random.chance(0.15) {
            local = String(random.int(in: 10_000_000...3_999_999_999))  // QQ-style numeric address
        } else {
            let style = random.int(below: 7)
            let twoDigits = DemoFormat.padded(random.int(below: 100), width: 2)
            let yearSuffix = birthYear.map { String($0) } ?? twoDigits
            // Chinese addresses usually lead with the family name.
            let (lead, trail) = locale == .chinese ? (last, first) : (first, last)
            switch style {
            case 0: local = lead + "." + trail
            case 1: local = lead + trail
            case 2: local = lead + "_" + trail
            case 3: local = lead + trail + twoDigits
            case 4: local = String(lead.prefix(1)) + trail
            case 5: local = lead + yearSuffix
            default: local = trail + "." + lead
            }
        }
        let domainRoll = random.unit()
        let domain = Self.emailDomains[domainRoll < 0.5 ? 0 : (domainRoll < 0.8 ? 1 : 2)]
        let plain = local + "@" + domain
        if used.insert(plain).inserted { return plain }
        for range in [10...99, 100...999, 1_000...9_999] {
            let numbered = local + String(random.int(in: range)) + "@" + domain
            if used.insert(numbered).inserted { return numbered }
        }
        let unique = local + "." + String(fallback) + "@" + domain
        used.insert(unique)
        return unique
    }

    private func makeReferralCode(used: inout Set<String>, random: inout DemoRandom) -> String {
        while true {
            var packed: UInt64 = 0
            for position in 0..<6 {
                let letter = Self.referralAlphabet[random.int(below: Self.referralAlphabet.count)]
                packed |= UInt64(letter) &<< UInt64(8 * position)
            }
            let code = DemoHex.ascii(packed, count: 6)
            if used.insert(code).inserted { return code }
        }
    }
}
