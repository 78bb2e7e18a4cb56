//! The pages as a browser without JavaScript uses them: cookie sessions, CSRF tokens on every
//! form, errors beside fields, and the language choice (including right-to-left Arabic).
use tandem_domain::{OrgKind, Role};
use tandem_testkit::{both, reqwest, spawn_app, Backend, TestApp, PASSWORD};

both!(sign_in_and_forms_need_csrf, languages_and_rtl);

/// The value of cookie `name` in the response's Set-Cookie headers, with its attributes.
fn set_cookie(r: &reqwest::Response, name: &str) -> Option<(String, String)> {
    r.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).find_map(|v| {
        let (kv, attrs) = v.split_once(';').unwrap_or((v, ""));
        let (k, val) = kv.split_once('=')?;
        (k == name).then(|| (val.to_owned(), attrs.to_owned()))
    })
}

use crate::browser::hidden_csrf;

async fn post_form(app: &TestApp, path: &str, cookie: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.http.post(app.url(path)).header("cookie", cookie).form(form).send().await.unwrap()
}

async fn sign_in_and_forms_need_csrf(b: Backend) {
    let app = spawn_app(b).await;
    let org = app.create_org("Northern Interfaith Council", OrgKind::CivilSociety).await;
    app.create_user(&org, "admin@interfaith.example", Role::Admin, true).await;

    // The sign-in page gives an anonymous visitor a CSRF cookie and the same token in the form.
    let r = app.http.get(app.url("/login")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let (anon, attrs) = set_cookie(&r, "tandem_csrf").expect("anonymous CSRF cookie");
    assert!(
        attrs.contains("HttpOnly") && attrs.contains("SameSite=Strict") && attrs.contains("Secure"),
        "{attrs}"
    );
    let html = r.text().await.unwrap();
    assert_eq!(hidden_csrf(&html), anon);
    let anon_cookie = format!("tandem_csrf={anon}");

    let creds = [("email", "admin@interfaith.example"), ("password", PASSWORD)];
    let r = post_form(&app, "/login", &anon_cookie, &creds).await;
    assert_eq!(r.status(), 403, "no _csrf field");
    let r = post_form(&app, "/login", &anon_cookie, &[("_csrf", "forged"), creds[0], creds[1]]).await;
    assert_eq!(r.status(), 403, "wrong _csrf");
    let r = post_form(&app, "/login", &anon_cookie, &[("_csrf", &anon), creds[0], ("password", "wrong one")])
        .await;
    assert_eq!(r.status(), 401);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Wrong e-mail address or password") && html.contains("admin@interfaith.example"),
        "error shown, e-mail kept"
    );

    let r = post_form(
        &app,
        "/login",
        &anon_cookie,
        &[("_csrf", &anon), creds[0], creds[1], ("next", "/members")],
    )
    .await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/members");
    let (session, attrs) = set_cookie(&r, "tandem_session").expect("session cookie");
    for a in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/", "Max-Age="] {
        assert!(attrs.contains(a), "session cookie lacks {a}: {attrs}");
    }
    let cookie = format!("tandem_session={session}");

    let r = app.http.get(app.url("/members")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Members of Northern Interfaith Council"));
    assert!(
        html.contains("admin signed in") && !html.contains("auth.sign_in"),
        "activity in sentences: {html}"
    );
    let csrf = hidden_csrf(&html);
    assert_ne!(csrf, anon, "a signed-in session has its own CSRF token");

    // A form post riding on the cookie without the token changes nothing.
    let add = [("email", "new@interfaith.example"), ("role", "coordinator")];
    let r = post_form(&app, "/members", &cookie, &add).await;
    assert_eq!(r.status(), 403);
    let r = post_form(&app, "/members", &cookie, &[("_csrf", &anon), add[0], add[1]]).await;
    assert_eq!(r.status(), 403, "the anonymous token is not the session's");
    assert_eq!(app.store.org_invitations(&org.id, chrono::Utc::now()).await.unwrap().len(), 0);
    let r = app
        .http
        .post(app.url("/api/v1/members"))
        .header("cookie", &cookie)
        .json(&serde_json::json!({"email": "x@y.example", "role": "member"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403, "JSON riding on a cookie needs X-CSRF-Token too");

    // Inviting shows the link to pass on; nobody is a member until they accept.
    let r = post_form(&app, "/members", &cookie, &[("_csrf", &csrf), add[0], add[1]]).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Invitation ready for new@interfaith.example"), "{html}");
    let link =
        html.split("id=\"link-text\">").nth(1).unwrap().split('<').next().unwrap().replace("&#x2f;", "/");
    let path = link.strip_prefix(&app.base).expect("the link is on the public address").to_owned();
    assert_eq!(app.store.list_members(&org.id).await.unwrap().len(), 1);
    // The link's page says who asks and what kind of organisation it is.
    let r = app.http.get(app.url(&path)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let anon2 = set_cookie(&r, "tandem_csrf").unwrap().0;
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Invitation from Northern Interfaith Council") && html.contains("civil-society group")
    );
    let anon2_cookie = format!("tandem_csrf={anon2}");
    let short = [("_csrf", anon2.as_str()), ("display_name", "Newcomer"), ("password", "short")];
    let r = post_form(&app, &path, &anon2_cookie, &short).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-password\""));
    let good =
        [("_csrf", anon2.as_str()), ("display_name", "Newcomer"), ("password", "a long enough password")];
    let r = post_form(&app, &path, &anon2_cookie, &good).await;
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/login?next=%2Finvitations&notice=joined");
    assert!(set_cookie(&r, "tandem_session").is_none(), "signing in is the person's own step");
    let r = app.http.get(app.url("/login?next=%2Finvitations&notice=joined")).send().await.unwrap();
    assert!(r.text().await.unwrap().contains("your account is ready and you have joined"));
    let members = app.store.list_members(&org.id).await.unwrap();
    assert!(members.iter().any(|m| m.email == "new@interfaith.example" && m.role == Role::Coordinator));
    let r = app.http.get(app.url(&path)).send().await.unwrap();
    assert_eq!(r.status(), 404, "a link works once");

    // Bad input re-renders the form with the error beside the field and the input kept.
    let r = post_form(
        &app,
        "/members",
        &cookie,
        &[("_csrf", &csrf), ("email", "not an address"), ("role", "member")],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"err-email\"")
            && html.contains("aria-invalid=\"true\"")
            && html.contains("value=\"not an address\"")
    );
    let r =
        post_form(&app, "/admin/orgs", &cookie, &[("_csrf", &csrf), ("name", "A"), ("kind", "donor")]).await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"err-name\""));
    let r = post_form(
        &app,
        "/admin/orgs",
        &cookie,
        &[("_csrf", &csrf), ("name", "Human Security Fund"), ("kind", "donor"), ("women_led", "on")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let fund =
        app.store.list_orgs().await.unwrap().into_iter().find(|o| o.name == "Human Security Fund").unwrap();
    assert!(fund.women_led && !fund.youth_led);

    // The last admin can neither be demoted nor removed.
    let me = members.iter().find(|m| m.email == "admin@interfaith.example").unwrap();
    let r = post_form(
        &app,
        &format!("/members/{}/role", me.user_id),
        &cookie,
        &[("_csrf", &csrf), ("role", "member")],
    )
    .await;
    assert_eq!(r.status(), 409);

    // Sign-out ends the session on the server, not only in the browser.
    let r = post_form(&app, "/logout", &cookie, &[("_csrf", &csrf)]).await;
    assert_eq!(r.status(), 303);
    let r = app.http.get(app.url("/members")).header("cookie", &cookie).send().await.unwrap();
    assert_eq!(r.status(), 303, "signed out: the members page asks to sign in");
    let r = app.http.get(app.url("/")).header("cookie", &cookie).send().await.unwrap();
    assert!(r.text().await.unwrap().contains("Report a concern"), "home is the front door again");
}

async fn languages_and_rtl(b: Backend) {
    let app = spawn_app(b).await;
    let page = |lang_header: Option<&'static str>, cookie: Option<&'static str>| {
        let mut rb = app.http.get(app.url("/login"));
        if let Some(l) = lang_header {
            rb = rb.header("accept-language", l);
        }
        if let Some(c) = cookie {
            rb = rb.header("cookie", c);
        }
        async move { rb.send().await.unwrap().text().await.unwrap() }
    };
    let en = page(None, None).await;
    assert!(en.contains("<html lang=\"en\" dir=\"ltr\">") && en.contains("<h1>Sign in</h1>"));
    let fr = page(Some("fr-FR,fr;q=0.9,en;q=0.5"), None).await;
    assert!(fr.contains("<html lang=\"fr\" dir=\"ltr\">") && fr.contains("<h1>Connexion</h1>"));
    let ar = page(Some("en"), Some("lang=ar")).await;
    assert!(
        ar.contains("<html lang=\"ar\" dir=\"rtl\">") && ar.contains("<h1>تسجيل الدخول</h1>"),
        "the switcher's cookie beats Accept-Language"
    );

    let r = app.http.get(app.url("/lang/ar?next=/members")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/members");
    assert_eq!(set_cookie(&r, "lang").unwrap().0, "ar");
    let r = app.http.get(app.url("/lang/fr?next=//evil.example/x")).send().await.unwrap();
    assert_eq!(r.headers()["location"], "/", "next= cannot leave the site");
    let r = app.http.get(app.url("/lang/xx")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    let missing =
        app.http.get(app.url("/no/such/page")).header("accept-language", "ar").send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("dir=\"rtl\""), "error pages are translated too");
}
