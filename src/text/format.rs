//! Numbers, digits and dates for a locale. In the browser they come from
//! `Intl`; natively (tests, prerender) a small fallback gives the same shape.

use super::numerals::digits_with;
pub use super::numerals::{exact_natively, Style};
use super::{fallback, intl};
use crate::target::IN_BROWSER;

/// A number written for `locale` in `style`: the browser's `Intl`, or
/// natively the fallback.
pub fn number(value: f64, locale: &str, style: Style) -> String {
    if IN_BROWSER {
        intl::number(value, locale, style)
    } else {
        fallback::number(value, locale, style)
    }
}

/// Replaces each ASCII digit in a text with the locale's digit, so years in
/// captions match the figures around them.
pub fn digits(text: &str, locale: &str) -> String {
    // Most texts hold no digit; they skip the locale lookup (hydration
    // calls this once per text node).
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return text.to_string();
    }
    digits_with(text, &digit_table(locale))
}

/// Builds a locale's number formatter ahead of time (the first view needs it).
pub fn warm_numbers(locale: &str) {
    let _ = digit_table(locale);
    for style in [
        Style::Plain,
        Style::Percent,
        Style::Money(*b"USD"),
        Style::Compact,
    ] {
        let _ = number(1.0, locale, style);
    }
}

/// Builds a locale's date formatter ahead of time.
pub fn warm_dates(locale: &str) {
    let _ = date_in(2011, Some(1), None, locale);
}

/// An ISO date (YYYY, YYYY-MM or YYYY-MM-DD), written for the locale.
pub fn date(iso: &str, locale: &str) -> String {
    let mut parts = iso.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
    );
    match y {
        Some(y) => date_in(y, m, d, locale),
        None => iso.to_string(),
    }
}

/// The locale's digits: `Intl`'s, or natively the fallback's.
fn digit_table(locale: &str) -> [char; 10] {
    if IN_BROWSER {
        intl::digit_table(locale)
    } else {
        fallback::digit_table(locale)
    }
}

fn date_in(y: u32, m: Option<u32>, d: Option<u32>, locale: &str) -> String {
    if IN_BROWSER {
        intl::date(y, m, d, locale)
    } else {
        fallback::date(y, m, d, locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_groups_and_maps_digits() {
        assert_eq!(number(274460.0, "en-US", Style::Plain), "274,460");
        assert_eq!(number(274460.0, "ar-u-nu-arab", Style::Plain), "٢٧٤٬٤٦٠");
        assert_eq!(number(8.4, "en-US", Style::Percent), "8.4%");
        assert_eq!(number(2018.0, "en-US", Style::Year), "2018");
        let usd = Style::Money(*b"USD");
        assert_eq!(number(200_000.0, "en-US", usd), "$200,000");
        assert_eq!(
            number(200_000.0, "ar-u-nu-arab", usd),
            "٢٠٠٬٠٠٠ دولار أمريكي"
        );
        // What Chromium's Intl writes (checked by hand), for the currencies
        // the fallback has words for; any other is rewritten by Intl.
        let eur = Style::Money(*b"EUR");
        assert_eq!(number(200_000.0, "en-US", eur), "€200,000");
        assert_eq!(number(200_000.0, "ar-u-nu-arab", eur), "٢٠٠٬٠٠٠ يورو");
        assert!(exact_natively(eur) && exact_natively(Style::Plain));
        assert!(!exact_natively(Style::Money(*b"SAR")));
        assert_eq!(number(2e8, "en-US", Style::Compact), "200 million");
        assert_eq!(digits("2017–2018", "ar-u-nu-arab"), "٢٠١٧–٢٠١٨");
        assert_eq!(digits("«8.4%», 299,649", "ar-u-nu-arab"), "«٨٫٤٪», ٢٩٩٬٦٤٩");
        assert_eq!(digits("8.4%", "en-US"), "8.4%");
        assert_eq!(date("2018-04-05", "en-US"), "5 April 2018");
        assert_eq!(date("2015", "en-US"), "2015");
    }
}
