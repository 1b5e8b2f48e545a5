//! A port of spf13/pflag's command-line parsing (`FlagSet.parseArgs`, `parseLongArg`,
//! `parseShortArg`, `parseSingleShortArg`, `Set`) over a table of flag specifications, with
//! pflag's error texts (`errors.go`: `NotExistError`, `ValueRequiredError`,
//! `InvalidValueError`, `InvalidSyntaxError`).
//!
//! Flags may come before or after positionals (pflag's "interspersed" mode); `--` ends flags;
//! `-` alone is a positional; `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`
//! and grouped booleans (`-Ao yaml`) all work. Underscores in long names are normalised to
//! dashes, as kubectl's `WarnWordSepNormalizeFunc` does (its klog warning is not printed).

use super::goparse::{parse_bool, parse_duration, parse_int, quote, quote_rune};
use std::collections::{BTreeMap, BTreeSet};

/// The Go type behind a flag, which decides how its value is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FlagType {
    /// `BoolVar` (NoOptDefVal `true`).
    Bool,
    /// `StringVar`.
    Str,
    /// `IntVar` / `Int64Var` (`strconv.ParseInt(s, 0, 64)`).
    Int,
    /// `DurationVar` (`time.ParseDuration`).
    Duration,
    /// `StringSliceVar`: comma-separated, repeatable (`-f a.yaml,b.yaml -f c.yaml`).
    StringSlice,
    /// `StringArrayVar`: repeatable, no comma splitting.
    StringArray,
}

/// How kubestory treats a real kubectl flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Support {
    /// Parsed into [`super::Flags`] and honoured by the verbs.
    Yes,
    /// Accepted and ignored (it changes nothing a learner can see here).
    Ignored,
    /// Accepted by kubectl but refused with a friendly "not simulated" note when it changes
    /// anything from its default.
    NotSimulated,
}

/// One flag of one command, as kubectl defines it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FlagSpec {
    /// The long name without dashes.
    pub name: &'static str,
    /// The one-letter shorthand, if any.
    pub short: Option<u8>,
    /// The value type.
    pub ty: FlagType,
    /// The value used for `--name` without `=value` (pflag `NoOptDefVal`).
    pub no_opt: Option<&'static str>,
    /// The default value as text (`""` when none).
    pub default: &'static str,
    /// Whether kubestory simulates it.
    pub support: Support,
}

impl FlagSpec {
    /// `NoOptDefVal`, with booleans defaulting to `true`.
    fn no_opt_value(&self) -> Option<&'static str> {
        self.no_opt.or(if self.ty == FlagType::Bool {
            Some("true")
        } else {
            None
        })
    }
    /// pflag's display name in `invalid argument` errors: `-n, --namespace` or `--replicas`.
    fn display_name(&self) -> String {
        match self.short {
            Some(c) => format!("-{}, --{}", c as char, self.name),
            None => format!("--{}", self.name),
        }
    }
}

/// A parsed flag value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// A boolean.
    Bool(bool),
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// A duration in nanoseconds.
    Duration(i64),
    /// A list (slice or array flags).
    List(Vec<String>),
}

/// A pflag parse failure, as pflag words it (without cobra's `See … --help` suffix).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FlagError {
    /// Any pflag error text.
    Message(String),
    /// `-h` / `--help` was given.
    Help,
}

/// The result of parsing: positionals and the values of the flags that were set.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parsed {
    /// Positional arguments in order (including those after `--`).
    pub positionals: Vec<String>,
    /// Values of the flags given on the command line, by long name.
    pub values: BTreeMap<&'static str, Value>,
    /// Long names of the flags that were given.
    pub changed: BTreeSet<&'static str>,
    /// cobra's `ArgsLenAtDash`: how many positionals came before `--`, if it was given.
    pub args_len_at_dash: Option<usize>,
}

