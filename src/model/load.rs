//! Reading a story file: JSON to the model, every problem at once, each
//! with its path.

use super::problem::{Problem, StoryError};
use super::story::Story;
use super::validate::validate;

/// Parses and validates a story file. On failure, every problem found is
/// returned at once, each with its path.
pub fn load(json: &str) -> Result<Story, Vec<StoryError>> {
    let mut value = read_json(json).map_err(|e| vec![e])?;
    // Every struct denies unknown fields, which stops at the first one: drop
    // it and read again, so that all of them are listed at once.
    let mut errors = Vec::new();
    let story = loop {
        let e = match serde_path_to_error::deserialize::<_, Story>(&value) {
            Ok(story) => break story,
            Err(e) => e,
        };
        let message = e.inner().to_string();
        let at = tidy_path(&e.path().to_string());
        match unknown_field(&message) {
            Some(field)
                if errors.len() < MAX_UNKNOWN && remove_field(&mut value, e.path(), &field) =>
            {
                // The path already ends at the unknown key.
                errors.push(StoryError {
                    path: at,
                    problem: Problem::UnknownField,
                });
            }
            _ => {
                errors.push(StoryError::syntax(at, message));
                return Err(errors);
            }
        }
    };
    // A story in one language need not name it twice.
    let mut story = story;
    if value.get("default_lang").is_none() {
        if let Some(first) = story.languages.first() {
            story.default_lang = *first;
        }
    }
    errors.extend(validate(&story));
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
    }
}

/// Reads JSON text into a tree. It goes through serde_path_to_error, so a
/// number out of range is named by its path too. Every JSON file and
/// message the app reads goes through here: one JSON reader keeps the wasm
/// small.
pub fn read_json(text: &str) -> Result<serde_json::Value, StoryError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| StoryError::syntax(tidy_path(&e.path().to_string()), e.inner()))?;
    de.end().map_err(|e| StoryError::syntax(String::new(), e))?;
    Ok(value)
}

/// A file with more unknown fields than this is not a story file at all.
const MAX_UNKNOWN: usize = 100;

/// The field named by serde's "unknown field `x`, expected …" message.
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// Removes the unknown `field` that `path` ends at; false when there is none.
fn remove_field(
    value: &mut serde_json::Value,
    path: &serde_path_to_error::Path,
    field: &str,
) -> bool {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let Some((Segment::Map { key }, parent)) = segments.split_last() else {
        return false;
    };
    if key != field {
        return false;
    }
    let mut at = value;
    for seg in parent {
        let next = match seg {
            Segment::Seq { index } => at.get_mut(*index),
            Segment::Map { key } => at.get_mut(key.as_str()),
            Segment::Enum { .. } | Segment::Unknown => None,
        };
        match next {
            Some(v) => at = v,
            None => return false,
        }
    }
    at.as_object_mut()
        .is_some_and(|o| o.remove(field).is_some())
}

/// serde_path_to_error writes the root as "." and indexes as `a[0]`.
fn tidy_path(p: &str) -> String {
    if p == "." {
        String::new()
    } else {
        p.to_string()
    }
}
