# La connexion et les pages autour : connexion, inscription, association d’un
# fournisseur d’identité, mot de passe oublié ou nouveau, confirmation de
# l’adresse e-mail (`auth-`), ainsi que les pages d’aide aux invités : cartes
# cadeaux, recherche de commande, demandes de données et liens pour ne plus
# recevoir certains e-mails (`help-`).

## Commun aux pages de connexion
auth-sign-in = Se connecter
auth-email = E-mail
auth-password = Mot de passe
auth-create-account-title = Créer un compte
auth-forgot-title = Mot de passe oublié ?

## Connexion
auth-signin-reset-done = Votre mot de passe a été modifié. Connectez-vous avec le nouveau.
auth-signin-code-intro = Saisissez le code à 6 chiffres de votre application d’authentification, ou l’un de vos codes de récupération.
auth-signin-code = Code
auth-signin-verify = Vérifier

## Fournisseurs d’identité
auth-providers-or = ou
auth-providers-continue = Continuer avec { $provider }

## Inscription
auth-signup-name = Nom
auth-signup-password-hint = Au moins 12 caractères. Quelques mots sans rapport entre eux font une phrase de passe solide.
auth-signup-marketing = Recevoir les nouveautés et les offres par e-mail
auth-signup-submit = Créer le compte
# Suivi d’un lien « Se connecter ».
auth-signup-have-account = Vous avez déjà un compte ?
auth-signup-done = Consultez votre boîte de réception : nous vous avons envoyé un lien pour confirmer votre adresse e-mail. Si vous avez déjà un compte, nous vous avons plutôt envoyé un rappel.

## Associer la connexion d’un fournisseur à un compte existant
auth-link-title = Associer votre connexion
auth-link-explain = D’après { $provider }, l’adresse { $email } vous appartient, et un compte existe déjà ici pour elle. Associez-les, et vous pourrez désormais vous y connecter avec { $provider }.
auth-link-submit = Associer et se connecter
auth-link-cancel = Ne pas associer
# Suivi d’un lien « Se connecter ».
auth-link-nothing = Il n’y a rien à confirmer.

## Mot de passe oublié
auth-forgot-intro = Nous vous enverrons par e-mail un lien pour choisir un nouveau mot de passe.
auth-forgot-submit = Envoyer le lien de réinitialisation
auth-forgot-sent = Si un compte existe pour cette adresse, un lien de réinitialisation est en route. Il est valable une heure.

## Nouveau mot de passe
auth-reset-title = Choisir un nouveau mot de passe
auth-reset-password = Nouveau mot de passe
auth-reset-password-hint = Au moins 12 caractères. Toutes vos sessions seront fermées.
auth-reset-submit = Changer le mot de passe

## Confirmer l’adresse e-mail
auth-verify-title = Confirmer votre adresse e-mail
auth-verify-done = Merci, votre adresse e-mail est confirmée.
auth-verify-to-account = Accéder à votre compte
auth-verify-intro = Confirmez que cette adresse e-mail vous appartient.
auth-verify-submit = Confirmer mon adresse e-mail

## Cartes cadeaux
help-gift-cards-title = Cartes cadeaux
help-gift-cards-description = Envoyez une carte cadeau par e-mail, le jour de votre choix.
help-gift-cards-intro = Choisissez un montant de { $min } à { $max }. Le code arrive par e-mail le jour que vous avez choisi et permet de payer n’importe quel article de la boutique.
help-gift-cards-amount = Montant
help-gift-cards-amount-hint = p. ex. 25,00
help-gift-cards-your-email = Votre adresse e-mail
help-gift-cards-your-email-hint = Pour le reçu.
help-gift-cards-recipient-email = Adresse e-mail du destinataire
help-gift-cards-recipient-email-hint = Laissez vide pour recevoir la carte vous-même.
help-gift-cards-recipient-name = Nom du destinataire
help-gift-cards-from = De la part de
help-gift-cards-from-hint = Votre nom, tel que le destinataire vous connaît.
help-gift-cards-message = Message
help-gift-cards-deliver-on = Date d’envoi
help-gift-cards-deliver-on-hint = Laissez vide pour l’envoyer dès le paiement.
help-gift-cards-buy = Acheter et payer

## Retrouver une commande sans compte
help-lookup-title = Retrouver votre commande
help-lookup-number = Numéro de commande
help-lookup-number-hint = Tel qu’il figure dans votre e-mail de confirmation, p. ex. MC-7K3Q9X.
help-lookup-email = E-mail
help-lookup-submit = Rechercher la commande

## Les données d’un invité : copie ou effacement
help-privacy-title = Vos données
help-privacy-erased = C’est fait : vos nom, adresse e-mail, numéro de téléphone et adresse postale ont été retirés de vos commandes.
help-privacy-expired = Ce lien a expiré ou a déjà été utilisé. Faites une nouvelle demande ci-dessous.
help-privacy-intro = Vous avez acheté sans compte ? Demandez une copie des données que nous conservons sur vos commandes, ou l’effacement de votre nom et de vos coordonnées de ces commandes. Nous envoyons un lien à l’adresse que vous avez utilisée, pour nous assurer qu’elle vous appartient. Vous avez un compte ? Passez plutôt par Compte → Confidentialité.
help-privacy-email = Adresse e-mail utilisée pour vos commandes
help-privacy-what = Que souhaitez-vous ?
help-privacy-export = Une copie des données de mes commandes
help-privacy-erase = Effacer mes données de mes commandes
help-privacy-submit = M’envoyer le lien par e-mail
help-privacy-sent = Si nous avons des commandes à cette adresse, un lien est en route. Il ne fonctionne qu’une fois, pendant une heure.
help-privacy-confirm-title = Confirmer votre demande concernant vos données
help-privacy-confirm-intro = Confirmez pour télécharger les données de vos commandes, ou pour effacer vos données de vos commandes — selon ce que vous avez demandé. L’effacement est irréversible : seul reste ce qu’exige la législation fiscale (ce qui a été acheté, les montants et le pays), rien qui vous identifie.
help-privacy-confirm = Confirmer

## Ne plus recevoir les e-mails de liste d’envies ni les rappels de panier, depuis le lien d’un e-mail
help-alerts-off-title = E-mails de la liste d’envies
help-alerts-off-done = C’est fait : plus d’e-mails de retour en stock ni de baisse de prix. Votre liste d’envies reste telle quelle.
help-alerts-off-question = Ne plus recevoir d’e-mails sur les articles de votre liste d’envies ?
help-alerts-off-submit = Arrêter les e-mails de la liste d’envies
help-reminders-off-title = Rappels de panier
help-reminders-off-done = C’est fait : nous ne vous rappellerons plus vos paniers. Un client connecté peut réactiver les rappels dans son profil.
help-reminders-off-question = Ne plus recevoir d’e-mails sur les articles laissés dans votre panier ? Les e-mails concernant vos commandes et votre compte continueront d’arriver.
help-reminders-off-submit = Plus de rappels de panier
