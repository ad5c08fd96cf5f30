/**
 * Browser tests: headless Debian Chromium (playwright-core) against the built
 * UI with the in-memory backend, in English and in German. Expectations come
 * from the fixture and from the backend's own view of the dossier, so they
 * hold for a newly generated fixture too. Only loopback is reached.
 */
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Document } from "../../src/lib/bindings";
import type { ViewEvent, DossierView } from "../../src/lib/backend/contract";
import fixture from "../../src/lib/backend/fixture.json";
import { version } from "../../package.json";

const documents = fixture as unknown as Document[];
const baseUrl = inject("baseUrl");

const sorted = (xs: string[]) => [...xs].sort();
const factual = (e: ViewEvent) => e.modality === "asserted" || e.modality === "reported";

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
type OpenOptions = { locale?: string; query?: string };

/** A fresh page on the app, ready; collects errors, CSP violations and requests. */
async function open({ locale = "en-GB", query = "" }: OpenOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
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
  await page.goto(baseUrl + query);
  await page.waitForSelector("#status[data-state='ready']");
  return { page, context, problems, requests };
}

async function withPage(fn: (s: Session) => Promise<void>, options?: OpenOptions) {
  const s = await open(options);
  try {
    await fn(s);
    expect(s.problems).toEqual([]);
  } finally {
    await s.context.close();
  }
}

const hook = {
  nodeIds: (p: Page) => p.evaluate(() => window.__lagebild!.nodeIds()),
  shownNodes: (p: Page) => p.evaluate(() => window.__lagebild!.shownNodeIds()),
  positions: (p: Page) => p.evaluate(() => window.__lagebild!.nodePositions()),
  timeline: (p: Page) => p.evaluate(() => window.__lagebild!.timelineItemIds()),
  undated: (p: Page) => p.evaluate(() => window.__lagebild!.undatedIds()),
  sentence: (p: Page) => p.evaluate(() => window.__lagebild!.selectedSentenceText()),
  highlighted: (p: Page) => p.evaluate(() => window.__lagebild!.highlightedNodeIds()),
  names: (p: Page) => p.evaluate(() => window.__lagebild!.documentNames()),
  dossier: (p: Page) => p.evaluate(() => window.__lagebild!.dossier()) as Promise<DossierView>,
  selected: (p: Page) => p.evaluate(() => window.__lagebild!.selectedEventId()),
};

async function setLanes(page: Page, mode: "none" | "actor" | "article") {
  await page.locator(`input[name=lanes][value=${mode}]`).check({ force: true });
}

/** The sentence a report points to, from the fixture's texts. */
function sentenceOf(view: DossierView, e: ViewEvent, report = 0): string {
  const ev = e.reports[report];
  const article = view.articles.findIndex((a) => a.id === ev.article);
  return documents[article].briefing.text.slice(...ev.sentence_span);
}

