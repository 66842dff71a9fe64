import Foundation

/// Column positions by header name (case-insensitive, trimmed).
struct CSVHeader {
    let positions: [String: Int]

    init(_ fields: [String]) {
        var positions: [String: Int] = [:]
        for (index, name) in fields.enumerated() {
            let key = Self.key(name)
            if positions[key] == nil { positions[key] = index }
        }
        self.positions = positions
    }

    static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    func index(_ name: String) -> Int? { positions[Self.key(name)] }

    /// The column's position, or an error naming the missing column.
    func require(_ name: String) throws(IngestError) -> Int {
        guard let index = index(name) else {
            throw IngestError(.missingField, field: name, reason: "the header has no '\(name)' column")
        }
        return index
    }
}
