/**
 * The three figures (timeline, network, escalation) as standalone SVG, for
 * the backend kept in this process; the desktop shell draws its own with
 * plotters. Each figure has a title, the events the analyst sees (the
 * export scope), and a source line naming the articles. PNG is the SVG
 * rasterised by the browser at twice the size.
 */
import type { EscalationPoint } from "../../bindings";
import type { ViewEvent, DossierView, FigureRequest } from "../contract";
import { timeRange } from "../../dates";
import { escalationScales, linePath } from "../../escalation-scale";
import { passes, periodOf, type EventFilter } from "../../filters";
import { translate, type Locale } from "../../i18n";
import { formatMonth } from "../../i18n/format";
import { kindColour, polarityColour, polarityOf, ui } from "../../palette";
import { eventPairs } from "../../network-model";
import { fail } from "./state";

const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

/** Text for XML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export type FigureSize = { width: number; height: number };

/** The filter that an export scope stands for. */
export function scopeFilter(scope: FigureRequest["scope"]): EventFilter {
  return {
    period: scope.period ? periodOf(scope.period[0], scope.period[1]) : null,
    actor: null,
    showUnconfirmed: scope.include_unconfirmed,
    showHidden: false,
  };
}

/** The events an export shows: not hidden, in the scope. */
export function scopedEvents(view: DossierView, scope: FigureRequest["scope"]): ViewEvent[] {
  const filter = scopeFilter(scope);
  return view.events.filter((e) => passes(e, filter));
}

function svgDocument(size: FigureSize, title: string, body: string[], source: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="${ui.surface}"/>`,
    `<text x="24" y="34" font-size="20" font-weight="bold" fill="${ui.ink}">${esc(title)}</text>`,
    ...body,
    `<text x="24" y="${size.height - 14}" font-size="11" fill="${ui.muted}">${esc(source)}</text>`,
    `</svg>`,
  ].join("\n");
}

function sourceLine(view: DossierView, locale: Locale, today: string): string {
  const articles = view.articles.map((a) => a.title ?? a.name).join("; ");
  return translate(locale, "figure.source", { articles, date: today });
}

function nameMap(view: DossierView): Map<string, string> {
  return new Map(view.actors.map((a) => [a.id, a.name]));
}

function timelineSvg(view: DossierView, req: FigureRequest, today: string): { svg: string; size: FigureSize } {
  const names = nameMap(view);
  const events = scopedEvents(view, req.scope).flatMap((e) => {
    const r = timeRange(e.when);
    return r ? [{ e, start: r.start.getTime(), end: (r.end ?? r.start).getTime(), approximate: r.approximate }] : [];
  });
  const width = 1200;
  const [left, right] = [24, 24];
  const min = Math.min(...events.map((x) => x.start));
  const max = Math.max(...events.map((x) => x.end));
  const span = Math.max(max - min, 86_400_000);
  const x = (t: number) => left + ((t - min) / span) * (width - left - right - 260);
  // Greedy rows: an item takes the first row where its mark and label fit.
  const rowEnds: number[] = [];
  const placed = events.map((item) => {
    const label = `${item.e.trigger} · ${[...item.e.sources, ...item.e.targets].map((id) => names.get(id) ?? id).join(", ")}`;
    const from = x(item.start);
    const to = Math.max(x(item.end), from + 6) + 8 + label.length * 6.2;
    let row = rowEnds.findIndex((end) => end < from);
    if (row < 0) row = rowEnds.push(0) - 1;
    rowEnds[row] = to;
    return { ...item, label, row };
  });
  const top = 84;
  const height = top + Math.max(1, rowEnds.length) * 22 + 56;
  const body: string[] = [];
  if (events.length) {
    const first = new Date(min);
    const last = new Date(max);
    const months = (last.getFullYear() - first.getFullYear()) * 12 + last.getMonth() - first.getMonth();
    const yearly = months > 36;
    for (let d = new Date(first.getFullYear(), yearly ? 0 : first.getMonth(), 1); d.getTime() <= max; d.setMonth(d.getMonth() + (yearly ? 12 : 1))) {
      if (d.getTime() < min) continue;
      const tx = x(d.getTime()).toFixed(1);
      const label = yearly ? String(d.getFullYear()) : formatMonth(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`, req.language);
      body.push(`<line x1="${tx}" y1="${top - 12}" x2="${tx}" y2="${height - 40}" stroke="${ui.line}"/>`);
      body.push(`<text x="${tx}" y="${top - 18}" font-size="11" fill="${ui.muted}" text-anchor="middle">${esc(label)}</text>`);
    }
  }
  for (const item of placed) {
    const y = top + item.row * 22;
    const colour = polarityColour[polarityOf(item.e.quad)];
    const dashed = item.e.modality === "asserted" || item.e.modality === "reported" ? "" : ` stroke-dasharray="4 3"`;
    const from = x(item.start);
    if (item.approximate) {
      const w = Math.max(x(item.end) - from, 6);
      body.push(`<rect x="${from.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="14" rx="3" fill="${colour}" fill-opacity="0.18" stroke="${colour}" stroke-dasharray="4 3"/>`);
      body.push(`<text x="${(from + w + 6).toFixed(1)}" y="${y + 11}" font-size="11" fill="${ui.ink}">${esc(item.label)}</text>`);
    } else {
      body.push(`<circle cx="${from.toFixed(1)}" cy="${y + 7}" r="5" fill="${colour}" stroke="${colour}"${dashed}/>`);
      body.push(`<text x="${(from + 10).toFixed(1)}" y="${y + 11}" font-size="11" fill="${ui.ink}">${esc(item.label)}</text>`);
    }
  }
  const size = { width, height };
  return { svg: svgDocument(size, translate(req.language, "figure.timeline"), body, sourceLine(view, req.language, today)), size };
}

