# Die Kontoseiten der angemeldeten Kundschaft: Übersicht, Bestellungen,
# Rücksendungen, Profil, Adressen, Sicherheit, Anmeldemethoden, Datenschutz.

## Der Rahmen jeder Kontoseite
account-nav-label = Konto
account-nav-overview = Übersicht
account-nav-orders = Bestellungen
account-nav-profile = Profil
account-nav-addresses = Adressen
account-nav-security = Sicherheit
account-nav-privacy = Datenschutz
account-sign-out = Abmelden
account-current-password = Aktuelles Passwort
account-saved = Gespeichert.
account-save = Speichern

## Übersicht
account-overview-title = Ihr Konto
account-greeting = Hallo, { $name }.
account-signed-in-as = Angemeldet als { $email }
account-store-credit = Guthaben:
account-store-credit-note = — wird an der Kasse verrechnet, wenn Sie es wünschen.
account-verify-banner = Bitte bestätigen Sie Ihre E-Mail-Adresse über den Link, den wir Ihnen geschickt haben.
account-verify-resend = Link erneut senden
account-verify-sent = Ein neuer Link ist unterwegs.
account-two-factor-is-on = Die Zwei-Faktor-Authentifizierung ist aktiviert.
account-two-factor-is-off = Die Zwei-Faktor-Authentifizierung ist deaktiviert.
account-addresses-summary = Liefer- und Rechnungsadressen für den Bestellvorgang.

## Profil
account-profile-email = E-Mail: { $email }
account-field-name = Name
account-field-phone = Telefon
account-profile-marketing = Neuigkeiten und Angebote per E-Mail erhalten
account-profile-review-requests = Nach einer Lieferung um eine Bewertung meiner Einkäufe bitten
account-profile-cart-reminders = Einmal an Artikel erinnern, die noch in meinem Warenkorb liegen

## Adressen
account-address-edit = Bearbeiten
account-address-delete = Löschen
account-address-add = Adresse hinzufügen
account-address-default-shipping-badge = Standard für Lieferung
account-address-default-billing-badge = Standard für Rechnung
account-address-full-name = Vollständiger Name
account-address-company = Firma
account-address-line1 = Straße und Hausnummer
account-address-line2 = Adresszusatz (Wohnung, Etage usw.)
account-address-city = Ort
account-address-region = Bundesland, Provinz oder Region
account-address-postal-code = Postleitzahl
account-address-country = Land
account-address-default-shipping = Standard-Lieferadresse
account-address-default-billing = Standard-Rechnungsadresse
account-address-save = Adresse speichern

## Bestellungen
account-orders-empty = Noch keine Bestellungen.
account-orders-start-shopping = Jetzt einkaufen
account-orders-col-order = Bestellung
account-orders-col-placed = Aufgegeben
account-orders-col-items = Artikel
account-orders-col-status = Status
account-orders-col-total = Summe
account-order-title = Bestellung
account-order-cancel = Diese Bestellung stornieren

## Rücksendungen auf der Seite einer Bestellung
account-returns-title = Rücksendungen
account-returns-ask-title = Etwas zurücksenden
account-returns-ask-until = Sie können bis zum { $date } eine Rücksendung anfragen.
account-returns-how-many = Wie viele von jedem Artikel
account-returns-line = { $title } ({ $variant }) — bis zu { $left }
account-returns-reason = Warum geht es zurück?
account-returns-note = Gibt es etwas, das wir wissen sollten? (optional)
account-returns-submit = Rücksendung anfragen

## Datenschutz
account-privacy-download-title = Ihre Daten herunterladen
account-privacy-download-text = Ihr Profil, Ihre Adressen, Anmeldungen und die in Ihrem Konto aufgegebenen Bestellungen als JSON-Datei.
account-privacy-wrong-password = Ihr aktuelles Passwort ist nicht korrekt.
account-privacy-download = Meine Daten herunterladen
account-privacy-delete-title = Ihr Konto löschen
account-privacy-delete-text = Ihr Profil, Ihre Adressen, Anmeldungen und Sicherheitseinstellungen werden gelöscht, und Ihr Name, Ihre E-Mail-Adresse, Telefonnummer und Anschrift werden aus Ihren früheren Bestellungen entfernt. Was bleibt, weil das Steuerrecht es verlangt: für jede Bestellung, was gekauft wurde, die Beträge, die Steuer sowie Land und Region, in die sie ging — nichts, was Sie persönlich benennt. Dies kann nicht rückgängig gemacht werden.
account-privacy-delete = Mein Konto löschen

## Sicherheit: Passwort
account-password-title = Passwort
account-password-changed = Passwort geändert. Ihre anderen Sitzungen wurden abgemeldet.
account-new-password = Neues Passwort
account-new-password-hint = Mindestens 12 Zeichen.
account-change-password = Passwort ändern

## Sicherheit: Zwei-Faktor-Authentifizierung
account-tfa-title = Zwei-Faktor-Authentifizierung
account-tfa-on = { $count ->
    [one] Aktiviert. Noch { $count } Wiederherstellungscode übrig.
   *[other] Aktiviert. Noch { $count } Wiederherstellungscodes übrig.
}
account-tfa-new-codes = Neue Wiederherstellungscodes erstellen
account-tfa-turn-off = Zwei-Faktor-Authentifizierung deaktivieren
account-tfa-off = Deaktiviert. Fügen Sie jeder Anmeldung einen Code aus einer Authenticator-App hinzu.
account-tfa-scan = Scannen Sie diesen QR-Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel ein.
account-tfa-key = Schlüssel:
account-tfa-code = 6-stelliger Code
account-tfa-turn-on = Aktivieren
account-tfa-set-up = Zwei-Faktor-Authentifizierung einrichten
account-recovery-codes = Ihre Wiederherstellungscodes. Speichern Sie sie jetzt; jeder Code funktioniert nur einmal, und sie werden nicht noch einmal angezeigt.

## Sicherheit: Sitzungen
account-sessions-title = Wo Sie angemeldet sind
account-sessions-signed-out = { $count ->
    [one] Von { $count } anderen Sitzung abgemeldet.
   *[other] Von { $count } anderen Sitzungen abgemeldet.
}
account-sessions-this-device = Dieses Gerät
account-sessions-sign-out-others = Von allen anderen Sitzungen abmelden

## Sicherheit: mit einem anderen Konto anmelden
account-providers-title = Mit einem anderen Konto anmelden
account-providers-linked-now = Verknüpft.
account-providers-linked = Verknüpft: { $email }
account-providers-not-linked = Nicht verknüpft
account-providers-unlink = Verknüpfung aufheben
account-providers-link = Verknüpfen
account-providers-no-password = Ihr Konto hat kein Passwort: Sie melden sich mit einem verknüpften Konto an. Über „Passwort vergessen?“ auf der Anmeldeseite erhalten Sie einen Link, um eines festzulegen.
account-profile-language = Sprache
account-profile-language-hint = Die Sprache der E-Mails, die wir Ihnen senden.
