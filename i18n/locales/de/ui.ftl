# Shared storefront components: the header, the footer, search, filters,
# pager, product cards, prices, stars, wishlist and cart bits.

## Header and footer (components/layout.rs, cart_state.rs, wishlist_state.rs)
ui-header-departments = Sortiment
ui-header-account = Konto · { $name }
ui-header-sign-in = Anmelden
ui-header-cart = Warenkorb
ui-header-wishlist = Wunschliste
ui-header-wishlist-count = { $count } gespeichert
ui-test-mode-banner = Testshop: Zahlungen werden nur simuliert – es wird nichts berechnet und keine Bestellung wird versandt.
ui-footer-powered-by = Betrieben mit Mercato – Open-Source-Commerce in einer einzigen Programmdatei.
ui-footer-help = Hilfe
ui-footer-gift-cards = Geschenkkarten
ui-footer-find-order = Bestellung finden
ui-footer-your-data = Ihre Daten
ui-test-mode-footer = Zahlungen in diesem Shop laufen über das Offline-Testgateway: Sie genehmigen oder lehnen sie selbst ab, und es fließt kein Geld.

## Search box (components/search_box.rs)
ui-search-label = Produkte suchen
ui-search-suggestions = Vorschläge
# The small box in front of a category suggestion.
ui-search-in-category = in
ui-search-category-count = { $count ->
    [one] { $count } Produkt
   *[other] { $count } Produkte
}

## Filters (components/facets.rs)
ui-facets-form = Produkte filtern
ui-facets-price = Preis
ui-facets-price-min = Mindestpreis
ui-facets-price-max = Höchstpreis
ui-facets-min = Min.
ui-facets-max = Max.
ui-facets-brand = Marke
ui-facets-apply = Filter anwenden
ui-facets-clear = Alle zurücksetzen

## Pager (components/pager.rs)
ui-pager-label = Seitennavigation
ui-pager-page = Seite { $page }
ui-pager-previous = ← Zurück
ui-pager-next = Weiter →

## Product cards, prices, add to cart, shelves
ui-card-sale = Angebot
ui-out-of-stock = Ausverkauft
ui-price-from = ab { $price }
# Before the struck-through old price, for screen readers.
ui-price-was = Statt
ui-add-to-cart = In den Warenkorb
ui-add-to-cart-quantity = Menge
ui-add-to-cart-added = Zu Ihrem Warenkorb hinzugefügt.
ui-add-to-cart-view-cart = Warenkorb ansehen
ui-shelf-recently-viewed = Zuletzt angesehen

## Stars (components/stars.rs)
ui-stars-label = { $stars } von 5 Sternen
ui-stars-rated = Bewertet mit { $average } von 5, { $count ->
    [one] { $count } Bewertung
   *[other] { $count } Bewertungen
}

## Breadcrumbs, wishlist heart, photos, error panel
ui-breadcrumbs-label = Brotkrümelnavigation
ui-breadcrumbs-home = Startseite
ui-wishlist-remove = { $title } von Ihrer Wunschliste entfernen
ui-wishlist-save = { $title } auf Ihrer Wunschliste speichern
ui-photo-strip-label = Fotos
ui-error-title = Diese Seite konnte leider nicht geladen werden
ui-error-back = Zurück zum Shop

## Returns (components/return_card.rs)
ui-return-number = Rücksendung { $number }
ui-return-reason-asked = { $reason } · angefragt am { $date }
ui-return-refunded = Erstattet: { $amount }

## A secret shown once (components/shown_once.rs); $what is e.g. "the signing secret".
ui-shown-once-copy = Kopieren Sie { $what } jetzt: Es wird nicht noch einmal angezeigt.
