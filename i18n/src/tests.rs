use super::{date, format, said, said_in_words, text, Arg, Locale};

#[test]
fn plain_text_comes_in_the_asked_locale() {
    assert_eq!(text(Locale::De, "skip-to-content"), "Zum Inhalt springen");
    assert_eq!(text(Locale::En, "skip-to-content"), "Skip to content");
}

#[test]
fn an_unknown_key_reads_as_itself() {
    assert_eq!(text(Locale::Fr, "no-such-key"), "no-such-key");
    assert_eq!(format(Locale::Fr, "no-such-key", &[]), "no-such-key");
}

#[test]
fn numbers_pick_the_plural_form_of_the_locale() {
    let items = |locale, n: i64| format(locale, "cart-items", &[("count", Arg::Number(n))]);
    assert_eq!(items(Locale::En, 1), "1 item");
    assert_eq!(items(Locale::En, 0), "0 items");
    // French counts zero as singular; German does not.
    assert_eq!(items(Locale::Fr, 0), "0 article");
    assert_eq!(items(Locale::De, 0), "0 Artikel");
    assert_eq!(items(Locale::De, 3), "3 Artikel");
}

#[test]
fn dates_follow_the_locale() {
    let day = 1_795_219_200; // 2026-11-21
    assert_eq!(date(Locale::En, day), "2026-11-21");
    assert_eq!(date(Locale::De, day), "21.11.2026");
    assert_eq!(date(Locale::Fr, day), "21/11/2026");
}

#[test]
fn a_day_is_written_the_locales_way() {
    assert_eq!(crate::day(Locale::En, "2026-10-23"), "2026-10-23");
    assert_eq!(crate::day(Locale::De, "2026-10-23"), "23.10.2026");
    assert_eq!(crate::day(Locale::Fr, "2026-10-23"), "23/10/2026");
    assert_eq!(crate::day(Locale::De, "yesterday"), "yesterday");
    assert_eq!(crate::day(Locale::De, "2026--23"), "2026--23");
}

#[test]
fn every_country_the_shop_knows_is_named_in_every_locale() {
    for c in model::countries::COUNTRIES {
        for &locale in Locale::ALL {
            let name = crate::country(locale, c.code);
            assert!(name != c.code && !name.is_empty(), "{locale:?} {}", c.code);
        }
    }
    assert_eq!(crate::country(Locale::De, "de"), "Deutschland");
    assert_eq!(crate::country(Locale::Fr, "GB"), "Royaume-Uni");
    assert_eq!(crate::country(Locale::En, "ZZ"), "ZZ");
}

#[test]
fn a_variant_in_a_message_reads_in_the_shops_words() {
    let mut glossary = model::glossary::Glossary::default();
    glossary.insert(Locale::De, "Navy".into(), "Marineblau".into());
    let only_left = model::Said::new("error-checkout-only-left")
        .number("count", 2)
        .text("product", "Pulli")
        .variant("variant", "M / Navy");
    assert_eq!(
        said_in_words(Locale::De, &only_left, &glossary.words_in(Locale::De)),
        "Nur noch 2 × Pulli (M / Marineblau) verfügbar. Bitte verringern Sie die Menge."
    );
    // Without the shop's words (logs, the REST API) it is as stored.
    assert_eq!(
        said(Locale::En, &only_left),
        "Only 2 of Pulli (M / Navy) left. Please lower the quantity."
    );
}
