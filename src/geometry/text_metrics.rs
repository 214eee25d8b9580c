//! How much room a line of text takes, estimated without a browser (the
//! map's labels and the charts' captions are laid out natively too).

/// A conservative average advance, in ems.
const CHAR_EM: f64 = 0.62;

/// Estimated width of a line of text: a conservative average advance.
pub fn text_width(s: &str, font: f64) -> f64 {
    s.chars().count() as f64 * font * CHAR_EM
}

/// Greedy wrap at spaces and after dashes, so "2017–2018" can break.
pub fn wrap(s: &str, max: f64, font: f64) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        cur.push(c);
        if c == ' ' || c == '–' || c == '-' {
            tokens.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for tok in tokens {
        let candidate = format!("{line}{tok}");
        if !line.is_empty() && text_width(candidate.trim_end(), font) > max {
            lines.push(line.trim_end().to_string());
            line = tok.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}
