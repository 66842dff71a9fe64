import Foundation

/// The fields of a posted `/loyalty` form by name, each trimmed; a checkbox is on when its field was sent.
struct LoyaltyFormFields: Sendable, Equatable {
    var values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    /// The field's text without surrounding spaces; empty when it was not sent.
    func text(_ name: String) -> String {
        values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// Whether a checkbox was ticked (browsers send "on"; a field not sent is off).
    func isOn(_ name: String) -> Bool {
        guard let value = values[name] else { return false }
        return value != "" && value != "off"
    }

    func has(_ name: String) -> Bool { values[name] != nil }
}
