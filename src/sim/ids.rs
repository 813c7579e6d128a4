//! Dense indices the engine uses in place of the scenario's string ids.

use std::fmt;

macro_rules! index {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The index as a `usize`, for indexing the engine's vectors.
            pub fn ix(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

index!(
    /// A nation, by its position in the scenario's nation list.
    NationIx, "nation#"
);
index!(
    /// A region, by its position in the scenario's region list.
    RegionIx, "region#"
);
index!(
    /// An alliance: those in force at load first, then those formed by events in tick order.
    AllianceIx, "alliance#"
);
index!(
    /// A treaty: those in force at load first, then those signed by events in tick order.
    TreatyIx, "treaty#"
);
index!(
    /// An intervention, in the order its events start.
    InterventionIx, "intervention#"
);
index!(
    /// A scheduled event, by its position in the (tick-sorted) event list.
    EventIx, "event#"
);

/// Converts a vector position to an index type; scenarios are limited far below `u32::MAX`.
pub(crate) fn to_u32(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(u32::MAX)
}

/// Moves `items` into `out` grouped by nation, ascending, keeping their order within each
/// nation (a counting sort: linear in the items and the nations); `starts` receives where each
/// nation's items begin (n + 1 entries).
pub(crate) fn group_by_nation<T: Copy>(
    items: &[T],
    out: &mut Vec<T>,
    starts: &mut Vec<u32>,
    n: usize,
    nation: impl Fn(&T) -> NationIx,
) {
    starts.clear();
    starts.resize(n + 1, 0);
    for item in items {
        starts[nation(item).ix() + 1] += 1;
    }
    for k in 1..=n {
        starts[k] += starts[k - 1];
    }
    let mut next = starts.clone();
    out.clear();
    out.extend_from_slice(items);
    for item in items {
        let slot = &mut next[nation(item).ix()];
        out[*slot as usize] = *item;
        *slot += 1;
    }
}
