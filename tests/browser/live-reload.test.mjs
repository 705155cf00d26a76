// Real-browser test of the preview's live reload: headless Chromium opens a page of
// `crisis-site serve`, the test edits the announcement, and the open page shows the
// change by itself (the test never reloads it).
//
// Nothing here waits for time to pass: each edit is one change the preview rebuilds
// once, so the open page reloads once, and the waits below end on what the page
// shows. Their 30 s timeouts only fail a preview that never gets there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, renameSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { repo, binary, launchBrowser } from "./support.mjs";


function fixtureSite() {
  const dir = mkdtempSync(join(tmpdir(), "crisis-site-browser-"));
  // site.toml and content/: the preview takes the built-in theme.
  cpSync(join(repo, "tests", "fixtures", "basic"), dir, { recursive: true });
  return dir;
}

// Saves a file of the site as an atomic editor does: written beside the site's folders
// (the preview takes no file in the site's root but site.toml as an input), then
// renamed into place. The preview sees one change, with the file complete; written in
// place, it could see the file empty, or the save as two changes, and rebuild twice.
function save(root, path, text) {
  const temporary = join(root, ".saving");
  writeFileSync(temporary, text);
  renameSync(temporary, join(root, path));
}

function startPreview(root) {
  // In English, whatever the site's language, so the line below can be found.
  const args = ["--root", root, "--now", "2023-06-08T12:00:00+09:00", "--messages", "en", "serve", "--port", "0"];
  const child = spawn(binary, args, {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      const found = line.match(/serving the preview at (http:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { child, url };
}

test("an open preview page shows an edit without being reloaded by the test", async () => {
  const root = fixtureSite();
  const preview = startPreview(root);
  const browser = await launchBrowser();
  try {
    const base = await preview.url;
    const page = await browser.newPage();
    await page.goto(`${base}announcements/first/`);
    assert.equal(await page.textContent("article h1"), "システム障害のお知らせ（第1報）");

    save(
      root,
      "content/announcements/first.md",
      '+++\ntitle = "ブラウザで確認する更新"\ndate = 2023-06-05T10:00:00+09:00\nchannel = "pr"\nnumber = 1\n+++\n更新した本文。\n',
    );
    await page.waitForFunction(
      () => document.querySelector("article h1")?.textContent === "ブラウザで確認する更新",
      null,
      { timeout: 30000 },
    );
    assert.equal(await page.textContent("article .prose p"), "更新した本文。");

    save(root, "content/announcements/first.md", "no front matter\n");
    await page.waitForSelector("#crisis-site-problems", { timeout: 30000 });
    assert.equal(
      await page.textContent("#crisis-site-problems li"),
      "content/announcements/first.md:1: missing front matter; expected the file to start with a `+++` line, then title, date and channel, then a closing `+++` line",
    );
    assert.equal(await page.textContent("article h1"), "ブラウザで確認する更新");
  } finally {
    await browser.close();
    preview.child.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
