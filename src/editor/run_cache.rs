//! One cache for what the views compute from a run: the canvas's picture at the cursor, the
//! plotted series, the Why panel's explanation, the focus's bright set, the new-event form's
//! check. Each keeps its last value with what it was computed from, and computes again only when
//! that changes; a rebuilt run has a new id, so nothing computed from an old run is ever shown.

/// What a value computed from a run depends on: the run, and what else the view asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct RunKey<K> {
    /// The run's id ([`super::Document::run_id`]): new whenever the run is rebuilt.
    pub run: u64,
    /// The rest: a tick, a subject, a view, a selection…
    pub detail: K,
}

impl<K> RunKey<K> {
    /// The key of `detail` computed from run `run`.
    pub fn new(run: u64, detail: K) -> Self {
        Self { run, detail }
    }
}

/// The last value computed, with its key.
#[derive(Debug)]
pub struct RunCache<K, V> {
    entry: Option<(RunKey<K>, V)>,
}

impl<K, V> Default for RunCache<K, V> {
    fn default() -> Self {
        Self { entry: None }
    }
}

impl<K, V> RunCache<K, V> {
    /// The value kept for run `run`, if `matches` accepts what else it was computed from: a
    /// view that would have to build its key every frame compares it in place instead.
    pub fn find(&self, run: u64, matches: impl FnOnce(&K) -> bool) -> Option<&V> {
        match &self.entry {
            Some((kept, value)) if kept.run == run && matches(&kept.detail) => Some(value),
            _ => None,
        }
    }
}

impl<K: PartialEq, V> RunCache<K, V> {
    /// The value computed for `key`, if it is the one kept.
    pub fn get(&self, key: &RunKey<K>) -> Option<&V> {
        self.find(key.run, |detail| *detail == key.detail)
    }

    /// The value for `key`, computed by `make` unless it is the one kept.
    pub fn get_or_insert_with(&mut self, key: RunKey<K>, make: impl FnOnce() -> V) -> &V {
        if self.get(&key).is_none() {
            self.entry = Some((key, make()));
        }
        let (_, value) = self.entry.as_ref().expect("just filled");
        value
    }

    /// Keeps `value` as the one computed for `key`.
    pub fn insert(&mut self, key: RunKey<K>, value: V) {
        self.entry = Some((key, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_computed_once_per_key_and_again_for_a_new_run() {
        let mut cache: RunCache<u32, String> = RunCache::default();
        let mut computed = 0;
        let mut get = |cache: &mut RunCache<u32, String>, run, tick| {
            cache
                .get_or_insert_with(RunKey::new(run, tick), || {
                    computed += 1;
                    format!("{run}/{tick}")
                })
                .clone()
        };
        assert_eq!(get(&mut cache, 1, 5), "1/5");
        assert_eq!(get(&mut cache, 1, 5), "1/5");
        assert_eq!(get(&mut cache, 2, 5), "2/5");
        assert_eq!(get(&mut cache, 2, 6), "2/6");
        assert_eq!(computed, 3);
        assert!(cache.get(&RunKey::new(1, 5)).is_none());
    }
}
