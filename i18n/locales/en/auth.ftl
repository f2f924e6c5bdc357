# Signing in and the pages around it: sign in, sign up, linking a provider,
# forgotten and new passwords, confirming an email address (`auth-`), and the
# guest help pages: gift cards, order lookup, data requests and the
# "stop these emails" links (`help-`).

## Shared by the sign-in pages
auth-sign-in = Sign in
auth-email = Email
auth-password = Password
auth-create-account-title = Create an account
auth-forgot-title = Forgot your password?

## Sign in
auth-signin-reset-done = Your password was changed. Sign in with the new one.
auth-signin-code-intro = Enter the 6-digit code from your authenticator app, or one of your recovery codes.
auth-signin-code = Code
auth-signin-verify = Verify

## Identity providers
auth-providers-or = or
auth-providers-continue = Continue with { $provider }

## Sign up
auth-signup-name = Name
auth-signup-password-hint = At least 12 characters. A few unrelated words make a strong passphrase.
auth-signup-marketing = Email me news and offers
auth-signup-submit = Create account
# Followed by a "Sign in" link.
auth-signup-have-account = Already have an account?
auth-signup-done = Check your inbox: we sent a link to confirm your email address. If you already have an account, we sent you a reminder instead.

## Linking a provider's sign-in to an existing account
auth-link-title = Link your sign-in
auth-link-explain = { $provider } says you own { $email }, which has an account here. Link them, and you can sign in to it with { $provider } from now on.
auth-link-submit = Link and sign in
auth-link-cancel = Don't link
# Followed by a "Sign in" link.
auth-link-nothing = There is nothing to confirm.

## Forgotten password
auth-forgot-intro = We'll email you a link to choose a new password.
auth-forgot-submit = Send reset link
auth-forgot-sent = If an account exists for that address, a reset link is on its way. It works for one hour.

## New password
auth-reset-title = Choose a new password
auth-reset-password = New password
auth-reset-password-hint = At least 12 characters. You'll be signed out everywhere.
auth-reset-submit = Change password

## Confirming an email address
auth-verify-title = Confirm your email
auth-verify-done = Thank you, your email address is confirmed.
auth-verify-to-account = Go to your account
auth-verify-intro = Confirm that this email address belongs to you.
auth-verify-submit = Confirm my email

## Gift cards
help-gift-cards-title = Gift cards
help-gift-cards-description = Send a gift card by email, on the day you choose.
help-gift-cards-intro = Choose an amount from { $min } to { $max }. The code arrives by email on the day you pick, and pays for anything in the shop.
help-gift-cards-amount = Amount
help-gift-cards-amount-hint = e.g. 25.00
help-gift-cards-your-email = Your email
help-gift-cards-your-email-hint = For the receipt.
help-gift-cards-recipient-email = Recipient's email
help-gift-cards-recipient-email-hint = Leave empty to get the card yourself.
help-gift-cards-recipient-name = Recipient's name
help-gift-cards-from = From
help-gift-cards-from-hint = Your name, as they know you.
help-gift-cards-message = Message
help-gift-cards-deliver-on = Deliver on
help-gift-cards-deliver-on-hint = Leave empty to send it once paid.
help-gift-cards-buy = Buy and pay

## Finding an order without an account
help-lookup-title = Find your order
help-lookup-number = Order number
help-lookup-number-hint = As it appears in your confirmation email, e.g. MC-7K3Q9X.
help-lookup-email = Email
help-lookup-submit = Find order

## A guest's data: a copy or erasure
help-privacy-title = Your data
help-privacy-erased = Done: your name, email address, phone number and street address are gone from your orders.
help-privacy-expired = That link has expired or was used already. Ask again below.
help-privacy-intro = Bought without an account? Ask for a copy of what we hold about your orders, or for your name and contact details to be erased from them. We email a link to the address you used, to make sure it is yours. Have an account? Use Account → Privacy instead.
help-privacy-email = Email used for your orders
help-privacy-what = What would you like?
help-privacy-export = A copy of my order details
help-privacy-erase = Erase my details from my orders
help-privacy-submit = Email me the link
help-privacy-sent = If we have orders under that address, a link is on its way. It works once, for one hour.
help-privacy-confirm-title = Confirm your data request
help-privacy-confirm-intro = Confirm to download your order details, or to erase your details from your orders — whichever you asked for. Erasure cannot be undone: what stays is what tax law requires (what was bought, the amounts and the country), nothing that names you.
help-privacy-confirm = Confirm

## Stopping wishlist emails and cart reminders from a mail's link
help-alerts-off-title = Wishlist emails
help-alerts-off-done = Done: no more back-in-stock or price-drop emails. Your wishlist stays as it is.
help-alerts-off-question = Stop the emails about items on your wishlist?
help-alerts-off-submit = Stop wishlist emails
help-reminders-off-title = Cart reminders
help-reminders-off-done = Done: we won't remind you about carts again. A signed-in customer can turn reminders back on in their profile.
help-reminders-off-question = Stop the emails about items left in your cart? Order and account emails still arrive.
help-reminders-off-submit = No more cart reminders
