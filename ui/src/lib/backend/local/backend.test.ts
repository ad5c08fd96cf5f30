import { beforeEach, describe, expect, it } from "vitest";
import type { Document } from "../../bindings";
import type { DossierView, ExportScope } from "../contract";
import { createMemoryBackend } from "../memory";
import type { LocalBackend } from "./backend";
import fixture from "../fixture.json";

const documents = fixture as unknown as Document[];
const all: ExportScope = { period: null, include_unconfirmed: false };

/** A clock that ticks one minute per reading, from a fixed start. */
function clock() {
  let t = Date.UTC(2024, 10, 22, 9, 0, 0);
  return () => new Date((t += 60_000));
}

const event = (view: DossierView, pred: (e: DossierView["events"][number]) => boolean) => {
  const found = view.events.find(pred);
  if (!found) throw new Error("no such event in the view");
  return found;
};
const meeting = (view: DossierView) => event(view, (e) => e.type === "CONSULT" && e.when === "2024-06-19");

let b: LocalBackend;
let start: DossierView;

beforeEach(async () => {
  b = createMemoryBackend({ clock: clock() });
  start = await b.dossier();
});

describe("the dossier kept in memory", () => {
  it("starts as the sample dossier: every fixture article, nothing to undo", () => {
    expect(start.file).toEqual({ path: null, name: null, sample: true });
    expect(start.articles.map((a) => a.name)).toEqual(documents.map((d) => d.name));
    expect(start.articles.map((a) => a.id)).toEqual(["a1", "a2"]);
    expect(start.history).toEqual({ undo: null, redo: null });
    expect(start.relations.length).toBeGreaterThan(0);
    expect(start.escalation.length).toBeGreaterThan(0);
  });

  it("edits an event's date, logs before and after, and undoes and redoes it", async () => {
    const e = event(start, (x) => x.when === "2024-09" && x.type === "MOBILIZE");
    const edited = await b.correct({ op: "edit_event", event: e.id, patch: { when: "2024-09-12" } });
    const after = edited.events.find((x) => x.id === e.id)!;
    expect([after.when, after.precision, after.origin]).toEqual(["2024-09-12", "day", "corrected"]);
    expect(edited.revision).toBeGreaterThan(start.revision);
    expect(edited.history.undo).toEqual({ action: "edit_event", subject: `“${e.trigger}” (${e.id})` });

    const log = await b.auditLog();
    expect(log).toHaveLength(1);
    // The clock's first minute went to loading the sample.
    expect(log[0]).toMatchObject({ seq: 1, at: "2024-11-22T09:02:00Z", action: "edit_event" });
    expect(log[0].before).toMatchObject({ events: [{ id: e.id, when: "2024-09" }] });
    expect(log[0].after).toMatchObject({ events: [{ id: e.id, when: "2024-09-12" }] });

    const undone = await b.undo();
    expect(undone.events.find((x) => x.id === e.id)).toMatchObject({ when: "2024-09", precision: "month", origin: "machine" });
    expect(undone.history).toEqual({ undo: null, redo: { action: "edit_event", subject: `“${e.trigger}” (${e.id})` } });
    const redone = await b.redo();
    expect(redone.events.find((x) => x.id === e.id)?.when).toBe("2024-09-12");
    expect((await b.auditLog()).map((x) => x.action)).toEqual(["edit_event", "undo", "redo"]);

    // A new correction after an undo clears what could be redone.
    await b.undo();
    await b.correct({ op: "hide_event", event: e.id, hidden: true });
    await expect(b.redo()).rejects.toMatchObject({ code: "nothing_to_redo" });
  });

  it("changes type, quad, actors and modality, and the relations follow", async () => {
    const e = meeting(start);
    const view = await b.correct({ op: "edit_event", event: e.id, patch: { type: "THREATEN", sources: ["kim_jong_un"], targets: ["vladimir_putin"], modality: "reported" } });
    const after = view.events.find((x) => x.id === e.id)!;
    expect([after.type, after.quad, after.intensity, after.modality]).toEqual(["THREATEN", "verbal_conflict", -6, "reported"]);
    expect(view.relations.find((r) => r.source === "kim_jong_un" && r.target === "vladimir_putin")?.events).toContain(e.id);
    const quadOnly = await b.correct({ op: "edit_event", event: e.id, patch: { quad: "material_conflict" } });
    expect(quadOnly.events.find((x) => x.id === e.id)?.quad).toBe("material_conflict");
  });

  it("refuses a bad correction and changes nothing", async () => {
    const e = meeting(start);
    await expect(b.correct({ op: "edit_event", event: e.id, patch: { when: "2024-13" } })).rejects.toMatchObject({ code: "bad_date" });
    await expect(b.correct({ op: "edit_event", event: e.id, patch: { when: "2024-06", precision: "day" } })).rejects.toMatchObject({ code: "invalid" });
    await expect(b.correct({ op: "edit_event", event: e.id, patch: { sources: ["atlantis"] } })).rejects.toMatchObject({ code: "not_found" });
    await expect(b.correct({ op: "edit_event", event: e.id, patch: { sources: [] } })).rejects.toMatchObject({ code: "invalid" });
    await expect(b.correct({ op: "edit_event", event: e.id, patch: {} })).rejects.toMatchObject({ code: "invalid" });
    await expect(b.correct({ op: "edit_event", event: "a9:e9", patch: { when: null } })).rejects.toMatchObject({ code: "not_found" });
    await expect(b.correct({ op: "rename_actor", actor: "russia", name: "   " })).rejects.toMatchObject({ code: "invalid" });
    await expect(b.correct({ op: "merge_actors", into: "russia", from: "russia" })).rejects.toMatchObject({ code: "invalid" });
    await expect(b.correct({ op: "merge_actors", into: "russia", from: "atlantis" })).rejects.toMatchObject({ code: "not_found" });
    await expect(b.undo()).rejects.toMatchObject({ code: "nothing_to_undo" });
    expect(await b.auditLog()).toEqual([]);
    expect((await b.dossier()).revision).toBe(start.revision);
  });

  it("hides an event as noise: kept in the view, left out of relations and escalation", async () => {
    const e = meeting(start);
    const view = await b.correct({ op: "hide_event", event: e.id, hidden: true });
    expect(view.events.find((x) => x.id === e.id)?.hidden).toBe(true);
    expect(view.relations.some((r) => r.events.includes(e.id))).toBe(false);
    expect(view.escalation.some((p) => p.events.includes(e.id))).toBe(false);
    const back = await b.correct({ op: "hide_event", event: e.id, hidden: false });
    expect(back.relations.some((r) => r.events.includes(e.id))).toBe(true);
  });

  it("adds an event by hand from a sentence, with that sentence as its evidence", async () => {
    const text = documents[0].briefing.text;
    const sentence = documents[0].briefing.sentences.find(([s, e]) => text.slice(s, e).includes("Hafen Rajin"))!;
    const at = text.indexOf("laufen", sentence[0]);
    const view = await b.correct({
      op: "add_event",
      event: {
        article: "a1",
        sentence_span: sentence,
        trigger_span: [at, at + "laufen".length],
        when: "2024-03",
        precision: "month",
        when_modifier: null,
        sources: ["north_korea"],
        targets: ["russia"],
        mutual: false,
        type: "AID",
        quad: null,
        modality: "asserted",
      },
    });
    const added = view.events.find((e) => e.id === "a1:m1")!;
    expect(added).toMatchObject({ origin: "manual", trigger: "laufen", quad: "material_cooperation", intensity: 7, when: "2024-03" });
    expect(added.reports[0].sentence).toBe(text.slice(...sentence).trim());
    expect(view.escalation.find((p) => p.period === "2024-03")?.events).toEqual(["a1:m1"]);
    await expect(
      b.correct({ op: "add_event", event: { article: "a1", sentence_span: [0, text.length + 5], trigger_span: [0, 3], when: null, precision: null, when_modifier: null, sources: ["russia"], targets: [], mutual: false, type: "AID", quad: null, modality: "asserted" } }),
    ).rejects.toMatchObject({ code: "invalid" });
  });

  it("renames an actor, in the view and in the article's marks", async () => {
    const view = await b.correct({ op: "rename_actor", actor: "kcna", name: "KCNA (state news agency)" });
    expect(view.actors.find((a) => a.id === "kcna")).toMatchObject({ name: "KCNA (state news agency)", origin: "corrected" });
    const article = await b.article("a1");
    expect(article.briefing.actors.find((a) => a.id === "kcna")?.name).toBe("KCNA (state news agency)");
  });

  it("merges actors: events, mentions and names move to the one kept", async () => {
    const kpaEvents = start.events.filter((e) => e.sources.includes("kpa") || e.targets.includes("kpa")).map((e) => e.id);
    expect(kpaEvents.length).toBeGreaterThan(0);
    const view = await b.correct({ op: "merge_actors", into: "north_korea", from: "kpa" });
    expect(view.actors.some((a) => a.id === "kpa")).toBe(false);
    const nk = view.actors.find((a) => a.id === "north_korea")!;
    expect(nk.aliases).toEqual(expect.arrayContaining(["Korean People's Army", "North Korean troops"]));
    expect(nk.mentions).toBe(start.actors.find((a) => a.id === "north_korea")!.mentions + start.actors.find((a) => a.id === "kpa")!.mentions);
    for (const id of kpaEvents) {
      const e = view.events.find((x) => x.id === id || x.reports.some((r) => `${r.article}:${r.event}` === id))!;
      expect([...e.sources, ...e.targets]).toContain("north_korea");
    }
    const article = await b.article("a2");
    expect(article.briefing.actors.some((a) => a.id === "kpa")).toBe(false);
    const troops = article.briefing.text.indexOf("North Korean troops");
    expect(article.briefing.actors.find((a) => a.mentions.some(([s]) => s === troops))?.id).toBe("north_korea");
  });

  it("splits an actor: chosen mentions in one article move to a new actor, with the events of their sentences", async () => {
    const text = documents[0].briefing.text;
    const kim = documents[0].briefing.actors.find((a) => a.id === "kim_jong_un")!;
    const second = kim.mentions[1];
    const inIt = documents[0].briefing.events.filter((e) => e.sentence_span[0] <= second[0] && second[1] <= e.sentence_span[1] && [...e.sources, ...e.targets].includes("kim_jong_un"));
    expect(inIt.length).toBeGreaterThan(0);
    const view = await b.correct({ op: "split_actor", article: "a1", actor: "kim_jong_un", mentions: [second], name: "Kim Yo-jong", kind: "person" });
    const kyj = view.actors.find((a) => a.name === "Kim Yo-jong")!;
    expect(kyj).toMatchObject({ id: "kim_yo_jong", kind: "person", aliases: [text.slice(...second)], mentions: 1, articles: ["a1"], origin: "manual" });
    expect(view.actors.find((a) => a.id === "kim_jong_un")?.mentions).toBe(start.actors.find((a) => a.id === "kim_jong_un")!.mentions - 1);
    for (const e of inIt) {
      const moved = view.events.find((x) => x.reports.some((r) => r.article === "a1" && r.event === e.id))!;
      expect([...moved.sources, ...moved.targets]).toContain("kim_yo_jong");
    }
    const article = await b.article("a1");
    expect(article.briefing.actors.find((a) => a.mentions.some(([s]) => s === second[0]))?.id).toBe("kim_yo_jong");
    await expect(b.correct({ op: "split_actor", article: "a1", actor: "kim_jong_un", mentions: [[0, 3]], name: "X", kind: "state" })).rejects.toMatchObject({ code: "invalid" });
    await expect(b.correct({ op: "split_actor", article: "a1", actor: "kim_jong_un", mentions: [], name: "X", kind: "state" })).rejects.toMatchObject({ code: "invalid" });
    await expect(b.correct({ op: "split_actor", article: "a1", actor: "kpa", mentions: [second], name: "X", kind: "state" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("hides an actor: it leaves the events' participants and the relations", async () => {
    const view = await b.correct({ op: "hide_actor", actor: "russia", hidden: true });
    expect(view.actors.find((a) => a.id === "russia")?.hidden).toBe(true);
    expect(view.events.some((e) => e.sources.includes("russia") || e.targets.includes("russia"))).toBe(false);
    expect(view.relations.some((r) => r.source === "russia" || r.target === "russia")).toBe(false);
    await expect(b.correct({ op: "edit_event", event: meeting(view).id, patch: { targets: ["russia"] } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("imports and removes articles as steps of the history; corrections wait while their article is gone", async () => {
    const imported = await b.importArticle({ kind: "text", name: "note.txt", text: "Russland und Nordkorea. Ein zweiter Satz." });
    expect(imported).toMatchObject({ id: "a3", name: "note.txt", language: "de", event_count: 0 });
    const withNote = await b.dossier();
    expect(withNote.articles.map((a) => a.id)).toEqual(["a1", "a2", "a3"]);
    expect(withNote.actors.find((a) => a.id === "russia")?.articles).toEqual(["a1", "a2", "a3"]);

    const e = event(withNote, (x) => x.reports.length === 1 && x.reports[0].article === "a2" && x.when !== null);
    await b.correct({ op: "edit_event", event: e.id, patch: { when: "2020" } });
    const removed = await b.removeArticle("a2");
    expect(removed.articles.map((a) => a.id)).toEqual(["a1", "a3"]);
    expect(removed.events.some((x) => x.id === e.id)).toBe(false);
    const restored = await b.undo();
    expect(restored.events.find((x) => x.id === e.id)?.when).toBe("2020");
    await expect(b.importArticle({ kind: "text", name: "empty", text: "  " })).rejects.toMatchObject({ code: "empty" });
    expect((await b.auditLog()).map((x) => x.action)).toEqual(["import_article", "edit_event", "remove_article", "undo"]);
  });

  it("saves as a file, keeps saving every change there, and opens it again", async () => {
    const e = meeting(start);
    const saved = await b.saveDossierAs("/briefings/korea.lagebild");
    expect(saved?.file).toEqual({ path: "/briefings/korea.lagebild", name: "korea.lagebild", sample: false });
    await b.correct({ op: "edit_event", event: e.id, patch: { modality: "reported" } });
    const before = await b.dossier();

    await b.newDossier();
    expect((await b.dossier()).articles).toEqual([]);
    const reopened = (await b.openDossier("/briefings/korea.lagebild"))!;
    expect(reopened.events).toEqual(before.events);
    expect(reopened.history.undo?.action).toBe("edit_event");
    expect((await b.auditLog()).map((x) => x.action)).toEqual(["edit_event"]);
    expect((await b.recentDossiers()).map((r) => r.path)).toEqual(["/briefings/korea.lagebild"]);
    // Undo after reopening works on the saved history.
    expect((await b.undo()).events.find((x) => x.id === e.id)?.modality).toBe("asserted");

    await expect(b.openDossier("/nowhere.lagebild")).rejects.toMatchObject({ code: "io" });
    b.disk.set("/garbage.lagebild", "not json");
    await expect(b.openDossier("/garbage.lagebild")).rejects.toMatchObject({ code: "unreadable" });
    await expect(b.openDossier(null)).rejects.toMatchObject({ code: "not_available" });
  });
});

/** Every element closed in order: enough to catch broken markup in the exports. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/g, "").matchAll(/<(\/?)([\w:-]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe("exports of the dossier kept in memory", () => {
  it("writes events as CSV, one row per shown event, fields quoted where needed", async () => {
    const result = (await b.exportData("csv", all, "en", null))!;
    expect(result.path).toBe("dossier.csv");
    const csv = b.disk.get(result.path) as string;
    expect(result.bytes).toBe(new TextEncoder().encode(csv).length);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,date,precision,date_modifier,conflicts_with,sources,targets,source_ids,target_ids,mutual,type,quad,intensity,modality,trigger,evidence,articles,origin");
    const factual = start.events.filter((e) => e.modality === "asserted" || e.modality === "reported");
    expect(csv.match(/^a\d+:[em]\d+,/gm)).toHaveLength(factual.length);
    const m = meeting(start);
    expect(csv).toContain(`${m.id},2024-06-19,day,,,Vladimir Putin,Kim Jong-un,vladimir_putin,kim_jong_un,true,CONSULT,verbal_cooperation,1,asserted,trafen,"Dort trafen sich Putin`);
  });

  it("holds only the period and, on request, unconfirmed events", async () => {
    await b.exportData("csv", { period: ["2024-10-01", "2024-10-31"], include_unconfirmed: false }, "en", "/x/oct.csv");
    const october = (b.disk.get("/x/oct.csv") as string).trimEnd().split("\r\n").slice(1);
    expect(october.length).toBeGreaterThan(0);
    expect(october.every((row) => /^[^,]+,2024-10/.test(row))).toBe(true);
    await b.exportData("csv", { period: null, include_unconfirmed: true }, "en", "/x/all.csv");
    expect(b.disk.get("/x/all.csv")).toContain(",speculative,");
  });

  it("writes the network as GraphML and GEXF that Gephi can read, and the dossier as JSON", async () => {
    await b.exportData("graphml", all, "en", "/x/n.graphml");
    await b.exportData("gexf", all, "en", "/x/n.gexf");
    await b.exportData("json", all, "en", "/x/d.json");
    const graphml = b.disk.get("/x/n.graphml") as string;
    const gexf = b.disk.get("/x/n.gexf") as string;
    expect(wellFormed(graphml)).toBe(true);
    expect(wellFormed(gexf)).toBe(true);
    expect(graphml).toContain('<node id="north_korea"><data key="label">North Korea</data>');
    // The meeting and the treaty are mutual: one undirected edge.
    expect(graphml).toMatch(/<edge id="r\d+" source="kim_jong_un" target="vladimir_putin" directed="false"><data key="weight">2</);
    expect(gexf).toMatch(/<edge id="r\d+" source="kim_jong_un" target="vladimir_putin" type="undirected" weight="2">/);
    expect(gexf).toContain('<node id="kpa" label="Korean People&apos;s Army">'.replace("&apos;", "'"));
    const json = JSON.parse(b.disk.get("/x/d.json") as string);
    expect(json.schema).toBe("lagebild-dossier/1");
    expect(json.events.length).toBe(start.events.filter((e) => e.modality === "asserted" || e.modality === "reported").length);
  });

  it("writes a one-page HTML briefing with the figures and the cited sentences, in the language asked for", async () => {
    await b.exportData("html", all, "de", "/x/b.html");
    const html = b.disk.get("/x/b.html") as string;
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain("<h2>Zeitleiste</h2>");
    expect(html).toContain("<q>Dort trafen sich Putin und Kim Jong-un am 19. Juni");
  });

  it("draws the figures as SVG with their labels and a source line, and escapes article text", async () => {
    for (const kind of ["timeline", "network", "escalation"] as const) {
      const result = (await b.renderFigure({ kind, format: "svg", scope: all, pair: ["north_korea", "russia"], language: "en" }, null))!;
      expect(result.path).toBe(`dossier-${kind}.svg`);
      const svg = b.disk.get(result.path) as string;
      expect(wellFormed(svg), kind).toBe(true);
      expect(svg).toContain("Source: Nordkoreas Soldaten im Krieg gegen die Ukraine: eine Chronik;");
    }
    expect(b.disk.get("dossier-network.svg")).toContain(">Korean People&#39;s Army<".replace("&#39;", "'"));
    expect(b.disk.get("dossier-escalation.svg")).toContain("North Korea → Russia");
    expect(b.disk.get("dossier-timeline.svg")).toContain("trafen · Vladimir Putin, Kim Jong-un");
    await b.importArticle({ kind: "text", name: "<evil>.txt", text: "Russia <script>alert(1)</script> & China." });
    await b.renderFigure({ kind: "network", format: "svg", scope: all, pair: null, language: "en" }, "/x/n.svg");
    expect(b.disk.get("/x/n.svg")).not.toContain("<script>");
    await expect(b.renderFigure({ kind: "network", format: "png", scope: all, pair: null, language: "en" }, null)).rejects.toMatchObject({ code: "not_available" });
  });
});
