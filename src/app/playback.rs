//! Playback: the cursor tick the views show, whether it moves on by itself and how fast.

/// The cursor and its movement. Wall-clock time exists only here: the run itself advances in
/// whole ticks and never reads a clock.
#[derive(Clone, Debug, PartialEq)]
pub struct Playback {
    /// Whether the cursor moves on by itself.
    playing: bool,
    /// The tick the canvas, plots and Why panel show (the run may be computed further).
    cursor: u32,
    /// Playback speed.
    ticks_per_second: f32,
    /// Seconds of playback not yet turned into ticks.
    pending_seconds: f32,
}

/// The slowest and fastest playback the speed control offers.
pub const SPEEDS: std::ops::RangeInclusive<f32> = 0.5..=30.0;

impl Playback {
    /// At tick 0, playing if `autoplay`, four ticks a second.
    pub fn new(autoplay: bool) -> Self {
        Self {
            playing: autoplay,
            cursor: 0,
            ticks_per_second: 4.0,
            pending_seconds: 0.0,
        }
    }

    /// Whether the cursor moves on by itself.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// The tick the cursor is on (it may be ahead of what is computed yet).
    pub fn cursor(&self) -> u32 {
        self.cursor
    }

    /// Playback speed in ticks per second.
    pub fn ticks_per_second(&self) -> f32 {
        self.ticks_per_second
    }

    /// Sets the speed, kept within [`SPEEDS`] (a typed 0 or NaN would stop time for good).
    pub fn set_speed(&mut self, ticks_per_second: f32) {
        let (low, high) = (*SPEEDS.start(), *SPEEDS.end());
        self.ticks_per_second = if ticks_per_second.is_finite() {
            ticks_per_second.clamp(low, high)
        } else {
            4.0
        };
    }

    /// Stops playback where it is.
    pub fn pause(&mut self) {
        self.playing = false;
        self.pending_seconds = 0.0;
    }

    /// Plays or pauses; playing from the end starts again at tick 0.
    pub fn play_pause(&mut self, horizon: u32) {
        if self.cursor >= horizon && !self.playing {
            self.seek(0, horizon);
        }
        self.playing = !self.playing;
    }

    /// Moves the cursor to `tick`, clamped to the timeline. States are kept for every computed
    /// tick, so this is a lookup; a tick not computed yet shows as soon as it is.
    pub fn seek(&mut self, tick: u32, horizon: u32) {
        self.cursor = tick.min(horizon);
        self.pending_seconds = 0.0;
    }

    /// Back to tick 0, paused (a new document).
    pub fn rewind(&mut self) {
        self.cursor = 0;
        self.pause();
    }

    /// Moves the cursor on by `seconds` of playback. A slow frame never moves more than a
    /// second's worth of ticks at once, and the cursor never runs ahead of what is computed:
    /// playback waits for the run instead. Stops at the horizon.
    pub fn advance(&mut self, seconds: f32, computed: u32, horizon: u32) {
        if !self.playing {
            return;
        }
        self.pending_seconds += seconds;
        let interval = 1.0 / self.ticks_per_second.max(0.1);
        let mut budget = self.ticks_per_second.ceil() as u32;
        while self.pending_seconds >= interval && budget > 0 && self.cursor < computed {
            self.pending_seconds -= interval;
            budget -= 1;
            self.cursor += 1;
        }
        if self.cursor >= horizon {
            self.pause();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playback_waits_for_the_run_and_stops_at_the_horizon() {
        let mut playback = Playback::new(true);
        playback.advance(10.0, 3, 40);
        assert_eq!(playback.cursor(), 3, "never ahead of the computed ticks");
        playback.advance(10.0, 40, 40);
        assert_eq!(
            playback.cursor(),
            7,
            "at most a second's worth of ticks per frame"
        );
        for _ in 0..20 {
            playback.advance(1.0, 40, 40);
        }
        assert_eq!(playback.cursor(), 40);
        assert!(!playback.is_playing());
        playback.play_pause(40);
        assert_eq!((playback.cursor(), playback.is_playing()), (0, true));
    }

    #[test]
    fn nonsense_speeds_are_kept_in_range() {
        let mut playback = Playback::new(false);
        for (typed, kept) in [(0.0, 0.5), (1e9, 30.0), (f32::NAN, 4.0), (2.0, 2.0)] {
            playback.set_speed(typed);
            assert_eq!(playback.ticks_per_second(), kept);
        }
    }
}
