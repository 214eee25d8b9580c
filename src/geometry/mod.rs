//! The maths between the model and the picture, pure and tested natively:
//! the track's layout and its line names, the train's vehicles, where the
//! reader is in the journey, and the charts (drawn on any plotters backend).

pub mod chart;
pub mod line_tags;
pub mod scroll;
pub mod text_metrics;
pub mod track;
pub mod train;

/// `x` held within `lo..=hi` (`lo` wins if they cross). Not `f64::clamp`
/// where `hi` is computed: its `lo <= hi` assertion formats both floats in
/// its panic message, which pulled all of core's float printing (7 KB
/// brotli) into the first view.
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.min(hi).max(lo)
}
