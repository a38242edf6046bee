//! Python's regular-expression syntax translated to fancy-regex's.
//!
//! The engines agree on most of the language (leftmost-first alternation,
//! greedy/lazy/possessive quantifiers, lookaround, backreferences, atomic
//! groups); what differs is rewritten here: `$` (Python's also matches
//! before a final newline), `\Z`, `{,n}` and literal `{`, class syntax
//! (`[` and set operators are literal in Python), octal and `\N`-free
//! escapes, ASCII classes under re.ASCII, verbose mode, `(?P=name)`,
//! `(?#...)`. Errors carry CPython's re.error messages and positions.

pub const I: u32 = 2;
pub const L: u32 = 4;
pub const M: u32 = 8;
pub const S: u32 = 16;
pub const U: u32 = 32;
pub const X: u32 = 64;
pub const A: u32 = 256;

pub struct Translated {
    pub text: String,
    pub groups: usize,
    /// (name, group index) in definition order.
    pub names: Vec<(String, usize)>,
    /// The flags after inline global flags are applied.
    pub flags: u32,
    /// For each group (index - 1), where its closing parenthesis is in the
    /// pattern: Match.lastindex picks the matched group that closed last.
    pub close_pos: Vec<usize>,
    /// The pattern with `$` as a plain line-end assertion, for subjects
    /// without a newline before their last character (None: no `$`).
    pub text_nl: Option<String>,
}

#[derive(Debug)]
pub struct ReError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ReError> {
    Err(ReError {
        msg: msg.into(),
        pos: Some(pos),
    })
}

struct Tr<'p> {
    p: &'p [char],
    i: usize,
    out: String,
    bytes: bool,
    groups: usize,
    names: Vec<(String, usize)>,
    close_pos: Vec<usize>,
    /// Groups whose closing parenthesis has been seen.
    closed: Vec<bool>,
    /// Open parentheses: (capturing group index or 0, saved flags, is lookbehind, start pos).
    stack: Vec<(usize, u32, bool, usize)>,
    flags: u32,
    /// Emit `$` as `(?m:$)`: the same where the subject has no newline
    /// before its last character, and needs no lookaround.
    dollar_nl: bool,
    saw_dollar: bool,
    /// Whether the last thing emitted can take a quantifier.
    can_repeat: bool,
    /// The last thing emitted was a quantifier (for "multiple repeat").
    after_quant: bool,
}

const META: &str = "\\.+*?()|[]{}^$#&-~ ";

