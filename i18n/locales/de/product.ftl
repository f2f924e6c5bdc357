# The product page: gallery, variant picker, specifications, shelves,
# reviews (list, form) and the reviewer's own photos.

## Product page
product-loading = Wird geladen…
product-preview-banner = Vorschau: Dieses Produkt ist { $status ->
        [draft] ein Entwurf
        [archived] archiviert
       *[other] { $status }
    } und für Kunden nicht sichtbar.
product-in-stock = Auf Lager
product-few-left = Nur noch wenige verfügbar
product-out-of-stock = Ausverkauft
product-images = Produktbilder
product-more-images = Weitere Bilder
product-show-image = Bild { $number } anzeigen: { $alt }
product-sku = Artikelnr.
product-option-legend = { $name }:
product-all-variants = Alle Varianten
product-variant = Variante
product-price = Preis
product-availability = Verfügbarkeit
product-specifications = Produktdetails
product-also-bought = Kunden kauften auch
product-similar = Ähnliche Produkte

## Reviews
product-reviews = Bewertungen
product-reviews-loading = Bewertungen werden geladen…
product-reviews-sort-helpful = Hilfreichste
product-reviews-sort-newest = Neueste
product-reviews-sort-highest = Beste Bewertung
product-reviews-sort-lowest = Schlechteste Bewertung
product-reviews-histogram-stars = { $stars ->
    [one] { $stars } Stern
   *[other] { $stars } Sterne
}
product-reviews-rated = Bewertet mit { $average } von 5
product-reviews-count = { $count ->
    [one] { $count } Bewertung
   *[other] { $count } Bewertungen
}
product-reviews-empty = Noch keine Bewertungen.
product-reviews-filter-stars = Nach Sternen filtern
product-reviews-sort = Bewertungen sortieren
product-reviews-verified = Verifizierter Kauf
product-reviews-shop-replied = Antwort des Shops
product-reviews-helpful = Hilfreich ({ $count })
product-reviews-report = Melden
product-reviews-report-label = Was stimmt mit dieser Bewertung nicht?
product-reviews-report-placeholder = Was stimmt damit nicht?
product-reviews-report-send = Senden
product-reviews-report-thanks = Danke, wir sehen uns das an.
product-reviews-sign-in = Melden Sie sich an, um eine Bewertung zu schreiben
product-reviews-buyers-only = Bewertungen stammen von Kunden, die dieses Produkt erhalten haben.

## The shopper's own review
product-review-not-published = Ihre Bewertung wurde nicht veröffentlicht: { $reason }
product-review-state-pending = Ihre Bewertung: wartet auf Prüfung
product-review-state-published = Ihre Bewertung: veröffentlicht
product-review-state-rejected = Ihre Bewertung: abgelehnt
product-review-edit = Ihre Bewertung bearbeiten
product-review-write = Bewertung schreiben
product-review-published = Danke, Ihre Bewertung ist veröffentlicht.
product-review-pending = Danke, Ihre Bewertung erscheint, sobald wir sie geprüft haben.
product-review-rating = Ihre Gesamtbewertung
product-review-title = Titel
product-review-body = Ihr Bewertungstext
product-review-send = Bewertung senden

## Photos on the shopper's own review
product-photos-heading = Fotos (bis zu { $max })
product-photos-yours = Ihr Foto
product-photos-remove = Entfernen
product-photos-add-label = Foto hinzufügen (PNG, JPEG, WebP oder GIF, bis zu 8 MB)
product-photos-uploading = Wird hochgeladen…
product-photos-add = Foto hinzufügen
