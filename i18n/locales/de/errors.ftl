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
error-too-many-seconds = Zu viele Versuche. Bitte warten Sie { $seconds ->
    [one] eine Sekunde
   *[other] { $seconds } Sekunden
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

## Bewertungen
error-review-rating = Wählen Sie einen bis fünf Sterne.
error-review-title = Geben Sie Ihrer Bewertung einen Titel mit höchstens { $max } Zeichen.
error-review-body = Sagen Sie anderen Kunden in { $min } bis { $max } Zeichen, was Sie denken.
error-review-offensive = Bitte formulieren Sie um: Bewertungen dürfen keine beleidigende Sprache enthalten.
error-review-buyers-only = Nur Kunden, die dieses Produkt erhalten haben, können es bewerten.
error-review-own-vote = Sie können nicht für Ihre eigene Bewertung stimmen.
error-review-report-reason = Sagen Sie kurz, was an der Bewertung nicht stimmt (höchstens { $max } Zeichen).
error-review-photos-full = Eine Bewertung kann höchstens { $max } Fotos haben.
error-review-photo-first = Schreiben Sie zuerst Ihre Bewertung und fügen Sie dann Fotos hinzu.

## Wunschliste
error-wishlist-full = Ihre Wunschliste ist voll ({ $max } Artikel). Entfernen Sie etwas, um dies zu speichern.

## Rücksendungen
error-return-note = Die Notiz darf höchstens { $max } Zeichen reinen Text enthalten.
error-return-too-many-lines = Das sind mehr Positionen, als die Bestellung hat.
error-return-not-in-order = { $sku } ist nicht Teil dieser Bestellung.
error-return-nothing = Wählen Sie mindestens einen Artikel zum Zurücksenden.
error-return-quantity = Sie können 1 bis { $max } × { $product } ({ $variant }) zurücksenden.
error-return-reason = Wählen Sie den Grund für die Rücksendung.
error-return-already = { $product } ({ $variant }) wird bereits in der versandten Menge zurückgesendet.
error-return-not-paid = Diese Bestellung wurde storniert oder erstattet; es gibt nichts zurückzusenden.
error-return-not-shipped = Rücksendungen sind möglich, sobald etwas versandt wurde.
error-return-by-arrangement = Dieser Shop nimmt Rücksendungen nur nach Absprache an: Bitte kontaktieren Sie uns.
error-return-window-closed = Die Rückgabefrist von { $days } Tagen für diese Bestellung ist abgelaufen.

## Gekaufte Geschenkkarten
error-gift-amount = Wählen Sie einen Betrag von { $min } bis { $max }.
error-gift-recipient = Geben Sie die E-Mail-Adresse des Empfängers ein, z. B. name@example.com.
error-gift-deliver-on = Wählen Sie den Tag, an dem sie ankommen soll.
error-gift-deliver-range = Wählen Sie einen Tag zwischen heute und einem Jahr im Voraus.
error-text-too-long = Höchstens { $max } Zeichen, bitte.

## Kontosicherheit und Datenschutz
error-2fa-already-on = Die Zwei-Faktor-Authentifizierung ist bereits aktiviert.
error-2fa-confirm-email = Bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben (unter Konto → Profil können Sie ihn erneut anfordern).
error-2fa-restart = Beginnen Sie die Einrichtung erneut: Scannen Sie zuerst den neuen QR-Code.
error-2fa-code-mismatch = Dieser Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und geben Sie den aktuellen 6-stelligen Code ein.
error-2fa-off = Aktivieren Sie zuerst die Zwei-Faktor-Authentifizierung.
error-2fa-code-wrong = Dieser Code hat nicht funktioniert. Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.
error-current-password = Ihr aktuelles Passwort ist nicht korrekt.
error-account-disabled = Dieses Konto wurde deaktiviert. Bitte wenden Sie sich an den Shop, wenn Sie das für einen Fehler halten.
error-privacy-kind = Wählen Sie eine Kopie Ihrer Daten oder deren Löschung.
error-privacy-link = Dieser Link ist abgelaufen oder wurde bereits verwendet. Bitte fordern Sie ihn erneut an.
error-phone = Geben Sie eine Telefonnummer mit { $min } bis { $max } Ziffern ein, z. B. +49 30 901820.

## Anmelden über einen Identitätsanbieter
error-unavailable-identity = Wir konnten den Anmeldedienst nicht erreichen. Bitte versuchen Sie es gleich noch einmal oder melden Sie sich mit E-Mail und Passwort an.
error-identity-expired = Diese Anmeldung hat zu lange gedauert oder wurde in einem anderen Browser begonnen. Bitte versuchen Sie es noch einmal.
error-identity-too-slow = Diese Anmeldung hat zu lange gedauert. Bitte versuchen Sie es noch einmal.
error-identity-signs-in-elsewhere = Dieses { $provider }-Konto meldet sich hier bereits bei einem anderen Konto an.
error-identity-email-unconfirmed = { $provider } hat uns Ihre E-Mail-Adresse nicht bestätigt, daher können wir Sie damit nicht anmelden. Melden Sie sich mit E-Mail und Passwort an und verknüpfen Sie { $provider } dann in den Sicherheitseinstellungen Ihres Kontos.
error-identity-only-way-in = So melden Sie sich an: Legen Sie zuerst ein Passwort fest („Passwort vergessen?“ auf der Anmeldeseite schickt einen Link) und heben Sie die Verknüpfung dann auf.
error-identity-linked-to-another = Dieses Konto ist bereits mit einem anderen { $provider }-Konto verknüpft: Heben Sie diese Verknüpfung zuerst in den Sicherheitseinstellungen Ihres Kontos auf.
error-identity-account-just-opened = Für diese E-Mail-Adresse wurde gerade ein Konto eröffnet. Bitte versuchen Sie es noch einmal.
error-identity-declined = { $provider } hat Sie nicht angemeldet, daher hat sich hier nichts geändert.
error-staff-provider = Mitarbeitende melden sich mit { $provider } an.
