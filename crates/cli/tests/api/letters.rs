//! Letters of recognition and invitation, both backends, checked with tools nobody here wrote:
//! a coordinator issues one; poppler reads its PDF (one page, the names, the purpose, the
//! verification address); the signed text and signature printed in it verify with `openssl`
//! against the published key, offline, and a changed text does not; the check on the server
//! says genuine, then tampered when the stored letter is altered, revoked once its issuer
//! revokes it. Only the two organisations read it; only the issuer's coordinators issue and
//! revoke.
use std::process::Command;

use base64::Engine as _;
use serde_json::json;
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, spawn_app, Backend};

both!(a_letter_is_signed_printed_verified_and_revoked);

fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e} (scripts/test installs poppler-utils and openssl)"));
    (
        out.status.success(),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    )
}

/// The base64 lines between `-----BEGIN {what}-----` and its end, decoded.
fn block(text: &str, what: &str) -> Vec<u8> {
    let begin = format!("-----BEGIN {what}-----");
    let end = format!("-----END {what}-----");
    let inner: String =
        text.split(&begin).nth(1).unwrap().split(&end).next().unwrap().split_whitespace().collect();
    base64::engine::general_purpose::STANDARD.decode(inner).unwrap()
}

async fn a_letter_is_signed_printed_verified_and_revoked(b: Backend) {
    let app = spawn_app(b).await;
    let network = app.create_org("Marenia Peace Network", OrgKind::CivilSociety).await;
    let cso = app.create_org("Kumba Women's Peace Network", OrgKind::CivilSociety).await;
    let other = app.create_org("Northern Observatory", OrgKind::CivilSociety).await;
    app.create_user(&network, "ada@network.example", Role::Coordinator, false).await;
    app.create_user(&network, "member@network.example", Role::Member, false).await;
    app.create_user(&cso, "amina@kwpn.example", Role::Member, false).await;
    app.create_user(&other, "coord@observatory.example", Role::Coordinator, false).await;
    let ada = app.login("ada@network.example").await;
    let member = app.login("member@network.example").await;
    let amina = app.login("amina@kwpn.example").await;
    let outsider = app.login("coord@observatory.example").await;
    let until = (chrono::Utc::now().date_naive() + chrono::Duration::days(180)).to_string();
    let body = json!({"recipient_org": cso.id.to_string(), "kind": "invitation",
        "purpose": "To attend the regional dialogue on community safety in Port Amsel, 12–14 March, as a speaker.",
        "addressee": "Embassy of Marenia, consular section", "valid_until": until});
    assert_eq!(app.send("POST", "/api/v1/letters", Some(&member), Some(body.clone())).await.0, 403);
    let mut bad = body.clone();
    bad["valid_until"] = json!("2020-01-01");
    let (s, v) = app.send("POST", "/api/v1/letters", Some(&ada), Some(bad)).await;
    assert_eq!((s, v["error"]["field"].as_str()), (422, Some("valid_until")), "{v}");
    let mut bad = body.clone();
    bad["recipient_org"] = json!(network.id.to_string());
    assert_eq!(app.send("POST", "/api/v1/letters", Some(&ada), Some(bad)).await.0, 422, "not to oneself");
    let (s, letter) = app.send("POST", "/api/v1/letters", Some(&ada), Some(body)).await;
    assert_eq!(s, 201, "{letter}");
    let id = letter["id"].as_str().unwrap().to_owned();

    // Both organisations see it; no one else does.
    for (token, n) in [(&ada, 1), (&amina, 1), (&outsider, 0)] {
        let (_, v) = app.send("GET", "/api/v1/letters", Some(token), None).await;
        assert_eq!(v["letters"].as_array().unwrap().len(), n);
    }
    assert_eq!(app.send("GET", &format!("/api/v1/letters/{id}/pdf"), Some(&outsider), None).await.0, 404);

    // The PDF, as poppler reads it.
    let r =
        app.http.get(app.url(&format!("/api/v1/letters/{id}/pdf"))).bearer_auth(&amina).send().await.unwrap();
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let pdf = r.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("letter.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let (ok, info) = run(Command::new("pdfinfo").arg(&file));
    let pages = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .map(|l| l.trim_start_matches("Pages:").trim().to_owned());
    assert!(ok && pages.as_deref() == Some("1") && !info.contains("Syntax Error"), "{info}");
    let (ok, text) = run(Command::new("pdftotext").args(["-layout"]).arg(&file).arg("-"));
    assert!(ok, "{text}");
    for needle in [
        "Marenia Peace Network",
        "Letter of invitation",
        "Kumba Women's Peace Network",
        "regional dialogue on community safety",
        "Embassy of Marenia, consular section",
        &format!("/verify/letters/{id}"),
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }

    // Offline: the signed text and signature printed in it verify with openssl and the
    // published key; one changed character does not.
    let signed = block(&text, "SIGNED TEXT");
    let sig = block(&text, "SIGNATURE");
    assert!(String::from_utf8_lossy(&signed).contains("purpose: To attend the regional dialogue"));
    let (s, check) = app.send("GET", &format!("/api/v1/verify/letters/{id}"), None, None).await;
    assert_eq!((s, check["verdict"].as_str()), (200, Some("genuine")), "{check}");
    assert_eq!(check["signed_text"].as_str().unwrap().as_bytes(), &signed[..]);
    std::fs::write(dir.path().join("key.pem"), check["public_key"].as_str().unwrap()).unwrap();
    std::fs::write(dir.path().join("signed.txt"), &signed).unwrap();
    std::fs::write(dir.path().join("signature.bin"), &sig).unwrap();
    let verify = |text: &str| {
        Command::new("openssl")
            .current_dir(dir.path())
            .args([
                "pkeyutl",
                "-verify",
                "-pubin",
                "-inkey",
                "key.pem",
                "-rawin",
                "-in",
                text,
                "-sigfile",
                "signature.bin",
            ])
            .output()
            .unwrap()
    };
    let out = verify("signed.txt");
    assert!(
        out.status.success(),
        "openssl: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut forged = signed.clone();
    let at = String::from_utf8_lossy(&signed).find("valid until: ").unwrap() + "valid until: ".len() + 3;
    forged[at] = if forged[at] == b'9' { b'8' } else { b'9' };
    std::fs::write(dir.path().join("forged.txt"), &forged).unwrap();
    assert!(!verify("forged.txt").status.success(), "a changed date fails offline");

    // On the server: a stored letter altered is tampered; revoked by its issuer alone.
    app.raw_sql(&format!("UPDATE letters SET purpose = 'To open a bank account' WHERE id = '{id}'")).await;
    let (_, check) = app.send("GET", &format!("/api/v1/verify/letters/{id}"), None, None).await;
    assert_eq!(check["verdict"], "tampered");
    let original = String::from_utf8_lossy(&signed)
        .lines()
        .find(|l| l.starts_with("purpose: "))
        .unwrap()
        .trim_start_matches("purpose: ")
        .to_owned();
    app.raw_sql(&format!("UPDATE letters SET purpose = '{original}' WHERE id = '{id}'")).await;
    let (_, check) = app.send("GET", &format!("/api/v1/verify/letters/{id}"), None, None).await;
    assert_eq!(check["verdict"], "genuine");
    assert_eq!(app.send("POST", &format!("/api/v1/letters/{id}/revoke"), Some(&outsider), None).await.0, 404);
    assert_eq!(app.send("POST", &format!("/api/v1/letters/{id}/revoke"), Some(&member), None).await.0, 403);
    assert_eq!(app.send("POST", &format!("/api/v1/letters/{id}/revoke"), Some(&ada), None).await.0, 200);
    assert_eq!(app.send("POST", &format!("/api/v1/letters/{id}/revoke"), Some(&ada), None).await.0, 409);
    let (_, check) = app.send("GET", &format!("/api/v1/verify/letters/{id}"), None, None).await;
    assert_eq!(check["verdict"], "revoked");
    // The public page says so, in the reader's language.
    let page = app
        .http
        .get(app.url(&format!("/verify/letters/{id}")))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Cette lettre a été révoquée."), "{html}");
    assert_eq!(app.send("GET", "/api/v1/verify/letters/nothing", None, None).await.0, 404);
}
