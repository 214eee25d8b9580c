//! SVG to PNG with resvg, using only the fonts in `assets/fonts/` (never
//! the system's): a picture comes out the same on every machine. resvg
//! shapes text with harfrust (HarfBuzz in Rust), so Arabic is joined.

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
