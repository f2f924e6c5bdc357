skip-to-content = Zum Inhalt springen
cart-items = { $count ->
    [one] { $count } Artikel
   *[other] { $count } Artikel
}
language-switcher = Sprache
currency-switcher = Währung
date = { $day }.{ $month }.{ $year }

country-at = Österreich
country-au = Australien
country-be = Belgien
country-ca = Kanada
country-ch = Schweiz
country-de = Deutschland
country-dk = Dänemark
country-es = Spanien
country-fi = Finnland
country-fr = Frankreich
country-gb = Vereinigtes Königreich
country-ie = Irland
country-it = Italien
country-jp = Japan
country-nl = Niederlande
country-no = Norwegen
country-nz = Neuseeland
country-pl = Polen
country-pt = Portugal
country-se = Schweden
country-us = Vereinigte Staaten
