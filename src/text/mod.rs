//! Words, numbers and dates: the interface strings, a story's problems in
//! the reader's language, and figures written for a locale.

pub mod decimal;
mod fallback;
pub mod format;
mod intl;
pub mod labels;
pub mod numerals;
pub mod problems;
pub mod strings;
