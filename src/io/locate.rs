//! Finds the line and column of a [`Path`] in RON source text.
//!
//! Validation reports problems by path (`events[3].action.target`); teachers need the line in
//! their file. This module tokenizes the RON text (strings, comments and brackets only matter)
//! and walks the path through it. When the path runs into a field the file leaves out (a
//! default), the position of the deepest part that exists is returned.

use crate::model::{Path, Seg};

/// A line and column, both counted from 1 (columns in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Atom,
    Open(char),
    Close(char),
    Colon,
    Comma,
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    at: Position,
}

struct Cursor {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    /// Moves past the current character, keeping line and column in step.
    fn bump(&mut self) {
        if let Some(&c) = self.chars.get(self.i) {
            self.i += 1;
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
    }
}

/// Splits RON text into tokens; anything unexpected becomes an `Atom`, so this never fails.
fn tokenize(source: &str) -> Vec<Token> {
    let mut cur = Cursor {
        chars: source.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
    };
    let mut tokens = Vec::new();
    while cur.i < cur.chars.len() {
        let c = cur.chars[cur.i];
        let at = Position {
            line: cur.line,
            col: cur.col,
        };
        if c.is_whitespace() {
            cur.bump();
        } else if c == '/' && cur.chars.get(cur.i + 1) == Some(&'/') {
            while cur.i < cur.chars.len() && cur.chars[cur.i] != '\n' {
                cur.bump();
            }
        } else if c == '/' && cur.chars.get(cur.i + 1) == Some(&'*') {
            let mut depth = 0usize;
            while cur.i < cur.chars.len() {
                if cur.chars[cur.i] == '/' && cur.chars.get(cur.i + 1) == Some(&'*') {
                    depth += 1;
                    cur.bump();
                    cur.bump();
                } else if cur.chars[cur.i] == '*' && cur.chars.get(cur.i + 1) == Some(&'/') {
                    depth -= 1;
                    cur.bump();
                    cur.bump();
                    if depth == 0 {
                        break;
                    }
                } else {
                    cur.bump();
                }
            }
        } else if c == '"' {
            let mut text = String::new();
            cur.bump();
            while cur.i < cur.chars.len() && cur.chars[cur.i] != '"' {
                if cur.chars[cur.i] == '\\' && cur.i + 1 < cur.chars.len() {
                    cur.bump();
                }
                text.push(cur.chars[cur.i]);
                cur.bump();
            }
            if cur.i < cur.chars.len() {
                cur.bump();
            }
            tokens.push(Token {
                tok: Tok::Str(text),
                at,
            });
        } else if c == 'r' && matches!(cur.chars.get(cur.i + 1), Some('#') | Some('"')) {
            // Raw string r#"..."#: count the hashes, then find the matching close.
            cur.bump();
            let mut hashes = 0;
            while cur.chars.get(cur.i) == Some(&'#') {
                hashes += 1;
                cur.bump();
            }
            if cur.chars.get(cur.i) == Some(&'"') {
                cur.bump();
            }
            let mut text = String::new();
            while cur.i < cur.chars.len() {
                if cur.chars[cur.i] == '"'
                    && (1..=hashes).all(|h| cur.chars.get(cur.i + h) == Some(&'#'))
                {
                    for _ in 0..=hashes {
                        cur.bump();
                    }
                    break;
                }
                text.push(cur.chars[cur.i]);
                cur.bump();
            }
            tokens.push(Token {
                tok: Tok::Str(text),
                at,
            });
        } else if c == '\'' {
            cur.bump();
            while cur.i < cur.chars.len() && cur.chars[cur.i] != '\'' {
                if cur.chars[cur.i] == '\\' {
                    cur.bump();
                }
                if cur.i < cur.chars.len() {
                    cur.bump();
                }
            }
            if cur.i < cur.chars.len() {
                cur.bump();
            }
            tokens.push(Token { tok: Tok::Atom, at });
        } else if matches!(c, '(' | '[' | '{') {
            cur.bump();
            tokens.push(Token {
                tok: Tok::Open(c),
                at,
            });
        } else if matches!(c, ')' | ']' | '}') {
            cur.bump();
            tokens.push(Token {
                tok: Tok::Close(c),
                at,
            });
        } else if c == ':' {
            cur.bump();
            tokens.push(Token {
                tok: Tok::Colon,
                at,
            });
        } else if c == ',' {
            cur.bump();
            tokens.push(Token {
                tok: Tok::Comma,
                at,
            });
        } else if c.is_alphabetic() || c == '_' {
            let mut text = String::new();
            while cur.i < cur.chars.len()
                && (cur.chars[cur.i].is_alphanumeric() || cur.chars[cur.i] == '_')
            {
                text.push(cur.chars[cur.i]);
                cur.bump();
            }
            tokens.push(Token {
                tok: Tok::Ident(text),
                at,
            });
        } else {
            // Numbers, signs and anything else: one atom up to the next delimiter.
            while cur.i < cur.chars.len()
                && !cur.chars[cur.i].is_whitespace()
                && !matches!(
                    cur.chars[cur.i],
                    '(' | ')' | '[' | ']' | '{' | '}' | ':' | ',' | '"'
                )
            {
                cur.bump();
            }
            tokens.push(Token { tok: Tok::Atom, at });
        }
    }
    tokens
}

struct Walker {
    tokens: Vec<Token>,
}

impl Walker {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.tokens.get(i).map(|t| &t.tok)
    }

