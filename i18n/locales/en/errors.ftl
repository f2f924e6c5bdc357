# Error messages: what the server refuses, in the reader's language. The
# domain sends the key and its variables beside the English (`model::Said`).

## Any request
error-not-found = We couldn't find that { $what }.
error-check-fields = Some fields need your attention: each is marked below.
error-invalid-credentials = The email or password is incorrect.
error-sign-in-required = Please sign in to continue.
error-forbidden = You don't have permission to do that.
error-second-factor-required = Turn on two-factor authentication in Account → Security to use staff tools.
error-too-many-attempts = Too many attempts. Please wait { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
} and try again.
error-too-many-seconds = Too many attempts. Please wait { $seconds ->
    [one] a second
   *[other] { $seconds } seconds
} and try again.
error-busy = We're very busy right now. Please try again in a moment.
error-unavailable-search = Our search is taking a short break. Please try again in a moment, or browse the categories.
error-unavailable = This part of the shop is taking a short break. Please try again in a moment.
error-internal = Something went wrong on our side. Please try again in a moment.

## Cart and checkout
error-cart-quantity = Choose a quantity of at least 1.
error-cart-out-of-stock = Sorry, this item is out of stock.
error-checkout-shipping-method = Choose a shipping method.
error-checkout-currency-gone = The shop stopped selling in this currency. Please review your basket.
error-checkout-total-changed = Your order total changed from { $before } to { $after } because prices, stock or your basket changed. Please check the new total and place your order again.
error-checkout-cart-empty = Your cart is empty.
error-checkout-not-sold = { $product } is no longer sold. Please remove it from your cart.
error-checkout-sold-out = { $product } ({ $variant }) has sold out. Please remove it from your cart.
error-balance-changed = A gift card or store credit balance changed while you were paying. Please check the new total and place your order again.
error-gift-code = That isn't a gift card code: codes have 16 letters and digits, like ABCD-EFGH-JKLM-NPQR.
error-promo-invalid = That promo code isn't valid.
error-promo-not-yet = That promo code isn't active yet.
error-promo-expired = That promo code has expired.
error-promo-used-up = That promo code has been fully used.
error-promo-already-used = You've already used that promo code.
error-promo-just-used-up = That promo code has just been used up.

## Addresses
error-address-required = Enter the { $field ->
    [full_name] full name
    [line1] street address
    [city] town or city
   *[other] { $label }
}.
error-address-too-long = The { $field ->
    [full_name] full name
    [line1] street address
    [city] town or city
   *[other] { $label }
} can be at most { $max } characters.
error-address-characters = The { $field ->
    [full_name] full name
    [line1] street address
    [city] town or city
   *[other] { $label }
} contains characters we can't store.
error-country = Choose a country from the list.
error-postal-code = Enter a valid postcode for { $country }, like { $example }.
error-address-book-full = Your address book is full ({ $max } addresses). Delete one first.

## Accounts
error-email-invalid = Enter an email address like name@example.com.
error-name-too-long = Use at most { $max } characters for your name.
error-name-characters = Your name contains characters we can't store.
error-link-expired = This link is no longer valid.
error-email-confirmed = Your email address is already confirmed.
error-password-short = Use at least { $min } characters. A few unrelated words make a strong, memorable passphrase.
error-password-long = Use at most { $max } characters.
error-password-common = That password is too common and easy to guess. Choose something more personal.
error-password-email = Don't use your email address in your password.
error-password-repeated = A single repeated character is too easy to guess.
error-cart-per-order = You can buy at most { $max } of this item per order.
error-cart-only-left = Only { $count } left in stock.
error-checkout-only-left = Only { $count } of { $product } ({ $variant }) left. Please lower the quantity.
error-gift-unknown = We don't recognise that gift card code. Check it and try again.
error-gift-unusable = This gift card can't be used. Contact us if you think that's a mistake.
error-gift-currency = This gift card is in { $card }; this shop charges in { $shop }.
error-gift-empty = This gift card has no balance left.
error-gift-too-many = Use at most { $max } gift cards on one order.

## Reviews
error-review-rating = Choose from one to five stars.
error-review-title = Give your review a title, up to { $max } characters.
error-review-body = Tell other shoppers what you think in { $min } to { $max } characters.
error-review-offensive = Please rephrase: reviews can't contain offensive language.
error-review-buyers-only = Only customers who received this product can review it.
error-review-own-vote = You can't vote for your own review.
error-review-report-reason = Say briefly what is wrong with the review (up to { $max } characters).
error-review-photos-full = A review can have up to { $max } photos.
error-review-photo-first = Write your review first, then add photos to it.

## Wishlist
error-wishlist-full = Your wishlist is full ({ $max } items). Remove something to save this.

## Returns
error-return-note = Keep the note under { $max } characters of plain text.
error-return-too-many-lines = That is more lines than the order has.
error-return-not-in-order = { $sku } is not in this order.
error-return-nothing = Choose at least one item to send back.
error-return-quantity = You can send back 1 to { $max } of { $product } ({ $variant }).
error-return-reason = Choose why it is going back.
error-return-already = { $product } ({ $variant }) is already being returned in the quantity that shipped.
error-return-not-paid = This order was cancelled or refunded, so there is nothing to return.
error-return-not-shipped = Returns can be asked for once something has shipped.
error-return-by-arrangement = This shop takes returns by arrangement: please contact us.
error-return-window-closed = The { $days }-day return window for this order has closed.

## Gift cards bought
error-gift-amount = Choose an amount from { $min } to { $max }.
error-gift-recipient = Enter the recipient's email address, like name@example.com.
error-gift-deliver-on = Choose the day it should arrive.
error-gift-deliver-range = Choose a day from today to a year ahead.
error-text-too-long = Keep it to { $max } characters.

## Account security and privacy
error-2fa-already-on = Two-factor authentication is already on.
error-2fa-confirm-email = Confirm your email address first: use the link we sent you (Account → Profile can send it again).
error-2fa-restart = Start the set-up again: scan the new QR code first.
error-2fa-code-mismatch = That code didn't match. Check your phone's clock and enter the current 6-digit code.
error-2fa-off = Turn on two-factor authentication first.
error-2fa-code-wrong = That code didn't work. Enter the 6-digit code from your authenticator app, or one of your recovery codes.
error-current-password = Your current password is not correct.
error-account-disabled = This account has been disabled. Please contact the shop if you think this is a mistake.
error-privacy-kind = Choose a copy of your data or its erasure.
error-privacy-link = This link has expired or has already been used. Please ask again.
error-phone = Enter a phone number with { $min } to { $max } digits, e.g. +44 20 7946 0958.

## Signing in with an identity provider
error-unavailable-identity = We couldn't reach the sign-in provider. Please try again in a moment, or use your email and password.
error-identity-expired = That sign-in took too long or was started in another browser. Please try again.
error-identity-too-slow = That sign-in took too long. Please try again.
error-identity-signs-in-elsewhere = This { $provider } account already signs in to another account here.
error-identity-email-unconfirmed = { $provider } didn't confirm your email address to us, so we can't sign you in with it. Sign in with your email and password, then link { $provider } in your account's security settings.
error-identity-only-way-in = This is how you sign in: set a password first ("Forgot your password?" on the sign-in page sends a link), then unlink it.
error-identity-linked-to-another = This account is linked to another { $provider } account already: unlink that one in your account's security settings first.
error-identity-account-just-opened = An account for this email was opened just now. Please try again.
error-identity-declined = { $provider } didn't sign you in, so nothing changed here.
error-staff-provider = Staff sign in with { $provider }.
