//! Differential testing against CPython: random but well-typed expression
//! programs (ints, bigints, floats, strs, lists, dicts, comparisons,
//! slicing, formatting) generated from fixed seeds run on weft and on
//! `python3`, and their stdout must be equal line for line. Each expression
//! is printed through `repr` inside a try, so an exception is compared by
//! its type. Without python3 on the machine the test says so and stops.
//!
//! `WEFT_DIFF_SEEDS=N` runs N programs instead of the default.

use std::process::{Command, Stdio};
use std::time::Duration;

mod common;

/// xorshift64*: small, deterministic, good enough to pick grammar rules.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

#[derive(Clone, Copy)]
enum Ty {
    Int,
    Float,
    Str,
    Bool,
    List,
    StrList,
    Dict,
}

struct Gen {
    rng: Rng,
}

impl Gen {
    fn small(&mut self) -> String {
        (self.rng.below(7) as i64 - 1).to_string()
    }

    fn expr(&mut self, ty: Ty, depth: u32) -> String {
        // Leaves get likelier as the expression deepens.
        let leaf = depth == 0 || self.rng.below(4) == 0;
        match ty {
            Ty::Int => self.int(leaf, depth),
            Ty::Float => self.float(leaf, depth),
            Ty::Str => self.str(leaf, depth),
            Ty::Bool => self.boolean(depth),
            Ty::List => self.list(leaf, depth),
            Ty::StrList => self.str_list(leaf, depth),
            Ty::Dict => self.dict(leaf, depth),
        }
    }

