# Anmelden und die Seiten drumherum: Anmeldung, Registrierung, Verknüpfen
# eines Anbieters, vergessenes und neues Passwort, E-Mail-Bestätigung
# (`auth-`), sowie die Hilfeseiten für Gäste: Geschenkkarten, Bestellsuche,
# Datenanfragen und die Links zum Abbestellen von E-Mails (`help-`).

## Gemeinsam auf den Anmeldeseiten
auth-sign-in = Anmelden
auth-email = E-Mail
auth-password = Passwort
auth-create-account-title = Konto erstellen
auth-forgot-title = Passwort vergessen?

## Anmelden
auth-signin-reset-done = Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen Passwort an.
auth-signin-code-intro = Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.
auth-signin-code = Code
auth-signin-verify = Bestätigen

## Identitätsanbieter
auth-providers-or = oder
auth-providers-continue = Weiter mit { $provider }

## Registrieren
auth-signup-name = Name
auth-signup-password-hint = Mindestens 12 Zeichen. Einige Wörter ohne Zusammenhang ergeben eine sichere Passphrase.
auth-signup-marketing = Neuigkeiten und Angebote per E-Mail erhalten
auth-signup-submit = Konto erstellen
# Danach folgt ein Link „Anmelden“.
auth-signup-have-account = Sie haben bereits ein Konto?
auth-signup-done = Sehen Sie in Ihrem Posteingang nach: Wir haben Ihnen einen Link zur Bestätigung Ihrer E-Mail-Adresse geschickt. Falls Sie bereits ein Konto haben, haben wir Ihnen stattdessen eine Erinnerung gesendet.

## Die Anmeldung eines Anbieters mit einem bestehenden Konto verknüpfen
auth-link-title = Anmeldung verknüpfen
auth-link-explain = Laut { $provider } gehört Ihnen { $email }, und dafür gibt es hier bereits ein Konto. Verknüpfen Sie beides, dann können Sie sich ab sofort mit { $provider } bei diesem Konto anmelden.
auth-link-submit = Verknüpfen und anmelden
auth-link-cancel = Nicht verknüpfen
# Danach folgt ein Link „Anmelden“.
auth-link-nothing = Es gibt nichts zu bestätigen.

## Passwort vergessen
auth-forgot-intro = Wir senden Ihnen per E-Mail einen Link, mit dem Sie ein neues Passwort wählen können.
auth-forgot-submit = Link zum Zurücksetzen senden
auth-forgot-sent = Falls für diese Adresse ein Konto existiert, ist ein Link zum Zurücksetzen unterwegs. Er ist eine Stunde lang gültig.

## Neues Passwort
auth-reset-title = Neues Passwort wählen
auth-reset-password = Neues Passwort
auth-reset-password-hint = Mindestens 12 Zeichen. Sie werden auf allen Geräten abgemeldet.
auth-reset-submit = Passwort ändern

## E-Mail-Adresse bestätigen
auth-verify-title = E-Mail-Adresse bestätigen
auth-verify-done = Vielen Dank, Ihre E-Mail-Adresse ist bestätigt.
auth-verify-to-account = Zu Ihrem Konto
auth-verify-intro = Bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört.
auth-verify-submit = E-Mail-Adresse bestätigen

## Geschenkkarten
help-gift-cards-title = Geschenkkarten
help-gift-cards-description = Verschicken Sie eine Geschenkkarte per E-Mail – an dem Tag, den Sie wählen.
help-gift-cards-intro = Wählen Sie einen Betrag von { $min } bis { $max }. Der Code kommt am gewünschten Tag per E-Mail an und kann für alles im Shop eingelöst werden.
help-gift-cards-amount = Betrag
help-gift-cards-amount-hint = z. B. 25,00
help-gift-cards-your-email = Ihre E-Mail-Adresse
help-gift-cards-your-email-hint = Für den Beleg.
help-gift-cards-recipient-email = E-Mail-Adresse des Empfängers
help-gift-cards-recipient-email-hint = Leer lassen, um die Karte selbst zu erhalten.
help-gift-cards-recipient-name = Name des Empfängers
help-gift-cards-from = Von
help-gift-cards-from-hint = Ihr Name, so wie der Empfänger Sie kennt.
help-gift-cards-message = Nachricht
help-gift-cards-deliver-on = Zustellen am
help-gift-cards-deliver-on-hint = Leer lassen, um sie nach der Bezahlung zu versenden.
help-gift-cards-buy = Kaufen und bezahlen

