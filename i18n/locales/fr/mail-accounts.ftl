# E-mails du compte client (domain/src/mail/templates/) : confirmation de
# l’adresse, bienvenue, inscription avec une adresse connue, réinitialisation
# et changement du mot de passe, changements de la double authentification et
# de la connexion, demandes de données des invités et suppression du compte.

## verify_email
mail-verify-email-greeting-name = Bonjour { $name },
mail-verify-email-greeting = Bonjour,
mail-verify-email-confirm-address = Veuillez confirmer qu’il s’agit bien de votre adresse e-mail afin que nous puissions protéger votre compte.
mail-verify-email-confirm-address-link = Veuillez confirmer qu’il s’agit bien de votre adresse e-mail :
mail-verify-email-button = Confirmer mon adresse e-mail
mail-verify-email-paste-link = Ou copiez ce lien dans votre navigateur :
mail-verify-email-expiry = Le lien est valable 48 heures. Si vous ne vous êtes pas inscrit, vous pouvez ignorer cet e-mail.

## welcome
mail-welcome-greeting-name = Bonjour { $name },
mail-welcome-greeting = Bonjour,
mail-welcome-ready = Votre adresse e-mail est confirmée et votre compte { $shop } est prêt.
mail-welcome-start-shopping = Commencer vos achats

## account_exists
mail-account-exists-intro = Quelqu’un (vous, espérons-le) a essayé de créer un compte { $shop } avec cette adresse e-mail, mais vous en avez déjà un.
mail-account-exists-button = Réinitialiser mon mot de passe
mail-account-exists-reset-here = Si vous avez oublié votre mot de passe, réinitialisez-le ici :
mail-account-exists-not-you = Si ce n’était pas vous, vous pouvez ignorer cet e-mail ; votre compte reste inchangé.

## password_reset
mail-password-reset-intro = Nous avons reçu une demande de réinitialisation de votre mot de passe.
mail-password-reset-choose-here = Choisissez-en un nouveau ici :
mail-password-reset-button = Choisir un nouveau mot de passe
mail-password-reset-paste-link = Ou copiez ce lien dans votre navigateur :
mail-password-reset-expiry = Le lien ne fonctionne qu’une fois, pendant une heure. Si vous n’avez rien demandé, ignorez cet e-mail ; votre mot de passe reste inchangé.

## password_changed
mail-password-changed-intro = Votre mot de passe vient d’être modifié et vos autres sessions ont été déconnectées.
mail-password-changed-not-you = Si ce n’était pas vous, réinitialisez votre mot de passe dès maintenant :

## two_factor_changed
mail-two-factor-changed-intro = Authentification à deux facteurs de votre compte : { $what }.
mail-two-factor-changed-not-you = Si ce n’était pas vous, réinitialisez votre mot de passe dès maintenant — la réinitialisation met aussi fin à toutes les sessions :

## sign_in_changed
mail-sign-in-changed-intro = La façon dont vous vous connectez à votre compte a changé : { $what }.
mail-sign-in-changed-not-you = Si ce n’était pas vous, réinitialisez votre mot de passe dès maintenant — la réinitialisation met aussi fin à toutes les sessions :

## privacy_request
mail-privacy-request-intro = Quelqu’un — vous, espérons-le — a demandé { $what } pour les commandes passées avec cette adresse e-mail.
mail-privacy-request-confirm = Pour continuer, ouvrez ce lien dans l’heure et confirmez :
mail-privacy-request-not-you = Si vous n’avez rien demandé, ignorez cet e-mail : rien ne se passe sans le lien.

## account_deleted
mail-account-deleted-done = Votre compte a été supprimé comme vous l’avez demandé : votre profil, vos adresses, vos connexions enregistrées et vos paramètres de sécurité ont disparu, de même que vos nom, adresse e-mail, numéro de téléphone et adresse postale dans vos commandes passées.
mail-account-deleted-kept = Ce que nous conservons, parce que la législation fiscale et comptable l’exige (aussi longtemps qu’elle le prévoit, en général 6 à 10 ans) : pour chaque commande, ce qui a été acheté, les montants payés et remboursés, la taxe, ainsi que le pays et la région de livraison. Rien de tout cela ne peut être rattaché à vous par votre nom ou votre adresse.
mail-account-deleted-last = Ceci est le dernier e-mail que nous envoyons à cette adresse. Merci d’avoir fait vos achats chez nous.

mail-what-two-factor-on = elle a été activée
mail-what-two-factor-off = elle a été désactivée
mail-what-recovery-codes = de nouveaux codes de récupération ont été créés (les anciens ne fonctionnent plus)
mail-what-provider-linked = { $provider } peut désormais vous connecter
mail-what-provider-unlinked = { $provider } ne peut plus vous connecter
mail-what-privacy-export = une copie des données de commande que nous conservons
mail-what-privacy-erase = l’effacement de votre nom et de vos coordonnées de vos commandes
