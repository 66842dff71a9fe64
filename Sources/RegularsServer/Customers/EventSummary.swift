/// A one-line description of an event's properties for the timeline: the product, query or value it concerns.
enum EventSummary {
    static func describe(properties json: String) -> String? {
        guard let properties = JSONText.decode([String: JSONScalar].self, from: json) else { return nil }
        let keys = ["name", "query", "sku", "product_id", "order_id", "value", "price", "url"]
        let parts = keys.compactMap { key in properties[key].map { "\(key): \($0.text)" } }
        return parts.isEmpty ? nil : parts.prefix(3).joined(separator: ", ")
    }
}

/// A JSON value read for display: strings and numbers as text, anything nested summarised.
enum JSONScalar: Decodable {
    case text(String)
    case other

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            self = .text(string)
        } else if let number = try? container.decode(Double.self) {
            self = .text(number.rounded() == number ? String(Int64(number)) : String(number))
        } else if let flag = try? container.decode(Bool.self) {
            self = .text(String(flag))
        } else {
            self = .other
        }
    }

    var text: String {
        switch self {
        case .text(let value): value
        case .other: "…"
        }
    }
}
