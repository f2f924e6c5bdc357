skip-to-content = Zum Inhalt springen
cart-items = { $count ->
    [one] { $count } Artikel
   *[other] { $count } Artikel
}
language-switcher = Sprache
date = { $day }.{ $month }.{ $year }
