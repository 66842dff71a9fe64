import Algorithms
import SQLKit

/// Which customer each identity and email belongs to, as one write transaction has read or written them, so a batch
/// of tracking calls resolves its customers with one look-up per identity source instead of one per call.
///
/// Only `CustomerWriter` changes identities inside the transaction, and it reports every change here (attached
/// identities, a new email, a merge); an entry it cannot vouch for any more is dropped, and is then read again.
final class IdentityCache {
    enum Lookup: Equatable {
        case unknown
        case absent
        case customer(Int64)
    }

    private var identities: [CustomerIdentity: Int64?] = [:]
    private var emails: [String: Int64?] = [:]

    /// Reads every given identity and email at once (one statement per identity source, one for the emails).
    func prefetch(_ wanted: [CustomerIdentity], emails wantedEmails: [String], on sql: any SQLDatabase) async throws {
        let bySource = Dictionary(grouping: wanted.filter { identities[$0] == nil }, by: \.source)
        for (source, group) in bySource {
            let values = Array(Set(group.map(\.externalID)))
            for chunk in values.chunks(ofCount: 500).map(Array.init) {
                struct Row: Decodable { var externalId: String; var customerId: Int64 }
                let rows = try await sql.raw(
                    """
                    SELECT external_id, customer_id FROM customer_identities
                    WHERE source = \(bind: source.rawValue) AND external_id IN (\(binds: chunk))
                    """
                ).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
                for value in chunk { identities[CustomerIdentity(source: source, externalID: value)] = .some(nil) }
                for row in rows {
                    identities[CustomerIdentity(source: source, externalID: row.externalId)] = row.customerId
                }
            }
        }
        let missing = Array(Set(wantedEmails.filter { emails[$0] == nil }))
        for chunk in missing.chunks(ofCount: 500).map(Array.init) {
            struct Row: Decodable { var id: Int64; var email: String }
            let rows = try await sql.raw("SELECT id, email FROM customers WHERE email IN (\(binds: chunk))")
                .all(decoding: Row.self)
            for value in chunk { emails[value] = .some(nil) }
            for row in rows { emails[row.email] = row.id }
        }
    }

    func lookup(_ identity: CustomerIdentity) -> Lookup {
        guard let entry = identities[identity] else { return .unknown }
        return entry.map(Lookup.customer) ?? .absent
    }

    func lookup(email: String) -> Lookup {
        guard let entry = emails[email] else { return .unknown }
        return entry.map(Lookup.customer) ?? .absent
    }

    /// `false` when resolving these could merge customers or needs a read: some entry is unknown, or the known ones
    /// belong to more than one customer.
    func resolvesWithoutMerge(_ wanted: [CustomerIdentity], email: String?) -> Bool {
        var found: Set<Int64> = []
        for lookup in wanted.map(lookup) + (email.map { [lookup(email: $0)] } ?? []) {
            switch lookup {
            case .unknown: return false
            case .absent: continue
            case .customer(let id): found.insert(id)
            }
        }
        return found.count <= 1
    }

    func record(_ identity: CustomerIdentity, customerID: Int64) { identities[identity] = customerID }

    func record(email: String, customerID: Int64) {
        // The customer's previous email no longer finds it.
        for (key, value) in emails where value == customerID { emails[key] = nil }
        emails[email] = customerID
    }

    /// `other`'s identities moved to `survivor`; both customers' emails are read again when next needed.
    func merged(_ other: Int64, into survivor: Int64) {
        for (key, value) in identities where value == other { identities[key] = survivor }
        for (key, value) in emails where value == other || value == survivor { emails[key] = nil }
    }
}
