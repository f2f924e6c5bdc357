# Messages d'erreur : ce que le serveur refuse, dans la langue du lecteur.

## Toute requête
error-not-found = Nous n'avons pas trouvé { $what ->
    [product] ce produit
    [order] cette commande
    [category] cette catégorie
    [page] cette page
   *[other] ce que vous cherchez
}.
error-check-fields = Certains champs demandent votre attention : chacun est signalé ci-dessous.
error-invalid-credentials = L'adresse e-mail ou le mot de passe est incorrect.
error-sign-in-required = Veuillez vous connecter pour continuer.
error-forbidden = Vous n'avez pas l'autorisation de faire cela.
error-second-factor-required = Activez la double authentification dans Compte → Sécurité pour utiliser les outils du personnel.
error-too-many-attempts = Trop de tentatives. Veuillez patienter { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
} puis réessayer.
error-too-many-seconds = Trop de tentatives. Veuillez patienter { $seconds ->
    [one] une seconde
   *[other] { $seconds } secondes
} et réessayer.
error-busy = Nous sommes très sollicités en ce moment. Veuillez réessayer dans un instant.
error-unavailable-search = Notre recherche fait une courte pause. Veuillez réessayer dans un instant, ou parcourir les catégories.
error-unavailable = Cette partie de la boutique fait une courte pause. Veuillez réessayer dans un instant.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer dans un instant.

## Panier et commande
error-cart-quantity = Choisissez une quantité d'au moins 1.
error-cart-out-of-stock = Désolé, cet article est en rupture de stock.
error-checkout-shipping-method = Choisissez un mode de livraison.
error-checkout-currency-gone = La boutique ne vend plus dans cette devise. Veuillez vérifier votre panier.
error-checkout-total-changed = Le total de votre commande est passé de { $before } à { $after } car les prix, le stock ou votre panier ont changé. Veuillez vérifier le nouveau total et passer à nouveau votre commande.
error-checkout-cart-empty = Votre panier est vide.
error-checkout-not-sold = { $product } n'est plus vendu. Veuillez le retirer de votre panier.
error-checkout-sold-out = { $product } ({ $variant }) est épuisé. Veuillez le retirer de votre panier.
error-balance-changed = Le solde d'une carte cadeau ou de votre avoir a changé pendant le paiement. Veuillez vérifier le nouveau total et passer à nouveau votre commande.
error-gift-code = Ce n'est pas un code de carte cadeau : les codes comptent 16 lettres et chiffres, comme ABCD-EFGH-JKLM-NPQR.
error-promo-invalid = Ce code promo n'est pas valide.
error-promo-not-yet = Ce code promo n'est pas encore actif.
error-promo-expired = Ce code promo a expiré.
error-promo-used-up = Ce code promo a été entièrement utilisé.
error-promo-already-used = Vous avez déjà utilisé ce code promo.
error-promo-just-used-up = Ce code promo vient d'être épuisé.

## Adresses
error-address-required = Saisissez { $field ->
    [full_name] le nom complet
    [line1] l'adresse
    [city] la ville
   *[other] « { $label } »
}.
error-address-too-long = { $field ->
    [full_name] Le nom complet
    [line1] L'adresse
    [city] La ville
   *[other] « { $label } »
} ne peut pas dépasser { $max } caractères.
error-address-characters = { $field ->
    [full_name] Le nom complet
    [line1] L'adresse
    [city] La ville
   *[other] « { $label } »
} contient des caractères que nous ne pouvons pas enregistrer.
error-country = Choisissez un pays dans la liste.
error-postal-code = Saisissez un code postal valide pour { $country }, par exemple { $example }.
error-address-book-full = Votre carnet d'adresses est plein ({ $max } adresses). Supprimez-en une d'abord.

## Comptes
error-email-invalid = Saisissez une adresse e-mail comme nom@example.com.
error-name-too-long = Votre nom ne peut pas dépasser { $max } caractères.
error-name-characters = Votre nom contient des caractères que nous ne pouvons pas enregistrer.
error-link-expired = Ce lien n'est plus valide.
error-email-confirmed = Votre adresse e-mail est déjà confirmée.
error-password-short = Utilisez au moins { $min } caractères. Quelques mots sans rapport entre eux font une phrase de passe solide et facile à retenir.
error-password-long = Utilisez au plus { $max } caractères.
error-password-common = Ce mot de passe est trop courant et facile à deviner. Choisissez quelque chose de plus personnel.
error-password-email = N'utilisez pas votre adresse e-mail dans votre mot de passe.
error-password-repeated = Un seul caractère répété est trop facile à deviner.
error-cart-per-order = Vous pouvez acheter au plus { $max } exemplaires de cet article par commande.
error-cart-only-left = Plus que { $count } en stock.
error-checkout-only-left = Plus que { $count } × { $product } ({ $variant }). Veuillez réduire la quantité.
error-gift-unknown = Nous ne reconnaissons pas ce code de carte cadeau. Vérifiez-le et réessayez.
error-gift-unusable = Cette carte cadeau ne peut pas être utilisée. Contactez-nous si vous pensez qu'il s'agit d'une erreur.
error-gift-currency = Cette carte cadeau est en { $card } ; cette boutique facture en { $shop }.
error-gift-empty = Cette carte cadeau n'a plus de solde.
error-gift-too-many = Utilisez au plus { $max } cartes cadeaux par commande.

