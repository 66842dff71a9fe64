/// Where a customer lives: time zone, country, UTC offset (standard time; DST is ignored for activity patterns),
/// language and phone numbering.
enum DemoRegion: Int, CaseIterable, Sendable {
    case newYork, chicago, losAngeles, toronto, london, sydney
    case riyadh, dubai, cairo, kuwait
    case shanghai, taipei, singapore, hongKong

    var locale: DemoLocale {
        switch self {
        case .newYork, .chicago, .losAngeles, .toronto, .london, .sydney: return .english
        case .riyadh, .dubai, .cairo, .kuwait: return .arabic
        case .shanghai, .taipei, .singapore, .hongKong: return .chinese
        }
    }

    /// Relative share of the region among customers of the same locale.
    var weight: Double {
        switch self {
        case .newYork: return 0.34
        case .chicago: return 0.14
        case .losAngeles: return 0.2
        case .toronto: return 0.06
        case .london: return 0.16
        case .sydney: return 0.1
        case .riyadh: return 0.4
        case .dubai: return 0.25
        case .cairo: return 0.2
        case .kuwait: return 0.15
        case .shanghai: return 0.5
        case .taipei: return 0.2
        case .singapore: return 0.2
        case .hongKong: return 0.1
        }
    }

    var timeZone: String {
        switch self {
        case .newYork: return "America/New_York"
        case .chicago: return "America/Chicago"
        case .losAngeles: return "America/Los_Angeles"
        case .toronto: return "America/Toronto"
        case .london: return "Europe/London"
        case .sydney: return "Australia/Sydney"
        case .riyadh: return "Asia/Riyadh"
        case .dubai: return "Asia/Dubai"
        case .cairo: return "Africa/Cairo"
        case .kuwait: return "Asia/Kuwait"
        case .shanghai: return "Asia/Shanghai"
        case .taipei: return "Asia/Taipei"
        case .singapore: return "Asia/Singapore"
        case .hongKong: return "Asia/Hong_Kong"
        }
    }

    var countryCode: String {
        switch self {
        case .newYork, .chicago, .losAngeles: return "US"
        case .toronto: return "CA"
        case .london: return "GB"
        case .sydney: return "AU"
        case .riyadh: return "SA"
        case .dubai: return "AE"
        case .cairo: return "EG"
        case .kuwait: return "KW"
        case .shanghai: return "CN"
        case .taipei: return "TW"
        case .singapore: return "SG"
        case .hongKong: return "HK"
        }
    }

    var utcOffsetHours: Int {
        switch self {
        case .newYork, .toronto: return -5
        case .chicago: return -6
        case .losAngeles: return -8
        case .london: return 0
        case .sydney: return 10
        case .riyadh, .kuwait: return 3
        case .dubai: return 4
        case .cairo: return 2
        case .shanghai, .taipei, .singapore, .hongKong: return 8
        }
    }

    /// Orders ship from the United States; everywhere else pays international shipping.
    var isDomestic: Bool {
        countryCode == "US"
    }

    /// Taiwan and Hong Kong write names in traditional characters.
    var usesTraditionalChinese: Bool {
        self == .taipei || self == .hongKong
    }

    /// Probability that a customer here consents to WhatsApp messages, given a phone number.
    var whatsappAdoption: Double {
        switch locale {
        case .arabic: return 0.45
        case .english: return self == .london ? 0.12 : 0.05
        case .chinese: return self == .shanghai ? 0.02 : 0.22
        }
    }

    /// A plausible E.164 mobile number. North American numbers use the fictional 555-01XX block and UK numbers the
    /// Ofcom drama range 07700 900XXX, so demo messages can never reach a real person there.
    func phoneNumber(using random: inout DemoRandom) -> String {
        switch self {
        case .newYork:
            let areas = [212, 315, 347, 516, 518, 585, 617, 631, 646, 718, 845, 914, 917, 929, 202, 215, 305, 404, 704]
            return "+1" + String(random.element(of: areas)) + "55501"
                + DemoFormat.padded(random.int(below: 100), width: 2)
        case .chicago:
            let areas = [312, 773, 872, 630, 847, 708, 214, 469, 512, 612, 713, 816]
            return "+1" + String(random.element(of: areas)) + "55501"
                + DemoFormat.padded(random.int(below: 100), width: 2)
        case .losAngeles:
            let areas = [213, 310, 323, 424, 562, 626, 714, 818, 949, 415, 510, 206, 503, 702]
            return "+1" + String(random.element(of: areas)) + "55501"
                + DemoFormat.padded(random.int(below: 100), width: 2)
        case .toronto:
            let areas = [416, 437, 647, 905, 289, 613]
            return "+1" + String(random.element(of: areas)) + "55501"
                + DemoFormat.padded(random.int(below: 100), width: 2)
        case .london:
            return "+447700900" + DemoFormat.padded(random.int(below: 1_000), width: 3)
        case .sydney:
            return "+614" + DemoFormat.padded(random.int(below: 100_000_000), width: 8)
        case .riyadh:
            return "+9665" + DemoFormat.padded(random.int(below: 100_000_000), width: 8)
        case .dubai:
            return "+9715" + String(random.element(of: [0, 2, 4, 5, 6, 8]))
                + DemoFormat.padded(random.int(below: 10_000_000), width: 7)
        case .cairo:
            return "+201" + String(random.element(of: [0, 1, 2, 5]))
                + DemoFormat.padded(random.int(below: 100_000_000), width: 8)
        case .kuwait:
            return "+965" + String(random.element(of: [5, 6, 9]))
                + DemoFormat.padded(random.int(below: 10_000_000), width: 7)
        case .shanghai:
            return "+861" + String(random.int(in: 3...9))
                + DemoFormat.padded(random.int(below: 1_000_000_000), width: 9)
        case .taipei:
            return "+8869" + DemoFormat.padded(random.int(below: 100_000_000), width: 8)
        case .singapore:
            return "+65" + String(random.element(of: [8, 9]))
                + DemoFormat.padded(random.int(below: 10_000_000), width: 7)
        case .hongKong:
            return "+852" + String(random.element(of: [5, 6, 9]))
                + DemoFormat.padded(random.int(below: 10_000_000), width: 7)
        }
    }
}
