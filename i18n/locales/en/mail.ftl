# Mails (domain/src/mail/templates/ and the subjects in templates.rs).
mail-order-confirmation-thanks = Thank you for your order { $number }. We have received your payment and will let you know when it ships.
mail-view-order = View your order

# Shared by every mail: the footer (layout), and the order table
# (order_lines, also the cart reminder's subtotal).
mail-footer = You are receiving this email because of activity on your { $shop } account.
# The line's SKU: "M / Navy · SKU ROWAN-M" and "(M / Navy, SKU ROWAN-M)".
mail-lines-sku = SKU { $sku }
mail-lines-subtotal = Subtotal
# Followed by the promotion code in brackets, when there is one.
mail-lines-discount = Discount
# Followed by the shipping method in brackets.
mail-lines-shipping = Shipping
mail-lines-tax-included = Tax included
mail-lines-tax = Tax
mail-lines-total = Total

## Subjects (templates.rs), one per mail kind.
mail-subject-verify-email = Confirm your email for { $shop }
mail-subject-welcome = Welcome to { $shop }
mail-subject-account-exists = Someone tried to create a { $shop } account with your email
mail-subject-password-reset = Reset your { $shop } password
mail-subject-password-changed = Your { $shop } password was changed
mail-subject-two-factor-changed = Two-factor authentication changed on your { $shop } account
mail-subject-sign-in-changed = How you sign in to { $shop } changed
mail-subject-privacy-request = Confirm your data request at { $shop }
mail-subject-account-deleted = Your { $shop } account has been deleted
mail-subject-order-confirmation = Your { $shop } order { $number } is confirmed
mail-subject-payment-failed = Payment for your { $shop } order { $number } didn't go through
mail-subject-order-shipped = Your { $shop } order { $number } is on its way
mail-subject-order-cancelled = Your { $shop } order { $number } has been cancelled
mail-subject-order-refunded = A refund for your { $shop } order { $number }
mail-subject-staff-invite = You're invited to help run { $shop }
mail-subject-review-request = How is your { $shop } order { $number }?
mail-subject-wishlist-back-in-stock = { $title } is back in stock at { $shop }
mail-subject-wishlist-price-drop = { $title } is now { $price } at { $shop }
mail-subject-webhook-disabled = A { $shop } webhook endpoint was turned off
# $available: how many are left (a number).
mail-subject-low-stock = Low stock: { $sku } has { $available } left in { $warehouse }
mail-subject-cart-reminder = Your { $shop } cart is waiting
# $number: the return's number.
mail-subject-return-approved = Your { $shop } return { $number } is approved: how to send it
mail-subject-return-rejected = About your { $shop } return { $number }
# Gift card from a named sender, and without one.
mail-subject-gift-card-from = { $sender } sent you a { $shop } gift card
mail-subject-gift-card = Here is a { $shop } gift card

## payment_failed
mail-payment-failed-intro = We couldn't take the payment for order { $number }, so it has been cancelled and nothing was charged.
# Followed by a link: "try again" in HTML, the address in plain text.
mail-payment-failed-cart = Your items are still in your cart:
mail-payment-failed-try-again = try again

## order_shipped
# Everything shipped at once.
mail-order-shipped-all = Good news: order { $number } is on its way.
# The last parcel of an order sent in several.
mail-order-shipped-rest = Good news: the rest of order { $number } is on its way.
# A first or middle parcel.
mail-order-shipped-part = Good news: part of order { $number } is on its way; we will write again when the rest ships.
mail-order-shipped-carrier = Carrier: { $carrier }
# Followed by the tracking number.
mail-order-shipped-tracking-number = Tracking number:
# Followed by the carrier's tracking address (plain-text mail).
mail-order-shipped-track-it = Track it:
# Followed by the list of what the parcel holds.
mail-order-shipped-parcel = In this parcel:

## order_cancelled
mail-order-cancelled-intro = Order { $number } has been cancelled.
mail-order-cancelled-refund = If you were charged, the money is being refunded to your original payment method.

## order_refunded
# $amount: the total refunded so far.
mail-order-refunded-intro = We have refunded { $amount } in total for order { $number }. It can take a few days to appear on your statement.

## review_request
mail-review-request-intro = Your order { $number } has arrived. How do you like it? A few words help other shoppers choose.
# A link to the product's reviews.
mail-review-request-product = Review { $title }
mail-review-request-unwanted = Don't want these emails?
# A link to the profile page.
mail-review-request-turn-off = Turn them off in your profile

## cart_reminder
# One line in the cart.
mail-cart-reminder-intro-one = You left something in your cart. It is kept for you, at today's prices:
# Several lines in the cart.
mail-cart-reminder-intro-many = You left a few things in your cart. It is kept for you, at today's prices:
# A button (and, in plain text, followed by the address).
mail-cart-reminder-back = Back to your cart
mail-cart-reminder-not-held = Stock is not held until you check out.
mail-cart-reminder-once = We send this once per cart.
# A link that turns cart reminders off.
mail-cart-reminder-stop = No more cart reminders

## gift_card
mail-gift-card-hello-name = Hello { $name },
mail-gift-card-hello = Hello,
mail-gift-card-intro-from = { $sender } sent you a gift card worth { $amount } to spend at { $shop }.
mail-gift-card-intro = Here is a gift card worth { $amount } to spend at { $shop }.
# Followed by the code.
mail-gift-card-code = Your code:
mail-gift-card-how = Enter it at checkout: it pays for as much of the order as its balance covers, and what is left stays on the card for next time.
# A button linking to the shop.
mail-gift-card-visit = Visit { $shop }
mail-gift-card-keep-safe = Keep this code safe: anyone who has it can spend the card.
