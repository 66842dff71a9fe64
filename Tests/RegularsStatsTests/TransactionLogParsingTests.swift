import Foundation
import RegularsStats
import Testing

@Suite struct TransactionLogParsingTests {
    @Test func cdnowFormatWithFourAndFiveColumns() throws {
        let text = """
             00004 0001 19970101  2   29.33
             00004 0001 19970118  2   29.73

            7 19970102 1 10.5
            """

        let log = try TransactionLog.parseCDNOW(text)
        let bySample = try TransactionLog.parseCDNOW(text, idColumn: .second)

        #expect(log.count == 3)
        #expect(log.customerIDs == [4, 7])
        #expect(
            log.days == [
                EpochDay("1997-01-01")!.rawValue, EpochDay("1997-01-18")!.rawValue, EpochDay("1997-01-02")!.rawValue,
            ])
        #expect(log.amountsMinor == [2933, 2973, 1050])
        #expect(bySample.customerIDs == [1, 7])
    }

    @Test func cdnowMalformedLinesAreReportedWithLineNumbers() {
        let text = """
            00004 0001 19970101 2 29.33
            00004 0001 19971301 2 29.33
            00004 0001 19970101
            00004 0001 19970101 two 29.33
            00004 0001 19970101 2 29,33
            x 19970101 2 29.33
            """

        let result = Result { () throws(TransactionLogParseError) in try TransactionLog.parseCDNOW(text) }

        guard case .failure(.malformedLines(let lines, let total)) = result else {
            Issue.record("expected malformed lines, got \(result)")
            return
        }
        #expect(total == 5)
        #expect(lines.map(\.line) == [2, 3, 4, 5, 6])
        #expect(lines[0].reason.contains("date"))
        #expect(lines[1].reason.contains("columns"))
        #expect(lines[2].reason.contains("quantity"))
        #expect(lines[3].reason.contains("amount"))
        #expect(lines[4].reason.contains("customer id"))
    }

    @Test func csvWithNamedColumnsDatesAndDateTimes() throws {
        let text = """
            order,amount,when,customer\r
            1,"1,234.50",2024-03-05,42\r
            2,10,2024-03-05T23:30:00-02:00,42\r
            3,0.005,2024-03-06T01:00:00Z,7\r
            4,-2.5,2024-03-06 08:15,7\r
            """
        let columns = CSVColumns(customerID: "customer", date: "when", amount: "amount")

        let utc = Result { () throws(TransactionLogParseError) in try TransactionLog.parseCSV(text, columns: columns) }
        let log = try TransactionLog.parseCSV(
            text.replacingOccurrences(of: "\"1,234.50\"", with: "1234.50"), columns: columns)
        let berlin = try TransactionLog.parseCSV(
            text.replacingOccurrences(of: "\"1,234.50\"", with: "1234.50"), columns: columns,
            timeZone: TimeZone(identifier: "Europe/Berlin")!)

        // "1,234.50" is quoted correctly but is not a plain decimal.
        guard case .failure(.malformedLines(let lines, _)) = utc else {
            Issue.record("expected a malformed amount")
            return
        }
        #expect(lines.map(\.line) == [2])
        #expect(log.customerIDs == [42, 7])
        #expect(log.amountsMinor == [123_450, 1000, 0, -250])  // 0.005 rounds half-even to 0
        #expect(
            log.days.map { EpochDay(rawValue: $0).description } == [
                "2024-03-05", "2024-03-06", "2024-03-06", "2024-03-06",
            ])
        #expect(
            berlin.days.map { EpochDay(rawValue: $0).description } == [
                "2024-03-05", "2024-03-06", "2024-03-06", "2024-03-06",
            ])
    }

    @Test func csvHeaderProblems() {
        let missing = Result { () throws(TransactionLogParseError) in
            try TransactionLog.parseCSV("customer_id,date\n1,2024-01-01\n")
        }
        let empty = Result { () throws(TransactionLogParseError) in try TransactionLog.parseCSV("\n\n") }
        let bad = Result { () throws(TransactionLogParseError) in
            try TransactionLog.parseCSV("customer_id,date,amount\n1,2024-02-30,5\n1,2024-01-01\n\"1,2024-01-01,5\n")
        }

        #expect(throws: TransactionLogParseError.missingColumn("amount")) { try missing.get() }
        #expect(throws: TransactionLogParseError.missingHeader) { try empty.get() }
        guard case .failure(.malformedLines(let lines, let total)) = bad else {
            Issue.record("expected malformed lines")
            return
        }
        #expect(total == 3)
        #expect(lines.map(\.line) == [2, 3, 4])
    }

    @Test func csvRoundTripThroughTheWriter() throws {
        let log = SyntheticTransactionGenerator.generate(SyntheticDataConfiguration(customers: 200, seed: 7))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regulars-stats-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }

        try log.writeCSV(toFile: path)
        let parsed = try TransactionLog.parseCSV(contentsOfFile: path)

        #expect(parsed == log)
    }
}
