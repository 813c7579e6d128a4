//! A classroom session on a scenario with an exercise: teacher or student mode, the student's
//! role, the events as handed out, and the locks student mode enforces on every edit.

use crate::model::exercise::Exercise;
use crate::model::{Action, Event, EventHandle, NationId, Scenario};

use super::edit::Edit;

/// Who is at the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Locks apply, teacher notes are hidden.
    Student,
    /// Everything is shown and editable.
    Teacher,
}

/// The exercise being worked on.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// Teacher or student.
    pub mode: Mode,
    /// The student's role, by index into the exercise's roles (None: all roles).
    pub role: Option<usize>,
    /// The timeline as handed out; events not in it are the student's decisions.
    pub handed_out: Vec<Event>,
    /// Whether the debrief has been shown for the run's end.
    pub debriefed: bool,
}

impl Session {
    /// A student session on `scenario` as handed out.
    pub fn start(scenario: &Scenario) -> Self {
        Self {
            mode: Mode::Student,
            role: None,
            handed_out: scenario.events.clone(),
            debriefed: false,
        }
    }

    /// The session after the document changed to `scenario` by an edit, an undo or a redo. An
    /// exercise made in the app starts a teacher's session (the teacher is writing it), one
    /// removed ends the session. In teacher mode the timeline as it stands is what students will
    /// be handed, so a teacher's events never count as a student's decisions. A role removed
    /// from the exercise is no longer chosen.
    pub fn follow(session: Option<Session>, scenario: &Scenario) -> Option<Session> {
        let exercise = scenario.exercise.as_ref()?;
        let mut session = session.unwrap_or_else(|| Session {
            mode: Mode::Teacher,
            ..Session::start(scenario)
        });
        if session.mode == Mode::Teacher {
            session.handed_out = scenario.events.clone();
        }
        if session.role.is_some_and(|k| k >= exercise.roles.len()) {
            session.role = None;
        }
        Some(session)
    }

    /// The events of `scenario` the student added.
    pub fn decisions<'s>(&self, scenario: &'s Scenario) -> Vec<&'s Event> {
        scenario
            .events
            .iter()
            .filter(|event| !self.handed_out.contains(event))
            .collect()
    }

    /// Why student mode refuses `edit` on `scenario`, or None if it may go ahead.
    pub fn refusal(&self, exercise: &Exercise, scenario: &Scenario, edit: &Edit) -> Option<String> {
        if self.mode == Mode::Teacher {
            return None;
        }
        let locks = &exercise.locks;
        let locked_nation = |id: &NationId| locks.nations.contains(id);
        let locked_pair = |a: &NationId, b: &NationId| {
            locked_nation(a)
                || locked_nation(b)
                || locks
                    .relations
                    .iter()
                    .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
        };
        let nation_locked = |id: &NationId| {
            locked_nation(id).then(|| format!("{} is locked in this exercise", name(scenario, id)))
        };
        // An event of the exercise stays one however it is edited: known by its handle.
        let handed_out = |handle: EventHandle| self.handed_out.iter().any(|e| e.handle == handle);
        match edit {
            Edit::RemoveNations(ids) => ids.iter().find_map(nation_locked),
            Edit::RenameNation { nation, .. }
            | Edit::SetAttribute { nation, .. }
            | Edit::SetRegion { nation, .. }
            | Edit::SetLeader { nation, .. } => nation_locked(nation),
            Edit::SetRelation { a, b, .. } | Edit::RemoveRelation { a, b } if locked_pair(a, b) => {
                Some(format!(
                    "the relation {}–{} is locked in this exercise",
                    name(scenario, a),
                    name(scenario, b)
                ))
            }
            Edit::SetSeed(_) | Edit::SetHorizon(_) | Edit::SetSettings(_) if locks.parameters => {
                Some("the model's settings, seed and horizon are locked in this exercise".into())
            }
            Edit::UpdateEvent { handle, .. } | Edit::RemoveEvent(handle)
                if locks.events && handed_out(*handle) =>
            {
                Some("the events of the exercise are locked; add your own".into())
            }
            Edit::ScheduleEvent(event) => self.new_event_refusal(exercise, scenario, event),
            Edit::SetExercise(_) => {
                Some("the exercise itself is the teacher's to change, in teacher mode".into())
            }
            Edit::UpdateEvent { event, .. } => self.acting_refusal(exercise, scenario, event),
            _ => None,
        }
    }

    fn new_event_refusal(
        &self,
        exercise: &Exercise,
        scenario: &Scenario,
        event: &Event,
    ) -> Option<String> {
        if let Some(budget) = exercise.budget
            && self.decisions(scenario).len() >= budget as usize
        {
            let events = match budget {
                1 => "one event".to_owned(),
                n => format!("{n} events"),
            };
            return Some(format!(
                "the exercise allows {events} of your own, and you have used them all"
            ));
        }
        self.acting_refusal(exercise, scenario, event)
    }

    /// In student mode an event must be acted by one of the role's nations.
    fn acting_refusal(
        &self,
        exercise: &Exercise,
        scenario: &Scenario,
        event: &Event,
    ) -> Option<String> {
        let role_nations: Vec<&NationId> = match self.role.and_then(|k| exercise.roles.get(k)) {
            Some(role) => role.nations.iter().collect(),
            None => exercise
                .roles
                .iter()
                .flat_map(|r| r.nations.iter())
                .collect(),
        };
        if role_nations.is_empty() {
            return None;
        }
        let actors = actors(&event.action);
        if actors.iter().any(|a| role_nations.contains(a)) {
            return None;
        }
        let names: Vec<String> = role_nations.iter().map(|n| name(scenario, n)).collect();
        Some(format!(
            "you act for {}; this event is not theirs to take",
            names.join(", ")
        ))
    }
}

