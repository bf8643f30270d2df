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
// Optional third argument: NAME<TAB>URL lines, the address jsdom is given.
const urls = new Map();
if (process.argv[4] && fs.existsSync(process.argv[4])) {
  for (const line of fs.readFileSync(process.argv[4], "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) urls.set(line.slice(0, tab), line.slice(tab + 1));
  }
}
const names = fs.readdirSync(dir).filter((n) => n.endsWith(".html")).sort();
const pages = names.map((n) => fs.readFileSync(path.join(dir, n)));
const quiet = new VirtualConsole();

function run(buf, name) {
  // jsdom sniffs the charset from the bytes (BOM, <meta>) like a browser.
  let url = urls.get(name) || "https://example.invalid/";
  try {
    new URL(url);
  } catch (e) {
    url = "https://example.invalid/";
  }
  const dom = new JSDOM(buf, { url, virtualConsole: quiet });
  try {
    return new Readability(dom.window.document).parse();
  } finally {
    // Without this every window stays alive: gigabytes after a few hundred pages.
    dom.window.close();
  }
}

names.forEach((name, i) => {
  let out = { name };
  try {
    const r = run(pages[i], name);
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
  for (const [i, buf] of pages.entries()) {
    try {
      run(buf, names[i]);
    } catch (e) {
      /* counted as done: the time was spent */
    }
  }
}
const used = process.cpuUsage(start);
console.log(JSON.stringify({ timing: { pages: pages.length * repeat, cpu_seconds: (used.user + used.system) / 1e6 } }));
