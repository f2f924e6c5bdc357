# The storefront's browsing pages: home, category listings, search,
# cart, wishlist (own and shared) and the 404 page.

## Shared by these pages
shop-loading = Wird geladen…
shop-continue-shopping = Weiter einkaufen
shop-browse-the-shop = Im Shop stöbern
shop-out-of-stock = Ausverkauft
shop-remove = Entfernen
shop-sort = Sortierung
shop-sort-label = Sortieren:
shop-sort-relevance = Relevanz
shop-sort-newest = Neueste
shop-sort-price-asc = Preis: aufsteigend
shop-sort-price-desc = Preis: absteigend
shop-sort-name = Name
shop-sort-rating = Beste Bewertung

## Home page
shop-home-description = { $shop } — Kleidung, Wohnen und Outdoor-Ausrüstung, schnell geliefert.
shop-home-tagline = Kleidung für jeden Tag, Schönes fürs Zuhause und Ausrüstung für draußen.
shop-home-departments = Nach Abteilung einkaufen
shop-home-product-count = { $count ->
    [one] { $count } Produkt
   *[other] { $count } Produkte
}
shop-home-featured = Empfohlen
shop-home-new-in = Neu eingetroffen
shop-home-trending = Gerade angesagt

## Category page
shop-category-no-match = Keine Produkte entsprechen diesen Filtern.
shop-category-showing = Produkte { $first }–{ $last } von { $total }
shop-category-description = { $category } bei { $shop } entdecken.
shop-category-title-page = { $category } – Seite { $page }
shop-category-subcategories = Unterkategorien

## Search page
shop-search-searching = Suche läuft…
shop-search-unavailable = Die Suche ist gerade nicht verfügbar
shop-search-all-products = Alle Produkte
shop-search-results-for = Ergebnisse für „{ $query }“
shop-search-count-none = Keine Produkte gefunden
shop-search-count = { $count ->
    [one] { $count } Produkt
   *[other] { $count } Produkte
}
shop-search-description = Suchergebnisse für { $query }
shop-search-filters = Filter
shop-search-results = Ergebnisse
shop-search-nothing-matches = Nichts entspricht diesen Filtern.
shop-search-found-nothing = Wir haben nichts zu „{ $query }“ gefunden.
shop-search-did-you-mean = Meinten Sie
shop-search-did-you-mean-end = ?
shop-search-remove-filters = Alle Filter entfernen
shop-search-no-results-hint = Prüfen Sie die Schreibweise, versuchen Sie es mit weniger Wörtern oder stöbern Sie in den Kategorien.
shop-search-popular = Gerade beliebt
shop-search-clear-all = Alle zurücksetzen
shop-search-apply-filters = Filter anwenden
shop-facet-category = Kategorie
shop-facet-brand = Marke
shop-facet-price = Preis
shop-facet-availability = Verfügbarkeit
shop-facet-rating = Kundenbewertung
shop-facet-in-stock = Auf Lager
shop-facet-in-stock-only = Nur vorrätige Artikel
shop-facet-stars-and-up = { $stars ->
    [one] { $stars } Stern und mehr
   *[other] { $stars } Sterne und mehr
}
shop-facet-price-under = Unter { $amount }
shop-facet-price-between = { $from } – { $to }
shop-facet-price-over = Ab { $amount }

## Cart page
shop-cart-title = Ihr Warenkorb
shop-cart-payment-declined = Ihre Zahlung wurde abgelehnt, es wurde nichts abgebucht. Ihre Artikel sind noch da.
shop-cart-payment-cancelled = Die Zahlung wurde abgebrochen. Ihre Artikel sind noch da.
shop-cart-empty = Ihr Warenkorb ist leer.
shop-cart-only-left = Nur noch { $count } verfügbar — verringern Sie die Menge, um zur Kasse zu gehen.
shop-cart-quantity = Menge
shop-cart-subtotal = Zwischensumme
shop-cart-checkout = Zur Kasse
shop-cart-complete-the-look = Passend dazu
shop-cart-reminder-restored = Willkommen zurück: Hier ist der Warenkorb, den Sie zurückgelassen haben, zu den heutigen Preisen.
shop-cart-reminder-ordered = Dieser Warenkorb wurde bereits bestellt oder mit dem Warenkorb Ihres Kontos zusammengeführt, daher gab es nichts wiederherzustellen.
shop-cart-reminder-unknown = Dieser Warenkorb-Link funktioniert nicht. Was Sie jetzt hinzufügen, kommt in einen neuen Warenkorb.

## Wishlist pages
shop-wishlist-title = Ihre Wunschliste
shop-wishlist-empty = Noch nichts gespeichert. Tippen Sie bei einem Produkt auf das Herz, um es hier aufzubewahren.
shop-wishlist-move-to-cart = In den Warenkorb legen
shop-wishlist-price-dropped = Der Preis ist gesunken, seit Sie den Artikel gespeichert haben
shop-wishlist-share-and-alerts = Teilen und Benachrichtigungen
shop-wishlist-share-note = Jeder mit diesem Link kann Ihre Liste sehen (aber nicht ändern):
shop-wishlist-stop-sharing = Nicht mehr teilen
shop-wishlist-share = Über einen privaten Link teilen
shop-wishlist-alerts-on = Wir schreiben Ihnen eine E-Mail, wenn etwas hier wieder vorrätig oder günstiger ist.
shop-wishlist-alerts-off = E-Mails zu wieder verfügbaren Artikeln und Preissenkungen sind ausgeschaltet.
shop-wishlist-alerts-turn-off = Diese E-Mails ausschalten
shop-wishlist-alerts-turn-on = Mich per E-Mail über Änderungen informieren
shop-wishlist-not-found-title = Wunschliste nicht gefunden
shop-wishlist-not-shared = Diese Wunschliste wird nicht geteilt
shop-wishlist-shared-title = Wunschliste von { $owner }
shop-wishlist-shared-title-nameless = Geteilte Wunschliste

## Page not found
shop-not-found-title = Seite nicht gefunden
shop-not-found-heading = Wir konnten diese Seite nicht finden
shop-not-found-text = Das Produkt oder die Kategorie wurde möglicherweise verschoben oder ist nicht mehr verfügbar.
