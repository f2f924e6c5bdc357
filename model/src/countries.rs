//! The countries the shop knows (addresses, checkout, tax rates), with
//! their postcode shapes and whether a region (state, province) is
//! required. One table for the server and the browser. Pattern letters:
//! `9` a digit, `A` a letter, anything else itself.

/// Named in each language by the catalogs (`i18n::country`).
pub struct Country {
    pub code: &'static str,
    pub postcodes: &'static [&'static str],
    pub region_required: bool,
    pub postcode_example: &'static str,
}

pub const COUNTRIES: &[Country] = &[
    Country {
        code: "AT",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "1010",
    },
    Country {
        code: "AU",
        postcodes: &["9999"],
        region_required: true,
        postcode_example: "2000",
    },
    Country {
        code: "BE",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "1000",
    },
    Country {
        code: "CA",
        postcodes: &["A9A 9A9"],
        region_required: true,
        postcode_example: "K1A 0B1",
    },
    Country {
        code: "CH",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "8001",
    },
    Country {
        code: "DE",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "10115",
    },
    Country {
        code: "DK",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "1050",
    },
    Country {
        code: "ES",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "28001",
    },
    Country {
        code: "FI",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "00100",
    },
    Country {
        code: "FR",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "75001",
    },
    Country {
        code: "GB",
        postcodes: &[
            "A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA",
        ],
        region_required: false,
        postcode_example: "SW1A 1AA",
    },
    Country {
        code: "IE",
        postcodes: &[
            "", "A99 AAAA", "A99 9AAA", "A99 A9AA", "A99 AA9A", "A99 AAA9", "A99 99AA", "A99 9A9A",
            "A99 9AA9", "A99 A99A", "A99 A9A9", "A99 AA99", "A99 999A", "A99 99A9", "A99 9A99",
            "A99 A999", "A99 9999",
        ],
        region_required: false,
        postcode_example: "D02 X285",
    },
    Country {
        code: "IT",
        postcodes: &["99999"],
        region_required: true,
        postcode_example: "00184",
    },
    Country {
        code: "JP",
        postcodes: &["999-9999"],
        region_required: true,
        postcode_example: "100-0001",
    },
    Country {
        code: "NL",
        postcodes: &["9999 AA"],
        region_required: false,
        postcode_example: "1012 AB",
    },
    Country {
        code: "NO",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "0150",
    },
    Country {
        code: "NZ",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "6011",
    },
    Country {
        code: "PL",
        postcodes: &["99-999"],
        region_required: false,
        postcode_example: "00-950",
    },
    Country {
        code: "PT",
        postcodes: &["9999-999"],
        region_required: false,
        postcode_example: "1100-148",
    },
    Country {
        code: "SE",
        postcodes: &["999 99"],
        region_required: false,
        postcode_example: "111 22",
    },
    Country {
        code: "US",
        postcodes: &["99999", "99999-9999"],
        region_required: true,
        postcode_example: "94103",
    },
];

pub fn find(code: &str) -> Option<&'static Country> {
    COUNTRIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}
