# Account mails (domain/src/mail/templates/): confirming the address, welcome,
# sign-up with a known address, password reset and change, two-factor and
# sign-in changes, guest data requests and account deletion.

## verify_email
mail-verify-email-greeting-name = Hi { $name },
mail-verify-email-greeting = Hi,
mail-verify-email-confirm-address = Please confirm that this is your email address so we can keep your account secure.
# Followed by the link on its own line (plain-text mail).
mail-verify-email-confirm-address-link = Please confirm that this is your email address:
mail-verify-email-button = Confirm my email
# Followed by the link.
mail-verify-email-paste-link = Or paste this link into your browser:
mail-verify-email-expiry = The link works for 48 hours. If you didn't sign up, you can ignore this email.

## welcome
mail-welcome-greeting-name = Hi { $name },
mail-welcome-greeting = Hi,
mail-welcome-ready = Your email is confirmed and your { $shop } account is ready.
mail-welcome-start-shopping = Start shopping

## account_exists
mail-account-exists-intro = Someone (hopefully you) tried to create a { $shop } account with this email address, but you already have one.
mail-account-exists-button = Reset my password
# Followed by the link (plain-text mail).
mail-account-exists-reset-here = If you forgot your password, reset it here:
mail-account-exists-not-you = If this wasn't you, you can ignore this email; your account is unchanged.

## password_reset
mail-password-reset-intro = We received a request to reset your password.
# After mail-password-reset-intro, followed by the link on its own line (plain-text mail).
mail-password-reset-choose-here = Choose a new one here:
mail-password-reset-button = Choose a new password
# Followed by the link.
mail-password-reset-paste-link = Or paste this link into your browser:
mail-password-reset-expiry = The link works once, for one hour. If you didn't ask for this, ignore this email; your password stays the same.

## password_changed
mail-password-changed-intro = Your password was just changed and your other sessions were signed out.
# Followed by the link.
mail-password-changed-not-you = If this wasn't you, reset your password now:

## two_factor_changed ($what: what changed, e.g. "it was turned on")
mail-two-factor-changed-intro = Two-factor authentication on your account: { $what }.
# Followed by the link.
mail-two-factor-changed-not-you = If this wasn't you, reset your password now — a reset also ends every session:

## sign_in_changed ($what: what changed, e.g. "Google can now sign you in")
mail-sign-in-changed-intro = How you sign in to your account changed: { $what }.
# Followed by the link.
mail-sign-in-changed-not-you = If this wasn't you, reset your password now — a reset also ends every session:

## privacy_request ($what: what was asked for, e.g. "a copy of the order details we hold")
mail-privacy-request-intro = Someone — we hope you — asked for { $what } from orders placed with this email address.
# Followed by the link.
mail-privacy-request-confirm = To go ahead, open this link within an hour and confirm:
mail-privacy-request-not-you = If you didn't ask, ignore this mail: nothing happens without the link.

## account_deleted
mail-account-deleted-done = Your account has been deleted as you asked: your profile, addresses, saved sign-ins and security settings are gone, and so are your name, email address, phone number and street address from your past orders.
mail-account-deleted-kept = What we keep, because tax and accounting law requires it (for as long as that law says, usually 6 to 10 years): for each order, what was bought, the amounts paid and refunded, the tax, and the country and region it was sent to. None of it can be linked back to you by name or address.
mail-account-deleted-last = This is the last mail we send to this address. Thank you for shopping with us.

# What changed, for the intros above (the services name the key).
mail-what-two-factor-on = it was turned on
mail-what-two-factor-off = it was turned off
mail-what-recovery-codes = new recovery codes were made (the old ones no longer work)
mail-what-provider-linked = { $provider } can now sign you in
mail-what-provider-unlinked = { $provider } can no longer sign you in
mail-what-privacy-export = a copy of the order details we hold
mail-what-privacy-erase = the erasure of your name and contact details from your orders
