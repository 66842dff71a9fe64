/// A channel a customer can agree, or decline, to receive marketing on.
public enum ConsentChannel: String, CaseIterable, Sendable, Codable {
    case email
    case sms
    case whatsapp
}
