# Checkout, order confirmation, test payment, invoice and order details.

## Checkout page
checkout-title = Checkout
checkout-contact = Contact
checkout-signed-in-as = Signed in as { $email }
checkout-email = Email
checkout-have-account = Have an account?
checkout-sign-in = Sign in
checkout-shipping-address = Shipping address
checkout-saved-addresses = Saved addresses
checkout-new-address = Enter a new address
checkout-full-name = Full name
checkout-line1 = Street address
checkout-line2 = Apartment, suite, etc.
checkout-city = Town or city
checkout-region = State, province or region
checkout-postcode = Postcode
checkout-country = Country
checkout-phone = Phone
checkout-loading = Loading…
checkout-back-to-cart = Back to your cart
checkout-ships-free-from = free from { $amount }
checkout-shipping-method = Shipping method
checkout-your-order = Your order
checkout-promo-code = Promo code
checkout-apply = Apply
checkout-promo-applied = Code { $code } applied.
checkout-promo-minimum = Spend { $amount } or more to use { $code }.
checkout-discount = Discount
checkout-gift-card = Gift card ••••{ $last4 }
checkout-store-credit = Store credit
checkout-to-pay-by-card = To pay by card
checkout-placing-order = Placing your order…
checkout-place-order = Place order
checkout-place-order-and-pay = Place order and pay
checkout-gift-card-code = Gift card code
checkout-use-gift-card = Use
checkout-gift-card-left = Gift card ••••{ $last4 } ({ $balance } left)
checkout-remove-gift-card = Remove
checkout-use-store-credit = Use my store credit ({ $amount })

## Totals (checkout and order details)
checkout-subtotal = Subtotal
checkout-shipping = Shipping
checkout-tax-included = Tax included
checkout-tax = Tax
checkout-total = Total
checkout-order-discount = Discount { $code }
checkout-order-shipping = Shipping ({ $method })
checkout-paid-with = Paid with { $method }
checkout-refunded = Refunded

## Order confirmation
checkout-thank-you-title = Thank you
checkout-waiting-for-payment = Waiting for your payment to be confirmed…
checkout-thank-you = Thank you for your order!
checkout-confirmation-sent = A confirmation is on its way to { $email }.

## Test payment (offline gateway)
checkout-test-payment = Test payment
checkout-test-payment-note = This shop takes no real payments: this page stands in for the payment provider.
checkout-order = Order
checkout-order-for = for { $email }
checkout-approve-payment = Approve payment
checkout-decline-payment = Decline
checkout-payment-settled = This payment has already been settled.

## Invoice
checkout-invoice = Invoice
checkout-invoice-order = Order { $number }
checkout-invoice-date = Date { $date }
checkout-bill-to = Bill to
checkout-col-item = Item
checkout-col-sku = SKU
checkout-col-qty = Qty
checkout-col-unit = Unit
checkout-col-amount = Amount
checkout-col-price = Price
checkout-print = Print
checkout-invoice-unavailable = The invoice is available once the order is paid.

## Order details
checkout-order-placed = placed { $date }
checkout-line-shipped = { $count } shipped
checkout-shipping-to = Shipping to
checkout-history = History
checkout-printable-invoice = Printable invoice
checkout-shipments = Shipments
checkout-tracking-number = Tracking number:
