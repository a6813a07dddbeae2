//! Command-line arguments.

use std::path::PathBuf;

/// How to call the tool.
pub const USAGE: &str = "usage: cler-verify [--json] [--now RFC3339] [--offline] [--documents INDEX.json] FILE...";

/// The parsed arguments.
pub struct Arguments {
    /// Print reports as JSON instead of a summary.
    pub json: bool,
    /// The instant to judge validity at, in Unix seconds.
    pub now: Option<i64>,
    /// Contact nothing.
    pub offline: bool,
    /// Serve lookups from this index instead of the network.
    pub documents: Option<PathBuf>,
    /// The files to verify.
    pub files: Vec<String>,
}

/// Parses the arguments after the program name.
pub fn parse(mut words: impl Iterator<Item = String>) -> Result<Arguments, String> {
    let mut arguments = Arguments { json: false, now: None, offline: false, documents: None, files: Vec::new() };
    while let Some(word) = words.next() {
        match word.as_str() {
            "--json" => arguments.json = true,
            "--offline" => arguments.offline = true,
            "--now" => arguments.now = Some(instant(words.next())?),
            "--documents" => arguments.documents = Some(words.next().ok_or("--documents needs a file")?.into()),
            "-h" | "--help" => return Err("help".into()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => arguments.files.push(file.to_owned()),
        }
    }
    if arguments.files.is_empty() {
        return Err("no file given".into());
    }
    Ok(arguments)
}

fn instant(word: Option<String>) -> Result<i64, String> {
    let word = word.ok_or("--now needs a date and time such as 2025-01-01T00:00:00Z")?;
    cler_verifier::datetime::parse(&word)
        .map(|instant| instant.seconds)
        .map_err(|error| format!("--now {word:?}: {error}"))
}
