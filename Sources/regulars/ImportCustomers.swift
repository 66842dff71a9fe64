import ArgumentParser
import Foundation
import RegularsIngest
import RegularsServer

extension Import {
    struct Customers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import customers: Shopify's customers export, or any CSV with a header mapped by --columns.",
            discussion: """
                Streams the file (constant memory) and shows progress. Each row is matched to existing customers by \
                its id and email (merging as webhooks do); a row that would change nothing is skipped as a duplicate, \
                so re-importing a file changes nothing and an interrupted import can simply be run again. Consent \
                columns are recorded in the consent history with the source "csv import". Rejected rows are listed \
                with their line number.
                """)

        @Argument(help: "The CSV file.") var file: String
        @Option(help: "shopify (Shopify's customers export) or generic.") var format: Format = .shopify
        @Option(help: "Write rejected rows (line, column, reason) to this file.") var rejections: String?
        @Option(
            help: ArgumentHelp(
                "generic: FIELD=Header pairs, comma-separated, for the columns not named like the field.",
                discussion: "Fields: \(GenericCustomerCSVMapping.fieldNames.joined(separator: ", ")).",
                valueName: "mapping"))
        var columns: String?

        func run() async throws {
            let customerFormat: CSVCustomerFormat
            switch format {
            case .shopify:
                guard columns == nil else { throw ValidationError("--columns applies to --format generic") }
                customerFormat = .shopifyCustomersExport
            case .generic:
                customerFormat = .generic(try Self.mapping(columns))
            }
            let rejectionFile = try rejections.map { try RejectionFile(path: $0) }
            defer { rejectionFile?.close() }
            let progress = TerminalProgress(file: file)
            let summary = try await RegularsRunner.importCustomers(
                path: file, format: customerFormat,
                progress: { rows, bytes in progress.report(rows: rows, bytesRead: bytes) },
                rejection: { rejectionFile?.write($0) })
            progress.finish()
            ImportReport.print(summary, rejectionsFile: rejections)
        }

        /// `customer_id=Client No,email=E-mail` over the default column names.
        static func mapping(_ text: String?) throws -> GenericCustomerCSVMapping {
            var mapping = GenericCustomerCSVMapping()
            for pair in (text ?? "").split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[1].isEmpty, mapping.set(parts[0], column: parts[1]) else {
                    throw ValidationError(
                        "--columns: '\(pair)' is not FIELD=Header with FIELD one of "
                            + GenericCustomerCSVMapping.fieldNames.joined(separator: ", "))
                }
            }
            return mapping
        }
    }
}
