extension TransactionLog {
    /// Writes the log as CSV (`customer_id,date,amount`; see `TransactionCSVWriter`).
    public func writeCSV(toFile path: String, fractionDigits: Int = 2) throws {
        let writer = try TransactionCSVWriter(path: path, fractionDigits: fractionDigits)
        try writer.write(self)
        try writer.close()
    }
}