/// The nations that take an action (rather than undergo it).
pub fn actors(action: &Action) -> Vec<&NationId> {
    match action {
        Action::Intervention(i) => i.interveners.iter().collect(),
        Action::SignTreaty(t) => t.parties.iter().collect(),
        Action::FormAlliance(a) => a.members.iter().collect(),
        Action::AbrogateTreaty { by, .. } => vec![by],
        Action::JoinAlliance { nation, .. }
        | Action::LeaveAlliance { nation, .. }
        | Action::LeadershipChange { nation, .. }
        | Action::SetAttribute { nation, .. }
        | Action::ChangeDefenceAmbition { nation, .. } => vec![nation],
        Action::SetRelation { a, b, .. } => vec![a, b],
    }
}

fn name(scenario: &Scenario, id: &NationId) -> String {
    crate::model::describe::nation(scenario, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::exercise::{Locks, Role};
    use crate::model::{Attribute, Intervention, InterventionKind, Text};

    fn setup() -> (Scenario, Exercise, Session) {
        let mut scenario = crate::io::load_str(crate::io::library::default_example().text).unwrap();
        crate::editor::edit::number_events(&mut scenario, 1);
        let exercise = Exercise {
            roles: vec![Role {
                name: Text::from("Western planners"),
                nations: vec!["H".into()],
            }],
            locks: Locks {
                nations: vec!["Q".into()],
                relations: vec![("H".into(), "T".into())],
                parameters: true,
                events: true,
            },
            budget: Some(1),
            ..Exercise::default()
        };
        let session = Session::start(&scenario);
        (scenario, exercise, session)
    }

    fn intervention(by: &str, tick: u32) -> Event {
        Event::new(
            tick,
            Action::Intervention(Intervention::new(
                format!("op-{by}-{tick}").as_str().into(),
                InterventionKind::Peacekeeping,
                vec![by.into()],
                "T".into(),
            )),
        )
    }

    #[test]
    fn student_mode_refuses_what_is_locked_and_teacher_mode_nothing() {
        let (mut scenario, exercise, mut session) = setup();
        let refused = |session: &Session, scenario: &Scenario, edit: Edit| {
            session.refusal(&exercise, scenario, &edit)
        };
        let attribute = |nation: &str| Edit::SetAttribute {
            nation: nation.into(),
            attribute: Attribute::Stability,
            value: 0.2,
        };
        let relation = |a: &str, b: &str| Edit::SetRelation {
            a: a.into(),
            b: b.into(),
            relation: 0.1,
            trust: 0.5,
        };
        assert!(refused(&session, &scenario, attribute("Q")).is_some());
        assert!(refused(&session, &scenario, attribute("T")).is_none());
        assert!(
            refused(
                &session,
                &scenario,
                Edit::RemoveNations(vec!["X".into(), "Q".into()])
            )
            .is_some()
        );
        assert!(refused(&session, &scenario, relation("T", "H")).is_some());
        assert!(refused(&session, &scenario, relation("N1", "X")).is_none());
        assert!(refused(&session, &scenario, Edit::SetSeed(1)).is_some());
        assert!(
            refused(
                &session,
                &scenario,
                Edit::RemoveEvent(scenario.events[2].handle)
            )
            .is_some()
        );
        // Only the role's nations act; one event of one's own within the budget.
        assert!(
            refused(
                &session,
                &scenario,
                Edit::ScheduleEvent(intervention("X", 20))
            )
            .is_some()
        );
        assert!(
            refused(
                &session,
                &scenario,
                Edit::ScheduleEvent(intervention("H", 20))
            )
            .is_none()
        );
        Edit::ScheduleEvent(intervention("H", 20))
            .apply(&mut scenario)
            .unwrap();
        let last = scenario.events.last().unwrap().handle;
        assert!(
            refused(&session, &scenario, Edit::RemoveEvent(last)).is_none(),
            "one's own event"
        );
        let budget = refused(
            &session,
            &scenario,
            Edit::ScheduleEvent(intervention("H", 30)),
        );
        assert!(budget.unwrap().contains("allows one event of your own"));
        assert_eq!(session.decisions(&scenario).len(), 1);
        // A teacher may do all of it.
        session.mode = Mode::Teacher;
        assert!(refused(&session, &scenario, attribute("Q")).is_none());
        assert!(
            refused(
                &session,
                &scenario,
                Edit::RemoveEvent(scenario.events[2].handle)
            )
            .is_none()
        );
        assert!(
            refused(
                &session,
                &scenario,
                Edit::ScheduleEvent(intervention("X", 30))
            )
            .is_none()
        );
    }
}
