//! VC-JWT: credentials secured as a compact JWS, as OB 3.0 §8.2
//! (`#jwt-proof`) profiles it, and as [VC-JOSE-COSE](https://www.w3.org/TR/vc-jose-cose/)
//! (`typ` `vc+jwt`) defines it.
//!
//! The flow: [`open`] splits the token, checks its header (refusing
//! `alg: none`, HMAC, `crit`, a private `jwk`, a foreign media type) and
//! takes out the credential; [`key::find`] finds the key `kid` or `jwk`
//! names and whether it is the issuer's; [`verify`] checks the signature
//! with the algorithm pinned to the key type; [`claims::disagreements`]
//! lists claims that contradict the credential. The checks orchestrator
//! then runs every other check on the credential.

pub mod algorithms;
pub mod claims;
pub mod compact;
mod error;
pub mod header;
pub mod jwk;
pub mod key;

pub use compact::looks_like_compact;
pub use error::JwtError;

use claims::Secured;
use header::Header;
use key::JwtKey;

/// A VC-JWT whose header was accepted and whose credential was taken out;
/// its signature is not verified yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The checked header.
    pub header: Header,
    /// The credential and the claims around it.
    pub secured: Secured,
    /// The bytes the signature covers.
    pub signing_input: String,
    /// The signature.
    pub signature: Vec<u8>,
}

/// Opens a compact JWS: shape, header rules, payload form.
///
/// Fails with the [`JwtError`] of the first rule broken.
pub fn open(text: &str) -> Result<Opened, JwtError> {
    let jws = compact::parse(text)?;
    let header = header::read(&jws.header)?;
    let secured = claims::secured(jws.payload, header.is_jose())?;
    Ok(Opened {
        header,
        secured,
        signing_input: jws.signing_input,
        signature: jws.signature,
    })
}

/// Verifies the signature of `opened` with `key`.
///
/// Fails with [`JwtError::KeyAlgorithmMismatch`] when the JWK is declared
/// for another algorithm or use, and otherwise as [`algorithms::verify`].
pub fn verify(opened: &Opened, key: &JwtKey) -> Result<(), JwtError> {
    if let Some(error) = key::unusable(&opened.header, key) {
        return Err(error);
    }
    algorithms::verify(
        opened.header.alg,
        &key.key,
        opened.signing_input.as_bytes(),
        &opened.signature,
    )
}
