skip-to-content = Zum Inhalt springen
cart-items = { $count ->
    [one] { $count } Artikel
   *[other] { $count } Artikel
}
language-switcher = Sprache
currency-switcher = Währung
date = { $day }.{ $month }.{ $year }
