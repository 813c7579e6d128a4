//! What is selected on the canvas and shown in the inspector.

use std::collections::BTreeSet;

use crate::model::{AllianceId, EventHandle, NationId, RegionId, Scenario, TreatyId};

/// One selectable thing.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// A nation (node).
    Nation(NationId),
    /// The relation of a pair (edge), smaller id first.
    Relation(NationId, NationId),
    /// An alliance.
    Alliance(AllianceId),
    /// A treaty in force at load.
    Treaty(TreatyId),
    /// A region.
    Region(RegionId),
    /// A timeline event, by its handle: the same event however it is edited or moved.
    Event(EventHandle),
}

impl Item {
    /// The relation item of a pair, in canonical order.
    pub fn relation(a: &NationId, b: &NationId) -> Item {
        if a <= b {
            Item::Relation(a.clone(), b.clone())
        } else {
            Item::Relation(b.clone(), a.clone())
        }
    }

    /// Whether the item is in `scenario` (an edit or an undo may have removed it).
    pub fn exists_in(&self, scenario: &Scenario) -> bool {
        match self {
            Item::Nation(id) => scenario.nations.iter().any(|n| &n.id == id),
            Item::Relation(a, b) => super::edit::relation_index(scenario, a, b).is_some(),
            Item::Alliance(id) => scenario.alliances.iter().any(|x| &x.id == id),
            Item::Treaty(id) => scenario.treaties.iter().any(|x| &x.id == id),
            Item::Region(id) => scenario.regions.iter().any(|x| &x.id == id),
            Item::Event(handle) => super::edit::event_index(scenario, *handle).is_some(),
        }
    }
}

/// The selection: any number of items; the inspector shows the single item or a summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    items: BTreeSet<Item>,
}

impl Selection {
    /// Nothing selected.
    pub fn none() -> Self {
        Self::default()
    }

    /// Just this item.
    pub fn single(item: Item) -> Self {
        Self {
            items: BTreeSet::from([item]),
        }
    }

    /// These nations.
    pub fn nations(ids: impl IntoIterator<Item = NationId>) -> Self {
        Self {
            items: ids.into_iter().map(Item::Nation).collect(),
        }
    }

    /// Whether an item is selected.
    pub fn contains(&self, item: &Item) -> bool {
        self.items.contains(item)
    }

    /// Adds the item, or removes it if it was selected (shift-click).
    pub fn toggle(&mut self, item: Item) {
        if !self.items.remove(&item) {
            self.items.insert(item);
        }
    }

    /// The selected items in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter()
    }

    /// The selected nations in id order.
    pub fn selected_nations(&self) -> Vec<NationId> {
        self.items
            .iter()
            .filter_map(|item| match item {
                Item::Nation(id) => Some(id.clone()),
                _ => None,
            })
            .collect()
    }

    /// The only selected item, if exactly one is.
    pub fn only(&self) -> Option<&Item> {
        match self.items.len() {
            1 => self.items.iter().next(),
            _ => None,
        }
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Drops items that no longer exist (after a deletion or an undo).
    pub fn retain_existing(&mut self, scenario: &Scenario) {
        self.items.retain(|item| item.exists_in(scenario));
    }
}
