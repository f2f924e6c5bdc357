# Shared storefront components: the header, the footer, search, filters,
# pager, product cards, prices, stars, wishlist and cart bits.

## Header and footer (components/layout.rs, cart_state.rs, wishlist_state.rs)
ui-header-departments = Rayons
ui-header-account = Compte · { $name }
ui-header-sign-in = Se connecter
ui-header-cart = Panier
ui-header-wishlist = Liste d’envies
ui-header-wishlist-count = { $count ->
    [one] { $count } enregistré
   *[other] { $count } enregistrés
}
ui-test-mode-banner = Boutique de test : les paiements sont simulés — rien n’est débité et aucune commande ne sera expédiée.
ui-footer-powered-by = Propulsé par Mercato — le commerce open source en un seul binaire.
ui-footer-help = Aide
ui-footer-gift-cards = Cartes cadeaux
ui-footer-find-order = Retrouver une commande
ui-footer-your-data = Vos données
ui-test-mode-footer = Les paiements de cette boutique passent par la passerelle de test hors ligne : vous les acceptez ou les refusez vous-même, et aucun argent n’est débité.

## Search box (components/search_box.rs)
ui-search-label = Rechercher des produits
ui-search-suggestions = Suggestions
# The small box in front of a category suggestion.
ui-search-in-category = dans
ui-search-category-count = { $count ->
    [one] { $count } produit
   *[other] { $count } produits
}

## Filters (components/facets.rs)
ui-facets-form = Filtrer les produits
ui-facets-price = Prix
ui-facets-price-min = Prix minimum
ui-facets-price-max = Prix maximum
ui-facets-min = Min
ui-facets-max = Max
ui-facets-brand = Marque
ui-facets-apply = Appliquer les filtres
ui-facets-clear = Tout effacer

## Pager (components/pager.rs)
ui-pager-label = Pagination
ui-pager-page = Page { $page }
ui-pager-previous = ← Précédent
ui-pager-next = Suivant →

## Product cards, prices, add to cart, shelves
ui-card-sale = Promo
ui-out-of-stock = En rupture de stock
ui-price-from = à partir de { $price }
# Before the struck-through old price, for screen readers.
ui-price-was = Au lieu de
ui-add-to-cart = Ajouter au panier
ui-add-to-cart-quantity = Quantité
ui-add-to-cart-added = Ajouté à votre panier.
ui-add-to-cart-view-cart = Voir le panier
ui-shelf-recently-viewed = Vus récemment

## Stars (components/stars.rs)
ui-stars-label = { $stars ->
    [one] { $stars } étoile sur 5
   *[other] { $stars } étoiles sur 5
}
ui-stars-rated = Noté { $average } sur 5, { $count } avis

## Breadcrumbs, wishlist heart, photos, error panel
ui-breadcrumbs-label = Fil d’Ariane
ui-breadcrumbs-home = Accueil
ui-wishlist-remove = Retirer { $title } de votre liste d’envies
ui-wishlist-save = Enregistrer { $title } dans votre liste d’envies
ui-photo-strip-label = Photos
ui-error-title = Désolé, cette page n’a pas pu être chargée
ui-error-back = Retour à la boutique

## Returns (components/return_card.rs)
ui-return-number = Retour { $number }
ui-return-reason-asked = { $reason } · demandé le { $date }
ui-return-refunded = Remboursé : { $amount }

## A secret shown once (components/shown_once.rs); $what is e.g. "the signing secret".
ui-shown-once-copy = Copiez { $what } maintenant : il ne sera plus affiché.
