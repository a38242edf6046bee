//! A native's parameter list, declared where the native is registered and
//! checked once by the call path before the native runs (so a native body
//! may index `a.pos[i]` for every `i` below its declared minimum).
//!
//! The declaration is the text CPython shows as `__text_signature__`, minus
//! the receiver: `"center(width, fillchar=' ', /)"`,
//! `"sort(*, key=None, reverse=False)"`, `"print(*args, sep=' ', end='\n')"`.
//! Parameters before `/` are positional-only; those after `*` or `*args` are
//! keyword-only; `name=default` is optional; `**kw` accepts any keyword.
//! Only the counts are computed at registration (no allocation); keyword
//! names are read from the text on the slow path, when a call passes any.

/// Positional counts are capped here; `max == VARIADIC` means `*args`.
pub const VARIADIC: u8 = u8::MAX;

#[derive(Debug, Clone, Copy)]
pub struct Sig {
    /// The declaration as registered, `name(params)`; "" for a native that
    /// checks its own arguments (none should remain).
    pub text: &'static str,
    /// Fewest and most positional arguments, the receiver included for
    /// methods (`max == VARIADIC`: no upper bound).
    pub min: u8,
    pub max: u8,
    /// The first argument is the receiver (`self` / `cls`).
    pub method: bool,
    /// Some parameter may be passed by keyword (or `**kw` is declared).
    pub takes_kw: bool,
}

/// One declared parameter, as read back from the text on the slow path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param<'a> {
    pub name: &'a str,
    pub optional: bool,
    pub kind: ParamKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    PositionalOnly,
    PositionalOrKeyword,
    VarArgs,
    KeywordOnly,
    VarKeywords,
}

impl Sig {
    /// A native with no declaration (it checks its arguments itself).
    pub const UNCHECKED: Sig = Sig {
        text: "",
        min: 0,
        max: VARIADIC,
        method: false,
        takes_kw: true,
    };

    /// Parse a declaration; `method` adds the receiver to the counts.
    /// Text without `(` is a bare name and declares nothing.
    pub fn parse(text: &'static str, method: bool) -> Sig {
        // Every registration declares its parameters; only the generator
        // methods (`add_special`, which the call path dispatches by kind)
        // use `Sig::UNCHECKED`.
        debug_assert!(
            text.contains('('),
            "native '{text}' registered without a signature"
        );
        if !text.contains('(') {
            return Sig {
                text,
                ..Sig::UNCHECKED
            };
        }
        let recv = method as usize;
        let (mut min, mut max, mut takes_kw, mut variadic) = (recv, recv, false, false);
        for p in params(text) {
            match p.kind {
                ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword => {
                    max += 1;
                    if !p.optional {
                        min += 1;
                    }
                    takes_kw |= p.kind == ParamKind::PositionalOrKeyword;
                }
                ParamKind::VarArgs => variadic = true,
                ParamKind::KeywordOnly | ParamKind::VarKeywords => takes_kw = true,
            }
        }
        let cap = |n: usize| n.min(VARIADIC as usize - 1) as u8;
        Sig {
            text,
            min: cap(min),
            max: if variadic { VARIADIC } else { cap(max) },
            method,
            takes_kw,
        }
    }

    /// Whether the call path checks this native's arguments.
    pub fn declared(&self) -> bool {
        self.text.contains('(')
    }

    /// The name part of the declaration (`center` of `center(width)`).
    pub fn name(&self) -> &'static str {
        self.text.split('(').next().unwrap_or(self.text)
    }

    /// The positional counts accept `n` arguments (receiver included).
    #[inline]
    pub fn accepts(&self, n: usize) -> bool {
        n >= self.min as usize && (self.max == VARIADIC || n <= self.max as usize)
    }
}