    /// Index just past the value starting at `i`.
    fn skip_value(&self, mut i: usize) -> usize {
        if matches!(self.tok(i), Some(Tok::Ident(_))) {
            i += 1;
            if !matches!(self.tok(i), Some(Tok::Open(_))) {
                return i;
            }
        }
        match self.tok(i) {
            Some(Tok::Open(_)) => {
                let mut depth = 0usize;
                while let Some(tok) = self.tok(i) {
                    match tok {
                        Tok::Open(_) => depth += 1,
                        Tok::Close(_) => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i
            }
            Some(_) => i + 1,
            None => i,
        }
    }

    /// From a value at `i`, the index of the first token inside its parentheses, unwrapping
    /// struct names, enum variants and newtype wrappers until a `name:` list or tuple starts.
    fn enter_struct(&self, mut i: usize) -> Option<usize> {
        loop {
            if matches!(self.tok(i), Some(Tok::Ident(_)))
                && self.tok(i + 1) == Some(&Tok::Open('('))
            {
                i += 2;
            } else if self.tok(i) == Some(&Tok::Open('(')) {
                i += 1;
            } else {
                return None;
            }
            let named_field =
                matches!(self.tok(i), Some(Tok::Ident(_))) && self.tok(i + 1) == Some(&Tok::Colon);
            let nested = self.tok(i) == Some(&Tok::Open('('))
                || (matches!(self.tok(i), Some(Tok::Ident(_)))
                    && self.tok(i + 1) == Some(&Tok::Open('(')));
            if named_field || !nested {
                return Some(i);
            }
        }
    }

    fn field(&self, at: usize, name: &str) -> Option<usize> {
        let mut i = self.enter_struct(at)?;
        loop {
            match (self.tok(i)?, self.tok(i + 1)?) {
                (Tok::Ident(key), Tok::Colon) => {
                    if key == name {
                        return Some(i + 2);
                    }
                    i = self.skip_value(i + 2);
                }
                _ => return None,
            }
            match self.tok(i)? {
                Tok::Comma => i += 1,
                _ => return None,
            }
        }
    }

    fn index(&self, at: usize, index: usize) -> Option<usize> {
        let mut i = match self.tok(at)? {
            Tok::Open('[') => at + 1,
            _ => self.enter_struct(at)?,
        };
        for _ in 0..index {
            if matches!(self.tok(i)?, Tok::Close(_)) {
                return None;
            }
            i = self.skip_value(i);
            match self.tok(i)? {
                Tok::Comma => i += 1,
                _ => return None,
            }
        }
        if matches!(self.tok(i)?, Tok::Close(_)) {
            return None;
        }
        Some(i)
    }

    fn key(&self, at: usize, key: &str) -> Option<usize> {
        if self.tok(at)? != &Tok::Open('{') {
            return None;
        }
        let mut i = at + 1;
        loop {
            if let Tok::Str(text) = self.tok(i)?
                && text == key
            {
                return Some(i);
            }
            if matches!(self.tok(i)?, Tok::Close(_)) {
                return None;
            }
            i = self.skip_value(i);
            if self.tok(i)? != &Tok::Colon {
                return None;
            }
            i = self.skip_value(i + 1);
            match self.tok(i)? {
                Tok::Comma => i += 1,
                _ => return None,
            }
        }
    }
}

/// The position in `source` of the value at `path`, or of the deepest enclosing value present.
/// `None` only when the text has no tokens at all.
pub fn locate(source: &str, path: &Path) -> Option<Position> {
    let walker = Walker {
        tokens: tokenize(source),
    };
    walker.tokens.first()?;
    let mut at = 0;
    for seg in &path.0 {
        let next = match seg {
            Seg::Field(name) => walker.field(at, name),
            Seg::Index(index) => walker.index(at, *index),
            Seg::Key(key) => walker.key(at, key),
        };
        match next {
            Some(next) if next < walker.tokens.len() => at = next,
            _ => break,
        }
    }
    Some(walker.tokens[at].at)
}

/// `source` with the field `name: value,` that starts at `at` blanked out (every character
/// but line breaks turned into a space), so the parser can read on past a field it refused while
/// every other position in the text stays where it was. None when no `name:` starts there.
pub fn blank_field(source: &str, at: Position) -> Option<String> {
    let walker = Walker {
        tokens: tokenize(source),
    };
    let start = walker.tokens.iter().position(|t| t.at == at)?;
    if !matches!(walker.tok(start), Some(Tok::Ident(_)))
        || walker.tok(start + 1) != Some(&Tok::Colon)
    {
        return None;
    }
    let after = walker.skip_value(start + 2);
    // Up to the comma that ends the field, or (the last field) up to what closes the list.
    let end = match walker.tokens.get(after) {
        Some(Token {
            tok: Tok::Comma,
            at,
        }) => Position {
            line: at.line,
            col: at.col + 1,
        },
        Some(next) => next.at,
        None => return None,
    };
    let mut line = 1;
    let mut col = 1;
    let blanked = source
        .chars()
        .map(|c| {
            let here = Position { line, col };
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            if here >= at && here < end && c != '\n' {
                ' '
            } else {
                c
            }
        })
        .collect();
    Some(blanked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blanked_field_leaves_every_other_position_in_place() {
        let source = "(a: 1,\n  b: (x: [1, \"),\"]),\n  c: 3)";
        let blanked = blank_field(source, Position { line: 2, col: 3 }).unwrap();
        assert_eq!(blanked, format!("(a: 1,\n{}\n  c: 3)", " ".repeat(20)));
        let last = blank_field(source, Position { line: 3, col: 3 }).unwrap();
        assert_eq!(last, "(a: 1,\n  b: (x: [1, \"),\"]),\n      )");
        assert!(blank_field(source, Position { line: 1, col: 5 }).is_none());
    }

    const SOURCE: &str = r#"// a comment (with a bracket
Scenario(
    format_version: 1,
    meta: (title: "T (1)", sources: ["a", "b"]),
    nations: [
        (id: "H", region: "w"),
        (id: "Q", region: "e", stability: 7.0),
    ],
    events: [
        (tick: 4, action: Intervention((id: "op", target: "Z"))),
        (tick: 5, action: AbrogateTreaty(treaty: "t", by: "H")),
    ],
    proximity: [("w", "e", 0.3)],
    layout: (positions: {"H": (1.0, 2.0)}),
)"#;

    fn at(path: Path) -> (usize, usize) {
        let p = locate(SOURCE, &path).unwrap();
        (p.line, p.col)
    }

    #[test]
    fn finds_fields_list_items_and_variant_contents() {
        let root = Path::root();
        assert_eq!(at(root.field("format_version")), (3, 21));
        assert_eq!(
            at(root.field("nations").index(1).field("stability")),
            (7, 43)
        );
        assert_eq!(
            at(root
                .field("events")
                .index(0)
                .field("action")
                .field("target")),
            (10, 59)
        );
        assert_eq!(
            at(root.field("events").index(1).field("action").field("by")),
            (11, 59)
        );
        assert_eq!(at(root.field("proximity").index(0).index(2)), (13, 28));
        assert_eq!(
            at(root.field("layout").field("positions").key("H")),
            (14, 26)
        );
        assert_eq!(at(root.field("meta").field("sources").index(1)), (4, 43));
    }

    #[test]
    fn a_missing_field_points_at_the_enclosing_value() {
        let path = Path::root().field("nations").index(0).field("stability");
        assert_eq!(at(path), (6, 9));
    }

    #[test]
    fn empty_text_has_no_position() {
        assert!(locate("  // nothing\n", &Path::root()).is_none());
    }
}
