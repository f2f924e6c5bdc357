# The storefront's browsing pages: home, category listings, search,
# cart, wishlist (own and shared) and the 404 page.

## Shared by these pages
shop-loading = Chargement…
shop-continue-shopping = Continuer vos achats
shop-browse-the-shop = Parcourir la boutique
shop-out-of-stock = En rupture de stock
shop-remove = Retirer
shop-sort = Tri
shop-sort-label = Trier :
shop-sort-relevance = Pertinence
shop-sort-newest = Les plus récents
shop-sort-price-asc = Prix croissant
shop-sort-price-desc = Prix décroissant
shop-sort-name = Nom
shop-sort-rating = Mieux notés

## Home page
shop-home-description = { $shop } — vêtements, maison et équipement de plein air, livrés rapidement.
shop-home-tagline = Des vêtements pour tous les jours, des articles pour la maison et de l’équipement pour le plein air.
shop-home-departments = Acheter par rayon
shop-home-product-count = { $count ->
    [one] { $count } produit
   *[other] { $count } produits
}
shop-home-featured = À la une
shop-home-new-in = Nouveautés
shop-home-trending = Tendances du moment

## Category page
shop-category-no-match = Aucun produit ne correspond à ces filtres.
shop-category-showing = Produits { $first }–{ $last } sur { $total }
shop-category-description = Découvrez { $category } chez { $shop }.
shop-category-title-page = { $category } – page { $page }
shop-category-subcategories = Sous-catégories

## Search page
shop-search-searching = Recherche en cours…
shop-search-unavailable = La recherche n’est pas disponible pour le moment
shop-search-all-products = Tous les produits
shop-search-results-for = Résultats pour « { $query } »
shop-search-count-none = Aucun produit trouvé
shop-search-count = { $count ->
    [one] { $count } produit
   *[other] { $count } produits
}
shop-search-description = Résultats de recherche pour { $query }
shop-search-filters = Filtres
shop-search-results = Résultats
shop-search-nothing-matches = Rien ne correspond à ces filtres.
shop-search-found-nothing = Nous n’avons rien trouvé pour « { $query } ».
shop-search-did-you-mean = Vouliez-vous dire
shop-search-did-you-mean-end = { "\u202F" }?
shop-search-remove-filters = Retirer tous les filtres
shop-search-no-results-hint = Vérifiez l’orthographe, essayez avec moins de mots ou parcourez les catégories.
shop-search-popular = Populaires en ce moment
shop-search-clear-all = Tout effacer
shop-search-apply-filters = Appliquer les filtres
shop-facet-category = Catégorie
shop-facet-brand = Marque
shop-facet-price = Prix
shop-facet-availability = Disponibilité
shop-facet-rating = Avis clients
shop-facet-in-stock = En stock
shop-facet-in-stock-only = En stock uniquement
shop-facet-stars-and-up = { $stars ->
    [one] { $stars } étoile et plus
   *[other] { $stars } étoiles et plus
}
shop-facet-price-under = Moins de { $amount }
shop-facet-price-between = { $from } – { $to }
shop-facet-price-over = { $amount } et plus

## Cart page
shop-cart-title = Votre panier
shop-cart-payment-declined = Votre paiement a été refusé et rien n’a été débité. Vos articles sont toujours là.
shop-cart-payment-cancelled = Le paiement a été annulé. Vos articles sont toujours là.
shop-cart-empty = Votre panier est vide.
shop-cart-only-left = Plus que { $count } en stock — réduisez la quantité pour passer commande.
shop-cart-quantity = Quantité
shop-cart-subtotal = Sous-total
shop-cart-checkout = Passer commande
shop-cart-complete-the-look = Complétez le look
shop-cart-reminder-restored = Bon retour parmi nous : voici le panier que vous aviez laissé, aux prix du jour.
shop-cart-reminder-ordered = Ce panier a déjà été commandé ou ajouté au panier de votre compte : il n’y avait donc rien à récupérer.
shop-cart-reminder-unknown = Ce lien de panier ne fonctionne pas. Ce que vous ajoutez maintenant commence un nouveau panier.

## Wishlist pages
shop-wishlist-title = Votre liste d’envies
shop-wishlist-empty = Rien d’enregistré pour l’instant. Touchez le cœur d’un produit pour le garder ici.
shop-wishlist-move-to-cart = Déplacer dans le panier
shop-wishlist-price-dropped = Le prix a baissé depuis que vous l’avez enregistré
shop-wishlist-share-and-alerts = Partage et alertes
shop-wishlist-share-note = Toute personne disposant de ce lien peut voir (mais pas modifier) votre liste :
shop-wishlist-stop-sharing = Arrêter le partage
shop-wishlist-share = Partager via un lien privé
shop-wishlist-alerts-on = Nous vous écrivons lorsqu’un article de cette liste est de nouveau en stock ou moins cher.
shop-wishlist-alerts-off = Les e-mails de retour en stock et de baisse de prix sont désactivés.
shop-wishlist-alerts-turn-off = Désactiver ces e-mails
shop-wishlist-alerts-turn-on = M’avertir des changements par e-mail
shop-wishlist-not-found-title = Liste d’envies introuvable
shop-wishlist-not-shared = Cette liste d’envies n’est pas partagée
shop-wishlist-shared-title = Liste d’envies de { $owner }
shop-wishlist-shared-title-nameless = Liste d’envies partagée

## Page not found
shop-not-found-title = Page introuvable
shop-not-found-heading = Nous n’avons pas trouvé cette page
shop-not-found-text = Le produit ou la catégorie a peut-être été déplacé ou n’est plus disponible.
