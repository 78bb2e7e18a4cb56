import { chromium } from "playwright-core";
const base = "http://127.0.0.1:8080";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true });
const page = await ctx.newPage();
page.on("dialog", d => { console.log("DIALOG!!", d.message()); d.dismiss(); });
page.on("console", m => console.log("CONSOLE", m.type(), m.text(), JSON.stringify(m.location())));
for (const p of process.argv.slice(2)) {
  const [path, lang, shot] = p.split("|");
  await ctx.addCookies([{ name: "lang", value: lang || "en", url: base }]);
  await page.goto(base + path);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(path, lang, "scrollWidth", w);
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  // hover/click every link in the prose to catch any script
  for (const a of await page.locator("article a").all()) { await a.hover().catch(() => {}); }
}
await browser.close();
