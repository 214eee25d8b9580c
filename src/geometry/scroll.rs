//! Where the reader is in the journey, as numbers: which step is active,
//! how far the train has come, and where the reading line falls when only
//! an observer's rects can tell. The browser side is `browser::scroll_engine`.

/// The top-level viewport, in px from the container's top.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct View {
    pub top: f64,
    pub height: f64,
    /// Where the steps start and end, in the same coordinates.
    pub steps_top: f64,
    pub steps_end: f64,
}

/// Where the reader is in the journey.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    /// The step whose top has most recently crossed the reading line.
    pub active: usize,
    /// Progress in step space: 2.5 is halfway from the third step to the fourth.
    pub progress: f64,
    /// Whether the reading line is inside the journey at all.
    pub inside: bool,
}

/// Locates the reading line `line` (px from the journey's top) among steps
/// whose tops are `tops` (ascending, same origin) and whose last step ends
/// at `end`.
pub fn locate(line: f64, tops: &[f64], end: f64) -> Position {
    let n = tops.len();
    if n == 0 || !line.is_finite() {
        return Position {
            active: 0,
            progress: 0.0,
            inside: false,
        };
    }
    if line < tops[0] {
        return Position {
            active: 0,
            progress: 0.0,
            inside: false,
        };
    }
    let active = tops.iter().rposition(|&t| t <= line).unwrap_or(0);
    let progress = if active + 1 < n {
        let span = (tops[active + 1] - tops[active]).max(1.0);
        active as f64 + ((line - tops[active]) / span).clamp(0.0, 1.0)
    } else {
        (n - 1) as f64
    };
    Position {
        active,
        progress,
        inside: line <= end,
    }
}

/// How near (px) what the viewport shows must come to the journey's top or
/// end for that edge to count as on screen (observers round their rects).
pub const EDGE: f64 = 0.5;

/// The reading line (the top-level viewport's middle, in px from the
/// journey's top) from what the viewport shows of the journey: `top` to
/// `bottom`, of `height` px in all. `viewport` is the best-known height of
/// the top-level viewport, needed where it runs past the journey's top or
/// end.
pub fn line_from_visible(top: f64, bottom: f64, height: f64, viewport: f64) -> f64 {
    let clipped_top = top > EDGE;
    let clipped_bottom = bottom < height - EDGE;
    match (clipped_top, clipped_bottom) {
        (true, true) => (top + bottom) / 2.0,
        (false, true) => bottom - viewport / 2.0,
        (true, false) => top + viewport / 2.0,
        // The whole journey fits: centre of what is seen.
        (false, false) => (top + bottom) / 2.0,
    }
}

/// In reduced motion, the train sits at its station instead of gliding.
pub fn train_progress(pos: Position, reduced_motion: bool) -> f64 {
    if reduced_motion {
        pos.active as f64
    } else {
        pos.progress
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_the_first_step_nothing_is_inside() {
        let p = locate(50.0, &[100.0, 300.0, 600.0], 900.0);
        assert_eq!((p.active, p.progress, p.inside), (0, 0.0, false));
    }

    #[test]
    fn progress_runs_continuously_between_steps() {
        let tops = [100.0, 300.0, 600.0];
        assert_eq!(locate(100.0, &tops, 900.0).progress, 0.0);
        assert_eq!(locate(200.0, &tops, 900.0).progress, 0.5);
        let p = locate(450.0, &tops, 900.0);
        assert_eq!((p.active, p.progress), (1, 1.5));
        let last = locate(700.0, &tops, 900.0);
        assert_eq!((last.active, last.progress, last.inside), (2, 2.0, true));
        assert!(!locate(950.0, &tops, 900.0).inside);
    }

    #[test]
    fn reading_line_from_what_the_viewport_shows() {
        // Viewport wholly inside the journey: its middle.
        assert_eq!(line_from_visible(160.0, 960.0, 3200.0, 999.0), 560.0);
        // Journey starts on screen (a rounded rect still counts): viewport
        // bottom minus half a viewport.
        assert_eq!(line_from_visible(0.4, 800.0, 3200.0, 800.0), 400.0);
        // Journey ends on screen.
        assert_eq!(line_from_visible(2400.0, 3199.6, 3200.0, 800.0), 2800.0);
        // The whole journey shows: its middle.
        assert_eq!(line_from_visible(0.0, 600.0, 600.0, 800.0), 300.0);
    }

    #[test]
    fn reduced_motion_snaps_to_the_station() {
        let p = Position {
            active: 3,
            progress: 3.7,
            inside: true,
        };
        assert_eq!(train_progress(p, true), 3.0);
        assert_eq!(train_progress(p, false), 3.7);
    }
}
