import Foundation

/// Writes transactions as CSV with header `customer_id,date,amount`: the external customer id, the day as
/// `yyyy-MM-dd` and the amount as a decimal in major units with `fractionDigits` digits (e.g. `12.34`). Logs can be
/// written in several chunks; call `close()` at the end.
public struct TransactionCSVWriter: Sendable {
    private let handle: FileHandle
    public let fractionDigits: Int

    /// Creates (or truncates) the file and writes the header.
    public init(path: String, fractionDigits: Int = 2) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        self.handle = handle
        self.fractionDigits = fractionDigits
        try handle.write(contentsOf: Array("customer_id,date,amount\n".utf8))
    }

    public func write(_ log: TransactionLog) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        var divisor: UInt64 = 1
        for _ in 0..<fractionDigits { divisor *= 10 }
        func appendInteger(_ value: UInt64, minimumDigits: Int = 1) {
            var digits: [UInt8] = []
            var v = value
            repeat {
                digits.append(UInt8(48 + v % 10))
                v /= 10
            } while v > 0
            while digits.count < minimumDigits { digits.append(48) }
            buffer.append(contentsOf: digits.reversed())
        }
        for i in 0..<log.count {
            let id = log.customerIDs[Int(log.customerIndex[i])]
            if id < 0 { buffer.append(45) }
            appendInteger(id.magnitude)
            buffer.append(44)
            let (year, month, day) = EpochDay(rawValue: log.days[i]).components
            appendInteger(UInt64(max(0, year)), minimumDigits: 4)
            buffer.append(45)
            appendInteger(UInt64(month), minimumDigits: 2)
            buffer.append(45)
            appendInteger(UInt64(day), minimumDigits: 2)
            buffer.append(44)
            let amount = log.amountsMinor[i]
            if amount < 0 { buffer.append(45) }
            appendInteger(amount.magnitude / divisor)
            if fractionDigits > 0 {
                buffer.append(46)
                appendInteger(amount.magnitude % divisor, minimumDigits: fractionDigits)
            }
            buffer.append(10)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    public func close() throws {
        try handle.close()
    }
}
