// Full-page screenshots of pages of the example site, for a person to look at (not a
// test, and nothing here is committed): the debug binary builds the site into a
// temporary folder, the static host of support.mjs serves it, headless chromium
// opens each page at the width asked for.
//
//   node screenshot.mjs WIDTH PATH OUT.png [PATH OUT.png ...]
//   node screenshot.mjs 375 en/announcements/2026-10-16-investigation-progress-restoration/ /tmp/phone-announcement-en.png
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repo, launchBrowser, buildSite, serveFolder, listen, EXAMPLE_NOW } from "./support.mjs";

const [width, ...pairs] = process.argv.slice(2);
if (!(Number(width) > 0) || pairs.length === 0 || pairs.length % 2 !== 0) {
  console.error("usage: node screenshot.mjs WIDTH PATH OUT.png [PATH OUT.png ...]");
  process.exit(2);
}
const output = mkdtempSync(join(tmpdir(), "crisis-site-screenshots-"));
const server = serveFolder(output);
let browser;
try {
  const base = await listen(server);
  const failed = buildSite(repo, output, EXAMPLE_NOW, base);
  if (failed) throw new Error(failed);
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
  for (let i = 0; i < pairs.length; i += 2) {
    await page.goto(base + pairs[i].replace(/^\//, ""), { waitUntil: "load" });
    await page.screenshot({ path: pairs[i + 1], fullPage: true });
    console.log(`${pairs[i + 1]}: /${pairs[i].replace(/^\//, "")} at ${width} px`);
  }
} finally {
  await browser?.close();
  server.close();
  rmSync(output, { recursive: true, force: true });
}
