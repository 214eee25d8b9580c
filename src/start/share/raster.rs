//! SVG to PNG with resvg, and text measured the same way, using only the
//! fonts in `assets/fonts/` (never the system's): a picture comes out the
//! same on every machine. resvg shapes text with rustybuzz, so Arabic is
//! joined and laid out right to left.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

/// The fonts the pictures are drawn with (SIL Open Font License 1.1,
/// `assets/fonts/OFL.txt`).
pub const ARABIC: &str = "Noto Naskh Arabic";
pub const LATIN: &str = "Noto Sans";

const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
];

fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for data in FONT_FILES {
            db.load_font_data(data.to_vec());
        }
        // Generic names resolve to the shipped fonts too.
        db.set_sans_serif_family(LATIN);
        db.set_serif_family(ARABIC);
        Arc::new(db)
    })
    .clone()
}

fn options() -> usvg::Options<'static> {
    usvg::Options {
        fontdb: fonts(),
        font_family: LATIN.to_string(),
        languages: vec!["ar".into(), "en".into()],
        ..usvg::Options::default()
    }
}

/// Parses an SVG document with the shipped fonts.
pub fn tree(svg: &str) -> Result<usvg::Tree, String> {
    usvg::Tree::from_str(svg, &options()).map_err(|e| format!("svg: {e}"))
}

/// Rasterizes an SVG document at its own size, as PNG.
pub fn png(svg: &str) -> Result<Vec<u8>, String> {
    let tree = tree(svg)?;
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or("empty picture")?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("png: {e}"))
}

/// A run of text's drawn width in px, as resvg lays it out (shaped, with
/// the shipped fonts): what the pictures wrap and fit lines by.
pub fn text_width(text: &str, family: &str, size: f64, bold: bool) -> f64 {
    if text.trim().is_empty() {
        return 0.0;
    }
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="400"><text x="10" y="200" font-family="{family}" font-size="{size}" font-weight="{}">{}</text></svg>"#,
        if bold { "bold" } else { "normal" },
        super::svg::esc(text)
    );
    tree(&svg)
        .ok()
        .and_then(|t| t.root().bounding_box().width().into())
        .map(f64::from)
        .unwrap_or(0.0)
}
