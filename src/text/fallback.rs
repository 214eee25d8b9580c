//! Enough of Intl's output for the prerender and the native tests:
//! grouping, Arabic-Indic digits for `-nu-arab`, percent and money. In the
//! browser it covers for an `Intl` formatter that fails to format.

use super::numerals::Style;

/// Whether the locale asks for Arabic-Indic digits (the language is
/// `super::numerals::is_arabic`'s question).
fn arabic_digits(locale: &str) -> bool {
    locale.contains("-nu-arab")
}

pub(super) fn digit_table(locale: &str) -> [char; 10] {
    if arabic_digits(locale) {
        ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩']
    } else {
        ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']
    }
}

fn grouped(value: f64, group: bool, locale: &str) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let int = rounded.trunc() as u64;
    let frac = ((rounded - rounded.trunc()) * 10.0).round() as u64;
    let (sep, dec) = if arabic_digits(locale) {
        ('٬', '٫')
    } else {
        (',', '.')
    };
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if group && i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if frac > 0 {
        out.push(dec);
        out.push_str(&frac.to_string());
    }
    super::numerals::digits_with(&out, &digit_table(locale))
}

pub(super) fn number(value: f64, locale: &str, style: Style) -> String {
    let ar = super::numerals::is_arabic(locale);
    match style {
        Style::Plain => grouped(value, true, locale),
        Style::Year => grouped(value, false, locale),
        Style::Percent => {
            let n = grouped(value, true, locale);
            if arabic_digits(locale) {
                format!("{n}٪")
            } else {
                format!("{n}%")
            }
        }
        Style::SignedPercent => {
            let n = number(value.abs(), locale, Style::Percent);
            let sign = if value < 0.0 { "-" } else { "+" };
            // Intl marks the sign with U+061C in Arabic, so it stays put.
            if arabic_digits(locale) {
                format!("\u{61C}{sign}{n}")
            } else {
                format!("{sign}{n}")
            }
        }
        Style::Money(code) => {
            let n = grouped(value.round(), true, locale);
            let code = std::str::from_utf8(&code).unwrap_or("XXX");
            match (ar, super::numerals::money_words(code)) {
                (true, Some((name, _))) => format!("{n} {name}"),
                (false, Some((_, symbol))) => format!("{symbol}{n}"),
                // What en-US writes for a currency without a symbol of its own.
                (false, None) => format!("{code}\u{a0}{n}"),
                (true, None) => format!("{n} {code}"),
            }
        }
        Style::Compact => {
            let (scaled, en, arw) = if value >= 1e9 {
                (value / 1e9, "billion", "مليار")
            } else if value >= 1e6 {
                (value / 1e6, "million", "مليون")
            } else if value >= 1e3 {
                (value / 1e3, "thousand", "ألف")
            } else {
                return grouped(value, true, locale);
            };
            let n = grouped(scaled, true, locale);
            if ar {
                format!("{n} {arw}")
            } else {
                format!("{n} {en}")
            }
        }
    }
}

pub(super) fn date(y: u32, m: Option<u32>, d: Option<u32>, locale: &str) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const AR: [&str; 12] = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ];
    let ar = super::numerals::is_arabic(locale);
    let month = m.filter(|m| (1..=12).contains(m)).map(|m| {
        if ar {
            AR[m as usize - 1]
        } else {
            EN[m as usize - 1]
        }
    });
    let s = match (month, d) {
        (Some(mn), Some(d)) => format!("{d} {mn} {y}"),
        (Some(mn), None) => format!("{mn} {y}"),
        _ => y.to_string(),
    };
    super::numerals::digits_with(&s, &digit_table(locale))
}