describe("the workbench", () => {
  it("gets ready on the sample dossier and lists its articles", async () => {
    await withPage(async ({ page }) => {
      expect(await page.textContent("#status")).toBe("ready");
      expect(await hook.names(page)).toEqual(documents.map((d) => d.name));
      expect(await page.$$eval("#article-select option", (os) => os.map((o) => o.textContent))).toEqual(documents.map((d) => d.name));
      expect(await page.textContent("#dossier-name")).toContain("Sample dossier");
      expect(await page.textContent("#article")).toBe(documents[0].briefing.text);
    });
  });

  it("draws every actor and every factual event, dated on the timeline and undated in the tray; unconfirmed ones on request", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      const actors = new Set(documents.flatMap((d) => d.briefing.actors.map((a) => a.id)));
      expect(sorted(await hook.nodeIds(page))).toEqual(sorted([...actors]));
      const facts = view.events.filter(factual);
      expect(sorted(await hook.timeline(page))).toEqual(sorted(facts.filter((e) => e.when).map((e) => e.id)));
      expect(await hook.undated(page)).toEqual(facts.filter((e) => !e.when).map((e) => e.id));
      expect(await page.$$eval("#undated [data-event]", (els) => els.map((el) => el.getAttribute("data-event")))).toEqual(
        facts.filter((e) => !e.when).map((e) => e.id),
      );

      await page.check("#show-unconfirmed");
      const unconfirmed = view.events.filter((e) => !factual(e));
      expect(unconfirmed.length).toBeGreaterThan(0);
      await expect.poll(() => hook.undated(page)).toEqual(view.events.filter((e) => !e.when).map((e) => e.id));
      for (const e of unconfirmed.filter((x) => !x.when)) {
        expect(await page.getAttribute(`#undated [data-event="${e.id}"]`, "class")).toContain("hypothetical");
      }
    });
  });

  it("links a clicked timeline item to its sentence, its actors and the details; a cluster opens on a click", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      await setLanes(page, "none");
      await page.click("#zoom-fit");
      // Zoomed out, crowded items form clusters; a click zooms in and selects the first event.
      const cluster = page.locator("#timeline .vis-cluster").first();
      if (await cluster.count()) {
        const before = await page.evaluate(() => window.__lagebild!.visibleWindow());
        await cluster.click();
        await expect.poll(() => hook.selected(page)).not.toBeNull();
        const after = await page.evaluate(() => window.__lagebild!.visibleWindow());
        expect(Date.parse(after!.end) - Date.parse(after!.start)).toBeLessThan(Date.parse(before!.end) - Date.parse(before!.start));
      }
      const label = page.locator("#timeline .vis-item:not(.vis-cluster) .item-label").first();
      const id = (await label.getAttribute("data-event"))!;
      await label.click();
      const e = view.events.find((x) => x.id === id)!;
      await expect.poll(() => hook.selected(page)).toBe(id);
      const sentences = e.reports.map((_, i) => sentenceOf(view, e, i));
      await expect.poll(() => hook.sentence(page).then((s) => sentences.includes(s ?? ""))).toBe(true);
      expect(sorted(await hook.highlighted(page))).toEqual(sorted([...new Set([...e.sources, ...e.targets])]));
      expect(await page.textContent("#event-details")).toContain(e.type);
    });
  });

  it("shows every report of an event told by two articles, each with its own sentence", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      const e = view.events.find((x) => x.reports.length > 1)!;
      await page.evaluate((id) => window.__lagebild!.selectEvent(id), e.id);
      expect(await page.locator("#event-details .report").count()).toBe(e.reports.length);
      for (const [i] of e.reports.entries()) {
        await page.locator("#event-details .report").nth(i).click();
        await expect.poll(() => hook.sentence(page)).toBe(sentenceOf(view, e, i));
        expect(await page.inputValue("#article-select")).toBe(e.reports[i].article);
      }
    });
  });

  it("filters the timeline by a clicked actor, lists an edge's events, and clears the filter", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      const facts = view.events.filter(factual);
      const involving = (id: string) => facts.filter((e) => e.sources.includes(id) || e.targets.includes(id));
      const actor = view.actors
        .filter((a) => involving(a.id).length > 0 && involving(a.id).length < facts.length)
        .sort((a, b) => involving(a.id).length - involving(b.id).length)[0];
      const pos = await page.evaluate((id) => window.__lagebild!.nodePosition(id), actor.id);
      await page.mouse.click(pos!.x, pos!.y);
      await expect.poll(() => hook.timeline(page).then(sorted)).toEqual(sorted(involving(actor.id).filter((e) => e.when).map((e) => e.id)));
      expect(await page.textContent("#actor-details")).toContain(actor.name);
      await page.mouse.click(pos!.x, pos!.y); // again: clears
      await expect.poll(() => hook.timeline(page).then(sorted)).toEqual(sorted(facts.filter((e) => e.when).map((e) => e.id)));
    });
  });

  it("imports two files in the background: the bad one shows its own error, the other is analysed", async () => {
    await withPage(async ({ page }) => {
      await page.setInputFiles("#import-files", [
        { name: "photo.bin", mimeType: "application/octet-stream", buffer: Buffer.from([0x89, 0, 1, 2]) },
        { name: "lage.txt", mimeType: "text/plain", buffer: Buffer.from("Nordkorea liefert Russland Granaten. Die NATO ist besorgt.") },
      ]);
      await page.waitForSelector("#import-summary");
      expect(await page.textContent("#import-summary")).toContain("1 imported, 1 failed");
      expect(await page.$$eval("#import-errors li", (lis) => lis.map((li) => [li.getAttribute("data-name"), li.getAttribute("data-code")]))).toEqual([["photo.bin", "binary"]]);
      await expect.poll(() => hook.names(page)).toEqual([...documents.map((d) => d.name), "lage.txt"]);
      // The new article is shown with the actors found in it.
      await expect.poll(() => page.textContent("#article")).toBe("Nordkorea liefert Russland Granaten. Die NATO ist besorgt.");
      expect(sorted(await page.$$eval("#article mark.actor", (ms) => [...new Set(ms.map((m) => m.getAttribute("data-actor") ?? ""))]))).toEqual(["nato", "north_korea", "russia"]);
      await page.click("#import-dismiss");
      expect(await page.locator("#import-bar").count()).toBe(0);
      // Undo takes the import back.
      await page.click("#undo-button");
      await expect.poll(() => hook.names(page)).toEqual(documents.map((d) => d.name));
    });
  });

  it("shows an import's progress and stops it on cancel; a dropped file is imported too", async () => {
    await withPage(
      async ({ page }) => {
        const files = Array.from({ length: 8 }, (_, i) => ({ name: `n${i}.txt`, mimeType: "text/plain", buffer: Buffer.from(`China ${i}. Japan.`) }));
        await page.setInputFiles("#import-files", files);
        await page.waitForSelector("#import-progress");
        await page.click("#import-cancel");
        await page.waitForSelector("#import-summary");
        const names = await hook.names(page);
        expect(names.length).toBeGreaterThan(documents.length);
        expect(names.length).toBeLessThan(documents.length + 8);
        expect(await page.textContent("#import-bar")).toMatch(/files? (was|were) not imported \(cancelled\)/);
        await page.click("#import-dismiss");

        await page.evaluate(() => {
          const data = new DataTransfer();
          data.items.add(new File(["Japan und China. Ende."], "dropped.txt", { type: "text/plain" }));
          window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
        });
        await expect.poll(() => hook.names(page).then((n) => n[n.length - 1])).toBe("dropped.txt");
      },
      { query: "?analysis-delay=150" },
    );
  });

  it("corrects an event's date in the editor, and undoes and redoes it with the keyboard", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      const e = view.events.find((x) => x.when && x.precision === "month" && factual(x))!;
      await page.evaluate((id) => window.__lagebild!.selectEvent(id), e.id);
      await page.click("#edit-event");
      await page.fill("#editor-date", "2024-13-01");
      await page.click("#editor-save");
      expect(await page.textContent("#editor-problem")).toContain("YYYY-MM-DD");
      await page.fill("#editor-date", `${e.when}-15`);
      await page.selectOption("#editor-modality", "reported");
      await page.click("#editor-save");
      await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
      const corrected = (await hook.dossier(page)).events.find((x) => x.id === e.id)!;
      expect([corrected.when, corrected.precision, corrected.modality, corrected.origin]).toEqual([`${e.when}-15`, "day", "reported", "corrected"]);
      expect(await page.textContent("#event-date")).toMatch(/^15 /);
      expect(await hook.timeline(page)).toContain(e.id);

      await page.locator("body").press("Control+z");
      await expect.poll(async () => (await hook.dossier(page)).events.find((x) => x.id === e.id)?.when).toBe(e.when);
      await page.locator("body").press("Control+Shift+Z");
      await expect.poll(async () => (await hook.dossier(page)).events.find((x) => x.id === e.id)?.when).toBe(`${e.when}-15`);

      await page.click("#audit-button");
      const actions = await page.$$eval("#audit-dialog tbody tr", (rows) => rows.map((r) => r.getAttribute("data-action")));
      expect(actions).toEqual(["redo", "undo", "edit_event"]);
      expect(await page.textContent("#audit-dialog tbody tr:last-child")).toContain(`${e.when}-15`);
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("dialog[open]").count()).toBe(0);
    });
  });

  it("hides an event, renames and merges actors, and adds an event from selected words", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      const e = view.events.find((x) => x.when && factual(x))!;
      await page.evaluate((id) => window.__lagebild!.selectEvent(id), e.id);
      await page.click("#hide-event");
      await expect.poll(() => hook.timeline(page)).not.toContain(e.id);
      await page.check("#show-hidden");
      await expect.poll(() => hook.timeline(page)).toContain(e.id);
      await page.uncheck("#show-hidden");

      await page.evaluate(() => window.__lagebild!.clickActor("kcna"));
      await page.click("#rename-actor");
      await page.fill("#actor-name", "KCNA news agency");
      await page.click("#actor-save");
      await expect.poll(async () => (await hook.dossier(page)).actors.find((a) => a.id === "kcna")?.name).toBe("KCNA news agency");

      await page.evaluate(() => window.__lagebild!.clickActor("north_korea"));
      await page.click("#merge-actor");
      await page.fill("#merge-actors input[type=search]", "People");
      await page.check('#merge-actors input[value="kpa"]');
      await page.click("#actor-save");
      await expect.poll(() => hook.nodeIds(page)).not.toContain("kpa");

      // Select words in the first article and add an event from them.
      await page.selectOption("#article-select", "a1");
      const text = documents[0].briefing.text;
      const word = "Bahnverbindung";
      await page.evaluate((w) => {
        const article = document.getElementById("article")!;
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent!.indexOf(w);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + w.length);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
          return;
        }
      }, word);
      await page.click("#add-event");
      expect(await page.textContent("#event-editor .trigger")).toContain(word);
      await page.fill("#editor-date", "2024-03");
      await page.selectOption("#editor-type", "AID");
      await page.click("#editor-save");
      await expect.poll(() => hook.selected(page)).toBe("a1:m1");
      const added = (await hook.dossier(page)).events.find((x) => x.id === "a1:m1")!;
      const at = text.indexOf(word);
      expect(added).toMatchObject({ origin: "manual", type: "AID", quad: "material_cooperation", when: "2024-03", trigger: word });
      expect(added.reports[0].trigger_span).toEqual([at, at + word.length]);
      expect((await hook.sentence(page))?.trim()).toBe(added.reports[0].sentence);
    });
  });

  it("filters the network by a brushed period without moving it, and clears the period", async () => {
    await withPage(async ({ page }) => {
      await setLanes(page, "none");
      const all = sorted(await hook.shownNodes(page));
      const before = await hook.positions(page);
      // Brush October 2024 with Shift+drag over the timeline.
      const box = (await page.locator("#timeline .vis-panel.vis-center").boundingBox())!;
      const windowNow = (await page.evaluate(() => window.__lagebild!.visibleWindow()))!;
      const [t0, t1] = [Date.parse(windowNow.start), Date.parse(windowNow.end)];
      const xAt = (iso: string) => box.x + ((Date.parse(iso) - t0) / (t1 - t0)) * box.width;
      const y = box.y + box.height / 2;
      await page.keyboard.down("Shift");
      await page.mouse.move(xAt("2024-10-03T00:00:00"), y);
      await page.mouse.down();
      await page.mouse.move(xAt("2024-10-20T00:00:00"), y, { steps: 5 });
      await page.mouse.move(xAt("2024-10-29T00:00:00"), y, { steps: 5 });
      await page.mouse.up();
      await page.keyboard.up("Shift");
      await expect.poll(() => page.inputValue("#period-from")).toMatch(/^2024-10-0[2-4]$/);
      expect(await page.inputValue("#period-to")).toMatch(/^2024-10-(2[89]|30)$/);

      const view = await hook.dossier(page);
      const from = await page.inputValue("#period-from");
      const to = await page.inputValue("#period-to");
      // A day in the period, or a month or year that overlaps it.
      const first = (when: string) => (when + "-01-01").slice(0, 10);
      const last = (when: string) => (when.length === 10 ? when : when.length === 7 ? `${when}-31` : `${when}-12-31`);
      const inPeriod = view.events.filter((e) => factual(e) && e.when && first(e.when) <= to && last(e.when) >= from);
      const expected = sorted([...new Set(inPeriod.flatMap((e) => [...e.sources, ...e.targets]))]);
      await expect.poll(() => hook.shownNodes(page).then(sorted)).toEqual(expected);
      expect(expected.length).toBeLessThan(all.length);
      expect(await hook.positions(page)).toEqual(before);

      await page.click("#period-clear");
      await expect.poll(() => hook.shownNodes(page).then(sorted)).toEqual(all);
      expect(await hook.positions(page)).toEqual(before);
      // The same by typing two days.
      await page.fill("#period-from", "2024-06-01");
      await page.fill("#period-to", "2024-06-30");
      await page.locator("#period-to").dispatchEvent("change");
      await expect.poll(() => hook.shownNodes(page)).toContain("kim_jong_un");
      expect((await hook.shownNodes(page)).length).toBeLessThan(all.length);
    });
  });

  it("explains an escalation point by its events, for the dossier and a chosen pair", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      await page.click("#tab-escalation");
      const point = view.escalation[0];
      await page.click(`#escalation-chart g.point[data-series="dossier"][data-period="${point.period}"]`);
      expect(await page.$$eval("#event-list [data-event]", (els) => els.map((el) => el.getAttribute("data-event")))).toEqual(point.events);
      await page.locator("#event-list [data-event]").first().click();
      await expect.poll(() => hook.selected(page)).toBe(point.events[0]);

      const pair = view.relations.filter((r) => r.escalation.length).sort((a, b) => b.events.length - a.events.length)[0];
      await page.selectOption("#escalation-pair", `${pair.source}|${pair.target}`);
      expect(await page.locator('#escalation-chart g.point[data-series="pair"]').count()).toBe(pair.escalation.length);
      await page.locator('#escalation-chart g.point[data-series="pair"]').first().focus();
      await page.keyboard.press("Enter");
      expect(await page.$$eval("#event-list [data-event]", (els) => els.map((el) => el.getAttribute("data-event")))).toEqual(pair.escalation[0].events);
    });
  });

  it("is driven by the keyboard: arrows step through events, Enter opens the sentence, Escape clears", async () => {
    await withPage(async ({ page }) => {
      const view = await hook.dossier(page);
      const facts = view.events.filter(factual);
      const order = [...facts.filter((e) => e.when), ...facts.filter((e) => !e.when)].map((e) => e.id);
      await page.focus("#timeline");
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => hook.selected(page)).toBe(order[0]);
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await hook.selected(page)).toBe(order[2]);
      await page.keyboard.press("ArrowLeft");
      expect(await hook.selected(page)).toBe(order[1]);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("sentence-selected"))).toBe(true);
      await page.keyboard.press("Escape");
      await expect.poll(() => hook.selected(page)).toBeNull();

      // Tab order starts in the toolbar; a menu opens and closes with the keyboard.
      await page.focus("#menu-dossier");
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("menu-new");
      await page.keyboard.press("Escape");
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("menu-dossier");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("menu-import");

      // The network: arrows step through actors, Enter filters by one.
      await page.focus("#network");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#actor-details").count()).toBe(1);
    });
  });

  it("exports the events as CSV and saves the dossier, which opens again from the recent list", async () => {
    await withPage(async ({ page }) => {
      await page.click("#export-button");
      await page.click("#export-csv");
      await expect.poll(() => page.textContent("#export-result")).toContain("dossier.csv");
      const csv = (await page.evaluate(() => window.__lagebild!.fileText("dossier.csv")))!;
      expect(csv.split("\r\n")[0]).toMatch(/^id,date,precision,/);
      await page.click("#figure-escalation");
      await expect.poll(() => page.evaluate(() => window.__lagebild!.fileText("dossier-escalation.svg"))).toContain("<svg");
      await page.check('input[name="figure-format"][value="png"]');
      await page.click("#figure-network");
      await expect.poll(() => page.evaluate(() => window.__lagebild!.fileText("dossier-network.png"))).toMatch(/^bytes:\d{4,}$/);
      await page.keyboard.press("Escape");

      await page.click("#menu-dossier");
      await page.click("#menu-save-as");
      await expect.poll(() => page.textContent("#dossier-name")).toContain("dossier.lagebild");
      await page.click("#menu-dossier");
      await page.click("#menu-new");
      await expect.poll(() => hook.names(page)).toEqual([]);
      await page.click("#menu-dossier");
      await page.click("#menu-recent-0");
      await expect.poll(() => hook.names(page)).toEqual(documents.map((d) => d.name));
    });
  });

  it("shows markup in an article as plain text and runs none of it", async () => {
    await withPage(async ({ page, requests }) => {
      const text =
        '<script>window.__pwned = 1</script> Breaking. <img src=x onerror="window.__pwned = 2"> ' +
        '<a href="javascript:window.__pwned = 3">click</a>. <style>body{display:none}</style> End.';
      await page.click("#menu-import");
      await page.click("#menu-paste");
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

  it("shows the version in the About dialog", async () => {
    await withPage(async ({ page }) => {
      await page.click("#about-button");
      await page.waitForSelector("#about-version", { state: "visible" });
      expect(await page.textContent("#about-version")).toBe(version);
    });
  });
});

describe("in both languages", () => {
  it("follows the system language and switches in the toolbar", async () => {
    await withPage(
      async ({ page }) => {
        expect(await page.evaluate(() => window.__lagebild!.locale())).toBe("de");
        expect(await page.getAttribute("html", "lang")).toBe("de");
        expect(await page.textContent("#status")).toBe("bereit");
        expect(await page.textContent("#tab-network")).toBe("Netzwerk");
        expect(await page.textContent("#dossier-name")).toContain("Beispieldossier");
        await page.selectOption("#language-select", "en");
        await expect.poll(() => page.textContent("#tab-network")).toBe("Network");
        expect(await page.textContent("#status")).toBe("ready");
        await page.selectOption("#language-select", "de");
        await expect.poll(() => page.textContent("#tab-escalation")).toBe("Eskalation");
      },
      { locale: "de-DE" },
    );
  });

  for (const locale of ["de-DE", "en-GB"]) {
    it(`shows an event's details and a rejected correction in ${locale}`, async () => {
      await withPage(
        async ({ page }) => {
          const de = locale.startsWith("de");
          const view = await hook.dossier(page);
          const e = view.events.find((x) => x.when === "2024-06-19" && x.type === "CONSULT")!;
          await page.evaluate((id) => window.__lagebild!.selectEvent(id), e.id);
          expect(await page.textContent("#event-date")).toBe(de ? "19. Juni 2024 (Tag)" : "19 June 2024 (day)");
          expect(await page.textContent("#event-details")).toContain(de ? "Verbale Kooperation" : "Verbal cooperation");
          await page.click("#edit-event");
          await page.fill("#editor-date", "Juni");
          await page.click("#editor-save");
          expect(await page.textContent("#editor-problem")).toContain(de ? "JJJJ-MM-TT" : "YYYY-MM-DD");
          await page.keyboard.press("Escape");
          await page.setInputFiles("#import-files", [{ name: "leer.txt", mimeType: "text/plain", buffer: Buffer.from("") }]);
          await page.waitForSelector("#import-errors");
          expect(await page.textContent("#import-errors")).toContain(de ? "Nichts zu analysieren." : "Nothing to analyse.");
        },
        { locale },
      );
    });
  }

  it("looks calm at 1280×800 (screenshots in both languages)", async () => {
    mkdirSync("test-results", { recursive: true });
    for (const [locale, file] of [
      ["en-GB", "ui.png"],
      ["de-DE", "ui-de.png"],
    ]) {
      await withPage(
        async ({ page }) => {
          const view = await hook.dossier(page);
          const e = view.events.find((x) => x.reports.length > 1 && x.when && x.sources.length + x.targets.length > 1) ?? view.events[0];
          await page.evaluate((id) => window.__lagebild!.selectEvent(id), e.id);
          await page.waitForTimeout(300);
          await page.screenshot({ path: `test-results/${file}` });
        },
        { locale },
      );
    }
  });
});