/// Check a call against a declaration: None when it matches, else the
/// TypeError text CPython gives for the same mistake (its wording follows
/// the native's calling convention: METH_NOARGS and METH_O name the
/// qualified function, Argument Clinic the bare name). `npos` counts the
/// receiver of a method; `kw` yields the keyword names passed.
pub fn check_call<'k>(
    sig: &Sig,
    qualname: &str,
    npos: usize,
    kw: impl Iterator<Item = &'k str> + Clone,
) -> Option<String> {
    if !sig.declared() {
        return None;
    }
    let name = sig.name();
    let recv = sig.method as usize;
    if sig.method && npos == 0 {
        return Some(format!("unbound method {qualname}() needs an argument"));
    }
    let n = npos - recv;
    let (min, max) = (sig.min as usize - recv, sig.max as usize);
    let max = if sig.max == VARIADIC {
        usize::MAX
    } else {
        max - recv
    };
    let mut kw_count = 0;
    if kw.clone().next().is_some() {
        if !sig.takes_kw {
            return Some(format!("{qualname}() takes no keyword arguments"));
        }
        let any_kw = params(sig.text).any(|p| p.kind == ParamKind::VarKeywords);
        for k in kw.clone() {
            // Positional-capable parameters, receiver excluded, in order.
            let at = params(sig.text)
                .filter(|p| {
                    matches!(
                        p.kind,
                        ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
                    )
                })
                .position(|p| p.name == k && p.kind == ParamKind::PositionalOrKeyword);
            match at {
                Some(i) if i < n => {
                    return Some(format!(
                        "argument for {name}() given by name ('{k}') and position ({})",
                        i + 1
                    ))
                }
                Some(_) => kw_count += 1,
                None => {
                    let kwonly =
                        params(sig.text).any(|p| p.name == k && p.kind == ParamKind::KeywordOnly);
                    if !kwonly && !any_kw {
                        return Some(format!("'{k}' is an invalid keyword argument for {name}()"));
                    }
                }
            }
        }
    }
    if n > max {
        let kwonly = params(sig.text).any(|p| p.kind == ParamKind::KeywordOnly);
        return Some(if max == 0 && sig.takes_kw {
            format!("{name}() takes no positional arguments")
        } else if kwonly {
            // Argument Clinic's wording when keyword-only parameters follow.
            let bound = if min == max { "exactly" } else { "at most" };
            format!(
                "{name}() takes {bound} {max} positional argument{} ({n} given)",
                plural(max)
            )
        } else if sig.takes_kw {
            format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                plural(max)
            )
        } else {
            count_error(qualname, name, min, max, n)
        });
    }
    if n + kw_count < min {
        if !sig.takes_kw {
            return Some(count_error(qualname, name, min, max, n));
        }
        // Positional-only parameters missing: Argument Clinic counts them
        // before it looks at keywords.
        let minpos = params(sig.text)
            .filter(|p| p.kind == ParamKind::PositionalOnly && !p.optional)
            .count();
        if n < minpos {
            let bound = if minpos == max { "exactly" } else { "at least" };
            return Some(format!(
                "{name}() takes {bound} {minpos} positional argument{} ({n} given)",
                plural(minpos)
            ));
        }
        // The first required parameter that was not passed.
        let missing = params(sig.text)
            .filter(|p| {
                matches!(
                    p.kind,
                    ParamKind::PositionalOnly | ParamKind::PositionalOrKeyword
                )
            })
            .enumerate()
            .skip(n)
            .find(|(_, p)| !p.optional && !kw.clone().any(|k| k == p.name));
        return Some(match missing {
            Some((i, p)) => format!(
                "{name}() missing required argument '{}' (pos {})",
                p.name,
                i + 1
            ),
            None => format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                plural(min)
            ),
        });
    }
    None
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Positional-only natives: METH_NOARGS / METH_O wording for zero or one
/// parameter, Argument Clinic's otherwise.
fn count_error(qualname: &str, name: &str, min: usize, max: usize, n: usize) -> String {
    if max == 0 {
        format!("{qualname}() takes no arguments ({n} given)")
    } else if min == 1 && max == 1 {
        format!("{qualname}() takes exactly one argument ({n} given)")
    } else if min == max {
        format!("{name} expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        )
    }
}

/// The declared parameters, in order (the receiver is never written).
pub fn params(text: &str) -> impl Iterator<Item = Param<'_>> {
    let inner = text
        .split_once('(')
        .map(|(_, rest)| rest.rsplit_once(')').map_or(rest, |(p, _)| p))
        .unwrap_or("");
    // Everything before a `/` is positional-only.
    let has_slash = split_params(inner).any(|p| p == "/");
    let mut before_slash = has_slash;
    let mut keyword_only = false;
    split_params(inner).filter_map(move |p| {
        if p == "/" {
            before_slash = false;
            return None;
        }
        if p == "*" {
            keyword_only = true;
            return None;
        }
        if let Some(name) = p.strip_prefix("**") {
            return Some(Param {
                name,
                optional: true,
                kind: ParamKind::VarKeywords,
            });
        }
        if let Some(name) = p.strip_prefix('*') {
            keyword_only = true;
            return Some(Param {
                name,
                optional: true,
                kind: ParamKind::VarArgs,
            });
        }
        let (name, optional) = match p.split_once('=') {
            Some((n, _)) => (n.trim(), true),
            None => (p, false),
        };
        let kind = if keyword_only {
            ParamKind::KeywordOnly
        } else if before_slash {
            ParamKind::PositionalOnly
        } else {
            ParamKind::PositionalOrKeyword
        };
        Some(Param {
            name,
            optional,
            kind,
        })
    })
}

