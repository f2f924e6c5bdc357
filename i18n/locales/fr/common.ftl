skip-to-content = Aller au contenu
cart-items = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
language-switcher = Langue
currency-switcher = Devise
date = { $day }/{ $month }/{ $year }
