// node e2e/.shoot.mjs BASE EMAIL|- PATH LANG OUT.png [WIDTH]
import { chromium } from "playwright-core";
const [base, email, path, lang, out, width] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: Number(width || 360), height: 800 } });
if (email !== "-") {
  await page.goto(base + "/login");
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", "tandem-demo-2026");
  await Promise.all([page.waitForNavigation(), page.click("main form button.primary")]);
}
await page.goto(base + "/lang/" + lang + "?next=" + encodeURIComponent(path));
await page.goto(base + path);
const sw = await page.evaluate(() => document.documentElement.scrollWidth);
console.log(`scrollWidth=${sw} status-url=${page.url()}`);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
