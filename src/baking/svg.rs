//! Reading the credential out of an SVG's `<openbadges:credential>` element.
//!
//! OB 3.0 §5.3.2: the element sits in the namespace
//! `https://purl.imsglobal.org/ob/v3p0` (CLR 2.0: `…/clr/v2p0`); a compact
//! JWS is in its `verify` attribute, JSON in its body inside `<![CDATA[…]]>`.
//! OB 2.0 used `<openbadges:assertion>` in `http://openbadges.org`. The
//! prefix is whatever the document binds to the namespace. This is a small
//! scanner for exactly that element, not a general XML parser.

use super::{corrupt, Baking, UnbakeError, Unbaked};

const NAMESPACES: [(&str, Baking, &str); 3] = [
    (
        "https://purl.imsglobal.org/ob/v3p0",
        Baking::OpenBadges3,
        "credential",
    ),
    (
        "https://purl.imsglobal.org/clr/v2p0",
        Baking::Clr2,
        "credential",
    ),
    ("http://openbadges.org", Baking::OpenBadges2, "assertion"),
];

/// Takes the baked credential out of SVG text.
pub fn unbake_svg(svg: &str) -> Result<Unbaked, UnbakeError> {
    for (namespace, baking, local) in NAMESPACES {
        for prefix in prefixes_for(svg, namespace) {
            let name = format!("{prefix}:{local}");
            if let Some(payload) = element(svg, &name)? {
                return Ok(Unbaked { baking, payload });
            }
        }
    }
    Err(UnbakeError::NotBaked)
}

/// Every prefix declared as `xmlns:prefix="namespace"` (with or without a
/// trailing slash on the namespace).
fn prefixes_for<'s>(svg: &'s str, namespace: &str) -> Vec<&'s str> {
    let mut found = Vec::new();
    for (at, _) in svg.match_indices("xmlns:") {
        let rest = svg.get(at + 6..).unwrap_or_default();
        let Some((prefix, after)) = rest.split_once('=') else {
            continue;
        };
        let value = quoted(after.trim_start()).unwrap_or_default();
        if value.trim_end_matches('/') == namespace {
            found.push(prefix.trim());
        }
    }
    found
}

/// The payload of the first element `name`: its `verify` attribute, or its
/// body (CDATA or escaped text). `None` when there is no such element.
fn element(svg: &str, name: &str) -> Result<Option<String>, UnbakeError> {
    let open = format!("<{name}");
    let Some(start) = svg.match_indices(&open).map(|(at, _)| at).find(|&at| {
        let next = svg.get(at + open.len()..).and_then(|s| s.chars().next());
        next.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
    }) else {
        return Ok(None);
    };

    let after_name = svg.get(start + open.len()..).unwrap_or_default();
    let tag_end =
        tag_end(after_name).ok_or_else(|| corrupt(format!("the <{name}> tag is not closed")))?;
    let attributes = after_name.get(..tag_end).unwrap_or_default();
    if let Some(jws) = attribute(attributes, "verify") {
        return Ok(Some(unescape(jws).trim().to_owned()));
    }
    if attributes.trim_end().ends_with('/') {
        return Err(corrupt(format!(
            "the <{name}> element is empty and has no verify attribute"
        )));
    }

    let body = after_name.get(tag_end + 1..).unwrap_or_default();
    let close = format!("</{name}>");
    let end = body
        .find(&close)
        .ok_or_else(|| corrupt(format!("the <{name}> element is not closed")))?;
    Ok(Some(text_of(body.get(..end).unwrap_or_default())))
}

/// The index of the `>` ending a start tag, skipping quoted attribute values.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, '>') => return Some(at),
            _ => {}
        }
    }
    None
}

fn attribute<'s>(attributes: &'s str, wanted: &str) -> Option<&'s str> {
    let mut rest = attributes;
    while let Some(equals) = rest.find('=') {
        let name = rest
            .get(..equals)?
            .trim()
            .rsplit(char::is_whitespace)
            .next()?;
        let value_start = rest.get(equals + 1..)?.trim_start();
        let value = quoted(value_start)?;
        if name == wanted {
            return Some(value);
        }
        let consumed = rest.len() - value_start.len() + value.len() + 2;
        rest = rest.get(consumed..)?;
    }
    None
}

/// The text between matching quotes at the start of `text`.
fn quoted(text: &str) -> Option<&str> {
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = text.get(1..)?;
    inner.find(quote).and_then(|end| inner.get(..end))
}

/// An element body: the CDATA sections' text, or unescaped character data.
fn text_of(body: &str) -> String {
    if !body.contains("<![CDATA[") {
        return unescape(body).trim().to_owned();
    }
    let mut text = String::new();
    for section in body.split("<![CDATA[").skip(1) {
        text.push_str(section.split("]]>").next().unwrap_or_default());
    }
    text.trim().to_owned()
}

/// Replaces XML's predefined entities and numeric character references.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp..).unwrap_or_default();
        let Some(semi) = after.find(';').filter(|&at| at <= 12) else {
            out.push('&');
            rest = after.get(1..).unwrap_or_default();
            continue;
        };
        match entity(after.get(1..semi).unwrap_or_default()) {
            Some(c) => out.push(c),
            None => out.push_str(after.get(..=semi).unwrap_or_default()),
        }
        rest = after.get(semi + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => name
                    .strip_prefix('#')
                    .and_then(|decimal| decimal.parse().ok()),
            };
            code.and_then(char::from_u32)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(inner: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="1" height="1">{inner}<rect/></svg>"#
        )
    }

    #[test]
    fn reads_cdata_json_and_verify_jws() {
        let json = r#"{"name": "Café “Ünïcode” 学位 🎓", "x": "]] >"}"#;
        let with_json = svg(&format!(
            "<openbadges:credential><![CDATA[{json}]]></openbadges:credential>"
        ));
        assert_eq!(
            unbake_svg(&with_json).map(|u| u.payload),
            Ok(json.to_owned())
        );
        let with_jws = svg(r#"<openbadges:credential verify="eyJh.eyJp.c2ln"/>"#);
        assert_eq!(
            unbake_svg(&with_jws).map(|u| u.payload),
            Ok("eyJh.eyJp.c2ln".to_owned())
        );
    }

    #[test]
    fn any_prefix_bound_to_the_namespace_counts() {
        let clr = r#"<svg xmlns:c='https://purl.imsglobal.org/clr/v2p0/'><c:credential>{&quot;a&quot;: 1}</c:credential></svg>"#;
        let found = unbake_svg(clr).unwrap();
        assert_eq!(
            (found.baking, found.payload.as_str()),
            (Baking::Clr2, r#"{"a": 1}"#)
        );
    }

    #[test]
    fn open_badges_2_is_recognised() {
        let old = r#"<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"></openbadges:assertion></svg>"#;
        assert_eq!(unbake_svg(old).map(|u| u.baking), Ok(Baking::OpenBadges2));
    }

    #[test]
    fn missing_and_broken_elements_say_so() {
        assert_eq!(unbake_svg(&svg("")), Err(UnbakeError::NotBaked));
        assert!(matches!(
            unbake_svg(&svg("<openbadges:credential><![CDATA[{}")),
            Err(UnbakeError::Corrupt { .. })
        ));
        assert!(matches!(
            unbake_svg(&svg("<openbadges:credential/>")),
            Err(UnbakeError::Corrupt { .. })
        ));
        assert!(matches!(
            unbake_svg(&svg("<openbadges:credential verify=\"x")),
            Err(UnbakeError::Corrupt { .. })
        ));
    }
}
