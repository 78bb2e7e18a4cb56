import { chromium } from "playwright-core";
const base = "http://127.0.0.1:8080";
const OUT = "/tmp/rev/png";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
const page = await ctx.newPage();
page.on("console", m => { if (m.type() === "error") console.log("CONSOLE", m.text()); });
page.on("pageerror", e => console.log("PAGEERROR", e.message));
page.on("dialog", d => { console.log("DIALOG!!", d.message()); d.dismiss(); });
await page.goto(base + "/login");
await page.fill("input[name=email]", "coordinator@kwpn.example");
await page.fill("input[name=password]", "tandem-demo-2026");
await Promise.all([page.waitForNavigation(), page.click("main form button.primary")]);
async function check(name) {
  const r = await page.evaluate(() => {
    const w = document.documentElement.scrollWidth;
    const off = [];
    for (const el of document.querySelectorAll("body *")) {
      const b = el.getBoundingClientRect();
      if (b.width > 0 && (b.right > 361 || b.left < -1)) off.push(el.tagName + "." + el.className + " " + Math.round(b.left) + ".." + Math.round(b.right) + " " + (el.textContent || "").slice(0, 40).replace(/\s+/g, " "));
    }
    return { w, dir: document.documentElement.dir, lang: document.documentElement.lang, off: off.slice(0, 8), status: document.title };
  });
  console.log(name, JSON.stringify(r));
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}
const queries = { en: "police training", fr: "médiation", ar: "منتدى" };
const cases = { en: "family-support-hotline", fr: "fr-femmes-mediatrices", ar: "ar-community-forum" };
for (const lang of ["en", "fr", "ar"]) {
  await ctx.addCookies([{ name: "lang", value: lang, url: base }]);
  await page.goto(base + "/knowledge?language=" + lang);
  await check(`${lang}-1-list`);
  // type the search in the form as a user would
  await page.fill("input[name=q]", queries[lang]);
  await Promise.all([page.waitForNavigation(), page.click("main form button.primary")]);
  console.log(lang, "url", page.url());
  await check(`${lang}-2-search`);
  const first = page.locator("ol a").first();
  if (await first.count()) {
    await Promise.all([page.waitForNavigation(), first.click()]);
    await check(`${lang}-3-result-first`);
  }
  await page.goto(base + "/knowledge/" + cases[lang]);
  await check(`${lang}-3-case`);
  // form: wrong input
  await page.goto(base + "/knowledge/new");
  await check(`${lang}-4-new`);
  await page.fill("input[name=title]", "ab");
  await page.fill("textarea[name=summary]", "short");
  await page.fill("textarea[name=body]", "");
  await page.fill("input[name=region]", "Kumba");
  await page.fill("input[name=actors]", "police, " + "x".repeat(81));
  await page.fill("input[name=tags]", "trust, gender");
  await page.check("input[value=monitoring]");
  await Promise.all([page.waitForNavigation(), page.click("main form button.primary")]);
  await check(`${lang}-5-new-refused`);
  const kept = await page.evaluate(() => ({
    title: document.querySelector("input[name=title]").value,
    summary: document.querySelector("textarea[name=summary]").value,
    region: document.querySelector("input[name=region]").value,
    actors: document.querySelector("input[name=actors]").value,
    tags: document.querySelector("input[name=tags]").value,
    act: [...document.querySelectorAll("input[name=activities]:checked")].map(e => e.value),
    lang: document.querySelector("select[name=language]").value,
    errors: [...document.querySelectorAll(".error")].map(e => e.id + ": " + e.textContent),
    invalid: [...document.querySelectorAll("[aria-invalid]")].map(e => e.name || e.tagName),
  }));
  console.log(lang, "kept", JSON.stringify(kept));
  // fix title/summary, keep body bad
  await page.fill("input[name=title]", "Titre valide");
  await page.fill("textarea[name=summary]", "Un résumé assez long pour passer.");
  await page.fill("input[name=actors]", "police");
  await Promise.all([page.waitForNavigation(), page.click("main form button.primary")]);
  await check(`${lang}-6-new-refused-body`);
  // wheel
  await page.goto(base + "/wheel");
  await check(`${lang}-7-wheel`);
  const det = page.locator("details.card").first();
  await det.locator("summary").click();
  const link = det.locator("a[href^='/knowledge']");
  console.log(lang, "wheel link", await link.count(), await link.first().textContent().catch(() => ""));
  await page.screenshot({ path: `${OUT}/${lang}-7b-wheel-open.png`, fullPage: false, clip: undefined });
  await Promise.all([page.waitForNavigation(), link.first().click()]);
  console.log(lang, "url", page.url());
  await check(`${lang}-8-wheel-knowledge`);
}
await browser.close();
