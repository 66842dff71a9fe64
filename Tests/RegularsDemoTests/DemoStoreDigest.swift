import Foundation
import RegularsDemo

/// A stable 64-bit FNV-1a fingerprint of every field of a ``DemoStore`` (dictionary entries in key order, dates by
/// their bit pattern), used to compare generated stores across runs and platforms.
struct DemoStoreDigest {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    static func of(_ store: DemoStore) -> UInt64 {
        var digest = DemoStoreDigest()
        digest.add(store.name, store.domain, store.currency, store.timeZone)
        for product in store.products {
            digest.add(product.externalID, product.title, product.handle, product.category)
            for variant in product.variants {
                digest.add(variant.externalID, variant.sku, variant.title)
                digest.add(variant.priceMinor)
            }
        }
        for customer in store.customers {
            digest.add(customer.externalID, customer.email, customer.phone ?? "<nil>", customer.firstName)
            digest.add(customer.lastName, customer.locale, customer.timeZone, customer.countryCode)
            digest.add(
                Int64(customer.birthMonth ?? -1), Int64(customer.birthDay ?? -1), Int64(customer.birthYear ?? -1))
            digest.add(customer.createdAt)
            digest.add(customer.emailConsent, customer.smsConsent, customer.whatsappConsent)
            digest.add(customer.tags.joined(separator: ","), customer.referralCode)
        }
        for order in store.orders {
            digest.add(order.externalID, order.currency, order.financialStatus, order.fulfillmentStatus)
            digest.add(Int64(order.number), Int64(order.customerIndex))
            digest.add(order.placedAt)
            for line in order.lines {
                digest.add(Int64(line.productIndex), Int64(line.variantIndex), Int64(line.quantity))
                digest.add(line.unitPriceMinor, line.discountMinor)
            }
            digest.add(order.subtotalMinor, order.discountMinor, order.shippingMinor, order.taxMinor, order.totalMinor)
            digest.add(order.discountCodes.joined(separator: ","), order.landingSite ?? "<nil>")
            digest.add(order.referringSite ?? "<nil>")
        }
        for refund in store.refunds {
            digest.add(refund.externalID, refund.reason)
            digest.add(Int64(refund.orderIndex), refund.amountMinor)
            digest.add(refund.createdAt)
            for line in refund.lines {
                digest.add(Int64(line.lineIndex), Int64(line.quantity), line.amountMinor)
            }
        }
        for checkout in store.checkouts {
            digest.add(checkout.token, checkout.recoveryURL)
            digest.add(Int64(checkout.customerIndex), checkout.valueMinor, Int64(checkout.orderIndex ?? -1))
            digest.add(checkout.createdAt)
            digest.add(checkout.completedAt ?? .distantPast)
        }
        for event in store.events {
            digest.add(event.messageID, event.type)
            digest.add(Int64(event.customerIndex))
            digest.add(event.occurredAt)
            for key in event.properties.keys.sorted() {
                digest.add(key, event.properties[key] ?? "")
            }
        }
        return digest.value
    }

    private mutating func add(_ texts: String...) {
        for text in texts {
            for byte in text.utf8 { mix(byte) }
            mix(0xFF)  // Separator that never occurs in UTF-8.
        }
    }

    private mutating func add(_ numbers: Int64...) {
        for number in numbers {
            var bits = UInt64(bitPattern: number)
            for _ in 0..<8 {
                mix(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
    }

    private mutating func add(_ flags: Bool...) {
        for flag in flags { mix(flag ? 1 : 0) }
    }

    private mutating func add(_ date: Date) {
        add(Int64(bitPattern: date.timeIntervalSince1970.bitPattern))
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
