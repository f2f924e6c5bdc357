# Fehlermeldungen: was der Server ablehnt, in der Sprache der Leserin.

## Jede Anfrage
error-not-found = Wir konnten { $what ->
    [product] dieses Produkt
    [order] diese Bestellung
    [category] diese Kategorie
    [page] diese Seite
   *[other] das Gesuchte
} nicht finden.
error-check-fields = Einige Felder brauchen Ihre Aufmerksamkeit: Jedes ist unten markiert.
error-invalid-credentials = E-Mail-Adresse oder Passwort ist falsch.
error-sign-in-required = Bitte melden Sie sich an, um fortzufahren.
error-forbidden = Dazu fehlt Ihnen die Berechtigung.
error-second-factor-required = Aktivieren Sie die Zwei-Faktor-Authentifizierung unter Konto → Sicherheit, um die Mitarbeiterwerkzeuge zu nutzen.
error-too-many-attempts = Zu viele Versuche. Bitte warten Sie { $minutes ->
    [one] eine Minute
   *[other] { $minutes } Minuten
} und versuchen Sie es erneut.
error-busy = Gerade ist sehr viel los. Bitte versuchen Sie es gleich noch einmal.
error-unavailable-search = Unsere Suche macht gerade eine kurze Pause. Bitte versuchen Sie es gleich noch einmal oder stöbern Sie in den Kategorien.
error-unavailable = Dieser Teil des Shops macht gerade eine kurze Pause. Bitte versuchen Sie es gleich noch einmal.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.

## Warenkorb und Kasse
error-cart-quantity = Wählen Sie eine Menge von mindestens 1.
error-cart-out-of-stock = Dieser Artikel ist leider ausverkauft.
error-checkout-shipping-method = Wählen Sie eine Versandart.
error-checkout-currency-gone = Der Shop verkauft nicht mehr in dieser Währung. Bitte prüfen Sie Ihren Warenkorb.
error-checkout-total-changed = Ihre Gesamtsumme hat sich von { $before } auf { $after } geändert, weil sich Preise, Bestand oder Ihr Warenkorb geändert haben. Bitte prüfen Sie die neue Summe und bestellen Sie erneut.
error-checkout-cart-empty = Ihr Warenkorb ist leer.
error-checkout-not-sold = { $product } wird nicht mehr verkauft. Bitte entfernen Sie es aus Ihrem Warenkorb.
error-checkout-sold-out = { $product } ({ $variant }) ist ausverkauft. Bitte entfernen Sie es aus Ihrem Warenkorb.
error-balance-changed = Das Guthaben einer Geschenkkarte oder Ihr Shop-Guthaben hat sich während der Zahlung geändert. Bitte prüfen Sie die neue Summe und bestellen Sie erneut.
error-gift-code = Das ist kein Geschenkkartencode: Codes haben 16 Buchstaben und Ziffern, etwa ABCD-EFGH-JKLM-NPQR.
error-promo-invalid = Dieser Aktionscode ist ungültig.
error-promo-not-yet = Dieser Aktionscode ist noch nicht gültig.
error-promo-expired = Dieser Aktionscode ist abgelaufen.
error-promo-used-up = Dieser Aktionscode ist aufgebraucht.
error-promo-already-used = Sie haben diesen Aktionscode bereits verwendet.
error-promo-just-used-up = Dieser Aktionscode wurde gerade aufgebraucht.

## Adressen
error-address-required = Bitte geben Sie { $field ->
    [full_name] den vollständigen Namen
    [line1] die Straße und Hausnummer
    [city] den Ort
   *[other] „{ $label }“
} an.
error-address-too-long = { $field ->
    [full_name] Der vollständige Name
    [line1] Die Straße und Hausnummer
    [city] Der Ort
   *[other] „{ $label }“
} darf höchstens { $max } Zeichen lang sein.
error-address-characters = { $field ->
    [full_name] Der vollständige Name
    [line1] Die Straße und Hausnummer
    [city] Der Ort
   *[other] „{ $label }“
} enthält Zeichen, die wir nicht speichern können.
error-country = Wählen Sie ein Land aus der Liste.
error-postal-code = Geben Sie eine gültige Postleitzahl für { $country } ein, etwa { $example }.
error-address-book-full = Ihr Adressbuch ist voll ({ $max } Adressen). Löschen Sie zuerst eine.

## Konten
error-email-invalid = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
error-name-too-long = Ihr Name darf höchstens { $max } Zeichen lang sein.
error-name-characters = Ihr Name enthält Zeichen, die wir nicht speichern können.
error-link-expired = Dieser Link ist nicht mehr gültig.
error-email-confirmed = Ihre E-Mail-Adresse ist bereits bestätigt.
error-password-short = Verwenden Sie mindestens { $min } Zeichen. Ein paar Wörter, die nichts miteinander zu tun haben, ergeben eine starke, leicht zu merkende Passphrase.
error-password-long = Verwenden Sie höchstens { $max } Zeichen.
error-password-common = Dieses Passwort ist zu verbreitet und leicht zu erraten. Wählen Sie etwas Persönlicheres.
error-password-email = Verwenden Sie Ihre E-Mail-Adresse nicht im Passwort.
error-password-repeated = Ein einziges wiederholtes Zeichen ist zu leicht zu erraten.
error-cart-per-order = Sie können höchstens { $max } Stück dieses Artikels pro Bestellung kaufen.
error-cart-only-left = Nur noch { $count } auf Lager.
error-checkout-only-left = Nur noch { $count } × { $product } ({ $variant }) verfügbar. Bitte verringern Sie die Menge.
error-gift-unknown = Diesen Geschenkkartencode kennen wir nicht. Bitte prüfen Sie ihn und versuchen Sie es erneut.
error-gift-unusable = Diese Geschenkkarte kann nicht verwendet werden. Melden Sie sich bei uns, wenn Sie das für einen Fehler halten.
error-gift-currency = Diese Geschenkkarte lautet auf { $card }; dieser Shop rechnet in { $shop } ab.
error-gift-empty = Auf dieser Geschenkkarte ist kein Guthaben mehr.
error-gift-too-many = Verwenden Sie höchstens { $max } Geschenkkarten pro Bestellung.
