# Messages d'erreur : ce que le serveur refuse, dans la langue du lecteur.

## Toute requête
error-not-found = Nous n'avons pas trouvé { $what ->
    [product] ce produit
    [order] cette commande
    [category] cette catégorie
    [page] cette page
   *[other] ce que vous cherchez
}.
error-check-fields = Certains champs demandent votre attention : chacun est signalé ci-dessous.
error-invalid-credentials = L'adresse e-mail ou le mot de passe est incorrect.
error-sign-in-required = Veuillez vous connecter pour continuer.
error-forbidden = Vous n'avez pas l'autorisation de faire cela.
error-second-factor-required = Activez la double authentification dans Compte → Sécurité pour utiliser les outils du personnel.
error-too-many-attempts = Trop de tentatives. Veuillez patienter { $minutes ->
    [one] une minute
   *[other] { $minutes } minutes
} puis réessayer.
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
error-gift-code = Ce n'est pas un code de carte cadeau : les codes comptent 16 lettres et chiffres, comme ABCD-EFGH-JKLM-NPQR.
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
   *[other] « { $label } »
}.
error-address-too-long = { $field ->
    [full_name] Le nom complet
    [line1] L'adresse
    [city] La ville
   *[other] « { $label } »
} ne peut pas dépasser { $max } caractères.
error-address-characters = { $field ->
    [full_name] Le nom complet
    [line1] L'adresse
    [city] La ville
   *[other] « { $label } »
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
error-gift-currency = Cette carte cadeau est en { $card } ; cette boutique facture en { $shop }.
error-gift-empty = Cette carte cadeau n'a plus de solde.
error-gift-too-many = Utilisez au plus { $max } cartes cadeaux par commande.
