// Enketo's view of a form Tandem serves (the report form, or a survey's): the web build of enketo-transformer (the engine of
// Enketo and KoboToolbox's web forms) runs in Debian's Chromium, whose XSLT it uses, and must
// turn the XForm the server hands out into a web form with every question and choice the XForm
// has and, for the report form, the server's rules as constraints.
//   node e2e/enketo.mjs FORM.xml
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const [formPath] = process.argv.slice(2);
if (!formPath) {
  console.error("usage: node e2e/enketo.mjs FORM.xml");
  process.exit(2);
}
const xform = readFileSync(formPath, "utf8");
const transformer = readFileSync(
  fileURLToPath(new URL("./node_modules/enketo-transformer/dist/enketo-transformer/web/transformer.js", import.meta.url)),
);
const server = createServer((req, res) => {
  if (req.url === "/transformer.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(transformer);
  } else {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>enketo</title>");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
let failed = false;
try {
  const page = await browser.newPage();
  await page.goto(base);
  const result = await page.evaluate(async (xform) => {
    const { transform } = await import("/transformer.js");
    const out = await transform({ xform });
    return { form: out.form, model: out.model };
  }, xform);
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const report = /<data id="tandem_report"/.test(xform);
  const checks = !report ? [] : [
    ["the area question", /name="\/data\/area"/],
    ["the category question", /name="\/data\/category"/],
    ["the date, no later than today", /name="\/data\/occurred"[^>]*data-constraint="\. &lt;= today\(\)"|data-constraint="\. &lt;= today\(\)"[^>]*name="\/data\/occurred"/],
    ["the description, at most 4000 characters", /name="\/data\/description"[^>]*data-constraint="[^"]*string-length\(\.\) &lt;= 4000/],
    ["a photo upload", /type="file"[^>]*name="\/data\/photo"|name="\/data\/photo"[^>]*type="file"/],
    ["a demo area as a choice", /value="MR0101"/],
  ];
  // Every question the XForm asks and every answer it offers, whatever the form.
  for (const [, ref] of xform.matchAll(/<(?:input|select1|upload) ref="(\/data\/[^"]+)"/g)) {
    checks.push([`the question ${ref}`, new RegExp(`name="${esc(ref)}"`)]);
  }
  for (const [, value] of xform.matchAll(/<value>([^<]+)<\/value>/g)) {
    checks.push([`the answer ${value}`, new RegExp(`value="${esc(value)}"`)]);
  }
  for (const [what, re] of checks) {
    if (!re.test(result.form)) {
      console.error(`Enketo's form lacks ${what}`);
      failed = true;
    }
  }
  if (!/<instanceID\/>|<instanceID><\/instanceID>/.test(result.model)) {
    console.error("Enketo's model lacks meta/instanceID");
    failed = true;
  }
  if (!failed) console.log(`Enketo transformed the form: ${result.form.length} characters of HTML, ${checks.length} questions and answers there`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
