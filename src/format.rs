//! Numbers, digits and dates for a locale. In the browser they come from
//! `Intl`; natively (tests, prerender) a small fallback gives the same shape.

use crate::story::{Display, Unit};

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

pub fn number(value: f64, locale: &str, style: Style) -> String {
    imp::number(value, locale, style)
}

/// Replaces each ASCII digit in a text with the locale's digit, so years in
/// captions match the figures around them.
pub fn digits(text: &str, locale: &str) -> String {
    // Most texts hold no digit; they skip the locale lookup (hydration
    // calls this once per text node).
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return text.to_string();
    }
    digits_with(text, &imp::digit_table(locale))
}

/// Builds a locale's number formatter ahead of time (the first view needs it).
pub fn warm_numbers(locale: &str) {
    let _ = imp::digit_table(locale);
    for style in [
        Style::Plain,
        Style::Percent,
        Style::Money(*b"USD"),
        Style::Compact,
    ] {
        let _ = imp::number(1.0, locale, style);
    }
}

/// Builds a locale's date formatter ahead of time.
pub fn warm_dates(locale: &str) {
    let _ = imp::date(2011, Some(1), None, locale);
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
        Some(y) => imp::date(y, m, d, locale),
        None => iso.to_string(),
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Style;
    use js_sys::{Array, Function, Object, Reflect};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        static NUMBER: RefCell<HashMap<(String, Style), Function>> = RefCell::new(HashMap::new());
        static DIGITS: RefCell<HashMap<String, [char; 10]>> = RefCell::new(HashMap::new());
        static DATE: RefCell<HashMap<(String, u8), Function>> = RefCell::new(HashMap::new());
    }

    fn set(o: &Object, k: &str, v: impl Into<JsValue>) {
        let _ = Reflect::set(o, &k.into(), &v.into());
    }

    /// Builds an Intl formatter; a locale the browser rejects falls back
    /// to the browser's default rather than throwing into Rust.
    fn construct(kind: &str, locale: &str, options: &Object) -> Object {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).unwrap_or(JsValue::UNDEFINED);
        let ctor: Function = Reflect::get(&intl, &kind.into())
            .ok()
            .and_then(|c| c.dyn_into().ok())
            .expect("Intl is available in every supported browser");
        let args = Array::of2(&Array::of1(&locale.into()), options);
        Reflect::construct(&ctor, &args)
            .or_else(|_| Reflect::construct(&ctor, &Array::of2(&JsValue::UNDEFINED, options)))
            .map(|o| o.unchecked_into())
            .expect("Intl accepts the default locale")
    }

    fn number_format(locale: &str, style: Style) -> Function {
        let key = (locale.to_string(), style);
        NUMBER.with(|cache| {
            if let Some(f) = cache.borrow().get(&key) {
                return f.clone();
            }
            let o = Object::new();
            match style {
                Style::Plain => set(&o, "maximumFractionDigits", 1),
                Style::Percent => {
                    set(&o, "style", "percent");
                    set(&o, "maximumFractionDigits", 1);
                }
                Style::Money(code) => {
                    set(&o, "style", "currency");
                    set(&o, "currency", std::str::from_utf8(&code).unwrap_or("XXX"));
                    set(&o, "maximumFractionDigits", 0);
                    // Arabic prose names the currency («دولار أمريكي»);
                    // the symbol reads as a Latin «US$».
                    if super::is_arabic(locale) {
                        set(&o, "currencyDisplay", "name");
                    }
                }
                Style::Compact => {
                    set(&o, "notation", "compact");
                    set(&o, "compactDisplay", "long");
                }
                Style::Year => set(&o, "useGrouping", false),
                Style::SignedPercent => {
                    set(&o, "style", "percent");
                    set(&o, "maximumFractionDigits", 1);
                    set(&o, "signDisplay", "exceptZero");
                }
            }
            let fmt = construct("NumberFormat", locale, &o);
            let f: Function = Reflect::get(&fmt, &"format".into())
                .ok()
                .and_then(|f| f.dyn_into().ok())
                .expect("Intl.NumberFormat has format");
            cache.borrow_mut().insert(key, f.clone());
            f
        })
    }

    pub fn number(value: f64, locale: &str, style: Style) -> String {
        let v = if matches!(style, Style::Percent | Style::SignedPercent) {
            value / 100.0
        } else {
            value
        };
        number_format(locale, style)
            .call1(&JsValue::NULL, &v.into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| super::fallback::number(value, locale, style))
    }

    pub fn digit_table(locale: &str) -> [char; 10] {
        if let Some(t) = DIGITS.with(|c| c.borrow().get(locale).copied()) {
            return t;
        }
        let t = intl_digits(locale);
        DIGITS.with(|c| c.borrow_mut().insert(locale.to_string(), t));
        t
    }

    fn intl_digits(locale: &str) -> [char; 10] {
        let f = number_format(locale, Style::Year);
        let mut t = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
        for (d, slot) in t.iter_mut().enumerate() {
            if let Some(c) = f
                .call1(&JsValue::NULL, &(d as f64).into())
                .ok()
                .and_then(|s| s.as_string())
                .and_then(|s| s.chars().next())
            {
                *slot = c;
            }
        }
        t
    }

    /// Constructing an Intl formatter is slow (the first one per locale
    /// loads ICU data), and a page formats dozens of dates: one per shape.
    fn date_format(locale: &str, month: bool, day: bool) -> Option<Function> {
        let key = (locale.to_string(), u8::from(month) | u8::from(day) << 1);
        if let Some(f) = DATE.with(|c| c.borrow().get(&key).cloned()) {
            return Some(f);
        }
        let o = Object::new();
        set(&o, "year", "numeric");
        set(&o, "timeZone", "UTC");
        if month {
            set(&o, "month", "long");
        }
        if day {
            set(&o, "day", "numeric");
        }
        let fmt = construct("DateTimeFormat", locale, &o);
        let f: Function = Reflect::get(&fmt, &"format".into()).ok()?.dyn_into().ok()?;
        DATE.with(|c| c.borrow_mut().insert(key, f.clone()));
        Some(f)
    }

    pub fn date(y: u32, m: Option<u32>, d: Option<u32>, locale: &str) -> String {
        let ms = js_sys::Date::utc(y as f64, m.unwrap_or(1) as f64 - 1.0);
        let date = js_sys::Date::new(&JsValue::from_f64(
            ms + (d.unwrap_or(1) as f64 - 1.0) * 86_400_000.0,
        ));
        date_format(locale, m.is_some(), d.is_some())
            .and_then(|f| f.call1(&JsValue::NULL, &date).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| super::fallback::date(y, m, d, locale))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub use super::fallback::{date, digit_table, number};
}

