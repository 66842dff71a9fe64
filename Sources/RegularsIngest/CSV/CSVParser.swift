/// An incremental RFC 4180 parser: feed it byte chunks of any size and it emits records as they complete,
/// holding only the record being read. Handles quoted fields with delimiters, doubled quotes and embedded
/// newlines; CRLF, LF and lone CR line ends; a UTF-8 byte order mark; blank lines (skipped). Bare quotes inside
/// an unquoted field are kept literally. Records longer than `maximumRecordBytes` are truncated and flagged, so a
/// stray quote cannot make memory grow with the file.
public struct CSVParser: Sendable {
    public let delimiter: UInt8
    public let maximumRecordBytes: Int

    enum State: Sendable {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
    }

    var state = State.fieldStart
    var field: [UInt8] = []
    var fields: [String] = []
    var recordBytes = 0
    var recordActive = false
    var recordLine = 1
    var line = 1
    var pendingCR = false
    var problem: String?
    var truncated = false
    var bomBytesMatched = 0
    var pastStart = false

    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(delimiter: UInt8 = UInt8(ascii: ","), maximumRecordBytes: Int = 1 << 20) {
        self.delimiter = delimiter
        self.maximumRecordBytes = maximumRecordBytes
        field.reserveCapacity(256)
    }

    /// Feeds the next chunk; `emit` receives every record completed by it.
    public mutating func parse(_ chunk: UnsafeRawBufferPointer, _ emit: (CSVRecord) throws -> Void) rethrows {
        for byte in chunk {
            if !pastStart {
                if byte == Self.byteOrderMark[bomBytesMatched] {
                    bomBytesMatched += 1
                    if bomBytesMatched == Self.byteOrderMark.count { pastStart = true }
                    continue
                }
                pastStart = true
                for replayed in Self.byteOrderMark.prefix(bomBytesMatched) { try consume(replayed, emit) }
            }
            try consume(byte, emit)
        }
    }

    /// Feeds bytes from any collection (convenient for tests and small inputs).
    public mutating func parse(_ bytes: [UInt8], _ emit: (CSVRecord) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { buffer in try parse(buffer, emit) }
    }

    /// Ends the input: emits the last record when the file does not end with a newline.
    public mutating func finish(_ emit: (CSVRecord) throws -> Void) rethrows {
        if state == .quoted { problem = problem ?? "unterminated quoted field" }
        if recordActive || !field.isEmpty || !fields.isEmpty {
            endField()
            try endRecord(emit)
        }
        state = .fieldStart
    }

    @inline(__always)
    mutating func consume(_ byte: UInt8, _ emit: (CSVRecord) throws -> Void) rethrows {
        if pendingCR {
            pendingCR = false
            if byte == Self.lineFeed {
                if state == .quoted { append(byte) }
                return
            }
        }
        switch state {
        case .quoted:
            if byte == Self.quote {
                state = .quoteInQuoted
            } else {
                if byte == Self.lineFeed {
                    line += 1
                } else if byte == Self.carriageReturn {
                    line += 1
                    pendingCR = true
                }
                append(byte)
            }
        case .quoteInQuoted:
            if byte == Self.quote {
                append(byte)
                state = .quoted
            } else if byte == delimiter {
                endField()
                state = .fieldStart
            } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                try endLine(byte, emit)
            } else {
                problem = problem ?? "text after a closing quote"
                append(byte)
                state = .unquoted
            }
        case .fieldStart, .unquoted:
            if byte == delimiter {
                startRecordIfNeeded()
                endField()
                state = .fieldStart
            } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                if recordActive {
                    try endLine(byte, emit)
                } else {
                    line += 1
                    pendingCR = byte == Self.carriageReturn
                }
            } else if byte == Self.quote, state == .fieldStart {
                startRecordIfNeeded()
                state = .quoted
            } else {
                startRecordIfNeeded()
                append(byte)
                state = .unquoted
            }
        }
    }

    @inline(__always)
    mutating func startRecordIfNeeded() {
        if !recordActive {
            recordActive = true
            recordLine = line
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        recordBytes += 1
        if recordBytes <= maximumRecordBytes {
            field.append(byte)
        } else {
            problem = problem ?? "record longer than \(maximumRecordBytes) bytes"
        }
    }

    mutating func endField() {
        recordBytes += 1
        if recordBytes > maximumRecordBytes {
            problem = problem ?? "record longer than \(maximumRecordBytes) bytes"
            // Keep the field that crossed the limit (truncated); drop any after it, so field count is bounded too.
            guard !truncated else {
                field.removeAll(keepingCapacity: true)
                return
            }
            truncated = true
        }
        if let text = String(validating: field, as: UTF8.self) {
            fields.append(text)
        } else {
            problem = problem ?? "field \(fields.count + 1) is not valid UTF-8"
            fields.append(String(decoding: field, as: UTF8.self))
        }
        field.removeAll(keepingCapacity: true)
    }

    mutating func endLine(_ byte: UInt8, _ emit: (CSVRecord) throws -> Void) rethrows {
        endField()
        try endRecord(emit)
        line += 1
        pendingCR = byte == Self.carriageReturn
        state = .fieldStart
    }

    mutating func endRecord(_ emit: (CSVRecord) throws -> Void) rethrows {
        let record = CSVRecord(fields: fields, line: recordLine, problem: problem)
        fields.removeAll(keepingCapacity: true)
        recordBytes = 0
        recordActive = false
        problem = nil
        truncated = false
        try emit(record)
    }
}
