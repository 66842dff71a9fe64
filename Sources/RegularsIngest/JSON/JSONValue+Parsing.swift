import Foundation

extension JSONValue {
    /// The deepest nesting of arrays and objects accepted, so a hostile body cannot exhaust the stack.
    public static let maximumDepth = 128

    /// Parses a complete JSON text (RFC 8259). Numbers are kept as literal text; strings must be valid UTF-8.
    /// Throws ``IngestError`` of kind ``IngestErrorKind/malformedBody`` naming the line and column at fault.
    public static func parse(_ bytes: some Collection<UInt8>) throws(IngestError) -> JSONValue {
        let array = Array(bytes)
        do {
            return try array.withUnsafeBufferPointer { buffer throws(IngestError) in
                var parser = JSONParser(buffer)
                return try parser.parseDocument()
            }
        }
    }

    /// Parses JSON from `Data`.
    public static func parse(data: Data) throws(IngestError) -> JSONValue {
        try parse([UInt8](data))
    }

    /// Parses JSON from a string.
    public static func parse(text: String) throws(IngestError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}
