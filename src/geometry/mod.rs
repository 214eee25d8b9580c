//! The maths between the model and the picture, pure and tested natively:
//! the track's layout and its line names, the train's vehicles, where the
//! reader is in the journey, and the charts (drawn on any plotters backend).

pub mod chart;
pub mod line_tags;
pub mod scroll;
pub mod text_metrics;
pub mod track;
pub mod train;
