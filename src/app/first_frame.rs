//! `entente --time-first-frame`: opens the app, reports how long the first frame took to reach
//! the screen, and quits. The start-up benchmark runs it as a whole process.

use std::time::Instant;

/// Wraps the app: after the first frame has been painted, prints the time since `started` (in
/// milliseconds, on standard output) and closes the window.
pub struct FirstFrameTimer<A> {
    app: A,
    started: Instant,
    frames: u32,
}

impl<A> FirstFrameTimer<A> {
    /// Times `app` from `started` (the start of the process).
    pub fn new(app: A, started: Instant) -> Self {
        Self {
            app,
            started,
            frames: 0,
        }
    }
}

impl<A: eframe::App> eframe::App for FirstFrameTimer<A> {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.app.logic(ctx, frame);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 2 {
            // The second frame starts once the first one was painted and presented.
            println!(
                "first frame after {:.1} ms",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.app.ui(ui, frame);
        ui.ctx().request_repaint();
    }
}
