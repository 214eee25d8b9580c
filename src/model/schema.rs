//! The story file's JSON Schema, from the serde types (native only: the
//! schema derive is not in the wasm).

use super::story::Story;

/// The story file's JSON Schema, from these types (`qitar-check --schema`;
/// `content/story.schema.json` is its output, kept in step by a test).
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Story);
    schema.insert("title".into(), "qitar story file".into());
    let mut value = schema.to_value();
    file_names_in_defaults(&mut value);
    // Its default is the first declared language, which no constant says.
    if let Some(field) = value
        .pointer_mut("/properties/default_lang")
        .and_then(|f| f.as_object_mut())
    {
        field.remove("default");
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Defaults come from `Serialize`, which keeps the Rust names of unit
/// variants (the code generator needs them); the file says `"station"`,
/// not `"Station"`.
fn file_names_in_defaults(v: &mut serde_json::Value) {
    fn rename(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s)
                if s.starts_with(|c: char| c.is_ascii_uppercase())
                    && s.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                let mut out = String::new();
                for (i, c) in s.chars().enumerate() {
                    if c.is_ascii_uppercase() && i > 0 {
                        out.push('_');
                    }
                    out.push(c.to_ascii_lowercase());
                }
                *s = out;
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(rename),
            _ => {}
        }
    }
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "default" {
                    rename(child);
                } else {
                    file_names_in_defaults(child);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(file_names_in_defaults),
        _ => {}
    }
}
