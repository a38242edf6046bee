//! Running a compiled pattern over a str or bytes subject: one search,
//! anchored match, full match, and the scan of successive matches with
//! Python's rule for empty matches. Offsets are byte offsets here; the
//! callers convert them to code points.

use std::cell::OnceCell;

use fancy_regex::{BytesMode, Regex, RegexBuilder, RegexInput};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Search,
    Match,
    Full,
}

/// One compiled pattern with the variants built on first use.
pub struct Engine {
    pub re: Regex,
    text: String,
    bytes: bool,
    full: OnceCell<Option<Regex>>,
    nonempty: OnceCell<Option<Regex>>,
    /// The pattern with `$` as a line-end assertion (see translate), used
    /// on subjects with no newline before their last character: `$` then
    /// needs no lookahead, which keeps most patterns off the backtracking VM.
    text_nl: Option<String>,
    nl: OnceCell<Option<Regex>>,
}

pub type Spans = Vec<Option<(usize, usize)>>;

#[derive(Debug)]
pub enum RunError {
    /// The backtracking engine gave up (stack or step limit).
    Limit(String),
}

fn build(text: &str, bytes: bool, nonempty: bool) -> Result<Regex, fancy_regex::Error> {
    let mut b = RegexBuilder::new(text);
    if bytes {
        b.bytes_mode(BytesMode::Ascii);
    }
    if nonempty {
        b.find_not_empty(true);
    }
    b.backtrack_limit(10_000_000);
    b.build()
}

impl Engine {
    pub fn new(text: String, text_nl: Option<String>, bytes: bool) -> Result<Engine, String> {
        match build(&text, bytes, false) {
            Ok(re) => Ok(Engine {
                re,
                text,
                bytes,
                full: OnceCell::new(),
                nonempty: OnceCell::new(),
                text_nl,
                nl: OnceCell::new(),
            }),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The regex for scanning `hay`: the `$`-as-line-end variant when the
    /// subject allows it.
    fn main(&self, hay: &Hay) -> &Regex {
        let Some(t) = &self.text_nl else {
            return &self.re;
        };
        let b = match hay {
            Hay::Str(s) => s.as_bytes(),
            Hay::Bytes(b) => b,
        };
        let body = &b[..b.len().saturating_sub(1)];
        if body.contains(&b'\n') {
            return &self.re;
        }
        self.nl
            .get_or_init(|| build(t, self.bytes, false).ok())
            .as_ref()
            .unwrap_or(&self.re)
    }

    fn full(&self) -> Option<&Regex> {
        self.full
            .get_or_init(|| build(&format!("(?:{})\\z", self.text), self.bytes, false).ok())
            .as_ref()
    }

    fn nonempty(&self) -> Option<&Regex> {
        self.nonempty
            .get_or_init(|| build(&self.text, self.bytes, true).ok())
            .as_ref()
    }

    /// One match in `hay[..]` starting the search at `pos`.
    pub fn exec(&self, hay: &Hay, pos: usize, mode: Mode) -> Result<Option<Spans>, RunError> {
        let re = match mode {
            Mode::Full => match self.full() {
                Some(r) => r,
                None => return Ok(None),
            },
            _ => self.main(hay),
        };
        run(re, hay, pos, mode != Mode::Search)
    }

    /// The next match of a scan from `pos`: after an empty match at `pos`
    /// (`must_advance`), a match may not be empty there (CPython 3.7+).
    pub fn next(
        &self,
        hay: &Hay,
        pos: usize,
        must_advance: bool,
    ) -> Result<Option<Spans>, RunError> {
        let main = self.main(hay);
        let found = run(main, hay, pos, false)?;
        let Some(sp) = found else { return Ok(None) };
        let (s, e) = sp[0].unwrap_or((0, 0));
        if !(must_advance && s == pos && e == pos) {
            return Ok(Some(sp));
        }
        // A non-empty match at pos if there is one, else search on from
        // the next character.
        if let Some(ne) = self.nonempty() {
            if let Some(sp) = run(ne, hay, pos, true)? {
                return Ok(Some(sp));
            }
        }
        let next = hay.next_pos(pos);
        if next > hay.len() {
            return Ok(None);
        }
        run(main, hay, next, false)
    }
}

/// A subject: UTF-8 text for str patterns, raw bytes for bytes patterns.
pub enum Hay<'a> {
    Str(&'a str),
    Bytes(&'a [u8]),
}

impl Hay<'_> {
    pub fn len(&self) -> usize {
        match self {
            Hay::Str(s) => s.len(),
            Hay::Bytes(b) => b.len(),
        }
    }

    /// The offset after the character at `i`.
    pub fn next_pos(&self, i: usize) -> usize {
        match self {
            Hay::Str(s) => {
                let mut j = i + 1;
                while j < s.len() && !s.is_char_boundary(j) {
                    j += 1;
                }
                j
            }
            Hay::Bytes(_) => i + 1,
        }
    }
}

fn run(re: &Regex, hay: &Hay, pos: usize, anchored: bool) -> Result<Option<Spans>, RunError> {
    let n = re.captures_len();
    let spans =
        |get: &dyn Fn(usize) -> Option<(usize, usize)>| -> Spans { (0..n).map(get).collect() };
    let res = match hay {
        Hay::Str(s) => {
            if pos > s.len() {
                return Ok(None);
            }
            let input = RegexInput::new(*s).from_pos(pos).anchored(anchored);
            match re.captures_input(input) {
                Ok(Some(c)) => Ok(Some(spans(&|i| c.get(i).map(|m| (m.start(), m.end()))))),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            }
        }
        Hay::Bytes(b) => {
            if pos > b.len() {
                return Ok(None);
            }
            let input = RegexInput::new(*b).from_pos(pos).anchored(anchored);
            match re.captures_input(input) {
                Ok(Some(c)) => Ok(Some(spans(&|i| c.get(i).map(|m| (m.start(), m.end()))))),
                Ok(None) => Ok(None),
                Err(e) => Err(e),
            }
        }
    };
    res.map_err(|e| RunError::Limit(e.to_string()))
}
