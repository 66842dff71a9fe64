import ArgumentParser
import Foundation
import RegularsStats

struct Clv: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Customer lifetime value models, without a server or database.", subcommands: [Fit.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case cdnow
        case csv
    }

    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fit BG/NBD, Pareto/NBD and Gamma-Gamma to a transaction log.",
            discussion: """
                Conventions of the literature: several purchases of one customer on one day are one transaction; time \
                is in weeks (days / 7); T runs from a customer's first purchase to the calibration end (default: the \
                last date in the file), and later transactions are left out of the fit (they are the holdout). \
                Gamma-Gamma uses the mean value of repeat transactions of customers with at least one repeat.
                """)

        @Argument(help: "The transaction log.") var file: String
        @Option(
            help:
                "cdnow: whitespace-separated `customer_id [id_in_full_data] yyyymmdd quantity amount`; csv: a header row."
        )
        var format: Format = .csv
        @Option(help: "Last day of the calibration period (YYYY-MM-DD).") var calibrationEnd: String?
        @Option(help: "CSV column holding the customer id.") var customerColumn = "customer_id"
        @Option(help: "CSV column holding the date (YYYY-MM-DD or ISO 8601 date-time).") var dateColumn = "date"
        @Option(help: "CSV column holding the amount (a decimal in major units).") var amountColumn = "amount"
        @Flag(help: "Print the fit as JSON.") var json = false

        func run() throws {
            let end = try calibrationEnd.map { text in
                guard let day = EpochDay(text) else { throw ValidationError("--calibration-end must be YYYY-MM-DD") }
                return day
            }
            let log: TransactionLog
            switch format {
            case .cdnow: log = try TransactionLog.parseCDNOW(contentsOfFile: file)
            case .csv:
                log = try TransactionLog.parseCSV(
                    contentsOfFile: file,
                    columns: CSVColumns(customerID: customerColumn, date: dateColumn, amount: amountColumn))
            }
            let report = try CLVFitReport.fit(CustomerSummaries(log: log, calibrationEnd: end))
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(report.textTable())
            }
        }
    }
}
