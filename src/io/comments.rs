//! The comments of a hand-written scenario file. RON's reader drops comments, so a save cannot
//! put them back where they were; rather than lose a teacher's remarks, saving over a file with
//! comments keeps them, each with its line, in a companion text file beside it.

use std::path::{Path, PathBuf};

/// One comment: the line it starts on and its text as written (`// …` or `/* … */`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// Line, from 1.
    pub line: usize,
    /// The comment as written.
    pub text: String,
}

/// Every comment of RON `text`, in order; what looks like a comment inside a string or a
/// character is not one.
pub fn comments(text: &str) -> Vec<Comment> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied()) {
            ('\n', _) => {
                line += 1;
                i += 1;
            }
            ('/', Some('/')) => {
                let start = i;
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                found.push(Comment {
                    line,
                    text: chars[start..i]
                        .iter()
                        .collect::<String>()
                        .trim_end()
                        .to_owned(),
                });
            }
            ('/', Some('*')) => {
                let (start, first_line) = (i, line);
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i = (i + 2).min(chars.len());
                found.push(Comment {
                    line: first_line,
                    text: chars[start..i].iter().collect(),
                });
            }
            ('"', _) => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    line += usize::from(chars[i] == '\n');
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
            }
            ('r', Some('"' | '#')) if i == 0 || !is_ident(chars[i - 1]) => {
                // A raw string: r"…" or r#"…"#, ended by the quote and as many hashes.
                let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
                i += 1 + hashes;
                if chars.get(i) != Some(&'"') {
                    continue;
                }
                i += 1;
                let closing: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                while i < chars.len() && !chars[i..].starts_with(&closing) {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += closing.len();
            }
            ('\'', _) => {
                // A character: 'a' or '\n'.
                i += if chars.get(i + 1) == Some(&'\\') {
                    4
                } else {
                    3
                };
            }
            _ => i += 1,
        }
    }
    found
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Where the comments of `path` are kept: `name.comments.txt` beside `name.ron`.
pub fn companion(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    path.with_file_name(format!("{stem}.comments.txt"))
}

/// Before `path` is replaced by a save: its comments (all but the line Entente writes itself,
/// `header`) are added to its companion file. Returns the companion when there were any.
pub fn keep(path: &Path, header: &str) -> std::io::Result<Option<PathBuf>> {
    let Ok(old) = std::fs::read_to_string(path) else {
        // No file yet, or not text: nothing of the author's to keep.
        return Ok(None);
    };
    let kept: Vec<Comment> = comments(&old)
        .into_iter()
        .filter(|c| c.text != header.trim_end())
        .collect();
    if kept.is_empty() {
        return Ok(None);
    }
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let target = companion(path);
    let mut text = std::fs::read_to_string(&target).unwrap_or_default();
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&format!(
        "Comments of {name} before it was saved from Entente, which cannot keep comments in the \
         file (its reader drops them). Each is given with the line it was on.\n\n"
    ));
    for comment in kept {
        text.push_str(&format!("line {}: {}\n", comment.line, comment.text));
    }
    super::save::write_atomically(&target, text.as_bytes())?;
    Ok(Some(target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_but_not_what_strings_and_characters_hold() {
        let text = "// top\n(\n    title: \"a // not one\", /* block\n  two */ c: '/',\n    d: r#\"x /* no */ \"# // end\n)";
        let found = comments(text);
        let lines: Vec<(usize, &str)> = found.iter().map(|c| (c.line, c.text.as_str())).collect();
        assert_eq!(
            lines,
            vec![(1, "// top"), (3, "/* block\n  two */"), (5, "// end")]
        );
    }

    #[test]
    fn a_save_over_a_commented_file_keeps_its_comments_beside_it() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("class.ron");
        std::fs::write(&path, "// HEADER\n// my remark\n(a: 1) // why 1\n").unwrap();
        let kept = keep(&path, "// HEADER\n").unwrap().unwrap();
        assert_eq!(kept, folder.path().join("class.comments.txt"));
        let text = std::fs::read_to_string(&kept).unwrap();
        assert!(
            text.contains("line 2: // my remark\nline 3: // why 1\n"),
            "{text}"
        );
        assert!(!text.contains("HEADER"));
        // A file without comments of its own adds nothing.
        std::fs::write(&path, "// HEADER\n(a: 1)\n").unwrap();
        assert!(keep(&path, "// HEADER\n").unwrap().is_none());
        assert!(keep(&folder.path().join("none.ron"), "").unwrap().is_none());
    }
}
