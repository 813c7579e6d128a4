//! Reading scenario files: size limit, text check, format version first (with the migration
//! chain), RON parsing with line:column errors, canonical order, then semantic validation.
//! Nothing a file contains can make this panic; every problem comes back as a [`Diagnostic`].

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::limits::{MAX_FILE_BYTES, MAX_NESTING};
use crate::model::{FORMAT_VERSION, Scenario, validate};

use super::diagnostic::Diagnostic;
use super::locate::{Position, locate};
use super::migrate::migrate;

/// Why a scenario could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file was read but is not a valid scenario; every problem found is listed.
    #[error("{}", summary(.0))]
    Invalid(Vec<Diagnostic>),
}

fn summary(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl LoadError {
    /// The located problems (empty for an I/O error).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Self::Io { .. } => &[],
            Self::Invalid(diagnostics) => diagnostics,
        }
    }

    /// Every problem as `FILE:LINE:COL: error: message` lines.
    pub fn render(&self, file: &str) -> Vec<String> {
        match self {
            Self::Io { source, .. } => {
                vec![format!("{file}: error: cannot read the file: {source}")]
            }
            Self::Invalid(diagnostics) => diagnostics.iter().map(|d| d.render(file)).collect(),
        }
    }
}

/// Reads and checks a scenario file.
pub fn load_file(path: &Path) -> Result<Scenario, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if metadata.is_dir() {
        return Err(LoadError::Invalid(vec![Diagnostic::file(
            "this is a folder, not a scenario file",
        )]));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large(metadata.len()));
    }
    // The length can change between the check and the read; `take` holds the limit regardless.
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    load_bytes(&bytes)
}

fn too_large(bytes: u64) -> LoadError {
    LoadError::Invalid(vec![Diagnostic::file(format!(
        "the file is {:.1} MiB; scenario files may be at most {} MiB",
        bytes as f64 / 1024.0 / 1024.0,
        MAX_FILE_BYTES / 1024 / 1024
    ))])
}

/// Checks a scenario given as bytes (a file's contents).
pub fn load_bytes(bytes: &[u8]) -> Result<Scenario, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Invalid(vec![Diagnostic::file(format!(
            "this is not a scenario file: it contains binary data (a zero byte at offset {nul})"
        ))]));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let text = String::from_utf8_lossy(valid);
            Err(LoadError::Invalid(vec![Diagnostic {
                position: Some(end_position(&text)),
                path: None,
                message: "this is not a text file in UTF-8: it contains bytes that are not \
                          characters (save it as UTF-8 text)"
                    .to_owned(),
            }]))
        }
    }
}

fn end_position(text: &str) -> Position {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count());
    Position { line, col }
}

/// Reads fields up to `format_version` and stops there: the version decides how to read the
/// rest, and skipping a large file's other fields would cost as much as parsing them.
struct VersionProbe<'a>(&'a std::cell::Cell<Option<u32>>);

/// The error a [`VersionProbe`] stops with once it has the version.
const PROBE_DONE: &str = "format_version found";

impl<'de> serde::de::DeserializeSeed<'de> for VersionProbe<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("Scenario", &["format_version"], self)
    }
}

impl<'de> serde::de::Visitor<'de> for VersionProbe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a scenario")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "format_version" {
                self.0.set(Some(map.next_value::<u32>()?));
                return Err(serde::de::Error::custom(PROBE_DONE));
            }
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(())
    }
}

/// The scenario's format version: `Ok(None)` when it has none, a syntax error when the text
/// breaks before the version is read.
fn format_version(text: &str) -> Result<Option<u32>, ron::error::SpannedError> {
    let found = std::cell::Cell::new(None);
    let parsed = options().from_str_seed(text, VersionProbe(&found));
    match found.get() {
        Some(version) => Ok(Some(version)),
        None => parsed.map(|()| None),
    }
}

/// Parser options: a nesting limit, and optional values may be written bare (`duration: 12`)
/// as well as `Some(12)`, which is what people write by hand.
fn options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Checks a scenario given as text.
pub fn load_str(text: &str) -> Result<Scenario, LoadError> {
    if is_blank(text) {
        return Err(LoadError::Invalid(vec![Diagnostic::file(
            "the file is empty; a scenario starts with `(format_version: 1, meta: (title: \"…\"), …)`",
        )]));
    }
    let version =
        format_version(text).map_err(|error| LoadError::Invalid(vec![syntax(text, &error)]))?;
    let version = version.ok_or_else(|| {
        LoadError::Invalid(vec![Diagnostic {
            position: Some(Position { line: 1, col: 1 }),
            path: Some("format_version".to_owned()),
            message: format!(
                "the file has no format_version; an Entente scenario starts with `format_version: {FORMAT_VERSION}`"
            ),
        }])
    })?;
    let located = |message: String| {
        LoadError::Invalid(vec![Diagnostic {
            position: locate(text, &crate::model::Path::root().field("format_version")),
            path: Some("format_version".to_owned()),
            message,
        }])
    };
    if version > FORMAT_VERSION {
        return Err(located(format!(
            "this scenario was made by a newer Entente (format {version}); this Entente reads formats up to {FORMAT_VERSION}: please update Entente"
        )));
    }
    let migrated = migrate(text, version).map_err(|error| located(error.to_string()))?;
    let mut scenario: Scenario = match options().from_str(&migrated) {
        Ok(scenario) => scenario,
        Err(error) => {
            let first = syntax(text, &error);
            // A file as written can be read on past a field the parser refuses, to report
            // everything at once; a migrated one has other positions than the file.
            return Err(LoadError::Invalid(match migrated {
                std::borrow::Cow::Borrowed(_) => read_on(text, error, first),
                std::borrow::Cow::Owned(_) => vec![first],
            }));
        }
    };
    // Validation runs on the scenario as written, so paths match the file's own list order;
    // canonical order is applied afterwards.
    let problems = validate(&scenario);
    if problems.is_empty() {
        scenario.canonicalize();
        return Ok(scenario);
    }
    // Paths refer to the file as written only when no migration rewrote it.
    let source = match migrated {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(_) => "",
    };
    Err(LoadError::Invalid(located_problems(problems, source)))
}

