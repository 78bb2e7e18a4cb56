import { chromium } from "playwright-core";
const [url, sel, lang] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width: 360, height: 800 } });
await p.goto("http://127.0.0.1:8080/lang/" + lang + "?next=" + encodeURIComponent(url));
await p.goto("http://127.0.0.1:8080" + url);
console.log(JSON.stringify(await p.locator(sel).boundingBox()));
await b.close();
