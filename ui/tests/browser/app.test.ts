/**
 * Browser tests: headless Debian Chromium (playwright-core) against the built
 * UI with the in-memory backend. Expectations come from the fixture itself,
 * so they hold for the engine-generated fixture too. Only loopback is reached.
 */
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Document, Event } from "../../src/lib/bindings";
import fixture from "../../src/lib/backend/fixture.json";
import { version } from "../../package.json";

const dossier = fixture as unknown as Document[];
const baseUrl = inject("baseUrl");

const sorted = (xs: string[]) => [...xs].sort();
const actorsOf = (e: Event) => sorted([...new Set([...e.sources, ...e.targets])]);
const sentenceOf = (d: Document, e: Event) => d.briefing.text.slice(e.sentence_span[0], e.sentence_span[1]);

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

type Session = { page: Page; context: BrowserContext; problems: string[]; requests: string[] };

/** A fresh page on the app, ready; collects errors, CSP violations and requests. */
async function open(): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  const requests: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    requests.push(url.pathname);
    if (url.hostname === "127.0.0.1") return route.continue();
    problems.push(`off-host request: ${url.href}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    problems.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(baseUrl);
  await page.waitForSelector("#status[data-state='ready']");
  return { page, context, problems, requests };
}

async function withPage(fn: (s: Session) => Promise<void>) {
  const s = await open();
  try {
    await fn(s);
    expect(s.problems).toEqual([]);
  } finally {
    await s.context.close();
  }
}

const hook = {
  nodeIds: (p: Page) => p.evaluate(() => window.__lagebild!.nodeIds()),
  timeline: (p: Page) => p.evaluate(() => window.__lagebild!.timelineItemIds()),
  undated: (p: Page) => p.evaluate(() => window.__lagebild!.undatedIds()),
  sentence: (p: Page) => p.evaluate(() => window.__lagebild!.selectedSentenceText()),
  highlighted: (p: Page) => p.evaluate(() => window.__lagebild!.highlightedNodeIds()),
  names: (p: Page) => p.evaluate(() => window.__lagebild!.documentNames()),
};

async function showDocument(page: Page, index: number) {
  await page.selectOption("#document-select", String(index));
  await expect.poll(() => hook.nodeIds(page).then(sorted)).toEqual(sorted(dossier[index].briefing.actors.map((a) => a.id)));
}

describe("Lagebild in the browser", () => {
  it("gets ready and lists the dossier", async () => {
    await withPage(async ({ page }) => {
      expect(await page.textContent("#status")).toBe("ready");
      expect(await hook.names(page)).toEqual(dossier.map((d) => d.name));
      expect(await page.$$eval("#document-select option", (os) => os.map((o) => o.textContent))).toEqual(dossier.map((d) => d.name));
    });
  });

  it("draws every actor, every dated event and every undated one, for every document", async () => {
    await withPage(async ({ page }) => {
      for (const [i, doc] of dossier.entries()) {
        await showDocument(page, i);
        const events = doc.briefing.events;
        const dated = events.filter((e) => e.when !== null);
        expect(sorted(await hook.nodeIds(page))).toEqual(sorted(doc.briefing.actors.map((a) => a.id)));
        expect(sorted(await hook.timeline(page))).toEqual(sorted(dated.map((e) => e.id)));
        expect(await hook.undated(page)).toEqual(events.filter((e) => e.when === null).map((e) => e.id));
        // The drawn items: boxes for days, ranges for coarser dates.
        const drawn = await page.$$eval("#timeline [data-event]", (els) =>
          els.map((el) => ({ id: el.getAttribute("data-event"), range: !!el.closest(".vis-range"), box: !!el.closest(".vis-box") })),
        );
        expect(sorted(drawn.map((d) => d.id ?? ""))).toEqual(sorted(dated.map((e) => e.id)));
        for (const e of dated) {
          const item = drawn.find((d) => d.id === e.id);
          expect(item, e.id).toMatchObject(e.precision === "day" ? { box: true } : { range: true });
        }
        expect(await page.$$eval("#undated [data-event]", (els) => els.map((el) => el.getAttribute("data-event")))).toEqual(
          events.filter((e) => e.when === null).map((e) => e.id),
        );
        // The article is the briefing text, verbatim, with every mention marked.
        expect(await page.textContent("#article")).toBe(doc.briefing.text);
        const mentions = doc.briefing.actors.reduce((n, a) => n + a.mentions.length, 0);
        expect(await page.locator("#article mark.actor").count()).toBeGreaterThanOrEqual(mentions);
      }
    });
  });

  it("links a clicked timeline item to its sentence, its actors and the details", async () => {
    await withPage(async ({ page }) => {
      const doc = dossier[0];
      const e = doc.briefing.events.find((x) => x.when !== null && x.precision === "day") ?? doc.briefing.events.find((x) => x.when !== null)!;
      await page.click(`#timeline [data-event="${e.id}"]`);
      await expect.poll(() => hook.sentence(page)).toBe(sentenceOf(doc, e));
      expect(sorted(await hook.highlighted(page))).toEqual(actorsOf(e));
      expect(await page.textContent("#event-details")).toContain(e.type);
      // The sentence is scrolled into the article's view.
      const inView = await page.$eval("#article .sentence-selected", (el) => {
        const s = el.getBoundingClientRect();
        const a = document.getElementById("article")!.getBoundingClientRect();
        return s.top >= a.top - 1 && s.top < a.bottom;
      });
      expect(inView).toBe(true);
    });
  });

  it("links an undated tray entry, and the test hook, to the sentence", async () => {
    await withPage(async ({ page }) => {
      const i = dossier.findIndex((d) => d.briefing.events.some((e) => e.when === null));
      const doc = dossier[i];
      await showDocument(page, i);
      const e = doc.briefing.events.find((x) => x.when === null)!;
      await page.click(`#undated [data-event="${e.id}"]`);
      await expect.poll(() => hook.sentence(page)).toBe(sentenceOf(doc, e));
      expect(sorted(await hook.highlighted(page))).toEqual(actorsOf(e));
      for (const other of doc.briefing.events) {
        await page.evaluate((id) => window.__lagebild!.selectEvent(id), other.id);
        expect(await hook.sentence(page)).toBe(sentenceOf(doc, other));
      }
    });
  });

  it("filters the timeline and tray by a clicked actor, and clears the filter", async () => {
    await withPage(async ({ page }) => {
      const doc = dossier[0];
      const events = doc.briefing.events;
      const involving = (id: string) => events.filter((e) => e.sources.includes(id) || e.targets.includes(id));
      // The actor with the fewest events, but at least one: the filter must narrow.
      const actor = doc.briefing.actors
        .filter((a) => involving(a.id).length > 0 && involving(a.id).length < events.length)
        .sort((a, b) => involving(a.id).length - involving(b.id).length)[0];
      const all = sorted(events.filter((e) => e.when).map((e) => e.id));
      const mine = involving(actor.id);

      const pos = await page.evaluate((id) => window.__lagebild!.nodePosition(id), actor.id);
      await page.mouse.click(pos!.x, pos!.y);
      await expect.poll(() => hook.timeline(page).then(sorted)).toEqual(sorted(mine.filter((e) => e.when).map((e) => e.id)));
      expect(await hook.undated(page)).toEqual(mine.filter((e) => !e.when).map((e) => e.id));

      await page.mouse.click(pos!.x, pos!.y); // again: clears
      await expect.poll(() => hook.timeline(page).then(sorted)).toEqual(all);

      await page.evaluate((id) => window.__lagebild!.clickActor(id), actor.id);
      expect(sorted(await hook.timeline(page))).toEqual(sorted(mine.filter((e) => e.when).map((e) => e.id)));
      const box = (await page.locator("#network").boundingBox())!;
      await page.mouse.click(box.x + 4, box.y + 4); // background: clears
      await expect.poll(() => hook.timeline(page).then(sorted)).toEqual(all);
    });
  });

  it("adds a pasted text as a new document", async () => {
    await withPage(async ({ page }) => {
      const text = "The council met on Monday. It agreed on nothing. Talks go on.";
      await page.click("#paste-button");
      await page.fill("#paste-text", text);
      await page.click("#paste-analyse");
      await expect.poll(() => hook.names(page).then((n) => n.length)).toBe(dossier.length + 1);
      expect(await page.inputValue("#document-select")).toBe(String(dossier.length));
      expect(await page.textContent("#article")).toBe(text);
      expect(await page.locator("#article .sentence").count()).toBe(3);
      expect(await hook.nodeIds(page)).toEqual([]);
      expect(await hook.timeline(page)).toEqual([]);
      expect(await page.locator("dialog[open]").count()).toBe(0);
    });
  });

  it("shows markup in an article as plain text and runs none of it", async () => {
    await withPage(async ({ page, requests }) => {
      const text =
        '<script>window.__pwned = 1</script> Breaking. <img src=x onerror="window.__pwned = 2"> ' +
        '<a href="javascript:window.__pwned = 3">click</a>. <style>body{display:none}</style> End.';
      await page.click("#paste-button");
      await page.fill("#paste-text", text);
      await page.click("#paste-analyse");
      await expect.poll(() => page.textContent("#article")).toBe(text);
      expect(await page.locator("#article script, #article img, #article a, #article style").count()).toBe(0);
      await page.locator("#article").getByText("click", { exact: false }).first().click();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(requests.filter((p) => p.endsWith("/x"))).toEqual([]);
      expect(await page.isVisible("#timeline")).toBe(true);
    });
  });

  it("shows an error banner for a file the backend rejects, and keeps working", async () => {
    await withPage(async ({ page }) => {
      await page.setInputFiles("#open-file", { name: "photo.bin", mimeType: "application/octet-stream", buffer: Buffer.from([0x89, 0, 1, 2]) });
      await page.waitForSelector("#error-banner");
      expect(await page.textContent("#error-banner")).toContain("photo.bin");
      expect(await hook.names(page)).toEqual(dossier.map((d) => d.name));
      await page.setInputFiles("#open-file", { name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("Eine Notiz. Zwei Sätze.") });
      await expect.poll(() => hook.names(page)).toEqual([...dossier.map((d) => d.name), "note.txt"]);
      expect(await page.locator("#error-banner").count()).toBe(0);
      expect(await page.textContent("#article")).toBe("Eine Notiz. Zwei Sätze.");
    });
  });

  it("shows the version in the About dialog", async () => {
    await withPage(async ({ page }) => {
      await page.click("#about-button");
      await page.waitForSelector("#about-version", { state: "visible" });
      expect(await page.textContent("#about-version")).toBe(version);
    });
  });

  it("looks calm at 1280×800 (screenshot)", async () => {
    await withPage(async ({ page }) => {
      const doc = dossier[0];
      const e = doc.briefing.events.find((x) => x.when && x.precision === "day" && x.sources.length + x.targets.length > 1) ?? doc.briefing.events[0];
      await page.evaluate((id) => window.__lagebild!.selectEvent(id), e.id);
      await page.waitForTimeout(300);
      mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: "test-results/ui.png" });
    });
  });
});
