#!/usr/bin/env python3
"""Sends e-commerce tracking calls to a running Regulars with the official SDKs, as a store would.

Usage: send_tracking_calls.py segment|rudderstack BASE_URL WRITE_KEY ORDER_ID

identify + Product Viewed (anonymous, before identifying) + Order Completed + Order Refunded (partial), flushed
synchronously. RudderStack's SDK gzips its batches (gzip=True is its default; set explicitly here).
"""
import sys


def main():
    sdk, base, key, order_id = sys.argv[1:5]
    if sdk == "segment":
        import segment.analytics as analytics

        analytics.write_key = key
        analytics.host = base
    else:
        import rudderstack.analytics as analytics

        analytics.write_key = key
        analytics.dataPlaneUrl = base
        analytics.gzip = True
    failures = []
    analytics.on_error = lambda error, items: failures.append(str(error))
    analytics.sync_mode = True

    user, anonymous = f"{sdk}-user-1", f"{sdk}-anon-1"
    analytics.track(anonymous_id=anonymous, event="Product Viewed",
                    properties={"product_id": "tea-1", "sku": "TEA-1", "name": "Earl Grey", "price": 12.5})
    analytics.identify(user_id=user, anonymous_id=anonymous,
                       traits={"email": f"{sdk}.shopper@example.com", "firstName": "ليلى", "lastName": "حداد"})
    analytics.track(user_id=user, anonymous_id=anonymous, event="Order Completed", properties={
        "order_id": order_id, "total": 27.5, "revenue": 25, "shipping": 2.5, "tax": 0, "currency": "USD",
        "products": [{"product_id": "tea-1", "sku": "TEA-1", "name": "Earl Grey", "price": 12.5, "quantity": 2}],
    })
    analytics.track(user_id=user, event="Order Refunded", properties={
        "order_id": order_id, "refund_id": f"{order_id}-refund-1", "currency": "USD",
        "products": [{"product_id": "tea-1", "sku": "TEA-1", "name": "Earl Grey", "price": 12.5, "quantity": 1}],
    })
    analytics.flush()
    if failures:
        print("failures:", failures)
        sys.exit(1)
    print(f"{sdk}: sent")


if __name__ == "__main__":
    main()