## Avis
error-review-rating = Choisissez d'une à cinq étoiles.
error-review-title = Donnez un titre à votre avis, jusqu'à { $max } caractères.
error-review-body = Dites aux autres clients ce que vous en pensez en { $min } à { $max } caractères.
error-review-offensive = Veuillez reformuler : les avis ne peuvent pas contenir de propos injurieux.
error-review-buyers-only = Seuls les clients qui ont reçu ce produit peuvent le noter.
error-review-own-vote = Vous ne pouvez pas voter pour votre propre avis.
error-review-report-reason = Dites brièvement ce qui ne va pas dans l'avis (jusqu'à { $max } caractères).
error-review-photos-full = Un avis peut comporter jusqu'à { $max } photos.
error-review-photo-first = Écrivez d'abord votre avis, puis ajoutez-y des photos.

## Liste d'envies
error-wishlist-full = Votre liste d'envies est pleine ({ $max } articles). Retirez-en un pour enregistrer celui-ci.

## Retours
error-return-note = La note doit faire moins de { $max } caractères de texte simple.
error-return-too-many-lines = Cela fait plus de lignes que la commande n'en compte.
error-return-not-in-order = { $sku } ne fait pas partie de cette commande.
error-return-nothing = Choisissez au moins un article à renvoyer.
error-return-quantity = Vous pouvez renvoyer de 1 à { $max } × { $product } ({ $variant }).
error-return-reason = Choisissez la raison du retour.
error-return-already = { $product } ({ $variant }) est déjà en cours de retour dans la quantité expédiée.
error-return-not-paid = Cette commande a été annulée ou remboursée : il n'y a rien à renvoyer.
error-return-not-shipped = Les retours sont possibles dès qu'un article a été expédié.
error-return-by-arrangement = Cette boutique accepte les retours uniquement sur arrangement : contactez-nous.
error-return-window-closed = Le délai de retour de { $days } jours pour cette commande est écoulé.

## Cartes cadeaux achetées
error-gift-amount = Choisissez un montant de { $min } à { $max }.
error-gift-recipient = Saisissez l'adresse e-mail du destinataire, par exemple nom@example.com.
error-gift-deliver-on = Choisissez le jour où elle doit arriver.
error-gift-deliver-range = Choisissez un jour entre aujourd'hui et dans un an.
error-text-too-long = { $max } caractères au maximum, s'il vous plaît.

## Sécurité du compte et confidentialité
error-2fa-already-on = L'authentification à deux facteurs est déjà activée.
error-2fa-confirm-email = Confirmez d'abord votre adresse e-mail avec le lien que nous vous avons envoyé (Compte → Profil permet de le renvoyer).
error-2fa-restart = Recommencez la configuration : scannez d'abord le nouveau QR code.
error-2fa-code-mismatch = Ce code ne correspond pas. Vérifiez l'heure de votre téléphone et saisissez le code actuel à 6 chiffres.
error-2fa-off = Activez d'abord l'authentification à deux facteurs.
error-2fa-code-wrong = Ce code n'a pas fonctionné. Saisissez le code à 6 chiffres de votre application d'authentification, ou l'un de vos codes de récupération.
error-current-password = Votre mot de passe actuel est incorrect.
error-account-disabled = Ce compte a été désactivé. Contactez la boutique si vous pensez qu'il s'agit d'une erreur.
error-privacy-kind = Choisissez une copie de vos données ou leur effacement.
error-privacy-link = Ce lien a expiré ou a déjà été utilisé. Veuillez en demander un nouveau.
error-phone = Saisissez un numéro de téléphone de { $min } à { $max } chiffres, par exemple +33 1 42 68 53 00.

## Connexion avec un fournisseur d'identité
error-unavailable-identity = Nous n'avons pas pu joindre le service de connexion. Veuillez réessayer dans un instant, ou utiliser votre e-mail et votre mot de passe.
error-identity-expired = Cette connexion a pris trop de temps ou a été commencée dans un autre navigateur. Veuillez réessayer.
error-identity-too-slow = Cette connexion a pris trop de temps. Veuillez réessayer.
error-identity-signs-in-elsewhere = Ce compte { $provider } permet déjà de se connecter à un autre compte ici.
error-identity-email-unconfirmed = { $provider } ne nous a pas confirmé votre adresse e-mail : nous ne pouvons donc pas vous connecter avec. Connectez-vous avec votre e-mail et votre mot de passe, puis associez { $provider } dans les paramètres de sécurité de votre compte.
error-identity-only-way-in = C'est ainsi que vous vous connectez : définissez d'abord un mot de passe (« Mot de passe oublié ? » sur la page de connexion envoie un lien), puis dissociez-le.
error-identity-linked-to-another = Ce compte est déjà associé à un autre compte { $provider } : dissociez d'abord celui-ci dans les paramètres de sécurité de votre compte.
error-identity-account-just-opened = Un compte vient d'être ouvert pour cette adresse e-mail. Veuillez réessayer.
error-identity-declined = { $provider } ne vous a pas connecté : rien n'a changé ici.
error-staff-provider = Le personnel se connecte avec { $provider }.
