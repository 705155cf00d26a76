// Real-browser checks of the published example site (the repository root), as a reader's
// browser gets it: the debug binary builds the site into a temporary folder, a small
// static HTTP server on 127.0.0.1 serves that folder as a static host would (no preview
// script: `crisis-site serve` adds one, so it is not used here), and headless Chromium
// opens every kind of page in both languages, at a phone's and a desktop's width. For
// each it checks:
//   - axe-core finds no WCAG 2.0/2.1 A or AA violation;
//   - nothing scrolls sideways (scrollWidth <= innerWidth), and a full-page screenshot
//     lands in target/screenshots/LANG-NAME-WIDTH.png for a reviewer to look at;
//   - the page requests nothing from another origin and no script, and has no <script>.
// Then the Nu HTML Checker (vnu.jar, run with the machine's java, one JVM for all files)
// validates every .html file the build wrote.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { repo, binary, launchBrowser } from "./support.mjs";

const require = createRequire(import.meta.url);
const screenshots = join(repo, "target", "screenshots");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
// The package exports the path of its vnu.jar (a String object).
const vnuJar = String(require("vnu-jar"));

// Every kind of page, by the path under the language's root ("" in Japanese, "en/").
const PAGES = [
  ["home", ""],
  ["announcements", "announcements/"],
  ["announcements-ir", "announcements/ir/"],
  ["announcements-pr", "announcements/pr/"],
  // IR only.
  ["announcement-ir", "announcements/2026-10-09-extraordinary-loss-forecast-revision/"],
  // PR, corrected by a later announcement (the notice of the correction).
  ["announcement-pr", "announcements/2026-09-17-customer-reporting-obligations/"],
  // The correction itself, with a [[revisions]] table.
  ["announcement-correction", "announcements/2026-09-25-correction-reporting-obligations/"],
  // IR and PR, a key report, with an attachment (the PDF beside it).
  ["announcement-attachment", "announcements/2026-10-30-forensic-investigation-results/"],
  ["services", "services/"],
  ["measures", "measures/"],
  ["timeline", "timeline/"],
  ["page-faq", "faq/"],
  ["page-what-to-do", "what-to-do/"],
  // A missing address: the host answers with 404.html.
  ["404", "no-such-page/"],
];
const LANGS = [
  ["ja", ""],
  ["en", "en/"],
];
const WIDTHS = [375, 1280];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".json": "application/json",
  ".pdf": "application/pdf",
  ".txt": "text/plain; charset=utf-8",
};

// A static host: a folder's address serves its index.html, a missing file 404.html (or
// LANG/404.html under a language folder), as the README asks of a host.
function serveFolder(root) {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://host").pathname);
    let file = join(root, path);
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(400).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      const lang = path.match(/^\/(en)\//);
      const body = readFileSync(join(root, lang ? lang[1] : "", "404.html"));
      response.writeHead(404, { "content-type": TYPES[".html"] }).end(body);
    }
  });
}

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(".html"))
    .map((name) => join(dir, name))
    .sort();
}

let output;
let server;
let base;
let browser;

