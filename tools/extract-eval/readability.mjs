// SPDX-License-Identifier: GPL-3.0-or-later
// Runs Mozilla Readability (with jsdom) over a folder of pages for
// tools/extract-eval: the same JSON lines as px-extract-eval. jsdom is
// left at its defaults: no scripts run and no resources are loaded.
import fs from "node:fs";
import path from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const dir = process.argv[2];
const repeat = Number(process.argv[3] || 1);
const names = fs.readdirSync(dir).filter((n) => n.endsWith(".html")).sort();
const pages = names.map((n) => fs.readFileSync(path.join(dir, n)));
const quiet = new VirtualConsole();

function run(buf) {
  // jsdom sniffs the charset from the bytes (BOM, <meta>) like a browser.
  const dom = new JSDOM(buf, { url: "https://example.invalid/", virtualConsole: quiet });
  return new Readability(dom.window.document).parse();
}

names.forEach((name, i) => {
  let out = { name };
  try {
    const r = run(pages[i]);
    if (r) {
      out.title = r.title || null;
      out.author = r.byline || null;
      out.date = r.publishedTime || null;
      out.outlet = r.siteName || null;
      out.text = r.textContent || "";
    } else {
      out.error = "no article found";
    }
  } catch (e) {
    out.error = String(e);
  }
  console.log(JSON.stringify(out));
});

const start = process.cpuUsage();
for (let r = 0; r < repeat; r++) {
  for (const buf of pages) {
    try {
      run(buf);
    } catch (e) {
      /* counted as done: the time was spent */
    }
  }
}
const used = process.cpuUsage(start);
console.log(JSON.stringify({ timing: { pages: pages.length * repeat, cpu_seconds: (used.user + used.system) / 1e6 } }));
