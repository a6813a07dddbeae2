//! The options a viewer uses: `progress` reports each nested credential of a
//! CLR as it is checked, and `include_document` hands back what was read
//! (also from a VC-JWT), while the default report stays without it.

#![allow(
    clippy::indexing_slicing,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used
)]
// Tests index fixtures directly and fail loudly; a panic here is a failed test.

mod common;

use std::cell::RefCell;
use std::rc::Rc;

use cler_verifier::report::Report;
use cler_verifier::{verify, Input, Progress, VerifyOptions};
use serde_json::Value;

fn bench(name: &str) -> Vec<u8> {
    let path = common::fixtures().join("../bench/vectors").join(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn run(bytes: &[u8], options: &VerifyOptions) -> Report {
    pollster::block_on(verify(Input::Bytes(bytes), options, &common::remote()))
}

#[test]
fn progress_counts_every_nested_credential_of_a_clr_in_order() {
    let told = Rc::new(RefCell::new(Vec::new()));
    let kept = Rc::clone(&told);
    let options = VerifyOptions {
        progress: Some(Progress(Rc::new(move |done, total| {
            kept.borrow_mut().push((done, total));
        }))),
        ..common::options()
    };
    let report = run(&bench("clr-n10-eddsa-rdfc-2022.json"), &options);

    assert_eq!(report.children.len(), 10);
    let expected: Vec<(usize, usize)> = (1..=10).map(|done| (done, 10)).collect();
    assert_eq!(*told.borrow(), expected);
}

#[test]
fn the_document_is_included_only_when_asked() {
    let bytes = bench("ob3-v2-eddsa-rdfc-2022.json");
    let plain = run(&bytes, &common::options());
    assert_eq!(plain.document, None);
    assert!(serde_json::to_value(&plain)
        .unwrap()
        .get("document")
        .is_none());

    let asked = VerifyOptions {
        include_document: true,
        ..common::options()
    };
    let report = run(&bytes, &asked);
    let read: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(report.document, Some(read));
}

#[test]
fn the_document_of_a_vc_jwt_is_the_credential_it_carries() {
    let asked = VerifyOptions {
        include_document: true,
        ..common::options()
    };
    let report = run(&bench("ob3-jwt-eddsa.jwt"), &asked);
    let document = report.document.expect("a document");
    let types = document["type"].as_array().unwrap();
    assert!(
        types.iter().any(|t| t == "OpenBadgeCredential"),
        "{types:?}"
    );
    assert!(
        document.get("iss").is_none(),
        "JWT claims are not the credential"
    );
}