before(async () => {
  output = mkdtempSync(join(tmpdir(), "crisis-site-pages-"));
  server = serveFolder(join(output, "public"));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
  // Built for the address it is served at: with the example's own base_url the 404
  // pages' <base href> would point every link and the style sheet at that host.
  const built = spawnSync(
    binary,
    ["--root", repo, "--now", "2026-11-23T12:00:00+09:00", "build", "--output", join(output, "public"), "--base-url", base],
    { encoding: "utf8" },
  );
  assert.equal(built.status, 0, `crisis-site build failed:\n${built.stdout}${built.stderr}`);
  mkdirSync(screenshots, { recursive: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (output) rmSync(output, { recursive: true, force: true });
});

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    ${n.target.join(" ")}\n      ${n.html}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`)
        .join("\n");
      return `  ${v.id} (${v.impact}): ${v.help}\n${nodes}`;
    })
    .join("\n");
}

for (const [lang, prefix] of LANGS) {
  for (const [name, path] of PAGES) {
    test(`${lang} ${name} (/${prefix}${path})`, async (t) => {
      for (const width of WIDTHS) {
        await t.test(`${width} px`, async () => {
          const context = await browser.newContext({ viewport: { width, height: 800 } });
          const page = await context.newPage();
          const requests = [];
          page.on("request", (request) => requests.push(request));
          try {
            const response = await page.goto(`${base}${prefix}${path}`, { waitUntil: "load" });
            assert.equal(response.status(), name === "404" ? 404 : 200);

            // Nothing from elsewhere, no script at all.
            const origin = new URL(base).origin;
            const foreign = requests.filter((r) => new URL(r.url()).origin !== origin).map((r) => r.url());
            assert.deepEqual(foreign, [], "requests to another origin");
            const scripts = requests.filter((r) => r.resourceType() === "script").map((r) => r.url());
            assert.deepEqual(scripts, [], "script requests");
            assert.equal(await page.locator("script").count(), 0, "a <script> element in the DOM");
            assert.ok(
              requests.some((r) => r.resourceType() === "stylesheet"),
              "the page loads its style sheet",
            );

            // No sideways scrolling.
            const { scrollWidth, innerWidth } = await page.evaluate(() => ({
              scrollWidth: document.documentElement.scrollWidth,
              innerWidth: window.innerWidth,
            }));
            const shot = join(screenshots, `${lang}-${name}-${width}.png`);
            await page.screenshot({ path: shot, fullPage: true });
            assert.ok(
              scrollWidth <= innerWidth,
              `the page scrolls sideways at ${width} px: scrollWidth ${scrollWidth} > ${innerWidth} (see ${relative(repo, shot)})`,
            );

            // WCAG 2.0 and 2.1, levels A and AA.
            await page.evaluate(axeSource);
            const results = await page.evaluate(() =>
              // eslint-disable-next-line no-undef
              axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
            );
            assert.ok(results.passes.length > 0, "axe-core ran no check");
            assert.equal(
              results.violations.length,
              0,
              `axe-core found violations at ${width} px:\n${describeViolations(results.violations)}`,
            );
          } finally {
            await context.close();
          }
        });
      }
    });
  }
}

// Every .html file of the build: pages of both languages, the 404 pages, the redirect
// pages and the banners.
//
// banner.html is a fragment for other sites to include (or frame), so it is no document:
// vnu would report the missing doctype and <title> of a document it was never meant to
// be. It is validated wrapped in a minimal document instead, the way it lands on a
// host's page: its first line, <meta charset="utf-8"> (there for framing), goes into the
// wrapper's <head>, and the rest into <body>. The wrapper is written on that same first
// line, so vnu's line numbers are the banner's own.
test("the Nu HTML Checker finds no error in any generated .html file", () => {
  const root = join(output, "public");
  const files = htmlFiles(root);
  assert.ok(files.length > 40, `only ${files.length} .html files in the build`);
  const wrapped = join(output, "wrapped");
  mkdirSync(wrapped, { recursive: true });
  const names = new Map();
  const checked = files.map((file) => {
    const name = relative(root, file);
    if (!name.endsWith("banner.html")) {
      names.set(file, name);
      return file;
    }
    const fragment = readFileSync(file, "utf8");
    const first = '<meta charset="utf-8">\n';
    assert.ok(fragment.startsWith(first), `${name} does not start with ${first}`);
    const lang = name.includes("/") ? name.split("/")[0] : "ja";
    const doc =
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>banner</title></head><body>\n` +
      `${fragment.slice(first.length)}</body></html>\n`;
    const target = join(wrapped, name.replaceAll("/", "-"));
    writeFileSync(target, doc);
    names.set(target, `${name} (wrapped in a minimal document)`);
    return target;
  });
  const run = spawnSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...checked], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, `could not run java: ${run.error}`);
  // vnu writes its JSON report to stderr.
  let report;
  try {
    report = JSON.parse(run.stderr);
  } catch {
    assert.fail(`vnu gave no JSON report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  const errors = report.messages.filter((m) => m.type === "error" || m.subType === "fatal");
  const listed = errors
    .map((m) => {
      const file = fileURLToPath(m.url);
      return `  ${names.get(file) ?? file}:${m.lastLine ?? "?"}: ${m.message}\n    ${(m.extract ?? "").replace(/\n/g, " ")}`;
    })
    .join("\n");
  assert.equal(errors.length, 0, `vnu found ${errors.length} errors in ${checked.length} files:\n${listed}`);
});
