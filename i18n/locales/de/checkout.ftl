# Checkout, order confirmation, test payment, invoice and order details.

## Checkout page
checkout-title = Kasse
checkout-contact = Kontakt
checkout-signed-in-as = Angemeldet als { $email }
checkout-email = E-Mail
checkout-have-account = Sie haben ein Konto?
checkout-sign-in = Anmelden
checkout-shipping-address = Lieferadresse
checkout-saved-addresses = Gespeicherte Adressen
checkout-new-address = Neue Adresse eingeben
checkout-full-name = Vollständiger Name
checkout-line1 = Straße und Hausnummer
checkout-line2 = Wohnung, Etage usw.
checkout-city = Ort
checkout-region = Bundesland, Provinz oder Region
checkout-postcode = Postleitzahl
checkout-country = Land
checkout-phone = Telefon
checkout-loading = Wird geladen…
checkout-back-to-cart = Zurück zu Ihrem Warenkorb
checkout-ships-free-from = versandkostenfrei ab { $amount }
checkout-shipping-method = Versandart
checkout-your-order = Ihre Bestellung
checkout-promo-code = Gutscheincode
checkout-apply = Einlösen
checkout-promo-applied = Code { $code } angewendet.
checkout-promo-minimum = Ab einem Einkaufswert von { $amount } können Sie { $code } verwenden.
checkout-discount = Rabatt
checkout-gift-card = Geschenkkarte ••••{ $last4 }
checkout-store-credit = Guthaben
checkout-to-pay-by-card = Per Karte zu zahlen
checkout-placing-order = Ihre Bestellung wird aufgegeben…
checkout-place-order = Bestellung aufgeben
checkout-place-order-and-pay = Kaufen und bezahlen
checkout-gift-card-code = Geschenkkartencode
checkout-use-gift-card = Verwenden
checkout-gift-card-left = Geschenkkarte ••••{ $last4 } (noch { $balance })
checkout-remove-gift-card = Entfernen
checkout-use-store-credit = Mein Guthaben verwenden ({ $amount })

## Totals (checkout and order details)
checkout-subtotal = Zwischensumme
checkout-shipping = Versand
checkout-tax-included = Enthaltene MwSt.
checkout-tax = MwSt.
checkout-total = Gesamt
checkout-order-discount = Rabatt { $code }
checkout-order-shipping = Versand ({ $method })
checkout-paid-with = Bezahlt mit { $method }
checkout-refunded = Erstattet

## Order confirmation
checkout-thank-you-title = Vielen Dank
checkout-waiting-for-payment = Wir warten auf die Bestätigung Ihrer Zahlung…
checkout-thank-you = Vielen Dank für Ihre Bestellung!
checkout-confirmation-sent = Eine Bestätigung ist unterwegs an { $email }.

## Test payment (offline gateway)
checkout-test-payment = Testzahlung
checkout-test-payment-note = Dieser Shop nimmt keine echten Zahlungen an: Diese Seite ersetzt den Zahlungsanbieter.
checkout-order = Bestellung
checkout-order-for = für { $email }
checkout-approve-payment = Zahlung genehmigen
checkout-decline-payment = Ablehnen
checkout-payment-settled = Diese Zahlung wurde bereits abgeschlossen.

## Invoice
checkout-invoice = Rechnung
checkout-invoice-order = Bestellung { $number }
checkout-invoice-date = Datum { $date }
checkout-bill-to = Rechnungsempfänger
checkout-col-item = Artikel
checkout-col-sku = Art.-Nr.
checkout-col-qty = Menge
checkout-col-unit = Einzelpreis
checkout-col-amount = Betrag
checkout-col-price = Preis
checkout-print = Drucken
checkout-invoice-unavailable = Die Rechnung ist verfügbar, sobald die Bestellung bezahlt ist.

## Order details
checkout-order-placed = aufgegeben am { $date }
checkout-line-shipped = { $count ->
    [one] { $count } versandt
   *[other] { $count } versandt
}
checkout-shipping-to = Lieferung an
checkout-history = Verlauf
checkout-printable-invoice = Druckbare Rechnung
checkout-shipments = Sendungen
checkout-tracking-number = Sendungsnummer:
