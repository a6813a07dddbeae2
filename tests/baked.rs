//! Baked badges through the whole pipeline: the 1EdTech validator's baked
//! PNG and SVG samples verify like their JSON twins and say where the
//! credential came from; an image holding nothing, or `{}`, or cut short,
//! is never verified and never panics.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use cler_verifier::report::Report;
use cler_verifier::Verdict;

const JSON_PNG: &str = "credentials/1edtech-validator/ob30/simple-json.png";
const JSON_SVG: &str = "credentials/1edtech-validator/ob30/simple-json.svg";
const JSON_TWIN: &str = "credentials/1edtech-validator/ob30/simple.json";

fn png_with(chunks: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut push = |kind: &[u8; 4], data: &[u8]| {
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    push(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    for (kind, data) in chunks {
        push(kind, data);
    }
    push(b"IEND", &[]);
    out
}

fn baked_text(text: &str) -> Vec<u8> {
    let mut data = b"openbadgecredential\0\0\0\0\0".to_vec();
    data.extend_from_slice(text.as_bytes());
    png_with(&[(b"iTXt", data)])
}

fn same_checks(a: &Report, b: &Report) -> bool {
    let outcomes = |r: &Report| {
        r.checks
            .iter()
            .map(|c| (c.id, c.outcome))
            .collect::<Vec<_>>()
    };
    outcomes(a) == outcomes(b)
}

#[test]
fn baked_samples_verify_like_their_json_twin_and_name_their_source() {
    let twin = common::verify_bytes(&common::read(JSON_TWIN));
    for (file, source) in [(JSON_PNG, "png"), (JSON_SVG, "svg")] {
        let report = common::verify_bytes(&common::read(file));
        assert_eq!(report.source, source, "{file}");
        assert_eq!(report.verdict, twin.verdict, "{file}");
        assert!(same_checks(&report, &twin), "{file}: {:#?}", report.checks);
    }
}

#[test]
fn a_png_whose_payload_is_not_a_credential_is_never_verified() {
    let report = common::verify_bytes(&baked_text("{}"));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(
        report.headline.contains("not a Verifiable Credential"),
        "{}",
        report.headline
    );
}

#[test]
fn a_png_without_the_chunk_says_it_is_only_a_picture() {
    let report = common::verify_bytes(&png_with(&[]));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(
        report.headline.contains("no credential baked into it"),
        "{}",
        report.headline
    );
}

#[test]
fn accented_cjk_and_emoji_text_round_trips_through_a_png() {
    let mut document = common::json(JSON_TWIN);
    document["name"] = serde_json::json!("Café “Ünïcode” 学位 🎓");
    let direct = common::verify_json(&document);
    let baked = common::verify_bytes(&baked_text(&document.to_string()));
    assert_eq!(
        baked
            .credential
            .as_ref()
            .and_then(|c| c.name.clone())
            .as_deref(),
        Some("Café “Ünïcode” 学位 🎓")
    );
    assert_eq!(baked.verdict, direct.verdict);
}

#[test]
fn truncated_and_corrupt_samples_fail_clearly() {
    let whole = common::read(JSON_PNG);
    for cut in [8, 20, 33, whole.len() / 2] {
        let report = common::verify_bytes(&whole[..cut]);
        assert_eq!(report.verdict, Verdict::Invalid, "cut at {cut}");
    }
    // Past the credential's chunk (checked by its CRC), a cut only loses
    // picture data: the credential reads as it would from the whole file.
    let tail_cut = common::verify_bytes(&whole[..whole.len() - 1]);
    assert_eq!(tail_cut.verdict, common::verify_bytes(&whole).verdict);
    let svg = String::from_utf8(common::read(JSON_SVG)).unwrap();
    let inside_credential = svg.find("]]>").expect("a CDATA section") - 10;
    let cut = &svg[..inside_credential];
    assert_eq!(
        common::verify_bytes(cut.as_bytes()).verdict,
        Verdict::Invalid
    );
}

const JWT_PNG: &str = "credentials/1edtech-validator/ob30/simple-jwt.png";
const JWT_SVG: &str = "credentials/1edtech-validator/ob30/simple-jwt.svg";

fn compressed_baked_text(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(text.as_bytes()).unwrap();
    let mut data = b"openbadgecredential\0\x01\0\0\0".to_vec();
    data.extend(zlib.finish().unwrap());
    png_with(&[(b"iTXt", data)])
}

fn svg_with(inner: &str) -> Vec<u8> {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="1" height="1">{inner}<rect/></svg>"#
    )
    .into_bytes()
}

#[test]
fn a_compressed_itxt_credential_verifies_like_its_json_twin() {
    let twin = common::verify_bytes(&common::read(JSON_TWIN));
    let text = String::from_utf8(common::read(JSON_TWIN)).unwrap();
    let report = common::verify_bytes(&compressed_baked_text(&text));
    assert_eq!(report.source, "png");
    assert_eq!(report.verdict, twin.verdict);
    assert!(same_checks(&report, &twin), "{:#?}", report.checks);
}

#[test]
fn unicode_text_round_trips_through_compressed_png_and_svg_cdata() {
    let name = "Café “Ünïcode” 学位 🎓";
    let mut document = common::json(JSON_TWIN);
    document["name"] = serde_json::json!(name);
    let text = document.to_string();
    let cdata = svg_with(&format!(
        "<openbadges:credential><![CDATA[{text}]]></openbadges:credential>"
    ));
    for image in [compressed_baked_text(&text), cdata] {
        let report = common::verify_bytes(&image);
        let read = report.credential.as_ref().and_then(|c| c.name.clone());
        assert_eq!(read.as_deref(), Some(name), "{}", report.source);
        assert_eq!(report.verdict, common::verify_json(&document).verdict);
    }
}

#[test]
fn jwt_baked_in_a_png_and_in_an_svg_verify_attribute_is_checked() {
    let png = common::verify_bytes(&common::read(JWT_PNG));
    let svg = common::verify_bytes(&common::read(JWT_SVG));
    for report in [&png, &svg] {
        let proof = report.checks_for(cler_verifier::CheckId::Proof).next();
        assert_eq!(
            proof.map(|c| c.outcome),
            Some(cler_verifier::Outcome::Pass),
            "{:#?}",
            report.checks
        );
    }
    assert!(same_checks(&png, &svg));
    assert_eq!((png.source.as_str(), svg.source.as_str()), ("png", "svg"));
}

#[test]
fn open_badges_2_images_are_explained_never_verified() {
    let mut data = b"openbadges\0".to_vec();
    data.extend_from_slice(b"https://example.org/assertions/1");
    let png = png_with(&[(b"tEXt", data)]);
    let svg = br#"<svg xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/assertions/1"></openbadges:assertion></svg>"#;
    for image in [png, svg.to_vec()] {
        let report = common::verify_bytes(&image);
        assert_ne!(report.verdict, Verdict::Verified);
        assert!(
            report.headline.contains("Open Badges 2.0"),
            "{}",
            report.headline
        );
    }
}

#[test]
fn a_png_with_a_corrupted_credential_chunk_fails_clearly() {
    let mut image = baked_text(&String::from_utf8(common::read(JSON_TWIN)).unwrap());
    let inside = image.len() / 2;
    image[inside] ^= 0x20;
    let report = common::verify_bytes(&image);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert!(!report.headline.is_empty());
    let svg = svg_with("<openbadges:credential><![CDATA[{\"a\": ");
    assert_eq!(common::verify_bytes(&svg).verdict, Verdict::Invalid);
}
