# Shared by every page: the layout, the header and the footer.
skip-to-content = Skip to content
cart-items = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
language-switcher = Language
currency-switcher = Currency
# Days: year, month and day come zero-padded.
date = { $year }-{ $month }-{ $day }
