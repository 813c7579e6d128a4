//! The scenarios bundled with Entente, compiled into the binary.

/// A bundled scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// Short name used on the command line (`entente new --example NAME`).
    pub name: &'static str,
    /// One line on what it is for.
    pub summary: &'static str,
    /// Its title, as the menu shows it (the scenario's `meta.title`; a test keeps them equal).
    pub title: &'static str,
    /// The scenario file's text.
    pub text: &'static str,
}

/// Every bundled scenario; the first is the default the app opens.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "mesa-crisis",
        title: "Mesa Crisis",
        summary: "A hegemon, its rival and a fragile state in the Mesa region (MODEL.md world W0)",
        text: include_str!("../../assets/scenarios/mesa-crisis.ron"),
    },
    Example {
        name: "teaching-world",
        title: "Teaching world: the Mesa insurgency",
        summary: "Exercise: the model's teaching world; answer an insurgency in the Mesa region",
        text: include_str!("../../assets/scenarios/teaching-world.ron"),
    },
    Example {
        name: "libya-2011",
        title: "Libya 2011",
        summary: "Exercise: resolution 1973's protection mandate, then regime change, and what followed",
        text: include_str!("../../assets/scenarios/libya-2011.ron"),
    },
    Example {
        name: "cold-war-europe",
        title: "Cold War Europe 1949-1991",
        summary: "Exercise: NATO and the Warsaw Pact from 1949 to 1991, detente and dissolution",
        text: include_str!("../../assets/scenarios/cold-war-europe.ron"),
    },
    Example {
        name: "kosovo-1999",
        title: "Kosovo 1999",
        summary: "Exercise: NATO's air campaign without a mandate, then KFOR under resolution 1244",
        text: include_str!("../../assets/scenarios/kosovo-1999.ron"),
    },
    Example {
        name: "iraq-2003",
        title: "Iraq 2003",
        summary: "Exercise: coalition regime change without explicit authorisation, and what followed",
        text: include_str!("../../assets/scenarios/iraq-2003.ron"),
    },
    Example {
        name: "indo-pacific",
        title: "Indo-Pacific today",
        summary: "Exercise: US alliances, intelligence sharing, arms deals and ASEAN's dialogue today",
        text: include_str!("../../assets/scenarios/indo-pacific.ron"),
    },
    Example {
        name: "world-today",
        title: "The world today",
        summary: "Exercise: all 195 states in the UN's 22 regions, with today's alliances; a crisis in one region and who is drawn in",
        text: include_str!("../../assets/scenarios/world-today.ron"),
    },
    Example {
        name: "blank",
        title: "New scenario",
        summary: "Two regions and three nations: a clean start for a new scenario",
        text: include_str!("../../assets/scenarios/blank.ron"),
    },
];

/// The scenario the app opens when started without a file.
pub fn default_example() -> &'static Example {
    &EXAMPLES[0]
}

/// A bundled scenario by name.
pub fn example(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|example| example.name == name)
}
