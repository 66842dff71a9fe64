/// The layouts of order CSV files the importer understands.
public enum CSVOrderFormat: Sendable, Equatable {
    /// Shopify admin's Orders → Export: one row per line item, order-level columns on each order's first row.
    case shopifyOrdersExport
    /// Any file with a header, mapped column by column.
    case generic(GenericCSVMapping)
}
