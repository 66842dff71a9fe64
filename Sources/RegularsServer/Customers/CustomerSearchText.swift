import RegularsCore

/// The lower-cased text a customer search matches: names in both orders and any script, email and phone.
enum CustomerSearchText {
    static func make(firstName: String?, lastName: String?, email: String?, phone: String?) -> String {
        let first = firstName ?? ""
        let last = lastName ?? ""
        let parts = [
            PersonName.display(first: first, last: last), "\(last) \(first)", "\(last)\(first)", email ?? "",
            phone ?? "",
        ]
        return parts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: " | ").lowercased()
    }
}
