import ArgumentParser
import Foundation
import RegularsCore
import RegularsIngest
import RegularsServer

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import history from CSV files.", subcommands: [Orders.self, Customers.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case shopify
        case generic
    }

    struct Orders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import orders: Shopify's orders export, or any CSV with a header mapped by --*-column.",
            discussion: """
                Streams the file (constant memory) and shows progress. Re-importing a file changes nothing, and an \
                import interrupted midway can simply be run again. Rejected rows are listed with their line number.
                """)

        @Argument(help: "The CSV file.") var file: String
        @Option(help: "shopify (Shopify's orders export) or generic.") var format: Format = .shopify
        @Option(help: "Write rejected rows (line, column, reason) to this file.") var rejections: String?
        @Option(help: "generic: customer id column.") var customerColumn = "customer_id"
        @Option(help: "generic: order id column.") var orderColumn = "order_id"
        @Option(help: "generic: date or date-time column.") var dateColumn = "date"
        @Option(help: "generic: order total column.") var totalColumn = "total"
        @Option(help: "generic: currency column.") var currencyColumn = "currency"
        @Option(help: "generic: currency when the column is absent or empty.") var defaultCurrency: String?
        @Option(help: "generic: email column.") var emailColumn = "email"
        @Option(help: "generic: customer name column.") var nameColumn = "name"
        @Option(help: "generic: product column.") var productColumn = "product"
        @Option(help: "generic: quantity column.") var quantityColumn = "quantity"
        @Option(help: "generic: unit price column.") var priceColumn = "price"

        func run() async throws {
            let orderFormat: CSVOrderFormat
            switch format {
            case .shopify: orderFormat = .shopifyOrdersExport
            case .generic:
                let fallback = try defaultCurrency.map { code in
                    guard let currency = CurrencyCode(code) else {
                        throw ValidationError("--default-currency \(code) is not an ISO 4217 code")
                    }
                    return currency
                }
                orderFormat = .generic(
                    GenericCSVMapping(
                        customerID: customerColumn, orderID: orderColumn, date: dateColumn, total: totalColumn,
                        currency: currencyColumn, defaultCurrency: fallback, email: emailColumn, name: nameColumn,
                        product: productColumn, quantity: quantityColumn, price: priceColumn))
            }
            let rejectionFile = try rejections.map { try RejectionFile(path: $0) }
            defer { rejectionFile?.close() }
            let progress = TerminalProgress(file: file)
            let summary = try await RegularsRunner.importOrders(
                path: file, format: orderFormat,
                progress: { rows, bytes in progress.report(rows: rows, bytesRead: bytes) },
                rejection: { rejectionFile?.write($0) })
            progress.finish()
            ImportReport.print(summary, rejectionsFile: rejections)
        }
    }
}
