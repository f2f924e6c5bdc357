# Les pages du compte client : aperçu, commandes, retours, profil,
# adresses, sécurité, méthodes de connexion et confidentialité.

## Le cadre de chaque page du compte
account-nav-label = Compte
account-nav-overview = Aperçu
account-nav-orders = Commandes
account-nav-profile = Profil
account-nav-addresses = Adresses
account-nav-security = Sécurité
account-nav-privacy = Confidentialité
account-sign-out = Se déconnecter
account-current-password = Mot de passe actuel
account-saved = Enregistré.
account-save = Enregistrer

## Aperçu
account-overview-title = Votre compte
account-greeting = Bonjour, { $name }.
account-signed-in-as = Connecté en tant que { $email }
account-store-credit = Avoir :
account-store-credit-note = — utilisé lors du paiement si vous le choisissez.
account-verify-banner = Veuillez confirmer votre adresse e-mail à l’aide du lien que nous vous avons envoyé.
account-verify-resend = Renvoyer le lien
account-verify-sent = Un nouveau lien est en route.
account-two-factor-is-on = L’authentification à deux facteurs est activée.
account-two-factor-is-off = L’authentification à deux facteurs est désactivée.
account-addresses-summary = Adresses de livraison et de facturation pour le paiement.

## Profil
account-profile-email = E-mail : { $email }
account-field-name = Nom
account-field-phone = Téléphone
account-profile-marketing = Recevoir les nouveautés et les offres par e-mail
account-profile-review-requests = Après une livraison, me proposer de donner un avis sur mes achats
account-profile-cart-reminders = Me rappeler une fois les articles laissés dans mon panier

## Adresses
account-address-edit = Modifier
account-address-delete = Supprimer
account-address-add = Ajouter une adresse
account-address-default-shipping-badge = Livraison par défaut
account-address-default-billing-badge = Facturation par défaut
account-address-full-name = Nom complet
account-address-company = Entreprise
account-address-line1 = Adresse
account-address-line2 = Appartement, bâtiment, etc.
account-address-city = Ville
account-address-region = État, province ou région
account-address-postal-code = Code postal
account-address-country = Pays
account-address-default-shipping = Adresse de livraison par défaut
account-address-default-billing = Adresse de facturation par défaut
account-address-save = Enregistrer l’adresse

## Commandes
account-orders-empty = Aucune commande pour l’instant.
account-orders-start-shopping = Commencer vos achats
account-orders-col-order = Commande
account-orders-col-placed = Passée le
account-orders-col-items = Articles
account-orders-col-status = Statut
account-orders-col-total = Total
account-order-title = Commande
account-order-cancel = Annuler cette commande

## Retours sur la page d’une commande
account-returns-title = Retours
account-returns-ask-title = Renvoyer un article
account-returns-ask-until = Vous pouvez demander un retour jusqu’au { $date }.
account-returns-how-many = Combien de chaque article
account-returns-line = { $title } ({ $variant }) — jusqu’à { $left }
account-returns-reason = Pourquoi le renvoyez-vous ?
account-returns-note = Quelque chose à nous signaler ? (facultatif)
account-returns-submit = Demander le retour de ces articles

## Confidentialité
account-privacy-download-title = Télécharger vos données
account-privacy-download-text = Votre profil, vos adresses, vos connexions et les commandes passées avec votre compte, dans un fichier JSON.
account-privacy-wrong-password = Votre mot de passe actuel est incorrect.
account-privacy-download = Télécharger mes données
account-privacy-delete-title = Supprimer votre compte
account-privacy-delete-text = Votre profil, vos adresses, vos connexions et vos paramètres de sécurité sont supprimés, et vos nom, adresse e-mail, numéro de téléphone et adresse postale sont retirés de vos commandes passées. Ce qui reste, parce que la législation fiscale l’exige : pour chaque commande, ce qui a été acheté, les montants, la taxe ainsi que le pays et la région de destination — rien qui vous identifie. Cette action est irréversible.
account-privacy-delete = Supprimer mon compte

## Sécurité : mot de passe
account-password-title = Mot de passe
account-password-changed = Mot de passe modifié. Vos autres sessions ont été déconnectées.
account-new-password = Nouveau mot de passe
account-new-password-hint = Au moins 12 caractères.
account-change-password = Modifier le mot de passe

## Sécurité : authentification à deux facteurs
account-tfa-title = Authentification à deux facteurs
account-tfa-on = { $count ->
    [one] Activée. { $count } code de récupération restant.
   *[other] Activée. { $count } codes de récupération restants.
}
account-tfa-new-codes = Générer de nouveaux codes de récupération
account-tfa-turn-off = Désactiver l’authentification à deux facteurs
account-tfa-off = Désactivée. Ajoutez un code d’une application d’authentification à chaque connexion.
account-tfa-scan = Scannez ce code QR avec votre application d’authentification, ou saisissez la clé.
account-tfa-key = Clé :
account-tfa-code = Code à 6 chiffres
account-tfa-turn-on = Activer
account-tfa-set-up = Configurer l’authentification à deux facteurs
account-recovery-codes = Vos codes de récupération. Enregistrez-les maintenant ; chacun ne fonctionne qu’une fois et ils ne seront plus affichés.

## Sécurité : sessions
account-sessions-title = Où vous êtes connecté
account-sessions-signed-out = { $count ->
    [one] Déconnecté de { $count } autre session.
   *[other] Déconnecté de { $count } autres sessions.
}
account-sessions-this-device = Cet appareil
account-sessions-sign-out-others = Se déconnecter de toutes les autres sessions

## Sécurité : se connecter avec un autre compte
account-providers-title = Se connecter avec un autre compte
account-providers-linked-now = Associé.
account-providers-linked = Associé : { $email }
account-providers-not-linked = Non associé
account-providers-unlink = Dissocier
account-providers-link = Associer
account-providers-no-password = Votre compte n’a pas de mot de passe : vous vous connectez avec un compte associé. « Mot de passe oublié ? » sur la page de connexion vous envoie un lien pour en définir un.
account-profile-language = Langue
account-profile-language-hint = La langue des e-mails que nous vous envoyons.
