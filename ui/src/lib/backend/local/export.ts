/**
 * The data exports of the backend kept in this process: events as CSV
 * (one row per event, ISO dates), the dossier as JSON, the network as
 * GraphML and GEXF (both open in Gephi), and a one-page HTML briefing with
 * the figures and the cited sentences. All of them hold what the analyst
 * sees: hidden events and actors are left out, and the scope's period and
 * unconfirmed events are respected.
 */
import type { Language } from "../../bindings";
import type { DataFormat, ViewEvent, DossierView, ExportScope } from "../contract";
import { translate } from "../../i18n";
import { formatWhen } from "../../i18n/format";
import { eventPairs } from "../../network-model";
import { polarityOf } from "../../palette";
import { esc, figureSvg, scopedEvents } from "./figures";

export type ExportRequest = { format: DataFormat; scope: ExportScope; language: Language };

/** A CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS = [
  "id",
  "date",
  "precision",
  "date_modifier",
  "conflicts_with",
  "sources",
  "targets",
  "source_ids",
  "target_ids",
  "mutual",
  "type",
  "quad",
  "intensity",
  "modality",
  "trigger",
  "evidence",
  "articles",
  "origin",
] as const;

function eventsCsv(view: DossierView, events: ViewEvent[]): string {
  const names = new Map(view.actors.map((a) => [a.id, a.name]));
  const articles = new Map(view.articles.map((a) => [a.id, a.name]));
  const rows = events.map((e) =>
    [
      e.id,
      e.when,
      e.precision,
      e.when_modifier,
      e.conflicts_with.join("; "),
      e.sources.map((id) => names.get(id) ?? id).join("; "),
      e.targets.map((id) => names.get(id) ?? id).join("; "),
      e.sources.join("; "),
      e.targets.join("; "),
      e.mutual,
      e.type,
      e.quad,
      e.intensity,
      e.modality,
      e.trigger,
      e.reports.map((ev) => ev.sentence.replace(/\s+/g, " ").trim()).join(" | "),
      [...new Set(e.reports.map((ev) => articles.get(ev.article) ?? ev.article))].join("; "),
      e.origin,
    ]
      .map(csvField)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}

/** A network edge; a mutual act (meeting, treaty) makes an undirected one. */
type Edge = { source: string; target: string; mutual: boolean; events: string[]; cooperation: number; conflict: number; intensity: number };

/** The network: actors shown and one directed edge per pair with its event counts. */
function network(view: DossierView, events: ViewEvent[], scope: ExportScope) {
  const involved = new Set(events.flatMap((e) => [...e.sources, ...e.targets]));
  const actors = view.actors.filter((a) => !a.hidden && (involved.has(a.id) || !scope.period));
  const shown = new Set(actors.map((a) => a.id));
  const edges = new Map<string, Edge>();
  for (const e of events) {
    for (const [source, target] of eventPairs(e)) {
      if (!shown.has(source) || !shown.has(target)) continue;
      const key = `${source}\u0000${target}\u0000${e.mutual}`;
      const edge = edges.get(key) ?? { source, target, mutual: e.mutual, events: [], cooperation: 0, conflict: 0, intensity: 0 };
      edge.events.push(e.id);
      edge[polarityOf(e.quad)] += 1;
      edge.intensity += e.intensity;
      edges.set(key, edge);
    }
  }
  return { actors, edges: [...edges.values()] };
}

function graphml(view: DossierView, events: ViewEvent[], scope: ExportScope): string {
  const { actors, edges } = network(view, events, scope);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    `  <key id="label" for="node" attr.name="label" attr.type="string"/>`,
    `  <key id="kind" for="node" attr.name="kind" attr.type="string"/>`,
    `  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>`,
    `  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>`,
    `  <key id="cooperation" for="edge" attr.name="cooperation" attr.type="int"/>`,
    `  <key id="conflict" for="edge" attr.name="conflict" attr.type="int"/>`,
    `  <key id="intensity" for="edge" attr.name="intensity" attr.type="double"/>`,
    `  <key id="events" for="edge" attr.name="events" attr.type="string"/>`,
    `  <graph id="lagebild" edgedefault="directed">`,
    ...actors.map(
      (a) =>
        `    <node id="${esc(a.id)}"><data key="label">${esc(a.name)}</data><data key="kind">${a.kind}</data><data key="mentions">${a.mentions}</data></node>`,
    ),
    ...edges.map(
      (e, i) =>
        `    <edge id="r${i + 1}" source="${esc(e.source)}" target="${esc(e.target)}"${e.mutual ? ' directed="false"' : ""}><data key="weight">${e.events.length}</data><data key="cooperation">${e.cooperation}</data><data key="conflict">${e.conflict}</data><data key="intensity">${e.intensity}</data><data key="events">${esc(e.events.join(" "))}</data></edge>`,
    ),
    `  </graph>`,
    `</graphml>`,
    ``,
  ].join("\n");
}

