skip-to-content = Aller au contenu
cart-items = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
language-switcher = Langue
currency-switcher = Devise
date = { $day }/{ $month }/{ $year }

country-at = Autriche
country-au = Australie
country-be = Belgique
country-ca = Canada
country-ch = Suisse
country-de = Allemagne
country-dk = Danemark
country-es = Espagne
country-fi = Finlande
country-fr = France
country-gb = Royaume-Uni
country-ie = Irlande
country-it = Italie
country-jp = Japon
country-nl = Pays-Bas
country-no = Norvège
country-nz = Nouvelle-Zélande
country-pl = Pologne
country-pt = Portugal
country-se = Suède
country-us = États-Unis
