//! Command-line arguments.

use std::path::PathBuf;

use cler_verifier::{ExpectedRecipient, TrustList};

/// How to call the tool.
pub const USAGE: &str = "usage: cler-verify [--json] [--now RFC3339] [--offline] \
[--documents INDEX.json] [--trusted LIST.json] [--recipient VALUE [--recipient-type TYPE]] FILE|URL...

  FILE is a credential or presentation: JSON, a .jwt file, or a baked PNG or
  SVG badge. URL is an https (or typed http) address of one, fetched first.

  --json             print each report as JSON instead of a summary
  --now RFC3339      judge validity at this instant instead of now
  --offline          contact nothing: keys and status lists stay unknown
  --documents FILE   serve lookups from an index {\"documents\": [{url, path}]}
  --trusted FILE     trusted issuers: [ids], {\"issuers\": [...]} or a DCC registry
  --recipient VALUE  the expected holder (email, URL, phone, DID...)
  --recipient-type T its OB identityType when it cannot be guessed (e.g. sourcedId)

exit code: 0 all verified, 1 any invalid, 2 any incomplete, 64 usage error";

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
    /// Issuers the user trusts.
    pub trusted: Option<TrustList>,
    /// The holder the user expects.
    pub recipient: Option<ExpectedRecipient>,
    /// The files (or web addresses) to verify.
    pub files: Vec<String>,
}

/// Parses the arguments after the program name.
pub fn parse(mut words: impl Iterator<Item = String>) -> Result<Arguments, String> {
    let mut arguments = Arguments {
        json: false,
        now: None,
        offline: false,
        documents: None,
        trusted: None,
        recipient: None,
        files: Vec::new(),
    };
    let mut recipient_type = None;
    while let Some(word) = words.next() {
        match word.as_str() {
            "--json" => arguments.json = true,
            "--offline" => arguments.offline = true,
            "--now" => arguments.now = Some(instant(words.next())?),
            "--documents" => {
                arguments.documents = Some(words.next().ok_or("--documents needs a file")?.into())
            }
            "--trusted" => arguments.trusted = Some(trust_list(words.next())?),
            "--recipient" => {
                let value = words
                    .next()
                    .ok_or("--recipient needs a value such as an email address")?;
                arguments.recipient = Some(ExpectedRecipient {
                    value,
                    identity_type: None,
                });
            }
            "--recipient-type" => {
                recipient_type = Some(words.next().ok_or("--recipient-type needs a type")?)
            }
            "-h" | "--help" => return Err("help".into()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => arguments.files.push(file.to_owned()),
        }
    }
    match (&mut arguments.recipient, recipient_type) {
        (Some(recipient), Some(kind)) => recipient.identity_type = Some(kind),
        (None, Some(_)) => return Err("--recipient-type needs --recipient".into()),
        _ => {}
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

fn trust_list(word: Option<String>) -> Result<TrustList, String> {
    let path = word.ok_or("--trusted needs a JSON file")?;
    let text =
        std::fs::read_to_string(&path).map_err(|error| format!("cannot read {path}: {error}"))?;
    TrustList::parse(&text).map_err(|error| format!("{path}: {error}"))
}
