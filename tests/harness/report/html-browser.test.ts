/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium`, driven by
 * playwright-core) opens the report of a run against the emulator with two bugs and checks what a
 * reader sees: the verdict; a problem that opens to its findings and replay command; a failing matrix
 * cell that leads to its problem; no console error. A screenshot goes to reports/html-report.png.
 *
 * Chromium is found at CHROMIUM_PATH or /usr/bin/chromium. Without it the file is skipped, unless
 * CONFORMANCE_REQUIRE_BROWSER=1 (set by .ci/run, which installs it) makes its absence a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRunConfig } from "../../../harness/config.js";
import { runConformance, type ConformanceRun } from "../../../harness/run/run-conformance.js";
import { createEmbeddedTarget } from "../../../harness/targets/index.js";
import { SELF_TEST_BUDGET } from "../../self-test/run-with-fault.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const required = process.env.CONFORMANCE_REQUIRE_BROWSER === "1";
const present = existsSync(CHROMIUM);
/** Where the screenshot goes: the project's reports/ folder (git-ignored), kept after the run. */
const SCREENSHOT = resolve("reports", "html-report.png");

/** The flags a closed network needs: no background connections, no first-run work (playwright gives a new empty profile). */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe.runIf(present || required)("the HTML report in headless Chromium", () => {
  let dir: string;
  let browser: Browser;
  let run: ConformanceRun;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!present) throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
    dir = mkdtempSync(join(tmpdir(), "html-browser-"));
    const config = resolveRunConfig({ ...SELF_TEST_BUDGET, services: ["inspector"], reportsDir: dir }, {});
    run = await runConformance(config, {}, () => undefined, { target: createEmbeddedTarget(config, { faults: ["read-only-as-string", "assumed-role-as-iam-user"] }) });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(pathToFileURL(join(dir, "conformance.html")).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the verdict and the number of distinct problems at the top", async () => {
    expect(run.report.verdict).toBe("fail");
    const h1 = page.locator("h1");
    await expect.poll(() => h1.isVisible()).toBe(true);
    expect(await h1.innerText()).toBe("2 distinct problems (conformance: FAIL)");
    expect(await h1.locator("span.fail").innerText()).toBe("FAIL");
    // Above the fold: the heading is within the first screen.
    const box = (await h1.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(900);
  });

  it("a problem opens to its findings, its sources and its replay command", async () => {
    const p1 = run.report.problems![0]!;
    const details = page.locator(`details[id="problem-${p1.id}"]`);
    const replay = details.locator("pre.replay");
    // A required problem starts open; closed, its content is hidden; a click on its summary opens it.
    expect(await details.getAttribute("open")).not.toBeNull();
    await details.locator("summary").click();
    expect(await replay.isVisible()).toBe(false);
    await details.locator("summary").click();
    expect(await replay.isVisible()).toBe(true);
    expect(await replay.innerText()).toBe(p1.counterexample!.replay);
    const row = details.locator("table.finding tr").filter({ hasText: p1.code }).first();
    expect(await row.isVisible()).toBe(true);
    expect(await row.innerText()).toContain(p1.path);
    const source = details.locator("p.see a.source").first();
    expect(await source.getAttribute("href")).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it("a failing matrix cell links to its problem", async () => {
    const p2 = run.report.problems![1]!;
    const link = page.locator(`td.cell.fail a[href="#problem-${p2.id}"]`).first();
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await expect.poll(() => page.evaluate("decodeURIComponent(location.hash)")).toBe(`#problem-${p2.id}`);
    const target = page.locator(`details[id="problem-${p2.id}"]`);
    expect(await target.evaluate((d) => d.matches(":target"))).toBe(true);
    // The problem is on screen, open, with its counterexample.
    expect(await target.getAttribute("open")).not.toBeNull();
    const box = (await target.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(-1);
    expect(box.y).toBeLessThan(viewport.height);
    expect(await target.locator("pre.replay").isVisible()).toBe(true);
  });

  it("logs no console error, and leaves a screenshot under reports/", async () => {
    await page.evaluate("window.scrollTo(0, 0)");
    mkdirSync(resolve("reports"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(errors).toEqual([]);
  });
});
