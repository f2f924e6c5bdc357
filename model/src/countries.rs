//! The countries the shop knows (addresses, checkout, tax rates), with
//! their postcode shapes and whether a region (state, province) is
//! required. One table for the server and the browser. Pattern letters:
//! `9` a digit, `A` a letter, anything else itself.

pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    pub postcodes: &'static [&'static str],
    pub region_required: bool,
    pub postcode_example: &'static str,
}

pub const COUNTRIES: &[Country] = &[
    Country {
        code: "AT",
        name: "Austria",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "1010",
    },
    Country {
        code: "AU",
        name: "Australia",
        postcodes: &["9999"],
        region_required: true,
        postcode_example: "2000",
    },
    Country {
        code: "BE",
        name: "Belgium",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "1000",
    },
    Country {
        code: "CA",
        name: "Canada",
        postcodes: &["A9A 9A9"],
        region_required: true,
        postcode_example: "K1A 0B1",
    },
    Country {
        code: "CH",
        name: "Switzerland",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "8001",
    },
    Country {
        code: "DE",
        name: "Germany",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "10115",
    },
    Country {
        code: "DK",
        name: "Denmark",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "1050",
    },
    Country {
        code: "ES",
        name: "Spain",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "28001",
    },
    Country {
        code: "FI",
        name: "Finland",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "00100",
    },
    Country {
        code: "FR",
        name: "France",
        postcodes: &["99999"],
        region_required: false,
        postcode_example: "75001",
    },
    Country {
        code: "GB",
        name: "United Kingdom",
        postcodes: &[
            "A9 9AA", "A99 9AA", "AA9 9AA", "AA99 9AA", "A9A 9AA", "AA9A 9AA",
        ],
        region_required: false,
        postcode_example: "SW1A 1AA",
    },
    Country {
        code: "IE",
        name: "Ireland",
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
        name: "Italy",
        postcodes: &["99999"],
        region_required: true,
        postcode_example: "00184",
    },
    Country {
        code: "JP",
        name: "Japan",
        postcodes: &["999-9999"],
        region_required: true,
        postcode_example: "100-0001",
    },
    Country {
        code: "NL",
        name: "Netherlands",
        postcodes: &["9999 AA"],
        region_required: false,
        postcode_example: "1012 AB",
    },
    Country {
        code: "NO",
        name: "Norway",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "0150",
    },
    Country {
        code: "NZ",
        name: "New Zealand",
        postcodes: &["9999"],
        region_required: false,
        postcode_example: "6011",
    },
    Country {
        code: "PL",
        name: "Poland",
        postcodes: &["99-999"],
        region_required: false,
        postcode_example: "00-950",
    },
    Country {
        code: "PT",
        name: "Portugal",
        postcodes: &["9999-999"],
        region_required: false,
        postcode_example: "1100-148",
    },
    Country {
        code: "SE",
        name: "Sweden",
        postcodes: &["999 99"],
        region_required: false,
        postcode_example: "111 22",
    },
    Country {
        code: "US",
        name: "United States",
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
