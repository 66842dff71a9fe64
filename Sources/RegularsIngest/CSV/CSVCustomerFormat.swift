/// The layouts of customer CSV files the importer understands.
public enum CSVCustomerFormat: Sendable, Equatable {
    /// Shopify admin's Customers → Export: one row per customer.
    case shopifyCustomersExport
    /// Any file with a header, mapped column by column.
    case generic(GenericCustomerCSVMapping)
}
