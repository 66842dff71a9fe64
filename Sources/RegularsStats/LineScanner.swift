/// Splits UTF-8 bytes into lines (LF or CRLF) and lines into fields, without copying.
enum LineScanner {
    /// Calls `body` with each line (without its terminator) and its 1-based number.
    static func forEachLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ line: Slice<UnsafeBufferPointer<UInt8>>, _ number: Int) -> Void
    ) {
        var start = 0
        var number = 0
        let n = bytes.count
        while start < n {
            var end = start
            while end < n, bytes[end] != 10 { end += 1 }
            number += 1
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
            body(bytes[start..<lineEnd], number)
            start = end + 1
        }
    }

    /// Fields separated by runs of spaces or tabs.
    static func whitespaceFields(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        var fields: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var index = line.startIndex
        while index < line.endIndex {
            while index < line.endIndex, line[index] == 32 || line[index] == 9 { index += 1 }
            guard index < line.endIndex else { break }
            let start = index
            while index < line.endIndex, line[index] != 32, line[index] != 9 { index += 1 }
            fields.append(line.base[start..<index])
        }
        return fields
    }

    /// RFC 4180 fields: separated by `separator`; a field in double quotes may contain separators and `""` for a
    /// quote. Returns the unquoted field bytes, or `nil` for an unterminated quote.
    static func csvFields(_ line: Slice<UnsafeBufferPointer<UInt8>>, separator: UInt8) -> [[UInt8]]? {
        var fields: [[UInt8]] = []
        var index = line.startIndex
        let end = line.endIndex
        while true {
            var field: [UInt8] = []
            if index < end, line[index] == 34 {
                index += 1
                var closed = false
                while index < end {
                    if line[index] == 34 {
                        if index + 1 < end, line[index + 1] == 34 {
                            field.append(34)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    field.append(line[index])
                    index += 1
                }
                guard closed else { return nil }
                while index < end, line[index] != separator { index += 1 }
            } else {
                while index < end, line[index] != separator {
                    field.append(line[index])
                    index += 1
                }
            }
            fields.append(trimmed(field))
            if index >= end { break }
            index += 1  // separator
        }
        return fields
    }

    private static func trimmed(_ field: [UInt8]) -> [UInt8] {
        var start = 0
        var end = field.count
        while start < end, field[start] == 32 || field[start] == 9 { start += 1 }
        while end > start, field[end - 1] == 32 || field[end - 1] == 9 { end -= 1 }
        return start == 0 && end == field.count ? field : Array(field[start..<end])
    }

    static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int64? {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { return nil }
        var negative = false
        if bytes[index] == 45 || bytes[index] == 43 {
            negative = bytes[index] == 45
            index += 1
        }
        guard index < bytes.endIndex else { return nil }
        var value: Int64 = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(byte - 48))
            guard !o1, !o2 else { return nil }
            value = a
            index += 1
        }
        return negative ? -value : value
    }

    static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
