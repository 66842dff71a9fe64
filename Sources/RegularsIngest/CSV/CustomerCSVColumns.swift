import Foundation
import RegularsCore

/// Where a customer file's values are, by position, with the column names used in rejections; one row becomes one
/// ``IngestCustomer``. Both the Shopify export and the generic format resolve to this.
struct CustomerCSVColumns {
    /// A value's position and the header name it was found under.
    struct Column {
        let index: Int
        let name: String
    }

    let identitySource: IdentitySource
    var id: Column?
    var email: Column?
    var phone: Column?
    var firstName: Column?
    var lastName: Column?
    var birthday: Column?
    var locale: Column?
    var timeZone: Column?
    var tags: Column?
    var emailConsent: Column?
    var smsConsent: Column?
    var company: Column?
    var address1: Column?
    var address2: Column?
    var city: Column?
    var province: Column?
    var country: Column?
    var zip: Column?

    init(identitySource: IdentitySource) {
        self.identitySource = identitySource
    }

    /// Shopify's customers export: `Customer ID` (older exports: `ID`), `First Name`, `Last Name`, `Email` (required
    /// column, may be blank), `Accepts Email Marketing` (older: `Accepts Marketing`), `Phone`, `Accepts SMS
    /// Marketing`, `Tags` and the `Default Address …` columns (older: `Address1`, `City`, …). `Total Spent`, `Total
    /// Orders`, `Note` and `Tax Exempt` are not imported: order history comes from orders.
    static func shopify(_ header: CSVHeader) throws(IngestError) -> CustomerCSVColumns {
        func column(_ names: String...) -> Column? {
            for name in names { if let index = header.index(name) { return Column(index: index, name: name) } }
            return nil
        }
        var columns = CustomerCSVColumns(identitySource: .shopify)
        columns.email = Column(index: try header.require("Email"), name: "Email")
        columns.id = column("Customer ID", "ID")
        columns.firstName = column("First Name")
        columns.lastName = column("Last Name")
        columns.phone = column("Phone")
        columns.emailConsent = column("Accepts Email Marketing", "Accepts Marketing")
        columns.smsConsent = column("Accepts SMS Marketing")
        columns.tags = column("Tags")
        columns.locale = column("Language", "Locale")
        columns.company = column("Default Address Company", "Company")
        columns.address1 = column("Default Address Address1", "Address1")
        columns.address2 = column("Default Address Address2", "Address2")
        columns.city = column("Default Address City", "City")
        columns.province = column("Default Address Province Code", "Province Code")
        columns.country = column("Default Address Country Code", "Country Code")
        columns.zip = column("Default Address Zip", "Zip")
        return columns
    }

    /// A generic file: the mapping's columns that the header has; it must have the customer id or the email column.
    static func generic(_ header: CSVHeader, mapping: GenericCustomerCSVMapping) throws(IngestError)
        -> CustomerCSVColumns
    {
        func column(_ name: String) -> Column? { header.index(name).map { Column(index: $0, name: name) } }
        var columns = CustomerCSVColumns(identitySource: .csv)
        columns.id = column(mapping.customerID)
        columns.email = column(mapping.email)
        guard columns.id != nil || columns.email != nil else {
            throw IngestError(
                .missingField, field: mapping.customerID,
                reason: "the header has neither a '\(mapping.customerID)' nor an '\(mapping.email)' column")
        }
        columns.phone = column(mapping.phone)
        columns.firstName = column(mapping.firstName)
        columns.lastName = column(mapping.lastName)
        columns.birthday = column(mapping.birthday)
        columns.locale = column(mapping.locale)
        columns.timeZone = column(mapping.timeZone)
        columns.tags = column(mapping.tags)
        columns.emailConsent = column(mapping.emailConsent)
        columns.smsConsent = column(mapping.smsConsent)
        return columns
    }

    /// The row's text in `column`, trimmed, without the leading apostrophe spreadsheets and Shopify's export put
    /// before long numbers (`'7426375557354`), `nil` when blank.
    func text(_ row: CSVRow, _ column: Column?) -> String? {
        guard var value = row.text(column?.index) else { return nil }
        if value.hasPrefix("'") { value.removeFirst() }
        value = ASCIITrim.spaces(value)
        return value.isEmpty ? nil : value
    }

    /// The customer on `row`, or a rejection naming its line, column and reason. Consent columns become consent
    /// decisions at `options.now` (the files carry no decision time); phones not in international form are dropped,
    /// as elsewhere in ingestion.
    func customer(_ row: CSVRow, options: IngestOptions) throws(CSVRejection) -> IngestCustomer {
        let id = text(row, id)
        var email: EmailAddress?
        if let text = text(row, self.email) {
            guard let address = EmailAddress(text) else {
                throw row.reject(self.email?.name, "'\(text)' is not an email address")
            }
            email = address
        }
        guard id != nil || email != nil else {
            throw row.reject((self.id ?? self.email)?.name, "the row has neither a customer id nor an email")
        }
        var identities: [IngestIdentity] = []
        if let id { identities.append(IngestIdentity(identitySource, id)) }
        if let email { identities.append(IngestIdentity(.email, email.value)) }
        var birthday: Birthday?
        if let text = text(row, self.birthday) {
            guard let parsed = Birthday(parsing: text) else {
                throw row.reject(self.birthday?.name, "'\(text)' is not a birthday (YYYY-MM-DD or MM-DD)")
            }
            birthday = parsed
        }
        var timeZone: String?
        if let text = text(row, self.timeZone) {
            guard TimeZone(identifier: text) != nil, text.contains("/") || text == "UTC" else {
                throw row.reject(self.timeZone?.name, "'\(text)' is not an IANA time zone such as Europe/London")
            }
            timeZone = text
        }
        var consents: [IngestConsent] = []
        for (channel, column) in [(ConsentChannel.email, emailConsent), (.sms, smsConsent)] {
            guard let text = text(row, column) else { continue }
            guard let granted = Self.consent(text) else {
                throw row.reject(column?.name, "'\(text)' is not yes or no")
            }
            consents.append(
                IngestConsent(
                    channel: channel, granted: granted, at: options.now, source: .csv, sourceState: text.lowercased()))
        }
        let tags = (text(row, self.tags) ?? "").split(separator: ",").map { ASCIITrim.spaces(String($0)) }
            .filter { !$0.isEmpty }
        let address = IngestAddress(
            name: text(row, company), line1: text(row, address1), line2: text(row, address2), city: text(row, city),
            region: text(row, province), postalCode: text(row, zip), countryCode: text(row, country)?.uppercased())
        return IngestCustomer(
            identities: identities, email: email, phone: text(row, phone).flatMap(PhoneNumber.init),
            firstName: text(row, firstName), lastName: text(row, lastName), birthday: birthday,
            locale: text(row, locale), timeZoneIdentifier: timeZone, tags: tags, consents: consents,
            address: address.isEmpty ? nil : address)
    }

    /// yes/no in the spellings exports use; `nil` for anything else.
    static func consent(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "subscribed", "granted", "opted_in": true
        case "no", "n", "false", "0", "unsubscribed", "not_subscribed", "withdrawn", "opted_out": false
        default: nil
        }
    }
}
