mail-order-confirmation-thanks = Vielen Dank für Ihre Bestellung { $number }. Wir haben Ihre Zahlung erhalten und melden uns, sobald sie versandt wird.
mail-view-order = Bestellung ansehen

# Für alle Mails: Fußzeile (layout) und die Tabelle einer Bestellung (order_lines).
mail-footer = Sie erhalten diese E-Mail aufgrund von Aktivitäten in Ihrem Konto bei { $shop }.
mail-lines-sku = Art.-Nr. { $sku }
mail-lines-subtotal = Zwischensumme
mail-lines-discount = Rabatt
mail-lines-shipping = Versand
mail-lines-tax-included = Enthaltene MwSt.
mail-lines-tax = MwSt.
mail-lines-total = Gesamt

## Betreffzeilen (templates.rs)
mail-subject-verify-email = Bestätigen Sie Ihre E-Mail-Adresse für { $shop }
mail-subject-welcome = Willkommen bei { $shop }
mail-subject-account-exists = Jemand wollte mit Ihrer E-Mail-Adresse ein Konto bei { $shop } anlegen
mail-subject-password-reset = Setzen Sie Ihr Passwort für { $shop } zurück
mail-subject-password-changed = Ihr Passwort für { $shop } wurde geändert
mail-subject-two-factor-changed = Die Zwei-Faktor-Authentifizierung Ihres Kontos bei { $shop } wurde geändert
mail-subject-sign-in-changed = Ihre Anmeldung bei { $shop } wurde geändert
mail-subject-privacy-request = Bestätigen Sie Ihre Datenanfrage bei { $shop }
mail-subject-account-deleted = Ihr Konto bei { $shop } wurde gelöscht
mail-subject-order-confirmation = Ihre Bestellung { $number } bei { $shop } ist bestätigt
mail-subject-payment-failed = Die Zahlung für Ihre Bestellung { $number } bei { $shop } ist fehlgeschlagen
mail-subject-order-shipped = Ihre Bestellung { $number } bei { $shop } ist unterwegs
mail-subject-order-cancelled = Ihre Bestellung { $number } bei { $shop } wurde storniert
mail-subject-order-refunded = Eine Erstattung für Ihre Bestellung { $number } bei { $shop }
mail-subject-staff-invite = Sie wurden eingeladen, im Team von { $shop } mitzuarbeiten
mail-subject-review-request = Wie gefällt Ihnen Ihre Bestellung { $number } bei { $shop }?
mail-subject-wishlist-back-in-stock = { $title } ist bei { $shop } wieder vorrätig
mail-subject-wishlist-price-drop = { $title } kostet bei { $shop } jetzt { $price }
mail-subject-webhook-disabled = Ein Webhook-Endpunkt von { $shop } wurde abgeschaltet
mail-subject-low-stock = Niedriger Bestand: nur noch { $available } × { $sku } in { $warehouse }
mail-subject-cart-reminder = Ihr Warenkorb bei { $shop } wartet auf Sie
mail-subject-return-approved = Ihre Rücksendung { $number } bei { $shop } ist genehmigt: So senden Sie sie zurück
mail-subject-return-rejected = Zu Ihrer Rücksendung { $number } bei { $shop }
mail-subject-gift-card-from = { $sender } hat Ihnen eine Geschenkkarte von { $shop } geschickt
mail-subject-gift-card = Eine Geschenkkarte von { $shop } für Sie

## payment_failed
mail-payment-failed-intro = Wir konnten die Zahlung für die Bestellung { $number } nicht einziehen. Deshalb wurde sie storniert, und es wurde nichts abgebucht.
mail-payment-failed-cart = Ihre Artikel liegen noch in Ihrem Warenkorb:
mail-payment-failed-try-again = noch einmal versuchen

## order_shipped
mail-order-shipped-all = Gute Nachrichten: Ihre Bestellung { $number } ist unterwegs.
mail-order-shipped-rest = Gute Nachrichten: Der Rest Ihrer Bestellung { $number } ist unterwegs.
mail-order-shipped-part = Gute Nachrichten: Ein Teil Ihrer Bestellung { $number } ist unterwegs. Sobald der Rest versandt wird, melden wir uns wieder.
mail-order-shipped-carrier = Versanddienstleister: { $carrier }
mail-order-shipped-tracking-number = Sendungsnummer:
mail-order-shipped-track-it = Sendung verfolgen:
mail-order-shipped-parcel = In diesem Paket:

## order_cancelled
mail-order-cancelled-intro = Die Bestellung { $number } wurde storniert.
mail-order-cancelled-refund = Falls Ihnen bereits etwas berechnet wurde, erstatten wir den Betrag auf Ihre ursprüngliche Zahlungsmethode.

## order_refunded
mail-order-refunded-intro = Wir haben Ihnen für die Bestellung { $number } insgesamt { $amount } erstattet. Es kann einige Tage dauern, bis der Betrag auf Ihrem Kontoauszug erscheint.

## review_request
mail-review-request-intro = Ihre Bestellung { $number } ist angekommen. Wie gefällt sie Ihnen? Ein paar Worte helfen anderen Kundinnen und Kunden bei der Auswahl.
mail-review-request-product = { $title } bewerten
mail-review-request-unwanted = Sie möchten diese E-Mails nicht erhalten?
mail-review-request-turn-off = In Ihrem Profil abbestellen

## cart_reminder
mail-cart-reminder-intro-one = Sie haben etwas in Ihrem Warenkorb gelassen. Er bleibt für Sie gespeichert, zu den heutigen Preisen:
mail-cart-reminder-intro-many = Sie haben einige Artikel in Ihrem Warenkorb gelassen. Er bleibt für Sie gespeichert, zu den heutigen Preisen:
mail-cart-reminder-back = Zurück zu Ihrem Warenkorb
mail-cart-reminder-not-held = Die Artikel werden erst reserviert, wenn Sie bestellen.
mail-cart-reminder-once = Wir senden diese Erinnerung nur einmal pro Warenkorb.
mail-cart-reminder-stop = Keine Warenkorb-Erinnerungen mehr

## gift_card
mail-gift-card-hello-name = Hallo { $name },
mail-gift-card-hello = Hallo,
mail-gift-card-intro-from = { $sender } hat Ihnen eine Geschenkkarte im Wert von { $amount } zum Einkaufen bei { $shop } geschickt.
mail-gift-card-intro = Hier ist eine Geschenkkarte im Wert von { $amount } zum Einkaufen bei { $shop }.
mail-gift-card-code = Ihr Code:
mail-gift-card-how = Geben Sie ihn an der Kasse ein: Er bezahlt so viel von der Bestellung, wie das Guthaben reicht, und der Rest bleibt für das nächste Mal auf der Karte.
mail-gift-card-visit = { $shop } besuchen
mail-gift-card-keep-safe = Bewahren Sie diesen Code sicher auf: Jeder, der ihn kennt, kann die Karte einlösen.
