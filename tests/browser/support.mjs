// What both browser test files share: where the repository, the crisis-site binary
// and Debian's chromium are, and how chromium is started on this machine.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const binary = process.env.CRISIS_SITE_BIN ?? join(repo, "target", "debug", "crisis-site");
const browserPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

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