function gexf(view: DossierView, events: ViewEvent[], scope: ExportScope, today: string): string {
  const { actors, edges } = network(view, events, scope);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://gexf.net/1.3" version="1.3">`,
    `  <meta lastmodifieddate="${today}"><creator>Lagebild</creator></meta>`,
    `  <graph defaultedgetype="directed" mode="static">`,
    `    <attributes class="node"><attribute id="kind" title="kind" type="string"/><attribute id="mentions" title="mentions" type="integer"/></attributes>`,
    `    <attributes class="edge"><attribute id="cooperation" title="cooperation" type="integer"/><attribute id="conflict" title="conflict" type="integer"/><attribute id="intensity" title="intensity" type="double"/><attribute id="events" title="events" type="string"/></attributes>`,
    `    <nodes>`,
    ...actors.map(
      (a) =>
        `      <node id="${esc(a.id)}" label="${esc(a.name)}"><attvalues><attvalue for="kind" value="${a.kind}"/><attvalue for="mentions" value="${a.mentions}"/></attvalues></node>`,
    ),
    `    </nodes>`,
    `    <edges>`,
    ...edges.map(
      (e, i) =>
        `      <edge id="r${i + 1}" source="${esc(e.source)}" target="${esc(e.target)}"${e.mutual ? ' type="undirected"' : ""} weight="${e.events.length}"><attvalues><attvalue for="cooperation" value="${e.cooperation}"/><attvalue for="conflict" value="${e.conflict}"/><attvalue for="intensity" value="${e.intensity}"/><attvalue for="events" value="${esc(e.events.join(" "))}"/></attvalues></edge>`,
    ),
    `    </edges>`,
    `  </graph>`,
    `</gexf>`,
    ``,
  ].join("\n");
}

function dossierJson(view: DossierView, events: ViewEvent[], scope: ExportScope): string {
  const { actors } = network(view, events, scope);
  const ids = new Set(events.map((e) => e.id));
  const relations = view.relations.filter((r) => r.events.some((id) => ids.has(id)));
  return JSON.stringify({ schema: "lagebild-dossier/1", scope, articles: view.articles, actors, events, relations, escalation: view.escalation }, null, 2) + "\n";
}

function briefingHtml(view: DossierView, events: ViewEvent[], req: ExportRequest, today: string): string {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(req.language, key, params);
  const names = new Map(view.actors.map((a) => [a.id, a.name]));
  const articles = new Map(view.articles.map((a) => [a.id, a.title ?? a.name]));
  const figure = (kind: "timeline" | "network" | "escalation") =>
    figureSvg(view, { kind, format: "svg", scope: req.scope, pair: null, language: req.language }, today).svg;
  const who = (e: ViewEvent) =>
    [e.sources.map((id) => names.get(id) ?? id).join(", "), e.targets.map((id) => names.get(id) ?? id).join(", ")].filter(Boolean).join(e.mutual ? " ↔ " : " → ");
  const rows = events.map(
    (e) =>
      `<tr><td>${esc(formatWhen(e.when, req.language, e.when_modifier))}</td><td>${esc(who(e))}</td><td>${esc(t(`type.${e.type}`))}</td><td>${e.reports
        .map((ev) => `<q>${esc(ev.sentence.trim())}</q> <cite>${esc(articles.get(ev.article) ?? ev.article)}</cite>`)
        .join("<br>")}</td></tr>`,
  );
  const period = req.scope.period ? t("export.scopePeriod", { from: req.scope.period[0], to: req.scope.period[1] }) : t("export.scopeAll");
  return `<!doctype html>
<html lang="${req.language}">
<head>
<meta charset="utf-8">
<title>${esc(t("figure.briefing"))}</title>
<style>
body{font-family:${"DejaVu Sans, Helvetica, Arial, sans-serif"};max-width:1000px;margin:24px auto;color:#1d2430;font-size:13px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:15px;margin:24px 0 8px}
svg{max-width:100%;height:auto;border:1px solid #d5dae1}
table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #d5dae1;padding:4px 6px;vertical-align:top;text-align:left}
q{font-style:italic}cite{color:#5f6b7a;font-style:normal}
</style>
</head>
<body>
<h1>${esc(t("figure.briefing"))}</h1>
<p>${esc(t("figure.period"))}: ${esc(period)} · ${esc(today)}</p>
<h2>${esc(t("figure.escalation"))}</h2>
${figure("escalation")}
<h2>${esc(t("figure.timeline"))}</h2>
${figure("timeline")}
<h2>${esc(t("figure.network"))}</h2>
${figure("network")}
<h2>${esc(t("figure.events"))}</h2>
<table><thead><tr><th>${esc(t("event.date"))}</th><th>${esc(t("event.who"))}</th><th>${esc(t("editor.type"))}</th><th>${esc(t("figure.reports"))}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
</body>
</html>
`;
}

/** The export's text. `today` (`YYYY-MM-DD`) dates the figures and the GEXF. */
export function exportText(view: DossierView, req: ExportRequest, today: string): string {
  const events = scopedEvents(view, req.scope);
  switch (req.format) {
    case "csv":
      return eventsCsv(view, events);
    case "json":
      return dossierJson(view, events, req.scope);
    case "graphml":
      return graphml(view, events, req.scope);
    case "gexf":
      return gexf(view, events, req.scope, today);
    case "html":
      return briefingHtml(view, events, req, today);
  }
}
