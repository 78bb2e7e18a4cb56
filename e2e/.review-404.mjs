import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
const page = await (await browser.newContext()).newPage();
page.on("response", r => { if (r.status() >= 400) console.log(r.status(), r.url()); });
await page.goto("http://127.0.0.1:8080/knowledge"); await page.goto("http://127.0.0.1:8080/login");
await browser.close();
