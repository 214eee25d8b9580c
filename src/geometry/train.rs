//! The train on the map: how big it is drawn, and where each of its
//! vehicles is for a given progress, following the drawn path.

use super::track::{Layout, Pose};

/// The train's vehicles, front first: a locomotive and two carriages, their
/// centres this far apart along the track (px, before scaling).
pub const CARRIAGE_GAPS: [f64; 2] = [33.0, 62.0];

/// How big the train is drawn on a track this wide: 69 px long on a phone's
/// strip, 101 px beside the text on a wide screen.
pub fn train_scale(track_width: f64) -> f64 {
    if track_width < 600.0 {
        0.75
    } else {
        1.1
    }
}

/// One vehicle's place: its pose, and whether it is still short of the
/// first station (it waits out of sight, as in a depot, instead of hanging
/// off the map).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vehicle {
    pub pose: Pose,
    pub waiting: bool,
}

/// Where the locomotive and each carriage are when the train's front is at
/// `progress` (stop space: 0 the first stop, 2.5 halfway from the third to
/// the fourth), each the right distance behind it along the path.
pub fn vehicles(layout: &Layout, progress: f64) -> Vec<Vehicle> {
    let scale = train_scale(layout.width);
    let front = layout.pose(progress).t * layout.length();
    std::iter::once(0.0)
        .chain(CARRIAGE_GAPS)
        .map(|back| Vehicle {
            pose: layout.pose_at_arc(front - back * scale),
            waiting: front < back * scale,
        })
        .collect()
}
