//! [IRI Expansion] (JSON-LD 1.1 API §4.3) against a finished active
//! context, and the IRI helpers it needs: the absolute-IRI test and
//! reference resolution ([RFC 3986 §5.2]), neither of which validates, so
//! that safe mode can name what is wrong afterwards.
//!
//! [IRI Expansion]: https://www.w3.org/TR/json-ld11-api/#iri-expansion
//! [RFC 3986 §5.2]: https://www.rfc-editor.org/rfc/rfc3986#section-5.2

use super::active_context::{has_keyword_form, is_keyword, ActiveContext};

/// What an IRI is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relative {
    /// Terms and the vocabulary mapping apply (keys, `@type` values).
    pub vocab: bool,
    /// Otherwise a relative reference is resolved against the base IRI.
    pub document: bool,
}

/// Keys and `@type`-like values: terms, then the vocabulary mapping.
pub const VOCAB: Relative = Relative {
    vocab: true,
    document: false,
};

/// `@id` values: resolved against the base IRI.
pub const DOCUMENT: Relative = Relative {
    vocab: false,
    document: true,
};

/// `@type` values: terms, the vocabulary mapping, then the base IRI.
pub const VOCAB_THEN_DOCUMENT: Relative = Relative {
    vocab: true,
    document: true,
};

/// Expands `value` ([§4.3.2](https://www.w3.org/TR/json-ld11-api/#algorithm-4)
/// steps 1–2 and 4–9); `None` when it expands to nothing.
pub fn expand_iri(active: &ActiveContext, value: &str, relative: Relative) -> Option<String> {
    if is_keyword(value) {
        return Some(value.to_owned());
    }
    if has_keyword_form(value) {
        return None;
    }

    if let Some(definition) = active.term(value) {
        if definition.iri.as_deref().is_some_and(is_keyword) || relative.vocab {
            return definition.iri.clone();
        }
    }

    if let Some(expanded) = expand_compact_iri(active, value) {
        return Some(expanded);
    }

    if relative.vocab {
        if let Some(vocab) = &active.vocab {
            return Some(format!("{vocab}{value}"));
        }
    }
    if relative.document {
        if let Some(base) = &active.base {
            return Some(resolve(base, value));
        }
    }
    Some(value.to_owned())
}

/// Step 6: a value with a colon after its first character is a blank node
/// identifier, a compact IRI whose prefix is a term, or an absolute IRI.
fn expand_compact_iri(active: &ActiveContext, value: &str) -> Option<String> {
    let (prefix, suffix) = split_compact_iri(value)?;
    if prefix == "_" || suffix.starts_with("//") {
        return Some(value.to_owned());
    }

    if let Some(definition) = active.term(prefix) {
        if let (Some(iri), true) = (&definition.iri, definition.prefix) {
            return Some(format!("{iri}{suffix}"));
        }
    }

    is_absolute_iri(value).then(|| value.to_owned())
}

/// `prefix:suffix` when `value` has a colon after its first character.
pub fn split_compact_iri(value: &str) -> Option<(&str, &str)> {
    let (colon, _) = value.char_indices().skip(1).find(|(_, c)| *c == ':')?;
    Some((value.get(..colon)?, value.get(colon + 1..)?))
}

/// Whether `value` starts with a URI scheme and a colon (an absolute IRI,
/// not validated further).
pub fn is_absolute_iri(value: &str) -> bool {
    scheme_length(value).is_some()
}

/// Whether `value` is a blank node identifier (`_:` then a label).
pub fn is_blank_node(value: &str) -> bool {
    value.starts_with("_:")
}

/// Whether `value` is an absolute IRI or a blank node identifier.
pub fn is_iri_or_blank_node(value: &str) -> bool {
    is_blank_node(value) || is_absolute_iri(value)
}

/// Whether an IRI ends with a gen-delim, so a term mapped to it is a prefix.
pub fn ends_with_gen_delim(iri: &str) -> bool {
    iri.ends_with([':', '/', '?', '#', '[', ']', '@'])
}

fn scheme_length(value: &str) -> Option<usize> {
    let colon = value.find(':')?;
    let scheme = value.get(..colon)?;
    let mut bytes = scheme.bytes();
    let first = bytes.next()?;
    let rest_ok = bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    (first.is_ascii_alphabetic() && rest_ok).then_some(colon)
}