/// Split a parameter list at top-level commas (defaults may hold strings
/// with commas, or brackets).
fn split_params(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || loop {
        if rest.trim().is_empty() {
            return None;
        }
        let (mut depth, mut quote) = (0i32, None::<char>);
        let mut end = rest.len();
        let mut prev = ' ';
        for (i, c) in rest.char_indices() {
            match quote {
                Some(q) => {
                    if c == q && prev != '\\' {
                        quote = None;
                    }
                }
                None => match c {
                    '\'' | '"' => quote = Some(c),
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 0 => {
                        end = i;
                        break;
                    }
                    _ => {}
                },
            }
            prev = c;
        }
        let piece = rest[..end].trim();
        rest = rest.get(end + 1..).unwrap_or("");
        if !piece.is_empty() {
            return Some(piece);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let s = Sig::parse("center(width, fillchar=' ', /)", true);
        assert_eq!((s.min, s.max, s.takes_kw), (2, 3, false));
        let s = Sig::parse("sort(*, key=None, reverse=False)", true);
        assert_eq!((s.min, s.max, s.takes_kw), (1, 1, true));
        let s = Sig::parse(
            "print(*args, sep=' ', end='\\n', file=None, flush=False)",
            false,
        );
        assert_eq!((s.min, s.max, s.takes_kw), (0, VARIADIC, true));
        let s = Sig::parse("len(obj, /)", false);
        assert_eq!((s.min, s.max), (1, 1));
        let s = Sig::parse("split(sep=None, maxsplit=-1)", true);
        assert_eq!((s.min, s.max, s.takes_kw), (1, 3, true));
        let s = Sig::parse("upper()", true);
        assert_eq!((s.min, s.max), (1, 1));
        assert_eq!(Sig::parse("join(a, b=',', /)", false).name(), "join");
    }

    #[test]
    fn kinds() {
        let ps: Vec<_> = params("f(a, b='x,y', /, c=(1, 2), *args, d, **kw)").collect();
        let kinds: Vec<_> = ps.iter().map(|p| (p.name, p.kind, p.optional)).collect();
        assert_eq!(
            kinds,
            vec![
                ("a", ParamKind::PositionalOnly, false),
                ("b", ParamKind::PositionalOnly, true),
                ("c", ParamKind::PositionalOrKeyword, true),
                ("args", ParamKind::VarArgs, true),
                ("d", ParamKind::KeywordOnly, false),
                ("kw", ParamKind::VarKeywords, true),
            ]
        );
    }

    #[test]
    fn messages() {
        let none = || std::iter::empty::<&str>();
        let center = Sig::parse("center(width, fillchar=' ', /)", true);
        assert_eq!(
            check_call(&center, "str.center", 1, none()).unwrap(),
            "center expected at least 1 argument, got 0"
        );
        assert_eq!(
            check_call(&center, "str.center", 0, none()).unwrap(),
            "unbound method str.center() needs an argument"
        );
        assert_eq!(
            check_call(&center, "str.center", 2, ["width"].into_iter()).unwrap(),
            "str.center() takes no keyword arguments"
        );
        assert!(check_call(&center, "str.center", 3, none()).is_none());
        let len = Sig::parse("len(obj, /)", false);
        assert_eq!(
            check_call(&len, "len", 2, none()).unwrap(),
            "len() takes exactly one argument (2 given)"
        );
        let upper = Sig::parse("upper()", true);
        assert_eq!(
            check_call(&upper, "str.upper", 2, none()).unwrap(),
            "str.upper() takes no arguments (1 given)"
        );
        let sort = Sig::parse("sort(*, key=None, reverse=False)", true);
        assert_eq!(
            check_call(&sort, "list.sort", 1, ["x"].into_iter()).unwrap(),
            "'x' is an invalid keyword argument for sort()"
        );
        assert_eq!(
            check_call(&sort, "list.sort", 2, none()).unwrap(),
            "sort() takes no positional arguments"
        );
        assert!(check_call(&sort, "list.sort", 1, ["key", "reverse"].into_iter()).is_none());
        let split = Sig::parse("split(sep=None, maxsplit=-1)", true);
        assert_eq!(
            check_call(&split, "str.split", 2, ["sep"].into_iter()).unwrap(),
            "argument for split() given by name ('sep') and position (1)"
        );
        let round = Sig::parse("round(number, ndigits=None)", false);
        assert_eq!(
            check_call(&round, "round", 0, none()).unwrap(),
            "round() missing required argument 'number' (pos 1)"
        );
        assert!(check_call(&round, "round", 0, ["number"].into_iter()).is_none());
        let divmod = Sig::parse("divmod(x, y, /)", false);
        assert_eq!(
            check_call(&divmod, "divmod", 1, none()).unwrap(),
            "divmod expected 2 arguments, got 1"
        );
    }
}