fn push_lit(out: &mut String, c: char, bytes: bool) {
    if bytes && (c as u32) >= 0x80 {
        out.push_str(&format!("\\x{:02X}", c as u32));
    } else if c.is_ascii_alphanumeric() || c == '_' {
        out.push(c);
    } else if META.contains(c) {
        out.push('\\');
        out.push(c);
    } else if (c as u32) < 0x20 || c == '\u{7f}' {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// A char inside a class: everything but alphanumerics escaped by code.
fn push_class_lit(out: &mut String, c: char, bytes: bool) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else if bytes {
        out.push_str(&format!("\\x{:02X}", c as u32));
    } else {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    }
}

impl<'p> Tr<'p> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.p.get(self.i + k).copied()
    }

    fn ascii(&self) -> bool {
        self.bytes || self.flags & A != 0
    }

    fn verbose(&self) -> bool {
        self.flags & X != 0
    }

    fn skip_verbose(&mut self) {
        while self.verbose() {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.i += 1,
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => break,
            }
        }
    }

    fn atom_done(&mut self) {
        self.can_repeat = true;
        self.after_quant = false;
    }

    fn run(&mut self) -> Result<(), ReError> {
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            let start = self.i;
            self.i += 1;
            match c {
                '\\' => self.escape(start)?,
                '[' => {
                    self.class(start)?;
                    self.atom_done();
                }
                '(' => self.open(start)?,
                ')' => {
                    let Some((g, saved, _lb, _)) = self.stack.pop() else {
                        return err("unbalanced parenthesis", start);
                    };
                    if g > 0 {
                        self.close_pos[g - 1] = start;
                        self.closed[g - 1] = true;
                    }
                    self.flags = saved;
                    self.out.push(')');
                    self.atom_done();
                }
                '|' => {
                    self.out.push('|');
                    self.can_repeat = false;
                    self.after_quant = false;
                }
                '*' | '+' | '?' => self.quant(start, &c.to_string())?,
                '{' => match self.brace_quant() {
                    Some(q) => self.quant(start, &q)?,
                    None => {
                        self.out.push_str("\\{");
                        self.atom_done();
                    }
                },
                '.' => {
                    if self.flags & S != 0 {
                        self.out.push_str("(?s:.)");
                    } else if self.bytes {
                        self.out.push_str("[^\\n]");
                    } else {
                        self.out.push_str("(?-s:.)");
                    }
                    self.atom_done();
                }
                '^' => {
                    self.out
                        .push_str(if self.flags & M != 0 { "(?m:^)" } else { "\\A" });
                    self.can_repeat = false;
                    self.after_quant = false;
                }
                '$' => {
                    self.saw_dollar |= self.flags & M == 0;
                    let nl = self.dollar_nl || self.flags & M != 0;
                    self.out.push_str(if nl { "(?m:$)" } else { "(?=\\n?\\z)" });
                    self.can_repeat = false;
                    self.after_quant = false;
                }
                _ => {
                    self.lit(c);
                    self.atom_done();
                }
            }
        }
        if let Some(&(_, _, _, pos)) = self.stack.last() {
            return err("missing ), unterminated subpattern", pos);
        }
        Ok(())
    }

    fn lit(&mut self, c: char) {
        if self.flags & I != 0 && self.ascii() && c.is_ascii_alphabetic() {
            // ASCII-only case folding: a two-letter class.
            let (lo, up) = (c.to_ascii_lowercase(), c.to_ascii_uppercase());
            self.out.push_str(&format!("[{lo}{up}]"));
        } else {
            push_lit(&mut self.out, c, self.bytes);
        }
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` after the `{` (consumed on success);
    /// None makes the brace a literal, as in Python.
    fn brace_quant(&mut self) -> Option<String> {
        let mut j = self.i;
        let mut lo = String::new();
        while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
            lo.push(*c);
            j += 1;
        }
        let mut hi = None;
        if self.p.get(j) == Some(&',') {
            j += 1;
            let mut h = String::new();
            while let Some(c) = self.p.get(j).filter(|c| c.is_ascii_digit()) {
                h.push(*c);
                j += 1;
            }
            hi = Some(h);
        }
        if self.p.get(j) != Some(&'}') {
            return None;
        }
        if lo.is_empty() && hi.is_none() {
            return None;
        }
        self.i = j + 1;
        let lo = if lo.is_empty() { "0".to_string() } else { lo };
        Some(match hi {
            None => format!("{{{lo}}}"),
            Some(h) if h.is_empty() => format!("{{{lo},}}"),
            Some(h) => format!("{{{lo},{h}}}"),
        })
    }

    fn quant(&mut self, start: usize, q: &str) -> Result<(), ReError> {
        if self.after_quant {
            // `a**` is an error; `a*?` / `a*+` were consumed with the quantifier.
            return err("multiple repeat", start);
        }
        if !self.can_repeat {
            return err("nothing to repeat", start);
        }
        if q.starts_with('{') {
            let inner = &q[1..q.len() - 1];
            let mut parts = inner.split(',');
            let lo: Option<u64> = parts.next().and_then(|s| s.parse().ok());
            let hi: Option<u64> = parts.next().and_then(|s| s.parse().ok());
            if let (Some(lo), Some(hi)) = (lo, hi) {
                if hi < lo {
                    return err("min repeat greater than max repeat", start + 1);
                }
            }
            if lo.is_some_and(|v| v > u32::MAX as u64) || hi.is_some_and(|v| v > u32::MAX as u64) {
                return err("the repetition number is too large", start + 1);
            }
        }
        self.out.push_str(q);
        if let Some(m @ ('?' | '+')) = self.peek() {
            self.i += 1;
            self.out.push(m);
        }
        self.after_quant = true;
        Ok(())
    }

    fn open(&mut self, start: usize) -> Result<(), ReError> {
        let saved = self.flags;
        if self.peek() != Some('?') {
            self.groups += 1;
            self.close_pos.push(usize::MAX);
            self.closed.push(false);
            self.stack.push((self.groups, saved, false, start));
            self.out.push('(');
            self.can_repeat = false;
            self.after_quant = false;
            return Ok(());
        }
        self.i += 1;
        let Some(k) = self.peek() else {
            return err("unexpected end of pattern", self.i);
        };
        self.i += 1;
        let mut lookbehind = false;
        match k {
            ':' => self.out.push_str("(?:"),
            '=' => self.out.push_str("(?="),
            '!' => self.out.push_str("(?!"),
            '>' => self.out.push_str("(?>"),
            '#' => {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == ')' {
                        return Ok(());
                    }
                }
                return err("missing ), unterminated comment", start);
            }
            '<' => match self.peek() {
                Some('=') => {
                    self.i += 1;
                    lookbehind = true;
                    self.out.push_str("(?<=");
                }
                Some('!') => {
                    self.i += 1;
                    lookbehind = true;
                    self.out.push_str("(?<!");
                }
                Some(c) => return err(format!("unknown extension ?<{c}"), start + 1),
                None => return err("unexpected end of pattern", self.i),
            },
            'P' => match self.peek() {
                Some('<') => {
                    self.i += 1;
                    let name = self.group_name('>')?;
                    self.check_name(&name, start + 4)?;
                    self.groups += 1;
                    if let Some((_, g)) = self.names.iter().find(|(n, _)| *n == name) {
                        return err(
                            format!(
                                "redefinition of group name '{name}' as group {}; was group {g}",
                                self.groups
                            ),
                            start + 4,
                        );
                    }
                    self.names.push((name, self.groups));
                    self.close_pos.push(usize::MAX);
                    self.closed.push(false);
                    self.stack.push((self.groups, saved, false, start));
                    self.out.push('(');
                    self.can_repeat = false;
                    self.after_quant = false;
                    return Ok(());
                }
                Some('=') => {
                    self.i += 1;
                    let name = self.group_name(')')?;
                    self.check_name(&name, start + 4)?;
                    let Some(&(_, g)) = self.names.iter().find(|(n, _)| *n == name) else {
                        return err(format!("unknown group name '{name}'"), start + 4);
                    };
                    if !self.closed[g - 1] {
                        return err("cannot refer to an open group", start);
                    }
                    self.out.push_str(&format!("(?:\\{g})"));
                    self.atom_done();
                    return Ok(());
                }
                Some(c) => return err(format!("unknown extension ?P{c}"), start + 1),
                None => return err("unexpected end of pattern", self.i),
            },
            '(' => return self.conditional(start),
            c if "aiLmsux-".contains(c) => return self.flag_group(start, c),
            c => return err(format!("unknown extension ?{c}"), start + 1),
        }
        self.stack.push((0, saved, lookbehind, start));
        self.can_repeat = false;
        self.after_quant = false;
        Ok(())
    }

    fn conditional(&mut self, start: usize) -> Result<(), ReError> {
        let name = self.group_name(')')?;
        let g = if let Ok(n) = name.parse::<usize>() {
            if n == 0 {
                return err("bad group number", start + 3);
            }
            n
        } else {
            self.check_name(&name, start + 3)?;
            match self.names.iter().find(|(n, _)| *n == name) {
                Some(&(_, g)) => g,
                None => return err(format!("unknown group name '{name}'"), start + 3),
            }
        };
        if g > self.groups {
            return err(format!("invalid group reference {g}"), start + 3);
        }
        self.out.push_str(&format!("(?({g})"));
        self.stack.push((0, self.flags, false, start));
        self.can_repeat = false;
        self.after_quant = false;
        Ok(())
    }

    fn group_name(&mut self, end: char) -> Result<String, ReError> {
        let s = self.i;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return err("missing group name", s),
                Some(c) if c == end => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return err("missing group name", s);
        }
        Ok(name)
    }

    fn check_name(&self, name: &str, pos: usize) -> Result<(), ReError> {
        let mut chars = name.chars();
        let ok = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric());
        if !ok {
            return err(format!("bad character in group name '{name}'"), pos);
        }
        Ok(())
    }

    /// `(?aiLmsux)` (global, only at the start) or `(?flags-flags:...)`.
    fn flag_group(&mut self, start: usize, first: char) -> Result<(), ReError> {
        let mut on = 0u32;
        let mut off = 0u32;
        let mut c = first;
        let mut negative = false;
        loop {
            let bit = match c {
                'a' => A,
                'i' => I,
                'L' => L,
                'm' => M,
                's' => S,
                'u' => U,
                'x' => X,
                '-' if !negative => {
                    negative = true;
                    0
                }
                ':' | ')' => break,
                c if c.is_alphabetic() => return err("unknown flag", self.i - 1),
                _ => return err("missing -, : or )", self.i - 1),
            };
            if negative {
                if bit & (A | L | U) != 0 {
                    return err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.i,
                    );
                }
                off |= bit;
            } else {
                on |= bit;
            }
            let Some(n) = self.peek() else {
                return err("missing -, : or )", self.i);
            };
            self.i += 1;
            c = n;
        }
        if on & L != 0 && !self.bytes {
            return err(
                "bad inline flags: cannot use 'L' flag with a str pattern",
                self.i - 1,
            );
        }
        if on & U != 0 && self.bytes {
            return err(
                "bad inline flags: cannot use 'u' flag with a bytes pattern",
                self.i - 1,
            );
        }
        if c == ')' {
            if negative {
                return err("missing :", self.i - 1);
            }
            if start != 0 {
                return err("global flags not at the start of the expression", start);
            }
            self.flags |= on;
            self.apply_global(on);
            return Ok(());
        }
        let saved = self.flags;
        self.flags = (self.flags | on) & !off;
        let mut inline = String::from("(?");
        for (bit, ch) in [(I, 'i'), (M, 'm'), (S, 's')] {
            if on & bit != 0 {
                inline.push(ch);
            }
        }
        let negs: String = [(I, 'i'), (M, 'm'), (S, 's')]
            .iter()
            .filter(|(b, _)| off & b != 0)
            .map(|(_, c)| *c)
            .collect();
        if !negs.is_empty() {
            inline.push('-');
            inline.push_str(&negs);
        }
        inline.push(':');
        self.out.push_str(&inline);
        self.stack.push((0, saved, false, start));
        self.can_repeat = false;
        self.after_quant = false;
        Ok(())
    }

    fn apply_global(&mut self, on: u32) {
        if on & I != 0 && !self.ascii() {
            self.out.push_str("(?i)");
        }
    }

    fn escape(&mut self, start: usize) -> Result<(), ReError> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        let ascii = self.ascii();
        match c {
            'd' => self.out.push_str(if ascii { "[0-9]" } else { "\\d" }),
            'D' => self.out.push_str(if ascii { "[^0-9]" } else { "\\D" }),
            'w' => self
                .out
                .push_str(if ascii { "[0-9A-Za-z_]" } else { "\\w" }),
            'W' => self
                .out
                .push_str(if ascii { "[^0-9A-Za-z_]" } else { "\\W" }),
            's' => self.out.push_str(if ascii {
                "[\\t\\n\\x0B\\x0C\\r ]"
            } else {
                "[\\s\\x1C-\\x1F]"
            }),
            'S' => self.out.push_str(if ascii {
                "[^\\t\\n\\x0B\\x0C\\r ]"
            } else {
                "[^\\s\\x1C-\\x1F]"
            }),
            'b' | 'B' => {
                let s = match (c, ascii) {
                    ('b', true) => "(?-u:\\b)",
                    ('b', false) => "\\b",
                    (_, true) => "(?-u:\\B)",
                    _ => "\\B",
                };
                self.out.push_str(s);
                self.can_repeat = false;
                self.after_quant = false;
                return Ok(());
            }
            'A' => {
                self.out.push_str("\\A");
                self.can_repeat = false;
                self.after_quant = false;
                return Ok(());
            }
            'Z' => {
                self.out.push_str("\\z");
                self.can_repeat = false;
                self.after_quant = false;
                return Ok(());
            }
            '0'..='9' => self.number_escape(start, c)?,
            _ => {
                let ch = self.char_escape(start, c)?;
                self.lit(ch);
            }
        }
        self.atom_done();
        Ok(())
    }

    /// `\1`..`\99` are backreferences; `\0`, `\0oo` and three octal digits
    /// are characters.
    fn number_escape(&mut self, start: usize, c: char) -> Result<(), ReError> {
        let oct = |ch: Option<char>| ch.is_some_and(|c| ('0'..='7').contains(&c));
        if c == '0' {
            let mut v = 0u32;
            for _ in 0..2 {
                if oct(self.peek()) {
                    v = v * 8 + self.peek().unwrap_or('0').to_digit(8).unwrap_or(0);
                    self.i += 1;
                }
            }
            self.lit(char::from_u32(v).unwrap_or('\0'));
            return Ok(());
        }
        if oct(Some(c)) && oct(self.peek()) && oct(self.peek_at(1)) {
            let digits: String = [
                c,
                self.peek().unwrap_or('0'),
                self.peek_at(1).unwrap_or('0'),
            ]
            .iter()
            .collect();
            let v = u32::from_str_radix(&digits, 8).unwrap_or(0);
            if v > 0o377 {
                return err(
                    format!("octal escape value \\{digits} outside of range 0-0o377"),
                    start,
                );
            }
            self.i += 2;
            self.lit(char::from_u32(v).unwrap_or('\0'));
            return Ok(());
        }
        let mut n = c.to_digit(10).unwrap_or(0) as usize;
        if let Some(d) = self.peek().and_then(|d| d.to_digit(10)) {
            n = n * 10 + d as usize;
            self.i += 1;
        }
        if n > self.groups || n == 0 {
            return err(format!("invalid group reference {n}"), start + 1);
        }
        if !self.closed[n - 1] {
            return err("cannot refer to an open group", start);
        }
        self.out.push_str(&format!("(?:\\{n})"));
        Ok(())
    }

    /// The character a literal escape stands for.
    fn char_escape(&mut self, start: usize, c: char) -> Result<char, ReError> {
        Ok(match c {
            'a' => '\x07',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            'x' => self.hex(start, 2)?,
            'u' if !self.bytes => self.hex(start, 4)?,
            'U' if !self.bytes => self.hex(start, 8)?,
            'N' if !self.bytes => {
                return err(
                    "named Unicode escapes (\\N{...}) are not supported by weft's re",
                    start,
                )
            }
            c if c.is_ascii_alphanumeric() => {
                return err(format!("bad escape \\{c}"), start);
            }
            c => c,
        })
    }

    fn hex(&mut self, start: usize, n: usize) -> Result<char, ReError> {
        let mut s = String::new();
        for _ in 0..n {
            match self.peek() {
                Some(c) if c.is_ascii_hexdigit() => {
                    s.push(c);
                    self.i += 1;
                }
                _ => {
                    let esc: String = self.p[start..self.i].iter().collect();
                    return err(format!("incomplete escape {esc}"), start);
                }
            }
        }
        let v = u32::from_str_radix(&s, 16).unwrap_or(0);
        match char::from_u32(v) {
            Some(c) => Ok(c),
            None => {
                let esc: String = self.p[start..self.i].iter().collect();
                err(format!("bad escape {esc}"), start)
            }
        }
    }

    /// A character class, from after its `[`.
    fn class(&mut self, start: usize) -> Result<(), ReError> {
        let mut out = String::from("[");
        if self.peek() == Some('^') {
            self.i += 1;
            out.push('^');
        }
        let ascii = self.ascii();
        let icase_ascii = self.flags & I != 0 && ascii;
        let mut first = true;
        let mut items = 0;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            let here = self.i;
            self.i += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            // One element: a char (maybe the start of a range) or a class escape.
            let lo: char = if c == '\\' {
                let Some(e) = self.peek() else {
                    return err("unterminated character set", start);
                };
                self.i += 1;
                let cls = match (e, ascii) {
                    ('d', false) => Some("\\d"),
                    ('D', false) => Some("\\D"),
                    ('w', false) => Some("\\w"),
                    ('W', false) => Some("\\W"),
                    ('s', false) => Some("\\s\\x1C-\\x1F"),
                    ('S', false) => Some("\\S"),
                    ('d', true) => Some("0-9"),
                    ('D', true) => Some("\\x00-\\x2F\\x3A-\\x{10FFFF}"),
                    ('w', true) => Some("0-9A-Za-z_"),
                    ('W', true) => Some("\\x00-\\x2F\\x3A-\\x40\\x5B-\\x5E\\x60\\x7B-\\x{10FFFF}"),
                    ('s', true) => Some("\\t\\n\\x0B\\x0C\\r "),
                    ('S', true) => Some("\\x00-\\x08\\x0E-\\x1F\\x21-\\x{10FFFF}"),
                    _ => None,
                };
                if let Some(cls) = cls {
                    let cls = if self.bytes {
                        cls.replace("\\x{10FFFF}", "\\xFF")
                    } else {
                        cls.to_string()
                    };
                    out.push_str(&cls);
                    items += 1;
                    continue;
                }
                match e {
                    'b' => '\x08',
                    '0'..='7' => {
                        let mut v = e.to_digit(8).unwrap_or(0);
                        for _ in 0..2 {
                            match self.peek().and_then(|d| d.to_digit(8)) {
                                Some(d) => {
                                    v = v * 8 + d;
                                    self.i += 1;
                                }
                                None => break,
                            }
                        }
                        char::from_u32(v).unwrap_or('\0')
                    }
                    '8' | '9' => return err(format!("bad escape \\{e}"), here),
                    _ => self.char_escape(here, e)?,
                }
            } else {
                c
            };
            // A range `lo-hi` (a `-` before `]` is literal).
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|n| n != ']') {
                self.i += 1;
                let hs = self.i;
                let Some(h) = self.peek() else {
                    return err("unterminated character set", start);
                };
                self.i += 1;
                let hi = if h == '\\' {
                    let Some(e) = self.peek() else {
                        return err("unterminated character set", start);
                    };
                    self.i += 1;
                    if "dDwWsS".contains(e) {
                        let r: String = self.p[here..self.i].iter().collect();
                        return err(format!("bad character range {r}"), here);
                    }
                    match e {
                        'b' => '\x08',
                        _ => self.char_escape(hs, e)?,
                    }
                } else {
                    h
                };
                if hi < lo {
                    let r: String = self.p[here..self.i].iter().collect();
                    return err(format!("bad character range {r}"), here);
                }
                push_class_lit(&mut out, lo, self.bytes);
                out.push('-');
                push_class_lit(&mut out, hi, self.bytes);
                if icase_ascii {
                    // Fold the ASCII letters of the range too.
                    for (a, b) in [('a', 'z'), ('A', 'Z')] {
                        let (l, h) = (lo.max(a), hi.min(b));
                        if l <= h {
                            let (fl, fh) = if a == 'a' {
                                (l.to_ascii_uppercase(), h.to_ascii_uppercase())
                            } else {
                                (l.to_ascii_lowercase(), h.to_ascii_lowercase())
                            };
                            out.push(fl);
                            out.push('-');
                            out.push(fh);
                        }
                    }
                }
                items += 1;
                continue;
            }
            push_class_lit(&mut out, lo, self.bytes);
            if icase_ascii && lo.is_ascii_alphabetic() {
                let other = if lo.is_ascii_lowercase() {
                    lo.to_ascii_uppercase()
                } else {
                    lo.to_ascii_lowercase()
                };
                out.push(other);
            }
            items += 1;
        }
        if items == 0 {
            // `[^]` cannot be reached (a leading `]` is literal); `[]]` etc.
            // always have an item.
            out.push_str("\\x00&&\\x01");
        }
        out.push(']');
        self.out.push_str(&out);
        Ok(())
    }
}

/// Translate `pattern` (chars of a str pattern, or bytes as latin-1 chars).
pub fn translate(pattern: &[char], flags: u32, bytes: bool) -> Result<Translated, ReError> {
    let mut t = translate_with(pattern, flags, bytes, false)?;
    if t.text_nl.is_some() {
        t.text_nl = Some(translate_with(pattern, flags, bytes, true)?.text);
    }
    Ok(t)
}

fn translate_with(
    pattern: &[char],
    flags: u32,
    bytes: bool,
    dollar_nl: bool,
) -> Result<Translated, ReError> {
    if bytes && flags & U != 0 {
        return Err(ReError {
            msg: "cannot use UNICODE flag with a bytes pattern".into(),
            pos: None,
        });
    }
    if !bytes && flags & L != 0 {
        return Err(ReError {
            msg: "cannot use LOCALE flag with a str pattern".into(),
            pos: None,
        });
    }
    if flags & A != 0 && flags & U != 0 {
        return Err(ReError {
            msg: "ASCII and UNICODE flags are incompatible".into(),
            pos: None,
        });
    }
    let mut t = Tr {
        p: pattern,
        i: 0,
        out: String::with_capacity(pattern.len() + 8),
        bytes,
        groups: 0,
        names: Vec::new(),
        close_pos: Vec::new(),
        closed: Vec::new(),
        stack: Vec::new(),
        flags,
        dollar_nl,
        saw_dollar: false,
        can_repeat: false,
        after_quant: false,
    };
    t.apply_global(flags);
    t.run()?;
    let mut flags = t.flags;
    if !bytes && flags & A == 0 {
        flags |= U;
    }
    Ok(Translated {
        text: t.out,
        groups: t.groups,
        names: t.names,
        flags,
        close_pos: t.close_pos,
        text_nl: t.saw_dollar.then(String::new),
    })
}
