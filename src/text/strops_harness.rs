//! Test harness decoding the generated str method cases and running them.

use super::repr::is_printable;
use super::strops::*;
use super::TextError;

enum Arg {
    None,
    Int(i64),
    Str(String),
}

fn decode(a: &str) -> Vec<Arg> {
    if a.is_empty() {
        return Vec::new();
    }
    a.split('\u{1}')
        .map(|f| match f.chars().next() {
            Some('N') => Arg::None,
            Some('i') => Arg::Int(f[1..].parse().unwrap()),
            _ => Arg::Str(f[1..].to_string()),
        })
        .collect()
}

fn opt_i(a: Option<&Arg>) -> Option<i64> {
    match a {
        Some(Arg::Int(i)) => Some(*i),
        _ => None,
    }
}

fn opt_s(a: Option<&Arg>) -> Option<&str> {
    match a {
        Some(Arg::Str(s)) => Some(s.as_str()),
        _ => None,
    }
}

fn b(x: bool) -> String {
    if x { "True" } else { "False" }.to_string()
}

fn list(v: Vec<String>) -> String {
    format!("[{}]", v.join("\u{1}"))
}

fn tuple(t: (String, String, String)) -> String {
    format!("({}\u{1}{}\u{1}{})", t.0, t.1, t.2)
}

fn err(e: TextError) -> String {
    format!("{:?}: {}", e.kind, e.msg)
}

/// Runs one generated case and renders the result canonically.
pub fn run(op: &str, s: &str, arg: &str) -> String {
    let args = decode(arg);
    let a0s = opt_s(args.first()).unwrap_or("");
    let a0i = opt_i(args.first()).unwrap_or(0);
    let st = opt_i(args.get(1));
    let en = opt_i(args.get(2));
    let fill = opt_s(args.get(1))
        .and_then(|f| f.chars().next())
        .unwrap_or(' ');
    match op {
        "upper" => upper(s),
        "lower" => lower(s),
        "casefold" => casefold(s),
        "capitalize" => capitalize(s),
        "title" => title(s),
        "swapcase" => swapcase(s),
        "isalpha" => b(isalpha(s)),
        "isalnum" => b(isalnum(s)),
        "isdecimal" => b(isdecimal(s)),
        "isdigit" => b(isdigit(s)),
        "isnumeric" => b(isnumeric(s)),
        "isspace" => b(isspace(s)),
        "isupper" => b(isupper(s)),
        "islower" => b(islower(s)),
        "istitle" => b(istitle(s)),
        "isidentifier" => b(isidentifier(s)),
        "isascii" => b(isascii(s)),
        "isprintable" => b(is_printable(s)),
        "splitlines0" => list(splitlines(s, false)),
        "splitlines1" => list(splitlines(s, true)),
        "strip" => strip(s, opt_s(args.first())).to_string(),
        "lstrip" => lstrip(s, opt_s(args.first())).to_string(),
        "rstrip" => rstrip(s, opt_s(args.first())).to_string(),
        "center" => center(s, a0i, fill),
        "ljust" => ljust(s, a0i, fill),
        "rjust" => rjust(s, a0i, fill),
        "zfill" => zfill(s, a0i),
        "expandtabs" => expandtabs(s, a0i),
        "split" | "rsplit" => {
            let sep = opt_s(args.first());
            let m = opt_i(args.get(1)).unwrap_or(-1);
            let r = if op == "split" {
                split(s, sep, m)
            } else {
                rsplit(s, sep, m)
            };
            r.map(list).unwrap_or_else(err)
        }
        "find" => find(s, a0s, st, en).to_string(),
        "rfind" => rfind(s, a0s, st, en).to_string(),
        "index" => index(s, a0s, st, en)
            .map(|i| i.to_string())
            .unwrap_or_else(err),
        "rindex" => rindex(s, a0s, st, en)
            .map(|i| i.to_string())
            .unwrap_or_else(err),
        "count" => count(s, a0s, st, en).to_string(),
        "startswith" => b(startswith(s, a0s, st, en)),
        "endswith" => b(endswith(s, a0s, st, en)),
        "partition" => partition(s, a0s).map(tuple).unwrap_or_else(err),
        "rpartition" => rpartition(s, a0s).map(tuple).unwrap_or_else(err),
        "removeprefix" => removeprefix(s, a0s).to_string(),
        "removesuffix" => removesuffix(s, a0s).to_string(),
        "replace" => replace(
            s,
            a0s,
            opt_s(args.get(1)).unwrap_or(""),
            opt_i(args.get(2)).unwrap_or(-1),
        ),
        _ => panic!("unknown op {op}"),
    }
}
