# Mails zum Kundenkonto (domain/src/mail/templates/): Adresse bestätigen,
# Willkommen, Registrierung mit bekannter Adresse, Passwort zurücksetzen und
# geändert, Änderungen an Zwei-Faktor und Anmeldung, Datenanfragen von Gästen
# und Kontolöschung.

## verify_email
mail-verify-email-greeting-name = Hallo { $name },
mail-verify-email-greeting = Hallo,
mail-verify-email-confirm-address = Bitte bestätigen Sie, dass dies Ihre E-Mail-Adresse ist, damit wir Ihr Konto schützen können.
mail-verify-email-confirm-address-link = Bitte bestätigen Sie, dass dies Ihre E-Mail-Adresse ist:
mail-verify-email-button = E-Mail-Adresse bestätigen
mail-verify-email-paste-link = Oder kopieren Sie diesen Link in Ihren Browser:
mail-verify-email-expiry = Der Link ist 48 Stunden lang gültig. Falls Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.

## welcome
mail-welcome-greeting-name = Hallo { $name },
mail-welcome-greeting = Hallo,
mail-welcome-ready = Ihre E-Mail-Adresse ist bestätigt und Ihr Konto bei { $shop } ist eingerichtet.
mail-welcome-start-shopping = Jetzt einkaufen

## account_exists
mail-account-exists-intro = Jemand (hoffentlich Sie) hat versucht, mit dieser E-Mail-Adresse ein Konto bei { $shop } anzulegen, aber Sie haben bereits eines.
mail-account-exists-button = Mein Passwort zurücksetzen
mail-account-exists-reset-here = Falls Sie Ihr Passwort vergessen haben, können Sie es hier zurücksetzen:
mail-account-exists-not-you = Falls Sie das nicht waren, können Sie diese E-Mail ignorieren; Ihr Konto bleibt unverändert.

## password_reset
mail-password-reset-intro = Wir haben eine Anfrage erhalten, Ihr Passwort zurückzusetzen.
mail-password-reset-choose-here = Hier können Sie ein neues wählen:
mail-password-reset-button = Neues Passwort wählen
mail-password-reset-paste-link = Oder kopieren Sie diesen Link in Ihren Browser:
mail-password-reset-expiry = Der Link funktioniert einmal und ist eine Stunde lang gültig. Falls Sie dies nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.

## password_changed
mail-password-changed-intro = Ihr Passwort wurde soeben geändert, und Sie wurden von Ihren anderen Sitzungen abgemeldet.
mail-password-changed-not-you = Falls Sie das nicht waren, setzen Sie Ihr Passwort jetzt zurück:

## two_factor_changed
mail-two-factor-changed-intro = Zwei-Faktor-Authentifizierung für Ihr Konto: { $what }.
mail-two-factor-changed-not-you = Falls Sie das nicht waren, setzen Sie Ihr Passwort jetzt zurück – dabei werden auch alle Sitzungen beendet:

## sign_in_changed
mail-sign-in-changed-intro = Die Art, wie Sie sich bei Ihrem Konto anmelden, hat sich geändert: { $what }.
mail-sign-in-changed-not-you = Falls Sie das nicht waren, setzen Sie Ihr Passwort jetzt zurück – dabei werden auch alle Sitzungen beendet:

## privacy_request
mail-privacy-request-intro = Jemand – hoffentlich Sie – hat für die Bestellungen mit dieser E-Mail-Adresse Folgendes angefordert: { $what }.
mail-privacy-request-confirm = Um fortzufahren, öffnen Sie innerhalb einer Stunde diesen Link und bestätigen Sie:
mail-privacy-request-not-you = Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Link geschieht nichts.

## account_deleted
mail-account-deleted-done = Ihr Konto wurde wie gewünscht gelöscht: Ihr Profil, Ihre Adressen, gespeicherten Anmeldungen und Sicherheitseinstellungen sind entfernt, ebenso Ihr Name, Ihre E-Mail-Adresse, Telefonnummer und Anschrift aus Ihren früheren Bestellungen.
mail-account-deleted-kept = Was wir aufbewahren, weil das Steuer- und Handelsrecht es verlangt (so lange, wie es das Gesetz vorschreibt, meist 6 bis 10 Jahre): für jede Bestellung, was gekauft wurde, die gezahlten und erstatteten Beträge, die Steuer sowie Land und Region, in die sie ging. Nichts davon lässt sich über Name oder Adresse mit Ihnen in Verbindung bringen.
mail-account-deleted-last = Dies ist die letzte E-Mail, die wir an diese Adresse senden. Vielen Dank, dass Sie bei uns eingekauft haben.

mail-what-two-factor-on = sie wurde eingeschaltet
mail-what-two-factor-off = sie wurde ausgeschaltet
mail-what-recovery-codes = neue Wiederherstellungscodes wurden erstellt (die alten gelten nicht mehr)
mail-what-provider-linked = { $provider } kann Sie jetzt anmelden
mail-what-provider-unlinked = { $provider } kann Sie nicht mehr anmelden
mail-what-privacy-export = eine Kopie der Bestelldaten, die wir speichern
mail-what-privacy-erase = die Löschung Ihres Namens und Ihrer Kontaktdaten aus Ihren Bestellungen
