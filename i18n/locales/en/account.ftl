# The signed-in customer's account pages: overview, orders, returns,
# profile, addresses, security, sign-in methods and privacy.

## The frame of every account page
account-nav-label = Account
account-nav-overview = Overview
account-nav-orders = Orders
account-nav-profile = Profile
account-nav-addresses = Addresses
account-nav-security = Security
account-nav-privacy = Privacy
account-sign-out = Sign out
account-current-password = Current password
account-saved = Saved.
account-save = Save

## Overview
account-overview-title = Your account
account-greeting = Hello, { $name }.
account-signed-in-as = Signed in as { $email }
# Followed by the amount in bold, then account-store-credit-note.
account-store-credit = Store credit:
account-store-credit-note = — used at checkout when you choose.
# Followed by a button (account-verify-resend).
account-verify-banner = Please confirm your email address using the link we sent you.
account-verify-resend = Send the link again
account-verify-sent = A new link is on its way.
account-two-factor-is-on = Two-factor authentication is on.
account-two-factor-is-off = Two-factor authentication is off.
account-addresses-summary = Shipping and billing addresses for checkout.

## Profile
account-profile-email = Email: { $email }
account-field-name = Name
account-field-phone = Phone
account-profile-marketing = Email me news and offers
account-profile-review-requests = After a delivery, ask me to review what I bought
account-profile-cart-reminders = Remind me once about items left in my cart

## Addresses
account-address-edit = Edit
account-address-delete = Delete
account-address-add = Add an address
account-address-default-shipping-badge = Default shipping
account-address-default-billing-badge = Default billing
account-address-full-name = Full name
account-address-company = Company
account-address-line1 = Street address
account-address-line2 = Apartment, suite, etc.
account-address-city = Town or city
account-address-region = State, province or region
account-address-postal-code = Postcode
account-address-country = Country
account-address-default-shipping = Default shipping address
account-address-default-billing = Default billing address
account-address-save = Save address

## Orders
# Followed by a link (account-orders-start-shopping).
account-orders-empty = No orders yet.
account-orders-start-shopping = Start shopping
account-orders-col-order = Order
account-orders-col-placed = Placed
account-orders-col-items = Items
account-orders-col-status = Status
account-orders-col-total = Total
account-order-title = Order
account-order-cancel = Cancel this order

## Returns on an order's page
account-returns-title = Returns
account-returns-ask-title = Send something back
account-returns-ask-until = You can ask until { $date }.
account-returns-how-many = How many of each
# $title: the product, $variant: its variant, $left: how many may still go back.
account-returns-line = { $title } ({ $variant }) — up to { $left }
account-returns-reason = Why is it going back?
account-returns-note = Anything we should know? (optional)
account-returns-submit = Ask to return these

## Privacy
account-privacy-download-title = Download your data
account-privacy-download-text = Your profile, addresses, sign-ins and the orders placed in your account, as a JSON file.
account-privacy-wrong-password = Your current password is not correct.
account-privacy-download = Download my data
account-privacy-delete-title = Delete your account
account-privacy-delete-text = Your profile, addresses, sign-ins and security settings are deleted, and your name, email address, phone number and street address are removed from your past orders. What stays, because tax law requires it: for each order, what was bought, the amounts, the tax and the country and region it went to — nothing that names you. This cannot be undone.
account-privacy-delete = Delete my account

## Security: password
account-password-title = Password
account-password-changed = Password changed. Your other sessions were signed out.
account-new-password = New password
account-new-password-hint = At least 12 characters.
account-change-password = Change password

## Security: two-factor authentication
account-tfa-title = Two-factor authentication
account-tfa-on = On. { $count } recovery codes left.
account-tfa-new-codes = Make new recovery codes
account-tfa-turn-off = Turn off two-factor authentication
account-tfa-off = Off. Add a code from an authenticator app to every sign-in.
account-tfa-scan = Scan this QR code with your authenticator app, or type the key.
# Followed by the secret key.
account-tfa-key = Key:
account-tfa-code = 6-digit code
account-tfa-turn-on = Turn on
account-tfa-set-up = Set up two-factor authentication
account-recovery-codes = Your recovery codes. Save them now; each works once and they won't be shown again.

## Security: sessions
account-sessions-title = Where you're signed in
account-sessions-signed-out = Signed out of { $count } other session(s).
account-sessions-this-device = This device
account-sessions-sign-out-others = Sign out of all other sessions

## Security: sign in with another account
account-providers-title = Sign in with another account
account-providers-linked-now = Linked.
account-providers-linked = Linked: { $email }
account-providers-not-linked = Not linked
account-providers-unlink = Unlink
account-providers-link = Link
account-providers-no-password = Your account has no password: you sign in with a linked account. "Forgot your password?" on the sign-in page sends a link to set one.
account-profile-language = Language
account-profile-language-hint = The language of the emails we send you.
