//! The QR encoder against two references: every code it makes must be read back by an
//! independent decoder (rqrr, a port of quirc), and, for the same version and mask, must
//! be module for module the symbol that Nayuki's reference encoder (qrcodegen) makes.
#![cfg(not(target_arch = "wasm32"))]

use cvc_core::codec::qr::{QrCode, MAX_BYTES, QUIET_ZONE};
use proptest::prelude::*;

/// Reads a code as a camera would see it: each module `scale` pixels wide, with its quiet
/// zone, through rqrr.
fn decode(qr: &QrCode) -> (usize, String) {
    let scale = 4;
    let pixels = qr.extent() * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
        let (mx, my) = (x / scale, y / scale);
        let dark =
            mx >= QUIET_ZONE && my >= QUIET_ZONE && qr.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE);
        if dark {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    let (meta, content) = grids[0].decode().expect("the code decodes");
    (meta.version.0, content)
}

fn reference(text: &str, version: u8, mask: u8) -> qrcodegen::QrCode {
    let segments = qrcodegen::QrSegment::make_bytes(text.as_bytes());
    qrcodegen::QrCode::encode_segments_advanced(
        &[segments],
        qrcodegen::QrCodeEcc::Medium,
        qrcodegen::Version::new(version),
        qrcodegen::Version::new(version),
        Some(qrcodegen::Mask::new(mask)),
        false,
    )
    .expect("the reference encodes what we encode")
}

fn same_modules(ours: &QrCode, theirs: &qrcodegen::QrCode) -> bool {
    ours.size == theirs.size() as usize
        && (0..ours.size).all(|y| {
            (0..ours.size).all(|x| ours.is_dark(x, y) == theirs.get_module(x as i32, y as i32))
        })
}

const LINKS: [&str; 4] = [
    "https://calc.example/",
    "https://calc.example/cvc/?lifetime_profit=45000&unhappy_share_now=0.35&currency=ILS&lang=he",
    "https://consultant.example/tools/customer-value/?acquisition_cost=1200&lifetime_profit=30000&referrals_per_happy=0.8&lost_per_unhappy=3&unhappy_share_now=0.3&unhappy_share_invest=0.12&service_budget_per_year=60000&horizon_years=7&lifetime_profit_range=15000..45000&monte_carlo_draws=5000&currency=EUR&lang=en",
    "שלום, עולם: קישור בעברית",
];

#[test]
fn known_links_decode_to_themselves() {
    for link in LINKS {
        let qr = QrCode::encode(link).expect("a link fits");
        let (version, content) = decode(&qr);
        assert_eq!(content, link);
        assert_eq!(version, usize::from(qr.version));
    }
}

#[test]
fn known_links_match_the_reference_encoder_for_every_mask() {
    for link in LINKS {
        for mask in 0..8 {
            let ours = QrCode::encode_with_mask(link, Some(mask)).expect("a link fits");
            let theirs = reference(link, ours.version, mask);
            assert!(same_modules(&ours, &theirs), "{link}, mask {mask}");
        }
    }
}

#[test]
fn the_largest_versions_decode_and_match() {
    // Version 7 is the first with version information; 40 the last.
    for length in [123, 300, 1000, MAX_BYTES] {
        let text: String = (0..length)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let qr = QrCode::encode(&text).expect("fits");
        assert!(
            same_modules(&qr, &reference(&text, qr.version, qr.mask)),
            "{length} bytes"
        );
        assert_eq!(decode(&qr).1, text, "{length} bytes");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_link_matches_the_reference(text in "[ -~]{0,400}") {
        let qr = QrCode::encode(&text).expect("fits");
        prop_assert!(same_modules(&qr, &reference(&text, qr.version, qr.mask)));
    }
}
