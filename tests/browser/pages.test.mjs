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
// Then every .html file of the example's build and of the fixtures' is opened at 320 and
// 375 px, and must fit them (below). Last, the Nu HTML Checker (vnu.jar, run with the machine's java, one JVM for all files)
// validates every .html file the build wrote.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  repo,
  launchBrowser,
  buildSite,
  fixtureSite,
  serveFolder,
  listen,
  htmlFiles,
  EXAMPLE_NOW,
  FIXTURE_NOW,
} from "./support.mjs";

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

let output;
let server;
let base;
let browser;

before(async () => {
  output = mkdtempSync(join(tmpdir(), "crisis-site-pages-"));
  server = serveFolder(join(output, "public"));
  base = await listen(server);
  const failed = buildSite(repo, join(output, "public"), EXAMPLE_NOW, base);
  assert.equal(failed, null, failed);
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

// Every .html file of the example site's build and of the fixtures' (both languages,
// the lists, every announcement, the 404, redirect and banner files), at a small and a
// common phone's width: the page must not scroll sideways, and no element may stick
// out of the viewport or hide part of itself behind a scroll bar or a clip (a table
// scrolling inside its box cuts it off as surely). A failure names the page and the
// outermost elements sticking out, with their right edge and the start of their text.
const PHONE_WIDTHS = [320, 375];
const SITES = [
  { name: "example", root: () => repo, now: EXAMPLE_NOW },
  { name: "fixture basic", root: () => fixtureSite("basic"), now: FIXTURE_NOW },
  { name: "fixture incident", root: () => fixtureSite("incident"), now: FIXTURE_NOW },
];
// A redirect page refreshes to its target at once; it is measured without its refresh.
const REFRESH = /<meta http-equiv="refresh"[^>]*>/;

// Runs in the page: how wide the document is, and what sticks out of the viewport.
function measureWidth() {
  const width = window.innerWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + [...el.classList].map((c) => `.${c}`).join("");
  const path = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body; e = e.parentElement) parts.unshift(name(e));
    return parts.join(" > ");
  };
  const sticksOut = (el) => el.getBoundingClientRect().right > width + 0.5;
  const offenders = [];
  let widest = 0;
  for (const el of document.body.querySelectorAll("*")) {
    const { right } = el.getBoundingClientRect();
    widest = Math.max(widest, right);
    const overflowX = getComputedStyle(el).overflowX;
    const hides = overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1;
    if ((sticksOut(el) && !sticksOut(el.parentElement)) || hides) {
      const text = el.textContent.replace(/\s+/g, " ").trim().slice(0, 60);
      const why = hides ? `hides ${el.scrollWidth - el.clientWidth} px (overflow-x: ${overflowX})` : `right edge ${Math.round(right)} px`;
      offenders.push(`${path(el)}: ${why}, "${text}"`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, widest, offenders };
}

for (const site of SITES) {
  test(`no page of the ${site.name} site scrolls sideways on a phone`, async (t) => {
    const root = site.root();
    const built = mkdtempSync(join(tmpdir(), "crisis-site-widths-"));
    const host = serveFolder(built);
    const context = {};
    try {
      const address = await listen(host);
      const failed = buildSite(root, built, site.now, address);
      assert.equal(failed, null, failed);
      const files = htmlFiles(built);
      assert.ok(files.length > 10, `only ${files.length} .html files in the build`);
      for (const width of PHONE_WIDTHS) {
        context[width] = await browser.newContext({ viewport: { width, height: 800 } });
        const page = await context[width].newPage();
        let widest = { scrollWidth: 0, right: 0, file: "" };
        for (const file of files) {
          await t.test(`/${file} at ${width} px`, async () => {
            const url = address + file;
            const html = readFileSync(join(built, file), "utf8");
            if (REFRESH.test(html)) {
              await page.route(url, (route) =>
                route.fulfill({ contentType: "text/html; charset=utf-8", body: html.replace(REFRESH, "") }),
              );
            }
            try {
              await page.goto(url, { waitUntil: "load" });
              const { scrollWidth, innerWidth, offenders, ...measured } = await page.evaluate(measureWidth);
              const right = Math.round(measured.widest);
              if (scrollWidth > widest.scrollWidth || (scrollWidth === widest.scrollWidth && right > widest.right)) {
                widest = { scrollWidth, right, file };
              }
              assert.ok(
                scrollWidth <= innerWidth && offenders.length === 0,
                `/${file} does not fit ${width} px: scrollWidth ${scrollWidth}, innerWidth ${innerWidth}; ` +
                  `sticking out:\n  ${offenders.slice(0, 8).join("\n  ")}`,
              );
            } finally {
              await page.unrouteAll();
            }
          });
        }
        t.diagnostic(
          `widest page at ${width} px: /${widest.file}, scrollWidth ${widest.scrollWidth}, rightmost element edge ${widest.right} px`,
        );
      }
    } finally {
      for (const c of Object.values(context)) await c.close();
      host.close();
      rmSync(built, { recursive: true, force: true });
      if (root !== repo) rmSync(root, { recursive: true, force: true });
    }
  });
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
  const files = htmlFiles(root).map((name) => join(root, name));
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
