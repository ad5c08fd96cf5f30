/**
 * The working state of a dossier kept in this process, shaped like the
 * desktop's: each article keeps the machine's briefing, and a corrected copy
 * of its actors and events that the analyst's corrections change (renames
 * and hidden actors hold for the whole dossier). The dossier view is the
 * merge of the corrected articles, as the engine merges briefings.
 */
import type { Actor, Briefing, Event } from "../../bindings";
import type { ArticleSummary, Origin, Report, WorkbenchError } from "../contract";

/** An imported article: the machine's briefing (UTF-16 offsets), never changed by corrections. */
export type StoredArticle = { summary: ArticleSummary; briefing: Briefing };

/** An event of one article after corrections. */
export type WorkEvent = Event & { origin: Origin; hidden: boolean };

/** An article with its corrected actors and events. */
export type WorkArticle = {
  summary: ArticleSummary;
  briefing: Briefing;
  actors: Actor[];
  events: WorkEvent[];
};

/** Dossier-wide facts about actors that corrections set. */
export type ActorNotes = { name?: string; kind?: Actor["kind"]; hidden?: boolean; origin?: Origin };

export type WorkState = {
  articles: WorkArticle[];
  notes: Map<string, ActorNotes>;
};

/** The key of one report: its article and its event there. */
export function reportKey(r: Pick<Report, "article" | "event">): string {
  return `${r.article}:${r.event}`;
}

/** The working state of some articles before any correction. */
export function freshState(articles: readonly StoredArticle[]): WorkState {
  return {
    articles: articles.map(({ summary, briefing }) => ({
      summary,
      briefing,
      actors: structuredClone(briefing.actors),
      events: briefing.events.map((e) => ({ ...structuredClone(e), origin: "machine" as const, hidden: false })),
    })),
    notes: new Map(),
  };
}

/** Throws the backend's error value. */
export function fail(code: WorkbenchError["code"], message: string): never {
  throw { code, message } satisfies WorkbenchError;
}

/** Adds names to a list of aliases, each once (case aside). */
export function addAliases(aliases: string[], more: readonly string[]): void {
  const known = new Set(aliases.map((a) => a.toLowerCase()));
  for (const alias of more) {
    if (known.has(alias.toLowerCase())) continue;
    known.add(alias.toLowerCase());
    aliases.push(alias);
  }
}
