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

# Country names by ISO 3166 code (lower case), for addresses and checkout.
country-at = Austria
country-au = Australia
country-be = Belgium
country-ca = Canada
country-ch = Switzerland
country-de = Germany
country-dk = Denmark
country-es = Spain
country-fi = Finland
country-fr = France
country-gb = United Kingdom
country-ie = Ireland
country-it = Italy
country-jp = Japan
country-nl = Netherlands
country-no = Norway
country-nz = New Zealand
country-pl = Poland
country-pt = Portugal
country-se = Sweden
country-us = United States
