/// What a customer CSV import yields, one at a time: a customer (with its line) or a rejection.
public enum CSVCustomerItem: Sendable, Equatable {
    case customer(IngestCustomer, line: Int)
    case rejection(CSVRejection)
}
