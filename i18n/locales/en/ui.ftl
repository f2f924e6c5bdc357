# Shared storefront components: the header, the footer, search, filters,
# pager, product cards, prices, stars, wishlist and cart bits.

## Header and footer (components/layout.rs, cart_state.rs, wishlist_state.rs)
ui-header-departments = Departments
ui-header-account = Account · { $name }
ui-header-sign-in = Sign in
ui-header-cart = Cart
ui-header-wishlist = Wishlist
ui-header-wishlist-count = { $count } saved
ui-test-mode-banner = Test shop: payments are simulated — nothing is charged and no order will ship.
ui-footer-powered-by = Powered by Mercato — open-source commerce in one binary.
ui-footer-help = Help
ui-footer-gift-cards = Gift cards
ui-footer-find-order = Find an order
ui-footer-your-data = Your data
ui-test-mode-footer = Payments in this shop go through the offline test gateway: you approve or decline them yourself, and no money moves.

## Search box (components/search_box.rs)
ui-search-label = Search products
ui-search-suggestions = Suggestions
# The small box in front of a category suggestion.
ui-search-in-category = in
ui-search-category-count = { $count ->
    [one] { $count } product
   *[other] { $count } products
}

## Filters (components/facets.rs)
ui-facets-form = Filter products
ui-facets-price = Price
ui-facets-price-min = Minimum price
ui-facets-price-max = Maximum price
ui-facets-min = Min
ui-facets-max = Max
ui-facets-brand = Brand
ui-facets-apply = Apply filters
ui-facets-clear = Clear all

## Pager (components/pager.rs)
ui-pager-label = Pagination
ui-pager-page = Page { $page }
ui-pager-previous = ← Previous
ui-pager-next = Next →

## Product cards, prices, add to cart, shelves
ui-card-sale = Sale
ui-out-of-stock = Out of stock
ui-price-from = from { $price }
# Before the struck-through old price, for screen readers.
ui-price-was = Was
ui-add-to-cart = Add to cart
ui-add-to-cart-quantity = Quantity
ui-add-to-cart-added = Added to your cart.
ui-add-to-cart-view-cart = View cart
ui-shelf-recently-viewed = Recently viewed

## Stars (components/stars.rs)
ui-stars-label = { $stars } out of 5 stars
ui-stars-rated = Rated { $average } out of 5, { $count ->
    [one] { $count } review
   *[other] { $count } reviews
}

## Breadcrumbs, wishlist heart, photos, error panel
ui-breadcrumbs-label = Breadcrumb
ui-breadcrumbs-home = Home
ui-wishlist-remove = Remove { $title } from your wishlist
ui-wishlist-save = Save { $title } to your wishlist
ui-photo-strip-label = Photos
ui-error-title = Sorry, this page didn't load
ui-error-back = Back to the shop

## Returns (components/return_card.rs)
ui-return-number = Return { $number }
ui-return-reason-asked = { $reason } · asked { $date }
ui-return-refunded = Refunded { $amount }

## A secret shown once (components/shown_once.rs); $what is e.g. "the signing secret".
ui-shown-once-copy = Copy { $what } now: it will not be shown again.
