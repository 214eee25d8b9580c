//! How a number is written (`Style`), and what the browser's `Intl` and the
//! native fallback share: currency words, Arabic, digit mapping.

use crate::model::story::{Display, Unit};

/// How one number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// Grouped integer or decimal: 274,460.
    Plain,
    /// 8.4%: the value is in percent, not a fraction.
    Percent,
    /// Money in an ISO 4217 currency, no minor units: $200,000; in
    /// Arabic the currency's name («دولار أمريكي»), not a Latin symbol.
    Money([u8; 3]),
    /// 200 million.
    Compact,
    /// A year: digits only, no grouping.
    Year,
    /// A change in percent, always signed: -8.4%.
    SignedPercent,
}

impl Style {
    /// The style of a stat's figure (`currency` is its ISO 4217 code, checked
    /// by the story's validation).
    pub fn for_stat(unit: Unit, display: Display, currency: Option<&str>) -> Style {
        let code = |c: &str| {
            let b = c.as_bytes();
            (b.len() == 3).then(|| [b[0], b[1], b[2]])
        };
        match (unit, display) {
            (Unit::Percent, _) => Style::Percent,
            (Unit::Usd, _) => Style::Money(*b"USD"),
            (Unit::Currency, _) => Style::Money(currency.and_then(code).unwrap_or(*b"XXX")),
            (Unit::Count, Display::Compact) => Style::Compact,
            (Unit::Count, Display::Full) => Style::Plain,
        }
    }
}

/// The Arabic name (the singular Intl writes for large round figures) and
/// the English symbol of the currencies whose native rendering matches the
/// browser's; any other code is formatted by `Intl` once the app runs (see
/// `exact_natively`).
pub fn money_words(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "USD" => ("دولار أمريكي", "$"),
        "EUR" => ("يورو", "€"),
        "GBP" => ("جنيه إسترليني", "£"),
        "JPY" => ("ين ياباني", "¥"),
        _ => return None,
    })
}

/// Whether the prerendered page (formatted natively) writes this style
/// exactly as the browser's `Intl` will; if not, the app rewrites the
/// figures once it has taken the page over.
pub fn exact_natively(style: Style) -> bool {
    match style {
        Style::Money(code) => std::str::from_utf8(&code)
            .ok()
            .and_then(money_words)
            .is_some(),
        _ => true,
    }
}

/// Whether the locale's language is Arabic (its digits are another matter).
pub fn is_arabic(locale: &str) -> bool {
    locale == "ar" || locale.starts_with("ar-")
}

/// Maps ASCII digits through `table`. With non-Latin digits, the
/// separators and percent sign that touch them follow too (8.4% → ٨٫٤٪).
pub fn digits_with(text: &str, table: &[char; 10]) -> String {
    let latin = table[0] == '0';
    let chars: Vec<char> = text.chars().collect();
    let is_digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c.to_digit(10) {
            Some(d) => table[d as usize],
            None if latin => c,
            None => match c {
                '.' if i > 0 && is_digit(i - 1) && is_digit(i + 1) => '٫',
                ',' if i > 0 && is_digit(i - 1) && is_digit(i + 1) => '٬',
                '%' if i > 0 && is_digit(i - 1) => '٪',
                _ => c,
            },
        })
        .collect()
}
