# The storefront's browsing pages: home, category listings, search,
# cart, wishlist (own and shared) and the 404 page.

## Shared by these pages
shop-loading = Loading…
shop-continue-shopping = Continue shopping
shop-browse-the-shop = Browse the shop
shop-out-of-stock = Out of stock
shop-remove = Remove
# The sort links' label for screen readers.
shop-sort = Sort
shop-sort-label = Sort:
shop-sort-relevance = Relevance
shop-sort-newest = Newest
shop-sort-price-asc = Price: low to high
shop-sort-price-desc = Price: high to low
shop-sort-name = Name
shop-sort-rating = Top rated

## Home page
# The page's meta description. $shop: the shop's name.
shop-home-description = { $shop } — clothing, home and outdoor gear, shipped fast.
shop-home-tagline = Everyday clothing, things for the home and gear for the outdoors.
shop-home-departments = Shop by department
# Products in a department. English keeps its one form (the page always said "1 products").
shop-home-product-count = { $count } products
shop-home-featured = Featured
shop-home-new-in = New in
shop-home-trending = Trending now

## Category page
shop-category-no-match = No products match these filters.
# The result count. English keeps "products" for every total (tests read "of 1 products").
shop-category-showing = Showing { $first }–{ $last } of { $total } products
# Meta description of a category without its own. $category: its name, $shop: the shop's name.
shop-category-description = Shop { $category } at { $shop }.
# The page title from page 2 on.
shop-category-title-page = { $category } – page { $page }
shop-category-subcategories = Subcategories

## Search page
shop-search-searching = Searching…
shop-search-unavailable = Search isn't available right now
shop-search-all-products = All products
# $query: what the shopper typed.
shop-search-results-for = Results for “{ $query }”
shop-search-count-none = No products found
# At least one (no results use shop-search-count-none).
shop-search-count = { $count ->
    [one] { $count } product
   *[other] { $count } products
}
shop-search-description = Search results for { $query }
shop-search-filters = Filters
shop-search-results = Results
shop-search-nothing-matches = Nothing matches these filters.
shop-search-found-nothing = We found nothing for “{ $query }”.
# Before the suggested spelling, a link: "Did you mean <a>shirt</a>?"
shop-search-did-you-mean = Did you mean
# After the suggested spelling.
shop-search-did-you-mean-end = ?
shop-search-remove-filters = Remove all filters
shop-search-no-results-hint = Check the spelling, try fewer words, or browse the categories.
shop-search-popular = Popular right now
shop-search-clear-all = Clear all
shop-search-apply-filters = Apply filters
# The search filters' headings (the shop names its options and attributes).
shop-facet-category = Category
shop-facet-brand = Brand
shop-facet-price = Price
shop-facet-availability = Availability
shop-facet-rating = Customer rating
shop-facet-in-stock = In stock
# Ticked, or some matches are out of stock: ticking it narrows the results.
shop-facet-in-stock-only = In stock only
shop-facet-stars-and-up = { $stars ->
    [one] { $stars } star & up
   *[other] { $stars } stars & up
}
# Price ranges; $amount, $from and $to are formatted amounts.
shop-facet-price-under = Under { $amount }
shop-facet-price-between = { $from } – { $to }
shop-facet-price-over = { $amount } and over

## Cart page
shop-cart-title = Your cart
shop-cart-payment-declined = Your payment was declined and nothing was charged. Your items are still here.
shop-cart-payment-cancelled = Payment was cancelled. Your items are still here.
# Followed by a link, shop-continue-shopping.
shop-cart-empty = Your cart is empty.
# $count: units that can be bought now.
shop-cart-only-left = Only { $count } left — lower the quantity to check out.
shop-cart-quantity = Quantity
# Before the amount.
shop-cart-subtotal = Subtotal
shop-cart-checkout = Checkout
shop-cart-complete-the-look = Complete the look
# What a cart reminder's link found.
shop-cart-reminder-restored = Welcome back: here is the cart you left, at today's prices.
shop-cart-reminder-ordered = That cart has already been checked out or joined your account's cart, so there was nothing to bring back.
shop-cart-reminder-unknown = That cart link doesn't work. Whatever you add now starts a new cart.

## Wishlist pages
shop-wishlist-title = Your wishlist
# Followed by a link, shop-browse-the-shop.
shop-wishlist-empty = Nothing saved yet. Tap the heart on a product to keep it here.
shop-wishlist-move-to-cart = Move to cart
shop-wishlist-price-dropped = Price dropped since you saved it
shop-wishlist-share-and-alerts = Share and alerts
# Followed by the link.
shop-wishlist-share-note = Anyone with this link can see (not change) your list:
shop-wishlist-stop-sharing = Stop sharing
shop-wishlist-share = Share by private link
shop-wishlist-alerts-on = We email you when something here is back in stock or cheaper.
shop-wishlist-alerts-off = Back-in-stock and price-drop emails are off.
shop-wishlist-alerts-turn-off = Turn off these emails
shop-wishlist-alerts-turn-on = Email me about changes
shop-wishlist-not-found-title = Wishlist not found
shop-wishlist-not-shared = This wishlist isn't shared
# $owner: the name of the list's owner.
shop-wishlist-shared-title = { $owner }'s wishlist
shop-wishlist-shared-title-nameless = A shopper's wishlist

## Page not found
shop-not-found-title = Page not found
shop-not-found-heading = We couldn't find that page
shop-not-found-text = The product or category may have moved or is no longer available.
