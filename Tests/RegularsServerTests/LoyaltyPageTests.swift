import Foundation
import RegularsCore
import RegularsLoyalty
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// The merchant's loyalty pages: settings saved through the form, a reward added, the dry run and liability shown,
/// and a manual adjustment on a customer's ledger that a resubmitted form does not repeat.
@Suite struct LoyaltyPageTests {
    static func post(
        _ app: Application, _ path: String, form: String, session: HTTPHeaders, csrfFrom page: String
    ) async throws -> TestingHTTPResponse? {
        var token = ""
        try await app.testing().test(.GET, page, headers: session) { response in
            token = WebTests.csrfToken(in: response.body.string) ?? ""
        }
        var headers = session
        headers.contentType = .urlEncodedForm
        var result: TestingHTTPResponse?
        try await app.testing().test(
            .POST, path, headers: headers, body: ByteBuffer(string: "_csrf=\(token)&\(form)")
        ) { result = $0 }
        return result
    }

    @Test(arguments: TestBackend.available)
    func theMerchantRunsTheProgrammeFromThePages(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let session = try await WebTests.signIn(app)
            let database = app.regulars.database
            let customer = try await Sample.customer("page@example.com", first: "Mei", on: database)
            _ = try await Sample.upsert(
                LoyaltySample.order("p-1", customerID: customer, totalMinor: 20_000, placedDaysAgo: 90), on: database)

            let saved = try await Self.post(
                app, "/loyalty/settings",
                form: "enabled=on&points_per_unit=2&return_window_days=14&lifetime_days=0&shortfall=negativeBalance"
                    + "&points_per_unit_of_value=50&code_webhook_url=",
                session: session, csrfFrom: "/loyalty")
            let reward = try await Self.post(
                app, "/loyalty/rewards", form: "name=Ten+off&kind=percent_off&points_cost=150&value=10",
                session: session, csrfFrom: "/loyalty")
            let badReward = try await Self.post(
                app, "/loyalty/rewards", form: "name=Broken&kind=amount_off&points_cost=150&value=abc",
                session: session, csrfFrom: "/loyalty")
            var program = try await app.regulars.loyaltySettings().program
            program.earning.promotions = [
                Promotion(
                    name: "Double weekend", multiplier: Multiplier(tenThousandths: 20_000),
                    startDate: LocalDate(year: 2026, month: 12, day: 5),
                    endDate: LocalDate(year: 2026, month: 12, day: 6))
            ]
            let rules =
                LoyaltyProgramJSON.text(of: program).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let savedRules = try await Self.post(
                app, "/loyalty/program", form: "program=\(rules)", session: session, csrfFrom: "/loyalty")
            let brokenRules = try await Self.post(
                app, "/loyalty/program", form: "program=%7B%22earning%22%3A1%7D", session: session, csrfFrom: "/loyalty"
            )
            let settings = try await app.regulars.loyaltySettings()
            var ledgerPage = ""
            try await app.testing().test(.GET, "/loyalty/customers/\(customer)?lang=zh", headers: session) {
                ledgerPage = $0.body.string
            }
            let formToken = try #require(
                ledgerPage.range(of: #"name="token" value=""#).map {
                    String(ledgerPage[$0.upperBound...].prefix { $0 != "\"" })
                })
            for _ in 0..<2 {
                _ = try await Self.post(
                    app, "/loyalty/customers/\(customer)/adjust",
                    form: "points=25&reason=Late+delivery&token=\(formToken)",
                    session: session, csrfFrom: "/loyalty/customers/\(customer)")
            }
            var overview = ""
            try await app.testing().test(.GET, "/loyalty?lang=ar", headers: session) { overview = $0.body.string }
            let dryRun = try await Self.post(app, "/loyalty/dry-run", form: "", session: session, csrfFrom: "/loyalty")

            #expect(saved?.status == .seeOther)
            #expect(settings.enabled)
            #expect(settings.program.earning.rate.points == 2)
            #expect(settings.program.ledger.returnWindowDays == 14)
            #expect(settings.program.ledger.pointsLifetimeDays == nil)
            #expect(settings.program.ledger.shortfall == .negativeBalance)
            #expect(savedRules?.status == .seeOther)
            #expect(settings.program.earning.promotions.map(\.name) == ["Double weekend"])
            #expect(brokenRules?.status == .badRequest)
            #expect(reward?.status == .seeOther)
            #expect(badReward?.status == .badRequest)
            #expect(ledgerPage.contains("积分账本"))
            #expect(overview.contains("dir=\"rtl\""))
            #expect(overview.contains("Ten off"))
            #expect(dryRun?.status == .ok)
            // The session keeps the Arabic chosen above.
            #expect(dryRun?.body.string.contains("النقاط الممنوحة") == true)
            // The order was placed before the programme was enabled: only the adjustment, once.
            let entries = try await LoyaltySample.entries(app, customer, headers: try await app.adminHeaders())
            #expect(entries.map(\.points) == [25])
            #expect(entries.first?.actor == "owner@example.com")
            try await LoyaltySample.expectConsistent(database)
        }
    }
}