## Eine Bestellung ohne Konto finden
help-lookup-title = Ihre Bestellung finden
help-lookup-number = Bestellnummer
help-lookup-number-hint = Wie in Ihrer Bestätigungs-E-Mail angegeben, z. B. MC-7K3Q9X.
help-lookup-email = E-Mail
help-lookup-submit = Bestellung suchen

## Die Daten eines Gastes: Kopie oder Löschung
help-privacy-title = Ihre Daten
help-privacy-erased = Erledigt: Ihr Name, Ihre E-Mail-Adresse, Telefonnummer und Anschrift wurden aus Ihren Bestellungen entfernt.
help-privacy-expired = Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie unten einen neuen an.
help-privacy-intro = Ohne Konto gekauft? Fordern Sie eine Kopie der Daten an, die wir zu Ihren Bestellungen gespeichert haben, oder lassen Sie Ihren Namen und Ihre Kontaktdaten daraus löschen. Wir senden einen Link an die Adresse, die Sie verwendet haben, um sicherzugehen, dass sie Ihnen gehört. Sie haben ein Konto? Nutzen Sie stattdessen Konto → Datenschutz.
help-privacy-email = E-Mail-Adresse Ihrer Bestellungen
help-privacy-what = Was möchten Sie?
help-privacy-export = Eine Kopie meiner Bestelldaten
help-privacy-erase = Meine Daten aus meinen Bestellungen löschen
help-privacy-submit = Link per E-Mail senden
help-privacy-sent = Falls wir Bestellungen unter dieser Adresse haben, ist ein Link unterwegs. Er funktioniert einmal und ist eine Stunde lang gültig.
help-privacy-confirm-title = Datenanfrage bestätigen
help-privacy-confirm-intro = Bestätigen Sie, um Ihre Bestelldaten herunterzuladen oder Ihre Daten aus Ihren Bestellungen zu löschen – je nachdem, was Sie angefordert haben. Das Löschen kann nicht rückgängig gemacht werden: Es bleibt nur, was das Steuerrecht verlangt (was gekauft wurde, die Beträge und das Land) – nichts, was Sie persönlich benennt.
help-privacy-confirm = Bestätigen

## Wunschlisten-E-Mails und Warenkorb-Erinnerungen über den Link einer E-Mail abbestellen
help-alerts-off-title = E-Mails zur Wunschliste
help-alerts-off-done = Erledigt: keine E-Mails mehr zu wieder verfügbaren Artikeln oder Preissenkungen. Ihre Wunschliste bleibt, wie sie ist.
help-alerts-off-question = E-Mails zu Artikeln auf Ihrer Wunschliste abbestellen?
help-alerts-off-submit = Wunschlisten-E-Mails abbestellen
help-reminders-off-title = Warenkorb-Erinnerungen
help-reminders-off-done = Erledigt: Wir erinnern Sie nicht mehr an Ihre Warenkörbe. Angemeldete Kunden können die Erinnerungen in ihrem Profil wieder einschalten.
help-reminders-off-question = E-Mails zu Artikeln abbestellen, die noch in Ihrem Warenkorb liegen? E-Mails zu Bestellungen und Ihrem Konto erhalten Sie weiterhin.
help-reminders-off-submit = Keine Warenkorb-Erinnerungen mehr
