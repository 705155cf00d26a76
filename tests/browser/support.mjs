// What the browser test files share: where the repository, the crisis-site binary and
// Debian's chromium are, how chromium is started on this machine, how a site is built
// with the binary, and a static host serving a built folder.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, extname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const binary = process.env.CRISIS_SITE_BIN ?? join(repo, "target", "debug", "crisis-site");
const browserPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

// The example's fixed story is told by 2026-11-23 noon; the fixtures' tests build at
// 2023-06-08 noon (tests/support/mod.rs, NOW).
export const EXAMPLE_NOW = "2026-11-23T12:00:00+09:00";
export const FIXTURE_NOW = "2023-06-08T12:00:00+09:00";

// Headless, as root, and with no background connections: the machine's network is
// closed, and chromium's own calls home would only fail (many at a time).
export function launchBrowser() {
  return chromium.launch({
    executablePath: browserPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

// A fixture of tests/fixtures with the default theme, in a new temporary folder, as
// the Rust tests copy it.
export function fixtureSite(name) {
  const dir = mkdtempSync(join(tmpdir(), `crisis-site-${name}-`));
  cpSync(join(repo, "tests", "fixtures", name), dir, { recursive: true });
  cpSync(join(repo, "themes", "default"), join(dir, "themes", "default"), { recursive: true });
  return dir;
}

// Builds the site at `root` into `output` with the debug binary, for the address it is
// served at: with the site's own base_url the 404 pages' <base href> would point every
// link and the style sheet at that host. Returns the command's output on failure.
export function buildSite(root, output, now, base) {
  const built = spawnSync(binary, ["--root", root, "--now", now, "build", "--output", output, "--base-url", base], {
    encoding: "utf8",
  });
  return built.status === 0 ? null : `crisis-site build failed:\n${built.stdout}${built.stderr}`;
}

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
export function serveFolder(root) {
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

// Starts `server` on a free port of 127.0.0.1 and returns its address, ending in "/".
export async function listen(server) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${server.address().port}/`;
}

// Every .html file under `dir`, as paths relative to it, sorted.
export function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith(".html"))
    .sort();
}
