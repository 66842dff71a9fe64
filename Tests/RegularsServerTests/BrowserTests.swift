import Foundation
import RegularsCore
import RegularsDemo
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

/// Drives headless Chromium (Tests/Browser/check_pages.py, Selenium) through sign-in, the Dashboard, the Customers
/// list and a profile in English, Arabic and Chinese against a live server; screenshots land in `artifacts/screenshots`.
/// Skipped where Chromium or Selenium is missing, unless REGULARS_TEST_REQUIRE_BROWSER=1 (CI) makes that a failure.
@Suite struct BrowserTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let environment = ProcessInfo.processInfo.environment
    static let required = environment["REGULARS_TEST_REQUIRE_BROWSER"] == "1"
    static let available =
        FileManager.default.isExecutableFile(atPath: environment["CHROMIUM_BINARY"] ?? "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: environment["CHROMEDRIVER"] ?? "/usr/bin/chromedriver")

    @Test func theBrowserCheckCanRunWhereItIsRequired() {
        #expect(Self.available || !Self.required, "Chromium and chromedriver are required here but missing")
    }

    @Test(.enabled(if: available)) func pagesRenderInEveryLanguageInARealBrowser() async throws {
        try await withTestApp(.sqlite) { app in
            let store = DemoStoreGenerator(seed: 11, customerCount: 120, productCount: 30).generate()
            _ = try await DemoSeeder(database: app.regulars.database, baseCurrency: try #require(CurrencyCode("USD")))
                .seedIfEmpty(store)
            _ = try await app.regulars.analyticsRefresher(logger: app.logger).refresh(
                triggeredBy: "test", now: Instant(DemoStoreGenerator.defaultEnd))
            try await app.regulars.admins.upsert(email: "owner@example.com", password: "correct-horse-battery")
            let port = try await app.startOnLoopback()

            let (status, output) = try await Self.runCheck(base: "http://127.0.0.1:\(port)")
            await app.server.shutdown()

            #expect(status == 0, "\(output)")
            #expect(output.contains("browser check passed"), "\(output)")
        }
    }

    static func runCheck(base: String) async throws -> (Int32, String) {
        let shots =
            environment["REGULARS_TEST_ARTIFACTS"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.appendingPathComponent("artifacts")
        return await ChildProcess.run([
            "python3", packageRoot.appendingPathComponent("Tests/Browser/check_pages.py").path, base,
            "owner@example.com", "correct-horse-battery",
            ResourceDirectory.url.appendingPathComponent("Locales/en.json").path,
            shots.appendingPathComponent("screenshots").path,
        ])
    }
}
