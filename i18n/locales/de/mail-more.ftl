# Mails zu Rücksendungen, zur Wunschliste und für Mitarbeitende
# (domain/src/mail/templates/).

## return_approved
mail-return-approved-intro = Ihre Rücksendung { $number } wurde genehmigt. Bitte senden Sie uns Folgendes zurück:
mail-return-approved-pack = Verpacken Sie die Artikel sicher und schreiben Sie { $number } auf das Paket, damit wir es bei der Ankunft zuordnen können.
mail-return-approved-refund = Sobald die Artikel bei uns angekommen sind, erstatten wir Ihnen den Betrag.
mail-return-approved-follow = Rücksendung verfolgen

## return_rejected
mail-return-rejected-intro = Wir können Ihre Rücksendung { $number } leider nicht annehmen:
mail-return-rejected-dont-send = Bitte senden Sie die Artikel nicht ein. Wenn Sie Fragen haben, antworten Sie einfach auf diese E-Mail.
mail-return-rejected-your-order = Ihre Bestellung

## wishlist_back_in_stock
mail-wishlist-back-in-stock-intro = Gute Nachricht: { $title } ({ $variant }) von Ihrer Wunschliste ist wieder auf Lager, zum Preis von { $price }.
mail-wishlist-back-in-stock-hurry = Der Artikel kann schnell wieder ausverkauft sein.
mail-wishlist-back-in-stock-move-to-cart = { $link }, um den Artikel in Ihren Warenkorb zu legen.
mail-wishlist-back-in-stock-open-wishlist = Öffnen Sie Ihre Wunschliste
mail-wishlist-back-in-stock-see-it = Zum Artikel
mail-wishlist-back-in-stock-your-wishlist = Ihre Wunschliste
mail-wishlist-back-in-stock-why = Sie erhalten diese E-Mail, weil der Artikel auf Ihrer Wunschliste steht.
mail-wishlist-back-in-stock-stop = Wunschlisten-E-Mails abbestellen

## wishlist_price_drop
mail-wishlist-price-drop-intro = { $title } ({ $variant }) von Ihrer Wunschliste kostet jetzt { $price } statt { $was }.
mail-wishlist-price-drop-move-to-cart = { $link }, um den Artikel in Ihren Warenkorb zu legen.
mail-wishlist-price-drop-open-wishlist = Öffnen Sie Ihre Wunschliste
mail-wishlist-price-drop-see-it = Zum Artikel
mail-wishlist-price-drop-your-wishlist = Ihre Wunschliste
mail-wishlist-price-drop-why = Sie erhalten diese E-Mail, weil der Artikel auf Ihrer Wunschliste steht.
mail-wishlist-price-drop-stop = Wunschlisten-E-Mails abbestellen

## staff_invite
mail-staff-invite-intro = Sie wurden eingeladen, im Team von { $shop } mitzuarbeiten.
mail-staff-invite-choose-here = Legen Sie hier Ihr Passwort fest:
mail-staff-invite-button = Passwort festlegen
mail-staff-invite-paste-link = Oder fügen Sie diesen Link in Ihren Browser ein:
mail-staff-invite-expiry = Der Link funktioniert einmal und ist drei Tage lang gültig. Melden Sie sich danach an und öffnen Sie den Admin-Bereich unter { $admin_link }.

## webhook_disabled
mail-webhook-disabled-intro = { $shop } hat den Webhook-Endpunkt { $url } abgeschaltet: Die letzten { $failures } Zustellversuche sind fehlgeschlagen, der erste davon am { $since }.
mail-webhook-disabled-what-now = Es werden keine Ereignisse mehr an ihn gesendet. Sobald der Empfänger wieder funktioniert, schalten Sie den Endpunkt wieder ein und stellen Sie die verpassten Ereignisse über sein Zustellprotokoll erneut zu:
mail-webhook-disabled-button = Webhooks öffnen
mail-webhook-disabled-paste-link = Oder fügen Sie diesen Link in Ihren Browser ein:

## low_stock
mail-low-stock-intro = Der Bestand von { $title } ({ $variant }, SKU { $sku }) im Lager { $warehouse } wird knapp: noch { $available } Stück verkaufbar. Der Artikel löst bei { $threshold } Stück oder weniger eine Warnung aus.
mail-low-stock-restock-in-editor = Bestand im Produkteditor auffüllen
mail-low-stock-restock = Bestand auffüllen
mail-low-stock-why = Sie erhalten diese E-Mail, weil Sie Katalog und Bestand von { $shop } betreuen. Der Schwellenwert wird pro Produkt im Produkteditor festgelegt.
