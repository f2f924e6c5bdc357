# E-mails de retours, de liste d’envies et pour l’équipe
# (domain/src/mail/templates/).

## return_approved
mail-return-approved-intro = Votre retour { $number } est accepté. Merci de nous renvoyer :
mail-return-approved-pack = Emballez soigneusement les articles et inscrivez { $number } sur le colis, afin que nous sachions à qui il appartient à son arrivée.
mail-return-approved-refund = Nous vous remboursons dès réception des articles.
mail-return-approved-follow = Suivre votre retour

## return_rejected
mail-return-rejected-intro = Nous ne pouvons pas accepter votre retour { $number } :
mail-return-rejected-dont-send = Merci de ne pas renvoyer les articles. Pour toute question, répondez simplement à cet e-mail.
mail-return-rejected-your-order = Votre commande

## wishlist_back_in_stock
mail-wishlist-back-in-stock-intro = Bonne nouvelle : { $title } ({ $variant }), qui figure dans votre liste d’envies, est de nouveau en stock, à { $price }.
mail-wishlist-back-in-stock-hurry = Le stock peut vite s’épuiser.
mail-wishlist-back-in-stock-move-to-cart = { $link } pour l’ajouter à votre panier.
mail-wishlist-back-in-stock-open-wishlist = Ouvrez votre liste d’envies
mail-wishlist-back-in-stock-see-it = Voir l’article
mail-wishlist-back-in-stock-your-wishlist = Votre liste d’envies
mail-wishlist-back-in-stock-why = Vous recevez cet e-mail parce que cet article figure dans votre liste d’envies.
mail-wishlist-back-in-stock-stop = Arrêter les e-mails de la liste d’envies

## wishlist_price_drop
mail-wishlist-price-drop-intro = { $title } ({ $variant }), qui figure dans votre liste d’envies, est maintenant à { $price } au lieu de { $was }.
mail-wishlist-price-drop-move-to-cart = { $link } pour l’ajouter à votre panier.
mail-wishlist-price-drop-open-wishlist = Ouvrez votre liste d’envies
mail-wishlist-price-drop-see-it = Voir l’article
mail-wishlist-price-drop-your-wishlist = Votre liste d’envies
mail-wishlist-price-drop-why = Vous recevez cet e-mail parce que cet article figure dans votre liste d’envies.
mail-wishlist-price-drop-stop = Arrêter les e-mails de la liste d’envies

## staff_invite
mail-staff-invite-intro = Nous vous invitons à participer à la gestion de { $shop }.
mail-staff-invite-choose-here = Choisissez votre mot de passe ici :
mail-staff-invite-button = Choisir votre mot de passe
mail-staff-invite-paste-link = Ou collez ce lien dans votre navigateur :
mail-staff-invite-expiry = Le lien ne fonctionne qu’une fois, pendant trois jours. Connectez-vous ensuite et ouvrez l’administration à l’adresse { $admin_link }.

## webhook_disabled
mail-webhook-disabled-intro = { $shop } a désactivé le point de terminaison de webhook { $url } : ses { $failures } dernières tentatives de livraison ont échoué, la première le { $since }.
mail-webhook-disabled-what-now = Les événements ne lui sont plus envoyés. Une fois le récepteur rétabli, réactivez le point de terminaison et renvoyez ce qu’il a manqué depuis son journal de livraison :
mail-webhook-disabled-button = Ouvrir les webhooks
mail-webhook-disabled-paste-link = Ou collez ce lien dans votre navigateur :

## low_stock
mail-low-stock-intro = Le stock de { $title } ({ $variant }, SKU { $sku }) baisse dans l’entrepôt { $warehouse } : il n’en reste plus que { $available } à vendre. Une alerte est envoyée dès que son stock atteint { $threshold } ou moins.
mail-low-stock-restock-in-editor = Réapprovisionner dans l’éditeur de produit
mail-low-stock-restock = Réapprovisionner
mail-low-stock-why = Vous recevez cet e-mail parce que vous gérez le catalogue et les stocks de { $shop }. Le seuil se règle pour chaque produit dans l’éditeur de produit.
