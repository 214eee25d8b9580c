//! Numbers and dates as the browser's `Intl` writes them, its formatters
//! built once per locale and shape. (`format` uses these in the browser.)

use super::numerals::Style;
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
                if super::numerals::is_arabic(locale) {
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

pub(super) fn number(value: f64, locale: &str, style: Style) -> String {
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

pub(super) fn digit_table(locale: &str) -> [char; 10] {
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

pub(super) fn date(y: u32, m: Option<u32>, d: Option<u32>, locale: &str) -> String {
    let ms = js_sys::Date::utc(y as f64, m.unwrap_or(1) as f64 - 1.0);
    let date = js_sys::Date::new(&JsValue::from_f64(
        ms + (d.unwrap_or(1) as f64 - 1.0) * 86_400_000.0,
    ));
    date_format(locale, m.is_some(), d.is_some())
        .and_then(|f| f.call1(&JsValue::NULL, &date).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| super::fallback::date(y, m, d, locale))
}