/// Parses `args` against `specs` like `FlagSet.Parse` in interspersed mode.
pub(crate) fn parse(specs: &[FlagSpec], args: &[String]) -> Result<Parsed, FlagError> {
    let mut parsed = Parsed::default();
    let mut i = 0;
    while i < args.len() {
        let s = args[i].as_str();
        i += 1;
        if s.len() < 2 || !s.starts_with('-') {
            parsed.positionals.push(s.to_string());
            continue;
        }
        if s == "--" {
            parsed.args_len_at_dash = Some(parsed.positionals.len());
            parsed.positionals.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(long) = s.strip_prefix("--") {
            i = parse_long(specs, s, long, args, i, &mut parsed)?;
        } else {
            let mut shorthands = &s[1..];
            while !shorthands.is_empty() {
                shorthands = parse_short(specs, shorthands, args, &mut i, &mut parsed)?;
            }
        }
    }
    Ok(parsed)
}

fn parse_long(
    specs: &[FlagSpec],
    arg: &str,
    long: &str,
    args: &[String],
    mut i: usize,
    parsed: &mut Parsed,
) -> Result<usize, FlagError> {
    if long.is_empty() || long.starts_with('-') || long.starts_with('=') {
        return Err(FlagError::Message(format!("bad flag syntax: {arg}")));
    }
    let (name, inline) = match long.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (long, None),
    };
    let normalized = name.replace('_', "-");
    let Some(spec) = specs.iter().find(|f| f.name == normalized) else {
        if normalized == "help" {
            return Err(FlagError::Help);
        }
        return Err(FlagError::Message(format!("unknown flag: --{name}")));
    };
    let value = if let Some(v) = inline {
        v.to_string()
    } else if let Some(v) = spec.no_opt_value() {
        v.to_string()
    } else if i < args.len() {
        i += 1;
        args[i - 1].clone()
    } else {
        return Err(FlagError::Message(format!(
            "flag needs an argument: --{name}"
        )));
    };
    set(spec, &value, parsed)?;
    Ok(i)
}

/// Parses the first shorthand of `shorthands`; returns what is left of the group.
fn parse_short<'a>(
    specs: &[FlagSpec],
    shorthands: &'a str,
    args: &[String],
    i: &mut usize,
    parsed: &mut Parsed,
) -> Result<&'a str, FlagError> {
    let c = shorthands.as_bytes()[0];
    let char_len = shorthands.chars().next().map_or(1, char::len_utf8);
    let rest = &shorthands[char_len..];
    let Some(spec) = specs.iter().find(|f| f.short == Some(c)) else {
        if c == b'h' {
            return Err(FlagError::Help);
        }
        let shown = shorthands.chars().next().unwrap_or('?');
        return Err(FlagError::Message(format!(
            "unknown shorthand flag: {} in -{shorthands}",
            quote_rune(shown)
        )));
    };
    let (value, rest) = if shorthands.len() > 2 && shorthands.as_bytes()[1] == b'=' {
        (shorthands[2..].to_string(), "")
    } else if let Some(v) = spec.no_opt_value() {
        (v.to_string(), rest)
    } else if shorthands.len() > 1 {
        (rest.to_string(), "")
    } else if *i < args.len() {
        *i += 1;
        (args[*i - 1].clone(), "")
    } else {
        return Err(FlagError::Message(format!(
            "flag needs an argument: {} in -{shorthands}",
            quote_rune(c as char)
        )));
    };
    set(spec, &value, parsed)?;
    Ok(rest)
}

/// `FlagSet.Set`: converts and stores a value; slices append after the first use.
fn set(spec: &FlagSpec, value: &str, parsed: &mut Parsed) -> Result<(), FlagError> {
    let invalid = |cause: String| {
        FlagError::Message(format!(
            "invalid argument {} for {} flag: {cause}",
            quote(value),
            quote(&spec.display_name())
        ))
    };
    let new = match spec.ty {
        FlagType::Bool => Value::Bool(parse_bool(value).map_err(invalid)?),
        FlagType::Str => Value::Str(value.to_string()),
        FlagType::Int => Value::Int(parse_int(value).map_err(invalid)?),
        FlagType::Duration => Value::Duration(parse_duration(value).map_err(invalid)?),
        FlagType::StringSlice | FlagType::StringArray => {
            let items: Vec<String> = if spec.ty == FlagType::StringArray {
                vec![value.to_string()]
            } else if value.is_empty() {
                Vec::new()
            } else {
                value.split(',').map(str::to_string).collect()
            };
            match parsed.values.get_mut(spec.name) {
                Some(Value::List(list)) => {
                    list.extend(items);
                    parsed.changed.insert(spec.name);
                    return Ok(());
                }
                _ => Value::List(items),
            }
        }
    };
    parsed.values.insert(spec.name, new);
    parsed.changed.insert(spec.name);
    Ok(())
}
