import Foundation
import RegularsCore
import Testing
import Vapor
import VaporTesting

@testable import RegularsServer

@Suite struct WebTests {
    static let password = "correct-horse-battery"

    /// Signs in through the real form (GET for the CSRF token and cookie, then POST) and returns the session cookie.
    static func signIn(_ app: Application) async throws -> HTTPHeaders {
        try await app.regulars.admins.upsert(email: "owner@example.com", password: password)
        var cookie = ""
        var token = ""
        try await app.testing().test(.GET, "/login") { response in
            cookie = response.headers.setCookie?["regulars_session"]?.string ?? ""
            token = try #require(Self.csrfToken(in: response.body.string))
        }
        var headers: HTTPHeaders = ["Cookie": "regulars_session=\(cookie)"]
        headers.contentType = .urlEncodedForm
        let form = "_csrf=\(token)&email=owner%40example.com&password=\(password)&next=%2Fcustomers"
        var signedIn = HTTPHeaders()
        try await app.testing().test(.POST, "/login", headers: headers, body: ByteBuffer(string: form)) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/customers")
            let session = try #require(response.headers.setCookie?["regulars_session"])
            #expect(session.string != cookie, "signing in issues a new session id")
            #expect(session.isHTTPOnly && session.sameSite == .lax)
            signedIn = ["Cookie": "regulars_session=\(session.string)"]
        }
        return signedIn
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: TestBackend.available)
    func pagesNeedASignedInMerchant(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await app.testing().test(.GET, "/customers") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aWrongPasswordIsRefusedAndAFormWithoutTokenIsForbidden(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await app.regulars.admins.upsert(email: "owner@example.com", password: Self.password)
            var cookie = ""
            var token = ""
            try await app.testing().test(.GET, "/login") { response in
                cookie = response.headers.setCookie?["regulars_session"]?.string ?? ""
                token = Self.csrfToken(in: response.body.string) ?? ""
            }
            var headers: HTTPHeaders = ["Cookie": "regulars_session=\(cookie)"]
            headers.contentType = .urlEncodedForm

            try await app.testing().test(
                .POST, "/login", headers: headers,
                body: ByteBuffer(string: "_csrf=\(token)&email=owner%40example.com&password=wrong-password-here")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains("That email and password do not match an account."))
            }
            try await app.testing().test(
                .POST, "/login", headers: headers,
                body: ByteBuffer(string: "email=owner%40example.com&password=\(Self.password)")
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func theCustomerPagesSpeakEnglishArabicAndChinese(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            let id = try await Sample.customer(
                "layla@example.com", first: "ليلى", last: "حداد", on: app.regulars.database)
            _ = try await Sample.upsert(Sample.order("1", customerID: id, totalMinor: 1_250), on: app.regulars.database)
            let session = try await Self.signIn(app)
            let expectations: [(String, String, String, String)] = [
                ("en", "ltr", "Customers", "Purchase summary"),
                ("ar", "rtl", "العملاء", "ملخص المشتريات"),
                ("zh", "ltr", "客户", "购买概况"),
            ]

            for (lang, dir, listTitle, profileHeading) in expectations {
                try await app.testing().test(.GET, "/customers?lang=\(lang)", headers: session) { response in
                    let html = response.body.string
                    #expect(response.status == .ok)
                    #expect(html.contains(#"<html lang="\#(lang)" dir="\#(dir)">"#))
                    #expect(html.contains("<h1>\(listTitle)</h1>"))
                    #expect(html.contains("ليلى حداد"))
                }
                try await app.testing().test(.GET, "/customers/\(id)?lang=\(lang)", headers: session) { response in
                    let html = response.body.string
                    #expect(html.contains(#"dir="\#(dir)""#))
                    #expect(html.contains(profileHeading))
                    #expect(html.contains("12.50 USD"))
                }
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func acceptLanguagePicksThePageLanguage(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            try await app.testing().test(.GET, "/login", headers: ["Accept-Language": "ar-SA,ar;q=0.9,en;q=0.5"]) {
                response in
                #expect(response.body.string.contains(#"<html lang="ar" dir="rtl">"#))
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anUnknownCustomerPageIsANotFoundPage(backend: TestBackend) async throws {
        try await withTestApp(backend) { app in
            var session = try await Self.signIn(app)
            session.replaceOrAdd(name: .accept, value: "text/html")

            try await app.testing().test(.GET, "/customers/424242?lang=zh", headers: session) { response in
                #expect(response.status == .notFound)
                #expect(response.headers.contentType == .html)
                #expect(response.body.string.contains("该页面不存在。") || response.body.string.contains("出错了"))
            }
        }
    }

    @Test func everyCatalogueHasEveryKeyAndEveryTemplateKeyExists() throws {
        let english = Catalogue.shared.table(.en)
        #expect(english.count > 50)
        for locale in SupportedLocale.allCases {
            let table = Catalogue.shared.table(locale)
            #expect(Set(table.keys) == Set(english.keys), "\(locale)")
            #expect(table.values.allSatisfy { !$0.isEmpty }, "\(locale)")
        }
        let views = ResourceDirectory.url.appendingPathComponent("Views")
        for file in try FileManager.default.contentsOfDirectory(atPath: views.path) {
            let text = try String(contentsOf: views.appendingPathComponent(file), encoding: .utf8)
            let used = text.matches(of: /\(t\.([a-z_]+)\)/).map { String($0.1) }
            for key in used { #expect(english[key] != nil, "\(file) uses t.\(key), which no catalogue has") }
        }
    }
}

extension ByteBuffer {
    var string: String { String(buffer: self) }
}
