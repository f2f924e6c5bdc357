mail-order-confirmation-thanks = Merci pour votre commande { $number }. Nous avons bien reçu votre paiement et vous préviendrons dès son expédition.
mail-view-order = Voir votre commande

# Pour tous les e-mails : le pied de page (layout) et le tableau d’une commande (order_lines).
mail-footer = Vous recevez cet e-mail en raison d’une activité sur votre compte { $shop }.
mail-lines-sku = Réf. { $sku }
mail-lines-subtotal = Sous-total
mail-lines-discount = Remise
mail-lines-shipping = Livraison
mail-lines-tax-included = Dont TVA
mail-lines-tax = TVA
mail-lines-total = Total

## Objets des e-mails (templates.rs)
mail-subject-verify-email = Confirmez votre adresse e-mail pour { $shop }
mail-subject-welcome = Bienvenue chez { $shop }
mail-subject-account-exists = Quelqu’un a tenté de créer un compte { $shop } avec votre adresse e-mail
mail-subject-password-reset = Réinitialisez votre mot de passe { $shop }
mail-subject-password-changed = Votre mot de passe { $shop } a été modifié
mail-subject-two-factor-changed = L’authentification à deux facteurs de votre compte { $shop } a été modifiée
mail-subject-sign-in-changed = Votre façon de vous connecter à { $shop } a changé
mail-subject-privacy-request = Confirmez votre demande concernant vos données chez { $shop }
mail-subject-account-deleted = Votre compte { $shop } a été supprimé
mail-subject-order-confirmation = Votre commande { $number } chez { $shop } est confirmée
mail-subject-payment-failed = Le paiement de votre commande { $number } chez { $shop } n’a pas abouti
mail-subject-order-shipped = Votre commande { $number } chez { $shop } est en route
mail-subject-order-cancelled = Votre commande { $number } chez { $shop } a été annulée
mail-subject-order-refunded = Un remboursement pour votre commande { $number } chez { $shop }
mail-subject-staff-invite = Invitation à rejoindre l’équipe de { $shop }
mail-subject-review-request = Que pensez-vous de votre commande { $number } chez { $shop } ?
mail-subject-wishlist-back-in-stock = { $title } est de nouveau en stock chez { $shop }
mail-subject-wishlist-price-drop = { $title } est maintenant à { $price } chez { $shop }
mail-subject-webhook-disabled = Un point de terminaison webhook de { $shop } a été désactivé
mail-subject-low-stock = Stock faible : plus que { $available } × { $sku } dans { $warehouse }
mail-subject-cart-reminder = Votre panier { $shop } vous attend
mail-subject-return-approved = Votre retour { $number } chez { $shop } est accepté : comment nous le renvoyer
mail-subject-return-rejected = À propos de votre retour { $number } chez { $shop }
mail-subject-gift-card-from = { $sender } vous a envoyé une carte cadeau { $shop }
mail-subject-gift-card = Voici une carte cadeau { $shop }

## payment_failed
mail-payment-failed-intro = Nous n’avons pas pu encaisser le paiement de la commande { $number } : elle a donc été annulée et rien n’a été débité.
mail-payment-failed-cart = Vos articles sont toujours dans votre panier :
mail-payment-failed-try-again = réessayer

## order_shipped
mail-order-shipped-all = Bonne nouvelle : votre commande { $number } est en route.
mail-order-shipped-rest = Bonne nouvelle : le reste de votre commande { $number } est en route.
mail-order-shipped-part = Bonne nouvelle : une partie de votre commande { $number } est en route ; nous vous écrirons à nouveau dès l’expédition du reste.
mail-order-shipped-carrier = Transporteur : { $carrier }
mail-order-shipped-tracking-number = Numéro de suivi :
mail-order-shipped-track-it = Suivre le colis :
mail-order-shipped-parcel = Dans ce colis :

## order_cancelled
mail-order-cancelled-intro = La commande { $number } a été annulée.
mail-order-cancelled-refund = Si un montant a été débité, il est remboursé sur votre moyen de paiement d’origine.

## order_refunded
mail-order-refunded-intro = Nous avons remboursé { $amount } au total pour la commande { $number }. Le remboursement peut mettre quelques jours à apparaître sur votre relevé.

## review_request
mail-review-request-intro = Votre commande { $number } est arrivée. Qu’en pensez-vous ? Quelques mots aident les autres clients à choisir.
mail-review-request-product = Donner votre avis sur { $title }
mail-review-request-unwanted = Vous ne souhaitez plus recevoir ces e-mails ?
mail-review-request-turn-off = Désactivez-les dans votre profil

## cart_reminder
mail-cart-reminder-intro-one = Vous avez laissé quelque chose dans votre panier. Il vous attend, aux prix du jour :
mail-cart-reminder-intro-many = Vous avez laissé quelques articles dans votre panier. Il vous attend, aux prix du jour :
mail-cart-reminder-back = Retour à votre panier
mail-cart-reminder-not-held = Les articles ne sont pas réservés tant que vous n’avez pas validé votre commande.
mail-cart-reminder-once = Nous n’envoyons ce rappel qu’une fois par panier.
mail-cart-reminder-stop = Plus de rappels de panier

## gift_card
mail-gift-card-hello-name = Bonjour { $name },
mail-gift-card-hello = Bonjour,
mail-gift-card-intro-from = { $sender } vous a offert une carte cadeau d’une valeur de { $amount } à utiliser chez { $shop }.
mail-gift-card-intro = Voici une carte cadeau d’une valeur de { $amount } à utiliser chez { $shop }.
mail-gift-card-code = Votre code :
mail-gift-card-how = Saisissez-le lors du paiement : il règle la commande à hauteur de son solde, et ce qui reste demeure sur la carte pour la prochaine fois.
mail-gift-card-visit = Visiter { $shop }
mail-gift-card-keep-safe = Conservez ce code en lieu sûr : toute personne qui le possède peut utiliser la carte.
