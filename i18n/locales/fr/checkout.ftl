# Checkout, order confirmation, test payment, invoice and order details.

## Checkout page
checkout-title = Paiement
checkout-contact = Coordonnées
checkout-signed-in-as = Connecté en tant que { $email }
checkout-email = E-mail
checkout-have-account = Vous avez un compte ?
checkout-sign-in = Se connecter
checkout-shipping-address = Adresse de livraison
checkout-saved-addresses = Adresses enregistrées
checkout-new-address = Saisir une nouvelle adresse
checkout-full-name = Nom complet
checkout-line1 = Adresse
checkout-line2 = Appartement, bâtiment, etc.
checkout-city = Ville
checkout-region = État, province ou région
checkout-postcode = Code postal
checkout-country = Pays
checkout-phone = Téléphone
checkout-loading = Chargement…
checkout-back-to-cart = Retour à votre panier
checkout-ships-free-from = offerte dès { $amount }
checkout-shipping-method = Mode de livraison
checkout-your-order = Votre commande
checkout-promo-code = Code promo
checkout-apply = Appliquer
checkout-promo-applied = Code { $code } appliqué.
checkout-promo-minimum = Dépensez { $amount } ou plus pour utiliser { $code }.
checkout-discount = Remise
checkout-gift-card = Carte cadeau ••••{ $last4 }
checkout-store-credit = Avoir
checkout-to-pay-by-card = À payer par carte
checkout-placing-order = Commande en cours…
checkout-place-order = Passer la commande
checkout-place-order-and-pay = Commander et payer
checkout-gift-card-code = Code de la carte cadeau
checkout-use-gift-card = Utiliser
checkout-gift-card-left = Carte cadeau ••••{ $last4 } (reste { $balance })
checkout-remove-gift-card = Retirer
checkout-use-store-credit = Utiliser mon avoir ({ $amount })

## Totals (checkout and order details)
checkout-subtotal = Sous-total
checkout-shipping = Livraison
checkout-tax-included = Dont TVA
checkout-tax = TVA
checkout-total = Total
checkout-order-discount = Remise { $code }
checkout-order-shipping = Livraison ({ $method })
checkout-paid-with = Payé avec { $method }
checkout-refunded = Remboursé

## Order confirmation
checkout-thank-you-title = Merci
checkout-waiting-for-payment = En attente de la confirmation de votre paiement…
checkout-thank-you = Merci pour votre commande !
checkout-confirmation-sent = Une confirmation vous a été envoyée à { $email }.

## Test payment (offline gateway)
checkout-test-payment = Paiement de test
checkout-test-payment-note = Cette boutique n’accepte aucun paiement réel : cette page remplace le prestataire de paiement.
checkout-order = Commande
checkout-order-for = pour { $email }
checkout-approve-payment = Approuver le paiement
checkout-decline-payment = Refuser
checkout-payment-settled = Ce paiement a déjà été traité.

## Invoice
checkout-invoice = Facture
checkout-invoice-order = Commande { $number }
checkout-invoice-date = Date { $date }
checkout-bill-to = Facturé à
checkout-col-item = Article
checkout-col-sku = Réf.
checkout-col-qty = Qté
checkout-col-unit = Prix unitaire
checkout-col-amount = Montant
checkout-col-price = Prix
checkout-print = Imprimer
checkout-invoice-unavailable = La facture sera disponible une fois la commande payée.

## Order details
checkout-order-placed = passée le { $date }
checkout-line-shipped = { $count ->
    [one] { $count } expédié
   *[other] { $count } expédiés
}
checkout-shipping-to = Livraison à
checkout-history = Historique
checkout-printable-invoice = Facture imprimable
checkout-shipments = Envois
checkout-tracking-number = Numéro de suivi :
