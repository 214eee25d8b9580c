//! Decimal numbers as text and back, for SVG, CSS and message values,
//! without core's float formatting and parsing (about 20 KB of wasm).

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
}