/// How many refused fields one check steps over before it stops listing.
const MAX_READ_ON: usize = 50;

/// Every problem of a file past its first parse error, as far as the parser can step: a field
/// it refuses (unknown, or given twice) is blanked out in place and the text read again; once
/// it parses, its validation problems follow. Any other error ends the list, since what follows
/// it cannot be read reliably.
fn read_on(text: &str, mut error: ron::error::SpannedError, first: Diagnostic) -> Vec<Diagnostic> {
    use ron::error::Error as E;
    let mut diagnostics = vec![first];
    let mut current = text.to_owned();
    for _ in 0..MAX_READ_ON {
        if !matches!(
            error.code,
            E::NoSuchStructField { .. } | E::DuplicateStructField { .. }
        ) {
            break;
        }
        let at = Position {
            line: error.span.start.line,
            col: error.span.start.col,
        };
        let Some(next) = super::locate::blank_field(&current, at) else {
            break;
        };
        current = next;
        match options().from_str::<Scenario>(&current) {
            Ok(scenario) => {
                diagnostics.extend(located_problems(validate(&scenario), &current));
                break;
            }
            Err(next_error) => {
                diagnostics.push(syntax(&current, &next_error));
                error = next_error;
            }
        }
    }
    // In file order, as a teacher fixes them; what has no position last.
    diagnostics.sort_by_key(|d| d.position.map_or((usize::MAX, 0), |p| (p.line, p.col)));
    diagnostics
}

/// Validation problems with their line and column in `source` (none when it is empty).
fn located_problems(problems: Vec<crate::model::Problem>, source: &str) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|problem| Diagnostic {
            position: locate(source, &problem.path),
            path: Some(problem.path.to_string()),
            message: problem.message,
        })
        .collect()
}

fn is_blank(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, tail)| tail);
        } else {
            return rest.is_empty();
        }
    }
}

/// Turns a RON error into a located diagnostic with a message a teacher can act on.
fn syntax(text: &str, error: &ron::error::SpannedError) -> Diagnostic {
    use ron::error::Error as E;
    let at = Position {
        line: error.span.start.line,
        col: error.span.start.col,
    };
    // An error at the very end of a file means the file was cut short, whatever the parser expected.
    let reached = Position {
        line: error.span.end.line,
        col: error.span.end.col,
    };
    let cut_short = reached >= end_position(text.trim_end()) && !matches!(error.code, E::Eof);
    let message = match &error.code {
        code if cut_short => format!(
            "the file ends too early: a closing bracket or a value is missing (the parser says: {})",
            lowercase_first(&code.to_string())
        ),
        E::Eof => "the file ends too early: a closing bracket or a value is missing".to_owned(),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let inside = outer
                .as_deref()
                .map(|o| format!(" in {}", friendly_struct(o)))
                .unwrap_or_default();
            format!(
                "unknown field `{found}`{inside}; the fields allowed here are: {}",
                expected.join(", ")
            )
        }
        E::MissingStructField { field, outer } => {
            let inside = outer
                .as_deref()
                .map(|o| format!(" of {}", friendly_struct(o)))
                .unwrap_or_default();
            format!("the required field `{field}`{inside} is missing")
        }
        E::DuplicateStructField { field, .. } => format!("the field `{field}` is given twice"),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "`{found}` is not one of the accepted values: {}",
            expected.join(", ")
        ),
        E::ExceededRecursionLimit => format!(
            "the file nests brackets more than {MAX_NESTING} levels deep, which no scenario needs"
        ),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}` here, found `{found}`")
        }
        other => lowercase_first(&other.to_string()),
    };
    Diagnostic {
        position: Some(at),
        path: None,
        message,
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}", first.to_lowercase(), chars.as_str()),
        None => String::new(),
    }
}

fn friendly_struct(name: &str) -> String {
    match name {
        "Scenario" => "the scenario".to_owned(),
        "Nation" => "a nation".to_owned(),
        "Relation" => "a relation".to_owned(),
        "Alliance" => "an alliance".to_owned(),
        "Treaty" => "a treaty".to_owned(),
        "Intervention" => "an intervention".to_owned(),
        "Event" => "an event".to_owned(),
        "Meta" => "meta".to_owned(),
        other => format!("`{other}`"),
    }
}
