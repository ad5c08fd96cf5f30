/**
 * Merges the corrected articles into dossier actors and events by the
 * engine's rules (crates/lagebild-core/src/dossier.rs), so that the
 * in-memory dossier behaves like the desktop's:
 *
 * - actors merge by id: mentions add up, aliases are pooled, each lists the
 *   articles that name it;
 * - reports of one act (same type, same participants, both negated or both
 *   not; a mutual act in either direction) merge when their dates are
 *   compatible (one inside the other), finest date first, so a coarse date
 *   joins the one precise event it fits and stays alone when it fits two;
 *   undated reports merge with each other, never with dated ones;
 * - two events of one act whose dates are incompatible, told by different
 *   articles, at most 14 days apart, are linked as a date conflict;
 * - a merged event is as factual as its most factual report.
 *
 * Hidden events merge only with hidden ones, so that they can be shown on
 * request without touching the others.
 */
import type { Modality } from "../../bindings";
import type { Origin, Report, ViewActor, ViewEvent } from "../contract";
import { addAliases, type WorkArticle, type WorkEvent, type WorkState } from "./state";

/** The largest gap in days between two dates of one act that is a conflict rather than two acts. */
export const CONFLICT_WINDOW_DAYS = 14;

const DAY = 86_400_000;

type Period = { first: number; last: number };

/** A year, month or day as its first and last day (UTC day numbers); null for any other value. */
export function periodOf(value: string | null): Period | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [+m[1], m[2] ? +m[2] : null, m[3] ? +m[3] : null];
  const day = (year: number, month0: number, date: number) => {
    const t = new Date(Date.UTC(2000, month0, date));
    t.setUTCFullYear(year);
    return t;
  };
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (d !== null) {
    const t = day(y, mo! - 1, d);
    if (t.getUTCMonth() !== mo! - 1) return null;
    return { first: t.getTime() / DAY, last: t.getTime() / DAY };
  }
  if (mo !== null) return { first: day(y, mo - 1, 1).getTime() / DAY, last: day(y, mo, 0).getTime() / DAY };
  return { first: day(y, 0, 1).getTime() / DAY, last: day(y, 11, 31).getTime() / DAY };
}

const width = (p: Period | null) => (p ? p.last - p.first + 1 : Number.POSITIVE_INFINITY);
const contains = (a: Period, b: Period) => a.first <= b.first && b.last <= a.last;
const compatible = (a: Period | null, b: Period | null) => !!a && !!b && (contains(a, b) || contains(b, a));
const gapDays = (a: Period, b: Period) => Math.max(b.first - a.last, a.first - b.last);

const factualRank: Record<Modality, number> = { asserted: 0, reported: 1, planned: 2, speculative: 3, negated: 4 };

type Raw = { index: number; article: WorkArticle; event: WorkEvent; period: Period | null; key: string };

/** What makes two reports the same act, dates aside. */
function actKey(e: WorkEvent): string {
  const sorted = (ids: string[]) => [...new Set(ids)].sort().join(",");
  const participants = e.mutual ? `${sorted([...e.sources, ...e.targets])}|` : `${sorted(e.sources)}|${sorted(e.targets)}`;
  return `${e.type}|${e.modality === "negated"}|${e.hidden}|${participants}`;
}

function clusterReports(raws: readonly Raw[]): Raw[][] {
  const byKey = new Map<string, Raw[]>();
  for (const r of raws) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const out: Raw[][] = [];
  for (const members of byKey.values()) {
    const dated = members.filter((r) => r.period).sort((a, b) => width(a.period) - width(b.period) || a.index - b.index);
    const unreadable = members.filter((r) => !r.period && r.event.when !== null);
    const undated = members.filter((r) => r.event.when === null);
    const groups: Raw[][] = [];
    for (const r of dated) {
      const fits = groups.filter((g) => g.every((other) => compatible(r.period, other.period)));
      if (fits.length === 1) fits[0].push(r);
      else groups.push([r]);
    }
    for (const r of unreadable) {
      const same = groups.find((g) => g.every((other) => other.event.when === r.event.when));
      if (same) same.push(r);
      else groups.push([r]);
    }
    if (undated.length) groups.push(undated);
    out.push(...groups.map((g) => g.sort((a, b) => a.index - b.index)));
  }
  return out.sort((a, b) => a[0].index - b[0].index);
}

