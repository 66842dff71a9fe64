import Foundation

extension TransactionLog {
    /// Parses the CDNOW whitespace format, one purchase per line:
    /// `customer_id [id_in_full_data] yyyymmdd quantity amount` (4 or 5 columns). Blank lines are skipped; the
    /// quantity must be an integer and is otherwise ignored; `amount` is a decimal in major units, stored as
    /// minor units with `fractionDigits` digits (rounded half-even beyond that).
    /// - Throws: `TransactionLogParseError.malformedLines` listing every bad line with its number.
    public static func parseCDNOW(
        _ text: String, idColumn: CDNOWIDColumn = .first, fractionDigits: Int = 2
    ) throws(TransactionLogParseError) -> TransactionLog {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(TransactionLogParseError) in
            try parseCDNOW(bytes: UnsafeBufferPointer(buffer), idColumn: idColumn, fractionDigits: fractionDigits)
        }
    }

    public static func parseCDNOW(
        contentsOfFile path: String, idColumn: CDNOWIDColumn = .first, fractionDigits: Int = 2
    ) throws(TransactionLogParseError) -> TransactionLog {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let result = data.withUnsafeBytes { raw in
            Result { () throws(TransactionLogParseError) in
                try parseCDNOW(
                    bytes: raw.bindMemory(to: UInt8.self), idColumn: idColumn, fractionDigits: fractionDigits)
            }
        }
        return try result.get()
    }

    static func parseCDNOW(
        bytes: UnsafeBufferPointer<UInt8>, idColumn: CDNOWIDColumn, fractionDigits: Int
    ) throws(TransactionLogParseError) -> TransactionLog {
        var builder = TransactionLogBuilder()
        var issues = ParseIssueCollector()
        LineScanner.forEachLine(bytes) { line, number in
            let fields = LineScanner.whitespaceFields(line)
            if fields.isEmpty { return }
            guard fields.count == 4 || fields.count == 5 else {
                issues.add(line: number, "expected 4 or 5 columns, found \(fields.count)")
                return
            }
            let idField = fields.count == 5 && idColumn == .second ? fields[1] : fields[0]
            let rest = fields.count == 5 ? 2 : 1
            guard let id = LineScanner.integer(idField) else {
                issues.add(line: number, "customer id \"\(LineScanner.text(idField))\" is not an integer")
                return
            }
            guard fields[rest].count == 8, let day = EpochDay.parse(fields[rest]) else {
                issues.add(line: number, "date \"\(LineScanner.text(fields[rest]))\" is not a valid yyyymmdd date")
                return
            }
            guard LineScanner.integer(fields[rest + 1]) != nil else {
                issues.add(line: number, "quantity \"\(LineScanner.text(fields[rest + 1]))\" is not an integer")
                return
            }
            guard let amount = DecimalAmountParser.minorUnits(fields[rest + 2], fractionDigits: fractionDigits) else {
                issues.add(line: number, "amount \"\(LineScanner.text(fields[rest + 2]))\" is not a decimal number")
                return
            }
            builder.append(customerID: id, day: day, amountMinor: amount)
        }
        try issues.throwIfAny()
        return builder.build()
    }

    /// Parses a CSV file with a header line; `columns` names the customer id (integer), date and amount columns
    /// (other columns are ignored). Dates are `yyyy-MM-dd` or ISO-8601 date-times (see `timeZone`); amounts are
    /// decimal strings in major units, stored as minor units with `fractionDigits` digits.
    ///
    /// - Parameter timeZone: the zone whose calendar day a date-time with a zone designator falls on (default UTC).
    /// - Throws: `TransactionLogParseError` — a missing header or column, or malformed lines with their numbers.
    public static func parseCSV(
        _ text: String, columns: CSVColumns = CSVColumns(), separator: Character = ",", fractionDigits: Int = 2,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) throws(TransactionLogParseError) -> TransactionLog {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(TransactionLogParseError) in
            try parseCSV(
                bytes: UnsafeBufferPointer(buffer), columns: columns, separator: separator,
                fractionDigits: fractionDigits, timeZone: timeZone)
        }
    }

    public static func parseCSV(
        contentsOfFile path: String, columns: CSVColumns = CSVColumns(), separator: Character = ",",
        fractionDigits: Int = 2, timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) throws(TransactionLogParseError) -> TransactionLog {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let result = data.withUnsafeBytes { raw in
            Result { () throws(TransactionLogParseError) in
                try parseCSV(
                    bytes: raw.bindMemory(to: UInt8.self), columns: columns, separator: separator,
                    fractionDigits: fractionDigits, timeZone: timeZone)
            }
        }
        return try result.get()
    }

    static func parseCSV(
        bytes: UnsafeBufferPointer<UInt8>, columns: CSVColumns, separator: Character, fractionDigits: Int,
        timeZone: TimeZone
    ) throws(TransactionLogParseError) -> TransactionLog {
        let separatorByte = separator.asciiValue ?? UInt8(ascii: ",")
        let isUTC = timeZone.secondsFromGMT() == 0 && timeZone.nextDaylightSavingTimeTransition == nil
        var builder = TransactionLogBuilder()
        var issues = ParseIssueCollector()
        var header: [String]? = nil
        var positions: (id: Int, date: Int, amount: Int) = (0, 0, 0)
        var headerError: TransactionLogParseError? = nil
        LineScanner.forEachLine(bytes) { line, number in
            guard headerError == nil else { return }
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { return }
            guard let fields = LineScanner.csvFields(line, separator: separatorByte) else {
                issues.add(line: number, "unterminated quoted field")
                return
            }
            guard header != nil else {
                var names = fields.map { String(decoding: $0, as: UTF8.self) }
                if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
                header = names
                for name in [columns.customerID, columns.date, columns.amount] where !names.contains(name) {
                    headerError = .missingColumn(name)
                    return
                }
                positions = (
                    names.firstIndex(of: columns.customerID)!, names.firstIndex(of: columns.date)!,
                    names.firstIndex(of: columns.amount)!
                )
                return
            }
            guard fields.count >= max(positions.id, positions.date, positions.amount) + 1 else {
                issues.add(line: number, "expected \(header!.count) fields, found \(fields.count)")
                return
            }
            fields[positions.id].withUnsafeBufferPointer { idBytes in
                fields[positions.date].withUnsafeBufferPointer { dateBytes in
                    fields[positions.amount].withUnsafeBufferPointer { amountBytes in
                        guard let id = LineScanner.integer(idBytes[...]) else {
                            issues.add(
                                line: number, "customer id \"\(LineScanner.text(idBytes[...]))\" is not an integer")
                            return
                        }
                        guard let day = ISODateParser.day(dateBytes[...], timeZone: timeZone, isUTC: isUTC) else {
                            issues.add(
                                line: number,
                                "date \"\(LineScanner.text(dateBytes[...]))\" is not yyyy-MM-dd or an ISO-8601 date-time"
                            )
                            return
                        }
                        guard
                            let amount = DecimalAmountParser.minorUnits(
                                amountBytes[...], fractionDigits: fractionDigits)
                        else {
                            issues.add(
                                line: number, "amount \"\(LineScanner.text(amountBytes[...]))\" is not a decimal number"
                            )
                            return
                        }
                        builder.append(customerID: id, day: day, amountMinor: amount)
                    }
                }
            }
        }
        if let headerError { throw headerError }
        guard header != nil else { throw .missingHeader }
        try issues.throwIfAny()
        return builder.build()
    }
}