function networkSvg(view: DossierView, req: FigureRequest, today: string): { svg: string; size: FigureSize } {
  const events = scopedEvents(view, req.scope);
  const involved = new Set(events.flatMap((e) => [...e.sources, ...e.targets]));
  const actors = view.actors
    .filter((a) => !a.hidden && (involved.has(a.id) || !req.scope.period))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  const size = { width: 1000, height: 820 };
  const [cx, cy, radius] = [500, 420, 300];
  const at = new Map(
    actors.map((a, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, actors.length) - Math.PI / 2;
      return [a.id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) }];
    }),
  );
  const edges = new Map<string, { source: string; target: string; colour: string; count: number }>();
  for (const e of events) {
    for (const [source, target] of eventPairs(e)) {
      if (!at.has(source) || !at.has(target)) continue;
      const colour = polarityColour[polarityOf(e.quad)];
      const key = `${source}|${target}|${colour}`;
      const edge = edges.get(key) ?? { source, target, colour, count: 0 };
      edge.count += 1;
      edges.set(key, edge);
    }
  }
  const body: string[] = [];
  for (const edge of edges.values()) {
    const [a, b] = [at.get(edge.source)!, at.get(edge.target)!];
    const width = Math.min(1.5 + 1.5 * (edge.count - 1), 9);
    body.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${edge.colour}" stroke-width="${width}" stroke-opacity="0.8"/>`);
  }
  for (const a of actors) {
    const p = at.get(a.id)!;
    body.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="11" fill="${kindColour[a.kind]}" stroke="${ui.ink}" stroke-opacity="0.4"/>`);
    const anchor = p.x < cx - 20 ? "end" : p.x > cx + 20 ? "start" : "middle";
    const dx = anchor === "end" ? -16 : anchor === "start" ? 16 : 0;
    const dy = anchor === "middle" ? (p.y < cy ? -18 : 26) : 4;
    body.push(`<text x="${(p.x + dx).toFixed(1)}" y="${(p.y + dy).toFixed(1)}" font-size="12" fill="${ui.ink}" text-anchor="${anchor}">${esc(a.name)}</text>`);
  }
  return { svg: svgDocument(size, translate(req.language, "figure.network"), body, sourceLine(view, req.language, today)), size };
}

function escalationSvg(view: DossierView, req: FigureRequest, today: string): { svg: string; size: FigureSize } {
  const size = { width: 1000, height: 460 };
  const box = { width: size.width, height: size.height, left: 64, right: 24, top: 64, bottom: 72 };
  const pair = req.pair ? view.relations.find((r) => r.source === req.pair![0] && r.target === req.pair![1]) : undefined;
  const series: { name: string; points: EscalationPoint[]; colour: string }[] = [
    { name: translate(req.language, "escalation.dossier"), points: view.escalation, colour: ui.ink },
  ];
  if (pair) {
    const names = nameMap(view);
    series.push({ name: `${names.get(pair.source) ?? pair.source} → ${names.get(pair.target) ?? pair.target}`, points: pair.escalation, colour: ui.accent });
  }
  const scales = escalationScales(
    series.map((s) => s.points),
    box,
  );
  const body: string[] = [];
  for (const tick of scales.ticks) {
    const y = scales.y(tick).toFixed(1);
    body.push(`<line x1="${box.left}" y1="${y}" x2="${size.width - box.right}" y2="${y}" stroke="${tick === 0 ? ui.muted : ui.line}"/>`);
    body.push(`<text x="${box.left - 8}" y="${(+y + 4).toFixed(1)}" font-size="11" fill="${ui.muted}" text-anchor="end">${tick}</text>`);
  }
  for (const m of scales.months) {
    body.push(`<text x="${scales.x(m).toFixed(1)}" y="${size.height - box.bottom + 18}" font-size="11" fill="${ui.muted}" text-anchor="middle">${esc(formatMonth(m, req.language))}</text>`);
  }
  series.forEach((s, i) => {
    body.push(`<path d="${linePath(s.points, scales)}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const p of s.points) body.push(`<circle cx="${scales.x(p.period).toFixed(1)}" cy="${scales.y(p.index).toFixed(1)}" r="4" fill="${s.colour}"/>`);
    body.push(`<rect x="${box.left + i * 220}" y="44" width="14" height="3" fill="${s.colour}"/>`);
    body.push(`<text x="${box.left + i * 220 + 20}" y="50" font-size="12" fill="${ui.ink}">${esc(s.name)}</text>`);
  });
  body.push(`<text x="16" y="${(box.top + size.height - box.bottom) / 2}" font-size="11" fill="${ui.muted}" transform="rotate(-90 16 ${(box.top + size.height - box.bottom) / 2})" text-anchor="middle">${esc(translate(req.language, "escalation.axis"))}</text>`);
  return { svg: svgDocument(size, translate(req.language, "figure.escalation"), body, sourceLine(view, req.language, today)), size };
}

/** A figure as SVG text, and its size in pixels. */
export function figureSvg(view: DossierView, req: FigureRequest, today: string): { svg: string; size: FigureSize } {
  switch (req.kind) {
    case "timeline":
      return timelineSvg(view, req, today);
    case "network":
      return networkSvg(view, req, today);
    case "escalation":
      return escalationSvg(view, req, today);
  }
}

/** The SVG drawn onto a canvas at `scale` times its size and encoded as PNG; needs a browser. */
export async function rasterise(svg: string, size: FigureSize, scale = 2): Promise<Uint8Array> {
  if (typeof document === "undefined" || typeof Image === "undefined") fail("not_available", "PNG figures need a browser to draw them.");
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = size.width * scale;
    canvas.height = size.height * scale;
    const context = canvas.getContext("2d") ?? fail("internal", "The browser gave no canvas to draw on.");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) fail("internal", "The browser could not encode the PNG.");
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
