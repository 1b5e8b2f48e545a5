//! Simple pipes after a kubectl command, as a shell runs them: `| grep [-i] [-v] [-E] PATTERN`,
//! `| head [-n N]`, `| tail [-n N]`, `| wc -l` and `| sort` (GNU coreutils and grep defaults).
//! Only kubectl's stdout flows through the pipe; its stderr reaches the terminal first, as it
//! does in a shell. The pipeline's status is the last command's (grep fails when nothing
//! matches). Any other command after `|` is refused with kubestory's shell-operator note.

use super::output::{Output, Stream};
use super::tokenize::{TokenizeError, tokenize};

/// One command after a `|`.
#[derive(Clone, Debug)]
pub enum Filter {
    /// `grep`: the pattern, `-v`.
    Grep(regex::Regex, bool),
    /// `head -n N`.
    Head(usize),
    /// `tail -n N`.
    Tail(usize),
    /// `wc -l`.
    WcLines,
    /// `sort` (byte order, as with `LC_ALL=C`).
    Sort,
}

/// Why a pipeline is refused: the kubestory note, or a filter's own error (`grep: …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipeError {
    /// The shell-operator refusal (also for a command kubestory does not simulate after `|`).
    Refused(TokenizeError),
    /// What the filter itself prints on stderr (status 2 for grep, 1 for the others).
    Usage(String),
}

/// Splits `line` at unquoted single `|`: the kubectl part and each filter's text. A line
/// without a pipe is returned whole with no filters.
pub fn split(line: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = line.chars().collect();
    let mut parts = vec![String::new()];
    let (mut single, mut double) = (false, false);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let Some(part) = parts.last_mut() else {
            break;
        };
        match c {
            '\\' if !single => {
                part.push(c);
                if let Some(&next) = chars.get(i + 1) {
                    part.push(next);
                    i += 1;
                }
            }
            '\'' if !double => {
                single = !single;
                part.push(c);
            }
            '"' if !single => {
                double = !double;
                part.push(c);
            }
            '|' if !single && !double => {
                if chars.get(i + 1) == Some(&'|') {
                    part.push_str("||");
                    i += 1;
                } else {
                    parts.push(String::new());
                }
            }
            _ => part.push(c),
        }
        i += 1;
    }
    let first = parts.remove(0);
    (first, parts)
}

fn refused(word: &str) -> PipeError {
    PipeError::Refused(TokenizeError::ShellOperator {
        operator: format!("| {word}"),
    })
}

fn count(text: &str) -> Option<usize> {
    text.parse().ok()
}

/// Parses one filter's text.
pub fn parse_filter(text: &str) -> Result<Filter, PipeError> {
    let words = tokenize(text).map_err(PipeError::Refused)?;
    let Some((name, args)) = words.split_first() else {
        return Err(PipeError::Refused(TokenizeError::ShellOperator {
            operator: "|".to_string(),
        }));
    };
    match name.as_str() {
        "grep" => grep(args),
        "head" | "tail" => {
            let n = match args {
                [] => Some(10),
                [flag, n] if flag == "-n" => count(n),
                [one] => one
                    .strip_prefix("-n")
                    .or_else(|| one.strip_prefix('-'))
                    .and_then(count),
                _ => None,
            };
            let n = n.ok_or_else(|| refused(&words.join(" ")))?;
            Ok(if name == "head" {
                Filter::Head(n)
            } else {
                Filter::Tail(n)
            })
        }
        "wc" if args.len() == 1 && args[0] == "-l" => Ok(Filter::WcLines),
        "sort" if args.is_empty() => Ok(Filter::Sort),
        _ => Err(refused(&words.join(" "))),
    }
}

fn grep(args: &[String]) -> Result<Filter, PipeError> {
    let (mut ignore_case, mut invert, mut extended) = (false, false, false);
    let mut pattern = None;
    let mut options_done = false;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" && !options_done {
            options_done = true;
            continue;
        }
        match arg.strip_prefix('-') {
            Some(flags) if pattern.is_none() && !flags.is_empty() && !options_done => {
                if flags == "e" {
                    pattern = iter.next().cloned();
                    continue;
                }
                for f in flags.chars() {
                    match f {
                        'i' => ignore_case = true,
                        'v' => invert = true,
                        'E' => extended = true,
                        _ => return Err(refused(&format!("grep {}", args.join(" ")))),
                    }
                }
            }
            _ if pattern.is_none() => pattern = Some(arg.clone()),
            _ => return Err(refused(&format!("grep {}", args.join(" ")))),
        }
    }
    let Some(pattern) = pattern else {
        return Err(PipeError::Usage(
            "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
                .to_string(),
        ));
    };
    let source = if extended {
        pattern
    } else {
        basic_to_extended(&pattern)
    };
    let re = regex::RegexBuilder::new(&source)
        .case_insensitive(ignore_case)
        .size_limit(1 << 20)
        .build()
        .map_err(|_| PipeError::Usage("grep: Invalid regular expression\n".to_string()))?;
    Ok(Filter::Grep(re, invert))
}

/// A POSIX basic regular expression as an extended one: in BRE `+ ? | ( ) { }` are literal
/// and their backslashed forms are operators (GNU grep).
fn basic_to_extended(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n @ ('+' | '?' | '|' | '(' | ')' | '{' | '}')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push_str("\\\\"),
            },
            '+' | '?' | '|' | '(' | ')' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Runs `text` through one filter: its output and whether it succeeded.
fn apply(filter: &Filter, text: &str) -> (String, bool) {
    let lines: Vec<&str> = text.lines().collect();
    let joined = |ls: &[&str]| ls.iter().map(|l| format!("{l}\n")).collect::<String>();
    match filter {
        Filter::Grep(re, invert) => {
            let kept: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|l| re.is_match(l) != *invert)
                .collect();
            (joined(&kept), !kept.is_empty())
        }
        Filter::Head(n) => {
            let keep = lines.len().min(*n);
            let mut out = joined(&lines[..keep]);
            // A last line without a newline stays without one.
            if keep == lines.len() && !text.ends_with('\n') {
                out.pop();
            }
            (out, true)
        }
        Filter::Tail(n) => {
            let mut out = joined(&lines[lines.len().saturating_sub(*n)..]);
            if !text.ends_with('\n') && !text.is_empty() && *n > 0 {
                out.pop();
            }
            (out, true)
        }
        Filter::WcLines => (format!("{}\n", text.matches('\n').count()), true),
        Filter::Sort => {
            let mut sorted = lines;
            sorted.sort_unstable();
            (joined(&sorted), true)
        }
    }
}

/// Runs kubectl's output through the filters: stderr first, then the filtered stdout.
pub fn run(out: Output, filters: &[Filter]) -> Output {
    let mut piped = Output::new();
    for (stream, chunk) in &out.chunks {
        if *stream == Stream::Stderr {
            piped.err(chunk);
        }
    }
    let mut text = out.stdout();
    let mut ok = true;
    for f in filters {
        let (next, success) = apply(f, &text);
        text = next;
        ok = success;
    }
    piped.out(text);
    if !ok {
        piped.fail();
    }
    piped
}
