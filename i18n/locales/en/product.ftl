# The product page: gallery, variant picker, specifications, shelves,
# reviews (list, form) and the reviewer's own photos.

## Product page
product-loading = Loading…
# $status: the product's stored status (draft, archived).
product-preview-banner = Preview: this product is { $status } and hidden from shoppers.
product-in-stock = In stock
product-few-left = Only a few left
product-out-of-stock = Out of stock
product-images = Product images
product-more-images = More images
# $number: the image's position (1, 2, …); $alt: its description.
product-show-image = Show image { $number }: { $alt }
product-sku = SKU
# The label of a variant option ("Color:"), followed by the chosen value.
product-option-legend = { $name }:
product-all-variants = All variants
product-variant = Variant
product-price = Price
product-availability = Availability
product-specifications = Specifications
product-also-bought = Customers also bought
product-similar = Similar products

## Reviews
product-reviews = Reviews
product-reviews-loading = Loading reviews…
product-reviews-sort-helpful = Most helpful
product-reviews-sort-newest = Newest
product-reviews-sort-highest = Highest rating
product-reviews-sort-lowest = Lowest rating
# A bar of the rating histogram: reviews with $stars stars.
product-reviews-histogram-stars = { $stars } star
# $average: the average rating, e.g. 4.3.
product-reviews-rated = Rated { $average } out of 5
product-reviews-count = { $count ->
    [one] { $count } review
   *[other] { $count } reviews
}
product-reviews-empty = No reviews yet.
product-reviews-filter-stars = Filter by stars
product-reviews-sort = Sort reviews
product-reviews-verified = Verified purchase
product-reviews-shop-replied = The shop replied
product-reviews-helpful = Helpful ({ $count })
product-reviews-report = Report
product-reviews-report-label = What is wrong with this review?
product-reviews-report-placeholder = What is wrong with it?
product-reviews-report-send = Send
product-reviews-report-thanks = Thanks, we'll take a look.
product-reviews-sign-in = Sign in to write a review
product-reviews-buyers-only = Reviews come from customers who received this product.

## The shopper's own review
# $reason: the moderator's words.
product-review-not-published = Your review was not published: { $reason }
product-review-state-pending = Your review: waiting for moderation
product-review-state-published = Your review: published
product-review-state-rejected = Your review: rejected
product-review-edit = Edit your review
product-review-write = Write a review
product-review-published = Thanks, your review is published.
product-review-pending = Thanks, your review will appear once we've checked it.
product-review-rating = Your rating
product-review-title = Title
product-review-body = Your review
product-review-send = Send review

## Photos on the shopper's own review
product-photos-heading = Photos (up to { $max })
product-photos-yours = Your photo
product-photos-remove = Remove
product-photos-add-label = Add a photo (PNG, JPEG, WebP or GIF, up to 8 MB)
product-photos-uploading = Uploading…
product-photos-add = Add photo
