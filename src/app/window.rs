//! The window's own input and output: keyboard shortcuts, dropped files and the close button
//! become intents; playback, autosave and the run's computing advance with the frames; the title,
//! theme and text size follow the state.

use std::path::PathBuf;

use super::EntenteApp;
use super::command::{self, COMMANDS, Intent};
use super::state::{AfterSave, Prompt};

/// How long one frame may spend computing the run; the rest of the frame draws the window.
const COMPUTE_BUDGET: std::time::Duration = std::time::Duration::from_millis(8);

impl EntenteApp {
    /// Reads shortcuts, dropped files and the close button; advances playback and autosave.
    pub(super) fn handle_input(&mut self, ctx: &egui::Context) {
        let focus = if ctx.text_edit_focused() {
            command::KeyboardFocus::TextField
        } else if ctx.egui_wants_keyboard_input() {
            command::KeyboardFocus::Widget
        } else {
            command::KeyboardFocus::Nothing
        };
        if self.state.prompt.is_none() {
            let table = COMMANDS
                .iter()
                .filter_map(|spec| Some((spec.shortcut?, spec.command)))
                .chain(command::ALIASES.iter().copied());
            for (shortcut, command) in table {
                if command::focus_keeps(focus, &shortcut) {
                    continue;
                }
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.intents.push(Intent::Run(command));
                }
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                self.intents.push(Intent::OpenPath(path));
            } else {
                self.state
                    .error(format!("{} is not a scenario file (.ron)", path.display()));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.state.close_confirmed {
            if self.state.document.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.state.prompt = Some(Prompt::Unsaved(AfterSave::Quit));
            } else {
                self.state.close_confirmed = true;
            }
        }
        if !ctx.input(|i| i.pointer.any_down()) && focus == command::KeyboardFocus::Nothing {
            self.state.document.end_merge();
        }
        let dt = ctx.input(|i| i.stable_dt);
        if self.state.playback.is_playing() && self.state.document.simulation().is_some() {
            let (computed, horizon) = (self.state.document.progress().0, self.state.horizon());
            self.state.playback.advance(dt, computed, horizon);
            self.debrief_at_the_end();
        }
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self.tick_autosave(now) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Computes more of the run within a frame's budget and counts frames that did not finish.
    pub(super) fn compute(&mut self, ctx: &egui::Context) {
        match self.state.seeds.poll() {
            Some(Ok(news)) => self.state.info(news),
            Some(Err(reason)) => self
                .state
                .error(format!("The seeds did not finish: {reason}")),
            None => {}
        }
        if self.state.seeds.progress().is_some() {
            // Progress to show, and a result to take in when it comes.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.state.document.compute(COMPUTE_BUDGET) {
            self.state.computing_frames = 0;
        } else {
            self.state.computing_frames += 1;
            ctx.request_repaint();
        }
    }

    /// Brings the title, theme and text size in line with the state; closes when confirmed.
    pub(super) fn apply_window_state(&mut self, ctx: &egui::Context) {
        let document = &self.state.document;
        let title = format!(
            "{}{} — Entente",
            if document.is_dirty() { "*" } else { "" },
            document.display_name()
        );
        if title != self.applied_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = title;
        }
        let prefs = &self.state.prefs;
        let style = (prefs.dark, prefs.text_scale);
        if self.applied_style.is_none() {
            // Text size is a remembered preference with its own commands (Ctrl +, Ctrl −, Ctrl 0).
            ctx.options_mut(|options| options.zoom_with_keyboard = false);
        }
        if self.applied_style != Some(style) {
            ctx.set_theme(if prefs.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            ctx.set_zoom_factor(prefs.text_scale);
            self.applied_style = Some(style);
        }
        if self.state.close_confirmed {
            self.clear_autosave();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
