# The product page: gallery, variant picker, specifications, shelves,
# reviews (list, form) and the reviewer's own photos.

## Product page
product-loading = Chargement…
product-preview-banner = Aperçu : ce produit est { $status ->
        [draft] à l'état de brouillon
        [archived] archivé
       *[other] { $status }
    } et masqué pour les clients.
product-in-stock = En stock
product-few-left = Plus que quelques exemplaires
product-out-of-stock = Rupture de stock
product-images = Images du produit
product-more-images = Autres images
product-show-image = Afficher l'image { $number } : { $alt }
product-sku = Référence
product-option-legend = { $name } :
product-all-variants = Toutes les variantes
product-variant = Variante
product-price = Prix
product-availability = Disponibilité
product-specifications = Caractéristiques
product-also-bought = Les clients ont aussi acheté
product-similar = Produits similaires

## Reviews
product-reviews = Avis
product-reviews-loading = Chargement des avis…
product-reviews-sort-helpful = Les plus utiles
product-reviews-sort-newest = Les plus récents
product-reviews-sort-highest = Meilleures notes
product-reviews-sort-lowest = Moins bonnes notes
product-reviews-histogram-stars = { $stars ->
    [one] { $stars } étoile
   *[other] { $stars } étoiles
}
product-reviews-rated = Noté { $average } sur 5
product-reviews-count = { $count ->
    [one] { $count } avis
   *[other] { $count } avis
}
product-reviews-empty = Aucun avis pour le moment.
product-reviews-filter-stars = Filtrer par étoiles
product-reviews-sort = Trier les avis
product-reviews-verified = Achat vérifié
product-reviews-shop-replied = Réponse de la boutique
product-reviews-helpful = Utile ({ $count })
product-reviews-report = Signaler
product-reviews-report-label = Quel est le problème avec cet avis ?
product-reviews-report-placeholder = Quel est le problème ?
product-reviews-report-send = Envoyer
product-reviews-report-thanks = Merci, nous allons examiner cela.
product-reviews-sign-in = Connectez-vous pour rédiger un avis
product-reviews-buyers-only = Les avis proviennent de clients ayant reçu ce produit.

## The shopper's own review
product-review-not-published = Votre avis n'a pas été publié : { $reason }
product-review-state-pending = Votre avis : en attente de modération
product-review-state-published = Votre avis : publié
product-review-state-rejected = Votre avis : refusé
product-review-edit = Modifier votre avis
product-review-write = Rédiger un avis
product-review-published = Merci, votre avis est publié.
product-review-pending = Merci, votre avis apparaîtra dès que nous l'aurons vérifié.
product-review-rating = Votre note
product-review-title = Titre
product-review-body = Votre avis
product-review-send = Envoyer l'avis

## Photos on the shopper's own review
product-photos-heading = Photos (jusqu'à { $max })
product-photos-yours = Votre photo
product-photos-remove = Supprimer
product-photos-add-label = Ajouter une photo (PNG, JPEG, WebP ou GIF, 8 Mo maximum)
product-photos-uploading = Envoi en cours…
product-photos-add = Ajouter la photo