function report(r: Raw): Report {
  const e = r.event;
  const text = r.article.briefing.text;
  return {
    article: r.article.summary.id,
    event: e.id,
    when: e.when,
    precision: e.precision,
    modality: e.modality,
    sentence_span: e.sentence_span,
    sentence: text.slice(...e.sentence_span).trim(),
    trigger: e.trigger,
    trigger_span: e.trigger_span,
  };
}

function originOf(members: readonly Raw[]): Origin {
  if (members.some((r) => r.event.origin === "manual")) return "manual";
  return members.some((r) => r.event.origin === "corrected") ? "corrected" : "machine";
}

function mergedEvent(members: Raw[]): ViewEvent {
  const first = members[0].event;
  const finest = members.filter((r) => r.event.when !== null).sort((a, b) => width(a.period) - width(b.period) || a.index - b.index)[0];
  const modality = members.map((r) => r.event.modality).sort((a, b) => factualRank[a] - factualRank[b])[0];
  const reports = members.map(report);
  return {
    id: `${members[0].article.summary.id}:${first.id}`,
    when: finest?.event.when ?? null,
    precision: finest?.event.precision ?? null,
    when_modifier: finest?.event.when_modifier ?? null,
    sources: [...first.sources],
    targets: [...first.targets],
    mutual: first.mutual,
    type: first.type,
    quad: first.quad,
    intensity: first.intensity,
    modality,
    trigger: first.trigger,
    reports,
    conflicts_with: [],
    origin: originOf(members),
    hidden: first.hidden,
  };
}

/** Links events of one act whose dates conflict (see the module docs). */
function linkConflicts(clusters: readonly Raw[][], events: ViewEvent[]): void {
  for (let a = 0; a < clusters.length; a++) {
    for (let b = a + 1; b < clusters.length; b++) {
      if (clusters[a][0].key !== clusters[b][0].key) continue;
      const [pa, pb] = [periodOf(events[a].when), periodOf(events[b].when)];
      if (!pa || !pb || compatible(pa, pb) || gapDays(pa, pb) > CONFLICT_WINDOW_DAYS) continue;
      const articles = new Set(clusters[a].map((r) => r.article.summary.id));
      if (clusters[b].some((r) => articles.has(r.article.summary.id))) continue;
      events[a].conflicts_with.push(events[b].id);
      events[b].conflicts_with.push(events[a].id);
    }
  }
}

/** The dossier's events, merged from every article's corrected events, in order of first report. */
export function mergeEvents(state: WorkState): ViewEvent[] {
  const raws: Raw[] = [];
  for (const article of state.articles) {
    for (const event of article.events) raws.push({ index: raws.length, article, event, period: periodOf(event.when), key: actKey(event) });
  }
  const clusters = clusterReports(raws);
  const events = clusters.map(mergedEvent);
  linkConflicts(clusters, events);
  return events;
}

/** The dossier's actors, merged by id over the corrected articles, with the analyst's names and marks. */
export function mergeActors(state: WorkState): ViewActor[] {
  const out = new Map<string, ViewActor>();
  for (const { summary, actors } of state.articles) {
    for (const a of actors) {
      let actor = out.get(a.id);
      if (!actor) {
        const notes = state.notes.get(a.id) ?? {};
        actor = {
          id: a.id,
          name: notes.name ?? a.name,
          kind: notes.kind ?? a.kind,
          aliases: [],
          member_of: null,
          mentions: 0,
          articles: [],
          origin: notes.origin ?? "machine",
          hidden: notes.hidden ?? false,
        };
        out.set(a.id, actor);
      }
      actor.mentions += a.mentions.length;
      addAliases(actor.aliases, a.aliases);
      actor.member_of ??= a.member_of;
      if (!actor.articles.includes(summary.id)) actor.articles.push(summary.id);
    }
  }
  return [...out.values()];
}
