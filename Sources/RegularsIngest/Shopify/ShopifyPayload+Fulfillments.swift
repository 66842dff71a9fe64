import Foundation

extension ShopifyPayload {
    /// Maps a fulfillments/create|update body: tracking numbers and URLs from the arrays (or the singular fields).
    public static func fulfillment(_ json: JSONValue, options: IngestOptions) throws(IngestError) -> IngestFulfillment {
        try fulfillment(JSONCursor(json), options: options)
    }

    static func fulfillment(_ root: JSONCursor, options: IngestOptions) throws(IngestError) -> IngestFulfillment {
        try root.object()
        let numbers = try strings(root["tracking_numbers"], orSingle: root["tracking_number"])
        let urls = try strings(root["tracking_urls"], orSingle: root["tracking_url"])
        var lineIDs: [String] = []
        for line in try root["line_items"].elements() {
            if let id = try optionalResourceID(line) { lineIDs.append(id) }
        }
        return IngestFulfillment(
            source: .shopify, externalID: try resourceID(root), orderExternalID: try root["order_id"].identifier(),
            status: try root["status"].string(), shipmentStatus: try root["shipment_status"].optionalString(),
            trackingNumbers: numbers, trackingURLs: urls, carrier: try root["tracking_company"].optionalString(),
            lineExternalIDs: lineIDs, createdAt: try root["created_at"].optionalDate(options),
            updatedAt: try root["updated_at"].date(options))
    }

    static func strings(_ array: JSONCursor, orSingle single: JSONCursor) throws(IngestError) -> [String] {
        var result: [String] = []
        for element in try array.elements() {
            if let text = try element.optionalString(), !result.contains(text) { result.append(text) }
        }
        if result.isEmpty, let text = try single.optionalString() { result.append(text) }
        return result
    }
}