/// `x` with `decimals` digits after the point, for SVG and CSS values,
/// through integer formatting: core's float formatting and parsing would
/// add about 20 KB to the first view's wasm (measured), for values that need
/// no more than this.
pub fn fixed(x: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals.min(6));
    let v = if x.is_finite() {
        (x * scale as f64).round() as i64
    } else {
        0
    };
    let (sign, v) = if v < 0 {
        ("-", v.unsigned_abs())
    } else {
        ("", v.unsigned_abs())
    };
    let scale = scale.unsigned_abs();
    if scale == 1 {
        return format!("{sign}{v}");
    }
    let width = decimals.min(6) as usize;
    format!("{sign}{}.{:0width$}", v / scale, v % scale)
}

/// A plain decimal number ("844", "-12.5", ".5"), as the embed messages and
/// `?offset=` carry them; anything else (exponents, words) is none. See
/// `fixed` for why not `str::parse`.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let s = s.trim();
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.len() + frac.len() == 0
        || int.len() + frac.len() > 15
        || !digits().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole = int.bytes().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'));
    let (part, _) = frac.bytes().fold((0.0, 0.1), |(v, unit), b| {
        (v + f64::from(b - b'0') * unit, unit / 10.0)
    });
    let v = whole + part;
    Some(if negative { -v } else { v })
}

/// The Arabic name (the singular Intl writes for large round figures) and
/// the English symbol of the currencies whose native rendering matches the
/// browser's; any other code is formatted by `Intl` once the app runs (see
/// `exact_natively`).
fn money_words(code: &str) -> Option<(&'static str, &'static str)> {
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
fn is_arabic(locale: &str) -> bool {
    locale == "ar" || locale.starts_with("ar-")
}

/// Enough of Intl's output for native tests and build-time rendering:
/// grouping, Arabic-Indic digits for `-nu-arab`, percent and dollars.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
mod fallback {
    use super::Style;

    /// Whether the locale asks for Arabic-Indic digits (the language is
    /// `super::is_arabic`'s question).
    fn arabic_digits(locale: &str) -> bool {
        locale.contains("-nu-arab")
    }

    pub fn digit_table(locale: &str) -> [char; 10] {
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
        super::digits_with(&out, &digit_table(locale))
    }

    pub fn number(value: f64, locale: &str, style: Style) -> String {
        let ar = super::is_arabic(locale);
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
                match (ar, super::money_words(code)) {
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

    pub fn date(y: u32, m: Option<u32>, d: Option<u32>, locale: &str) -> String {
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
        let ar = super::is_arabic(locale);
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
        super::digits_with(&s, &digit_table(locale))
    }
}

/// Maps ASCII digits through `table`. With non-Latin digits, the
/// separators and percent sign that touch them follow too (8.4% → ٨٫٤٪).
fn digits_with(text: &str, table: &[char; 10]) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_plain_decimals() {
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(fixed(12.35, 2), "12.35");
        assert_eq!(fixed(-0.26, 1), "-0.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(844.0, 0), "844");
        assert_eq!(fixed(0.0625, 4), "0.0625");
        assert_eq!(fixed(1.0, 3), "1.000");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        for x in [0.0, 4.56789, -271.8, 1234.5678, 0.001] {
            assert_eq!(fixed(x, 2), format!("{x:.2}").replace("-0.00", "0.00"));
        }
    }

    #[test]
    fn parse_decimal_reads_what_messages_carry_and_nothing_else() {
        assert_eq!(parse_decimal("844"), Some(844.0));
        assert_eq!(parse_decimal(" -1234.5 "), Some(-1234.5));
        assert_eq!(parse_decimal("+.5"), Some(0.5));
        assert_eq!(parse_decimal("7."), Some(7.0));
        for bad in [
            "",
            "-",
            ".",
            "1e3",
            "NaN",
            "inf",
            "12px",
            "1.2.3",
            "--1",
            "1234567890123456",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
        assert!((parse_decimal("0.1").unwrap() - 0.1).abs() < 1e-12);
    }

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