    fn int(&mut self, leaf: bool, depth: u32) -> String {
        if leaf {
            return match self.rng.below(6) {
                0 => self
                    .rng
                    .pick(&[
                        "2**64",
                        "-2**70",
                        "10**20",
                        "2**63 - 1",
                        "-(2**63)",
                        "3**40",
                    ])
                    .into(),
                1 => self.rng.pick(&["0", "-1", "1", "7", "-13", "255"]).into(),
                _ => (self.rng.below(2001) as i64 - 1000).to_string(),
            };
        }
        let d = depth - 1;
        match self.rng.below(24) {
            0..=5 => {
                let op = self
                    .rng
                    .pick(&["+", "-", "*", "//", "%", "&", "|", "^", "+", "-", "*"]);
                format!("({} {op} {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d))
            }
            6 => format!("({} ** {})", self.expr(Ty::Int, d), self.rng.below(5)),
            7 => format!("({} << {})", self.expr(Ty::Int, d), self.rng.below(70)),
            8 => format!("({} >> {})", self.expr(Ty::Int, d), self.rng.below(70)),
            9 => format!("(-{})", self.expr(Ty::Int, d)),
            10 => format!("abs({})", self.expr(Ty::Int, d)),
            11 => format!("len({})", self.expr(Ty::Str, d)),
            12 => format!("len({})", self.expr(Ty::List, d)),
            13 => format!("sum({})", self.expr(Ty::List, d)),
            14 => format!("max({}, {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            15 => format!("int({})", self.expr(Ty::Float, d)),
            16 => format!("round({})", self.expr(Ty::Float, d)),
            17 => format!("{}.find({})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            18 => format!(
                "{}.count({})",
                self.expr(Ty::List, d),
                self.expr(Ty::Int, d)
            ),
            19 => format!(
                "divmod({}, {})[{}]",
                self.expr(Ty::Int, d),
                self.expr(Ty::Int, d),
                self.rng.below(2)
            ),
            20 => format!(
                "int({}, {})",
                self.int_text(),
                self.rng.pick(&["10", "16", "0"])
            ),
            21 => format!("({}).bit_length()", self.expr(Ty::Int, d)),
            22 => format!("{}[{}]", self.expr(Ty::List, d), self.expr(Ty::Int, d)),
            _ => format!(
                "({} if {} else {})",
                self.expr(Ty::Int, d),
                self.expr(Ty::Bool, d),
                self.expr(Ty::Int, d)
            ),
        }
    }

    fn int_text(&mut self) -> String {
        self.rng
            .pick(&[
                "'42'", "' -7 '", "'0x1f'", "'1_000'", "'ff'", "'12a'", "''", "'0'",
            ])
            .into()
    }

    fn float(&mut self, leaf: bool, depth: u32) -> String {
        if leaf {
            return self
                .rng
                .pick(&[
                    "0.1",
                    "-2.5",
                    "1e300",
                    "1e-300",
                    "3.0",
                    "0.0",
                    "-0.0",
                    "1.5e16",
                    "2.675",
                    "1/3",
                    "float('inf')",
                    "float('nan')",
                    "123456.789",
                ])
                .into();
        }
        let d = depth - 1;
        match self.rng.below(12) {
            0..=3 => {
                let op = self.rng.pick(&["+", "-", "*", "/", "%", "//"]);
                format!(
                    "({} {op} {})",
                    self.expr(Ty::Float, d),
                    self.expr(Ty::Float, d)
                )
            }
            4 => format!("({} / {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            5 => format!("float({})", self.expr(Ty::Int, d)),
            6 => format!("({} ** {})", self.expr(Ty::Float, d), self.small()),
            7 => format!("abs({})", self.expr(Ty::Float, d)),
            8 => format!("round({}, {})", self.expr(Ty::Float, d), self.rng.below(4)),
            9 => format!("({} + {})", self.expr(Ty::Float, d), self.expr(Ty::Int, d)),
            10 => format!(
                "float({})",
                self.rng
                    .pick(&["'1.5'", "' 2e3 '", "'inf'", "'-nan'", "'x'"])
            ),
            _ => format!(
                "min({}, {})",
                self.expr(Ty::Float, d),
                self.expr(Ty::Float, d)
            ),
        }
    }

    fn str(&mut self, leaf: bool, depth: u32) -> String {
        if leaf {
            return self
                .rng
                .pick(&[
                    "''",
                    "'a'",
                    "'abc'",
                    "'Hello, World'",
                    "'  pad  '",
                    "'a,b,,c'",
                    "'x\\ty'",
                    "'caf\\xe9'",
                    "'\\u03c0r\\u00b2'",
                    "'AbC dEf'",
                    "'10'",
                ])
                .into();
        }
        let d = depth - 1;
        match self.rng.below(26) {
            0..=2 => format!("({} + {})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            3 => format!("({} * {})", self.expr(Ty::Str, d), self.small()),
            4 => format!(
                "{}[{}:{}]",
                self.expr(Ty::Str, d),
                self.small(),
                self.small()
            ),
            5 => format!("{}[::{}]", self.expr(Ty::Str, d), self.small()),
            6 => {
                let m = self.rng.pick(&[
                    "upper",
                    "lower",
                    "strip",
                    "title",
                    "capitalize",
                    "swapcase",
                    "lstrip",
                    "casefold",
                ]);
                format!("{}.{m}()", self.expr(Ty::Str, d))
            }
            7 => format!(
                "{}.replace({}, {})",
                self.expr(Ty::Str, d),
                self.expr(Ty::Str, d),
                self.expr(Ty::Str, d)
            ),
            8 => format!("str({})", self.expr(Ty::Int, d)),
            9 => format!("str({})", self.expr(Ty::Float, d)),
            10 => format!("repr({})", self.expr(Ty::Str, d)),
            11 => {
                let spec = self.rng.pick(&[
                    ">6", "<4", "^7", "+", "05d", ",", "_", "#x", "#o", "b", "X", "*^9",
                ]);
                // format(), not an f-string: 3.11's f-strings cannot hold
                // the quotes a nested str expression may contain.
                format!("format({}, '{spec}')", self.expr(Ty::Int, d))
            }
            12 => {
                let spec = self.rng.pick(&[
                    ".3f", "e", ".2e", "g", ".10g", "%", ">10.2f", "+.1f", ",.2f", "", ".0f",
                ]);
                format!("format({}, '{spec}')", self.expr(Ty::Float, d))
            }
            13 => format!(
                "'%d-%s|%5.2f' % ({}, {}, {})",
                self.expr(Ty::Int, d),
                self.expr(Ty::Str, d),
                self.expr(Ty::Float, d)
            ),
            14 => format!(
                "{}.join({})",
                self.expr(Ty::Str, d),
                self.expr(Ty::StrList, d)
            ),
            15 => format!(
                "{}.center({}, '*')",
                self.expr(Ty::Str, d),
                self.rng.below(12)
            ),
            16 => format!("hex({})", self.expr(Ty::Int, d)),
            17 => format!("bin({})", self.expr(Ty::Int, d)),
            18 => format!("{}.zfill({})", self.expr(Ty::Str, d), self.rng.below(8)),
            19 => format!("repr({})", self.expr(Ty::List, d)),
            20 => format!("str({})", self.expr(Ty::Dict, d)),
            21 => format!(
                "'{{}}/{{!r}}'.format({}, {})",
                self.expr(Ty::Int, d),
                self.expr(Ty::Str, d)
            ),
            22 => format!("ascii({})", self.expr(Ty::Str, d)),
            23 => format!("{}[{}]", self.expr(Ty::Str, d), self.small()),
            24 => format!("'{{!r:>12}}'.format({})", self.expr(Ty::Str, d)),
            _ => format!("repr({})", self.expr(Ty::Float, d)),
        }
    }

    fn boolean(&mut self, depth: u32) -> String {
        let d = depth.saturating_sub(1);
        match self.rng.below(10) {
            0 => {
                let op = self.rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
                format!("({} {op} {})", self.expr(Ty::Int, d), self.expr(Ty::Int, d))
            }
            1 => {
                let op = self.rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
                format!(
                    "({} {op} {})",
                    self.expr(Ty::Float, d),
                    self.expr(Ty::Int, d)
                )
            }
            2 => {
                let op = self.rng.pick(&["<", "==", ">=", "in", "not in"]);
                format!("({} {op} {})", self.expr(Ty::Str, d), self.expr(Ty::Str, d))
            }
            3 => {
                let op = self.rng.pick(&["<", "==", ">", "!="]);
                format!(
                    "({} {op} {})",
                    self.expr(Ty::List, d),
                    self.expr(Ty::List, d)
                )
            }
            4 => format!("({} in {})", self.expr(Ty::Int, d), self.expr(Ty::List, d)),
            5 => format!("(not {})", self.expr(Ty::Int, d)),
            6 => format!(
                "({} and {})",
                self.expr(Ty::Bool, d),
                self.expr(Ty::Bool, d)
            ),
            7 => format!(
                "{}.startswith({})",
                self.expr(Ty::Str, d),
                self.expr(Ty::Str, d)
            ),
            8 => format!("({} in {})", self.expr(Ty::Str, d), self.expr(Ty::Dict, d)),
            _ => format!(
                "(1 < {} <= {})",
                self.expr(Ty::Int, d),
                self.expr(Ty::Int, d)
            ),
        }
    }

    fn list(&mut self, leaf: bool, depth: u32) -> String {
        if leaf {
            return self
                .rng
                .pick(&["[]", "[1, 2, 3]", "[5, -1, 5, 0]", "[2**70, -3]", "[7]"])
                .into();
        }
        let d = depth - 1;
        match self.rng.below(10) {
            0 => format!("[{}, {}]", self.expr(Ty::Int, d), self.expr(Ty::Int, d)),
            1 => format!("({} + {})", self.expr(Ty::List, d), self.expr(Ty::List, d)),
            2 => format!("({} * {})", self.expr(Ty::List, d), self.small()),
            3 => format!(
                "{}[{}:{}:{}]",
                self.expr(Ty::List, d),
                self.small(),
                self.small(),
                self.rng.pick(&["1", "2", "-1", "None", "-2"])
            ),
            4 => format!("sorted({})", self.expr(Ty::List, d)),
            5 => format!("list(range(({}) % 10))", self.expr(Ty::Int, d)),
            6 => format!("[x * 2 for x in {} if x]", self.expr(Ty::List, d)),
            7 => format!("list(reversed({}))", self.expr(Ty::List, d)),
            8 => format!("list({}.values())", self.expr(Ty::Dict, d)),
            _ => format!("sorted({}, reverse=True)", self.expr(Ty::List, d)),
        }
    }

    fn str_list(&mut self, leaf: bool, depth: u32) -> String {
        if leaf {
            return self.rng.pick(&["[]", "['a', 'b']", "['x']"]).into();
        }
        let d = depth - 1;
        match self.rng.below(4) {
            0 => format!("{}.split({})", self.expr(Ty::Str, d), self.expr(Ty::Str, d)),
            1 => format!("{}.split()", self.expr(Ty::Str, d)),
            2 => format!("sorted({})", self.expr(Ty::Dict, d)),
            _ => format!("[str(x) for x in {}]", self.expr(Ty::List, d)),
        }
    }

    fn dict(&mut self, leaf: bool, depth: u32) -> String {
        if leaf {
            return self
                .rng
                .pick(&["{}", "{'a': 1}", "{'b': 2, 'a': -1}"])
                .into();
        }
        let d = depth - 1;
        match self.rng.below(4) {
            0 => format!(
                "{{{}: {}, 'k': {}}}",
                self.expr(Ty::Str, d),
                self.expr(Ty::Int, d),
                self.expr(Ty::Int, d)
            ),
            1 => format!(
                "{{**{}, **{}}}",
                self.expr(Ty::Dict, d),
                self.expr(Ty::Dict, d)
            ),
            2 => format!(
                "dict(zip({}, {}))",
                self.expr(Ty::StrList, d),
                self.expr(Ty::List, d)
            ),
            _ => format!(
                "{{k: v * 2 for k, v in {}.items()}}",
                self.expr(Ty::Dict, d)
            ),
        }
    }

    fn program(&mut self, lines: usize) -> String {
        let mut src = String::from(
            "def t(f):\n    try:\n        print(repr(f()))\n    except Exception as e:\n        \
             print(type(e).__name__)\n",
        );
        let tys = [
            Ty::Int,
            Ty::Float,
            Ty::Str,
            Ty::Bool,
            Ty::List,
            Ty::StrList,
            Ty::Dict,
        ];
        for _ in 0..lines {
            let ty = tys[self.rng.below(tys.len() as u64) as usize];
            let e = self.expr(ty, 4);
            src.push_str(&format!("t(lambda: {e})\n"));
        }
        src
    }
}

fn run(cmd: &str, args: &[&str], src: &str) -> Option<String> {
    let mut child = Command::new(cmd)
        .args(args)
        .arg("-")
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    {
        use std::io::Write;
        let mut stdin = child.stdin.take()?;
        stdin.write_all(src.as_bytes()).ok()?;
    }
    let r = common::finish(child, Duration::from_secs(60));
    assert!(!r.timed_out, "{cmd} timed out on:\n{src}");
    Some(r.stdout + &r.stderr)
}

#[test]
fn expressions_match_cpython() {
    let has_python = Command::new("python3")
        .arg("-c")
        .arg("import sys; assert sys.version_info[:2] == (3, 11)")
        .status()
        .is_ok_and(|s| s.success());
    if !has_python {
        eprintln!("differential: python3 (3.11) not found; nothing compared");
        return;
    }
    let seeds: u64 = std::env::var("WEFT_DIFF_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let weft = env!("CARGO_BIN_EXE_weft");
    let mut mismatches = Vec::new();
    for seed in 1..=seeds {
        let mut g = Gen {
            rng: Rng(0x9E3779B97F4A7C15 ^ seed.wrapping_mul(0x100000001B3)),
        };
        let src = g.program(60);
        let want = run("python3", &[], &src).expect("python3 runs");
        let got = run(weft, &[], &src).expect("weft runs");
        if got != want {
            let lines: Vec<&str> = src.lines().skip(5).collect();
            let at = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            mismatches.push(format!(
                "seed {seed}, line {}: {}\n  python3: {:?}\n  weft:    {:?}",
                at + 1,
                lines.get(at).unwrap_or(&"?"),
                want.lines().nth(at).unwrap_or("<end>"),
                got.lines().nth(at).unwrap_or("<end>"),
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {seeds} programs differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
