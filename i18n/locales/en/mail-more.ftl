# Return, wishlist and staff mails (domain/src/mail/templates/): a return
# approved or rejected, a wishlist item back in stock or cheaper, an
# invitation to join the staff, a webhook endpoint turned off, low stock.
# Staff read these in English by default; they are translated all the same.

## return_approved
# $number: the return's number (bold in HTML).
mail-return-approved-intro = Your return { $number } is approved. Please send back:
mail-return-approved-pack = Pack the items securely and write { $number } on the parcel, so we know whose it is when it arrives.
# Followed by the link "Follow your return".
mail-return-approved-refund = We refund you once the items arrive.
# A link's text (followed by "." in HTML, by ": <link>" in plain text).
mail-return-approved-follow = Follow your return

## return_rejected
# $number: the return's number (bold in HTML); staff's reason follows.
mail-return-rejected-intro = We can't accept your return { $number }:
# Followed by the link "Your order".
mail-return-rejected-dont-send = Please don't send the items. If you have a question, reply to this email.
# A link's text (followed by "." in HTML, by ": <link>" in plain text).
mail-return-rejected-your-order = Your order

## wishlist_back_in_stock
# $title: the product (a bold link in HTML), $variant: its variant, $price: its price.
mail-wishlist-back-in-stock-intro = Good news: { $title } ({ $variant }) from your wishlist is back in stock, at { $price }.
mail-wishlist-back-in-stock-hurry = Stock can go quickly.
# $link: a link reading "Open your wishlist" (HTML mail).
mail-wishlist-back-in-stock-move-to-cart = { $link } to move it to your cart.
mail-wishlist-back-in-stock-open-wishlist = Open your wishlist
# Plain-text labels, each followed by ": <link>".
mail-wishlist-back-in-stock-see-it = See it
mail-wishlist-back-in-stock-your-wishlist = Your wishlist
mail-wishlist-back-in-stock-why = You get this because it is on your wishlist.
# A link's text (followed by "." in HTML, by ": <link>" in plain text).
mail-wishlist-back-in-stock-stop = Stop wishlist alerts

## wishlist_price_drop
# $title: the product (a bold link in HTML), $variant: its variant,
# $price: the new price (bold in HTML), $was: the old one.
mail-wishlist-price-drop-intro = { $title } ({ $variant }) from your wishlist is now { $price }, down from { $was }.
# $link: a link reading "Open your wishlist" (HTML mail).
mail-wishlist-price-drop-move-to-cart = { $link } to move it to your cart.
mail-wishlist-price-drop-open-wishlist = Open your wishlist
# Plain-text labels, each followed by ": <link>".
mail-wishlist-price-drop-see-it = See it
mail-wishlist-price-drop-your-wishlist = Your wishlist
mail-wishlist-price-drop-why = You get this because it is on your wishlist.
# A link's text (followed by "." in HTML, by ": <link>" in plain text).
mail-wishlist-price-drop-stop = Stop wishlist alerts

## staff_invite
mail-staff-invite-intro = You've been invited to help run { $shop }.
# Followed by the link on its own line (plain-text mail).
mail-staff-invite-choose-here = Choose your password here:
mail-staff-invite-button = Choose your password
# Followed by the link.
mail-staff-invite-paste-link = Or paste this link into your browser:
# $admin_link: the admin's address.
mail-staff-invite-expiry = The link works once, for three days. Then sign in and open the admin at { $admin_link }.

## webhook_disabled
# $url: the endpoint (bold in HTML), $failures: failed attempts in a row,
# $since: when the first of them failed ("2026-12-01 09:30 UTC").
mail-webhook-disabled-intro = { $shop } has turned off the webhook endpoint { $url }: its last { $failures } delivery attempts failed, the first of them at { $since }.
# Followed by the link to the webhooks page.
mail-webhook-disabled-what-now = Events are no longer sent to it. Once the receiver works again, turn the endpoint back on and redeliver what it missed from its delivery log:
mail-webhook-disabled-button = Open webhooks
# Followed by the link.
mail-webhook-disabled-paste-link = Or paste this link into your browser:

## low_stock
# $title: the product (bold in HTML), $variant, $sku, $warehouse,
# $available: how many can still be sold there (bold in HTML),
# $threshold: the product's alert level.
mail-low-stock-intro = { $title } ({ $variant }, SKU { $sku }) is running low in { $warehouse }: { $available } can still be sold there. The product alerts at { $threshold } or fewer.
# A link's text (HTML mail, followed by ".").
mail-low-stock-restock-in-editor = Restock it in the product editor
# Followed by ": <link>" (plain-text mail).
mail-low-stock-restock = Restock it
mail-low-stock-why = You get this because you look after the catalog and stock of { $shop }. The level is set per product in the product editor.
