import ArgumentParser
import Foundation
import RegularsCore
import RegularsServer

struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage merchant accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Create a merchant account (or set a new password); the password is read from REGULARS_ADMIN_PASSWORD or stdin."
        )
        @Option(help: "The merchant's email address.") var email: String
        @Option(help: "Preferred language: en, ar or zh.") var locale: SupportedLocale?

        func run() async throws {
            let password =
                ProcessInfo.processInfo.environment["REGULARS_ADMIN_PASSWORD"]
                ?? readLine(strippingNewline: true) ?? ""
            try await RegularsRunner.createAdmin(email: email, password: password, locale: locale)
            FileHandle.standardError.write(Data("Merchant account \(email) is ready.\n".utf8))
        }
    }
}