/// The parts of an IRI reference ([RFC 3986 §3](https://www.rfc-editor.org/rfc/rfc3986#section-3)).
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn parts(reference: &str) -> Parts<'_> {
    let (rest, fragment) = match reference.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (reference, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((rest, query)) => (rest, Some(query)),
        None => (rest, None),
    };
    let (scheme, rest) = match scheme_length(rest) {
        Some(colon) => (rest.get(..colon), rest.get(colon + 1..).unwrap_or_default()),
        None => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (after.get(..end), after.get(end..).unwrap_or_default())
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

/// `reference` resolved against `base` ([RFC 3986 §5.2.2]), without
/// validating either.
///
/// [RFC 3986 §5.2.2]: https://www.rfc-editor.org/rfc/rfc3986#section-5.2.2
pub fn resolve(base: &str, reference: &str) -> String {
    let base = parts(base);
    let reference = parts(reference);

    let target = if reference.scheme.is_some() {
        let path = remove_dot_segments(reference.path);
        reference.with_path(path)
    } else if reference.authority.is_some() {
        let path = remove_dot_segments(reference.path);
        Parts {
            scheme: base.scheme,
            ..reference
        }
        .with_path(path)
    } else if reference.path.is_empty() {
        let path = base.path.to_owned();
        Parts {
            fragment: reference.fragment,
            query: reference.query.or(base.query),
            ..base
        }
        .with_path(path)
    } else {
        let path = if reference.path.starts_with('/') {
            reference.path.to_owned()
        } else {
            merge(&base, reference.path)
        };
        Parts {
            query: reference.query,
            fragment: reference.fragment,
            ..base
        }
        .with_path(remove_dot_segments(&path))
    };
    target.compose()
}

/// Parts with an owned path, ready to be written back as text.
struct Target<'a> {
    parts: Parts<'a>,
    path: String,
}

impl<'a> Parts<'a> {
    fn with_path(self, path: String) -> Target<'a> {
        Target { parts: self, path }
    }
}

impl Target<'_> {
    fn compose(&self) -> String {
        let mut text = String::new();
        if let Some(scheme) = self.parts.scheme {
            text.push_str(scheme);
            text.push(':');
        }
        if let Some(authority) = self.parts.authority {
            text.push_str("//");
            text.push_str(authority);
        }
        text.push_str(&self.path);
        if let Some(query) = self.parts.query {
            text.push('?');
            text.push_str(query);
        }
        if let Some(fragment) = self.parts.fragment {
            text.push('#');
            text.push_str(fragment);
        }
        text
    }
}

/// [RFC 3986 §5.2.3](https://www.rfc-editor.org/rfc/rfc3986#section-5.2.3).
fn merge(base: &Parts<'_>, path: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{path}");
    }
    match base.path.rfind('/') {
        Some(slash) => format!("{}{path}", base.path.get(..=slash).unwrap_or_default()),
        None => path.to_owned(),
    }
}

/// [RFC 3986 §5.2.4](https://www.rfc-editor.org/rfc/rfc3986#section-5.2.4).
fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);

    for (index, segment) in segments.iter().enumerate() {
        if absolute && index == 0 {
            continue;
        }
        match *segment {
            "." => {
                if index == last {
                    output.push("");
                }
            }
            ".." => {
                output.pop();
                if index == last {
                    output.push("");
                }
            }
            other => output.push(other),
        }
    }

    let joined = output.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of RFC 3986 §5.4.
    #[test]
    fn resolves_the_rfc_examples() {
        let base = "http://a/b/c/d;p?q";
        let cases = [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ];
        for (reference, expected) in cases {
            assert_eq!(resolve(base, reference), expected, "{reference}");
        }
    }

    #[test]
    fn resolves_against_the_safe_mode_sentinel() {
        let base = "x-cler-relative-iri:/";
        assert_eq!(resolve(base, "issuers/1"), "x-cler-relative-iri:/issuers/1");
        assert_eq!(
            resolve(base, "not an iri"),
            "x-cler-relative-iri:/not an iri"
        );
        assert_eq!(resolve(base, "//evil/i"), "x-cler-relative-iri://evil/i");
        assert_eq!(resolve(base, "#me"), "x-cler-relative-iri:/#me");
    }

    #[test]
    fn absolute_iris_have_a_scheme() {
        assert!(is_absolute_iri("https://a") && is_absolute_iri("did:key:z"));
        assert!(!is_absolute_iri("a b:c") && !is_absolute_iri("1a:b") && !is_absolute_iri("ab"));
    }
}
