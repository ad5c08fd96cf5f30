/**
 * The analyst's corrections, applied to the working state one at a time,
 * article by article as the desktop's dossier file applies them: an event
 * correction changes every report of the event; renaming or hiding an
 * actor holds for the whole dossier; merging replaces an actor in every
 * article; splitting moves chosen mentions of one article (and that
 * article's events whose sentence holds them) to a new actor. Each checks
 * what it is given and rejects a bad correction with `invalid`,
 * `bad_date` or `not_found`.
 */
import type { Actor, Span } from "../../bindings";
import type { Correction, EventPatch, NewEvent } from "../contract";
import { intensityOf, isEventType, quadOf } from "../../event-types";
import { precisionOf } from "../../timex";
import { addAliases, fail, reportKey, type WorkArticle, type WorkEvent, type WorkState } from "./state";

/**
 * A correction as the history keeps it: the reports (`article:event`) an
 * event correction was made on, and the id of the event or actor it
 * created, if any.
 */
export type AppliedCorrection = { correction: Correction; reports: string[]; created: string | null };

const MAX_NAME = 120;

function articleOf(state: WorkState, id: string): WorkArticle {
  return state.articles.find((a) => a.summary.id === id) ?? fail("not_found", `There is no article "${id}" in this dossier.`);
}

function actorExists(state: WorkState, id: string): boolean {
  return state.articles.some((a) => a.actors.some((x) => x.id === id));
}

function checkActor(state: WorkState, id: string): void {
  if (!actorExists(state, id)) fail("not_found", `There is no actor "${id}" in this dossier.`);
}

function checkParticipants(state: WorkState, sources: string[], targets: string[]): void {
  if (!sources.length) fail("invalid", "An event needs at least one actor who acts.");
  for (const id of [...sources, ...targets]) {
    checkActor(state, id);
    if (state.notes.get(id)?.hidden) fail("invalid", `"${id}" is hidden; show it again before using it in an event.`);
  }
}

function checkDate(when: string | null, precision: string | null | undefined): void {
  if (when === null) {
    if (precision) fail("invalid", "An undated event has no precision.");
    return;
  }
  const found = precisionOf(when);
  if (!found) fail("bad_date", `"${when}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.`);
  if (precision && precision !== found) fail("invalid", `"${when}" is a ${found}, not a ${precision}.`);
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) fail("invalid", "The name is empty.");
  if (trimmed.length > MAX_NAME) fail("invalid", `The name is longer than ${MAX_NAME} characters.`);
  return trimmed;
}

const unique = (ids: string[]) => [...new Set(ids)];

/** The events of the given reports, in article order; none found is an error. */
function reportedEvents(state: WorkState, reports: readonly string[]): WorkEvent[] {
  const wanted = new Set(reports);
  const found = state.articles.flatMap((a) => a.events.filter((e) => wanted.has(reportKey({ article: a.summary.id, event: e.id }))));
  if (!found.length) fail("not_found", "That event is no longer in this dossier.");
  return found;
}

function patchEvent(e: WorkEvent, patch: EventPatch): void {
  if (patch.when !== undefined) {
    e.when = patch.when;
    e.precision = patch.when === null ? null : precisionOf(patch.when);
    e.when_inferred = false;
    if (patch.when_modifier === undefined) e.when_modifier = null;
  }
  if (patch.when_modifier !== undefined) e.when_modifier = patch.when_modifier;
  if (patch.sources !== undefined) e.sources = unique(patch.sources);
  if (patch.targets !== undefined) e.targets = unique(patch.targets);
  if (patch.mutual !== undefined) e.mutual = patch.mutual;
  if (patch.type !== undefined) {
    e.type = patch.type;
    e.quad = quadOf(patch.type);
    e.intensity = intensityOf(patch.type);
  }
  if (patch.quad !== undefined) e.quad = patch.quad;
  if (patch.modality !== undefined) e.modality = patch.modality;
  if (e.origin === "machine") e.origin = "corrected";
}

function editEvent(state: WorkState, reports: readonly string[], patch: EventPatch): void {
  const events = reportedEvents(state, reports);
  if (!Object.values(patch).some((v) => v !== undefined)) fail("invalid", "The correction changes nothing.");
  const first = events[0];
  if (patch.when !== undefined) checkDate(patch.when, patch.precision);
  else if (patch.precision !== undefined) checkDate(first.when, patch.precision);
  const when = patch.when !== undefined ? patch.when : first.when;
  if (patch.when_modifier && when === null) fail("invalid", "An undated event takes no date modifier.");
  if (patch.sources !== undefined || patch.targets !== undefined) {
    checkParticipants(state, unique(patch.sources ?? first.sources), unique(patch.targets ?? first.targets));
  }
  if (patch.type !== undefined && !isEventType(patch.type)) fail("invalid", `"${patch.type}" is not an event type.`);
  for (const e of events) patchEvent(e, patch);
}

function inside(span: Span, outer: Span): boolean {
  return Number.isInteger(span[0]) && Number.isInteger(span[1]) && outer[0] <= span[0] && span[0] < span[1] && span[1] <= outer[1];
}

function addEvent(state: WorkState, n: NewEvent, id: string): void {
  const article = articleOf(state, n.article);
  const text = article.briefing.text;
  if (!inside(n.sentence_span, [0, text.length]) || !text.slice(...n.sentence_span).trim())
    fail("invalid", "The sentence is not in the article's text.");
  if (!inside(n.trigger_span, n.sentence_span)) fail("invalid", "The trigger is not inside the sentence.");
  if (!isEventType(n.type)) fail("invalid", `"${n.type}" is not an event type.`);
  checkDate(n.when, n.precision);
  if (n.when_modifier !== null && n.when === null) fail("invalid", "An undated event takes no date modifier.");
  const sources = unique(n.sources);
  const targets = unique(n.targets);
  checkParticipants(state, sources, targets);
  article.events.push({
    id,
    when: n.when,
    precision: n.when === null ? null : precisionOf(n.when),
    when_modifier: n.when_modifier,
    when_inferred: false,
    sources,
    targets,
    mutual: n.mutual,
    type: n.type,
    quad: n.quad ?? quadOf(n.type),
    intensity: intensityOf(n.type),
    modality: n.modality,
    trigger: text.slice(...n.trigger_span).trim(),
    trigger_span: n.trigger_span,
    time_span: null,
    sentence_span: n.sentence_span,
    origin: "manual",
    hidden: false,
  });
}

function replaceIn(events: readonly WorkEvent[], from: string, to: string): void {
  const swap = (ids: string[]) => unique(ids.map((id) => (id === from ? to : id)));
  for (const e of events) {
    if (!e.sources.includes(from) && !e.targets.includes(from)) continue;
    e.sources = swap(e.sources);
    e.targets = swap(e.targets);
    if (e.origin === "machine") e.origin = "corrected";
  }
}

function mergeActors(state: WorkState, into: string, from: string): void {
  checkActor(state, into);
  checkActor(state, from);
  if (into === from) fail("invalid", "An actor cannot be merged into itself.");
  const name = (id: string) => state.notes.get(id)?.name ?? state.articles.flatMap((a) => a.actors).find((a) => a.id === id)?.name ?? id;
  const fromName = name(from);
  for (const article of state.articles) {
    const gone = article.actors.find((a) => a.id === from);
    if (gone) {
      let kept = article.actors.find((a) => a.id === into);
      if (!kept) {
        kept = { ...gone, id: into, name: name(into), mentions: [], aliases: [] };
        article.actors.push(kept);
      }
      kept.mentions = [...kept.mentions, ...gone.mentions].sort((a, b) => a[0] - b[0]);
      addAliases(kept.aliases, [fromName, ...gone.aliases]);
      article.actors = article.actors.filter((a) => a.id !== from);
    }
    for (const a of article.actors) if (a.member_of === from) a.member_of = into;
    replaceIn(article.events, from, into);
  }
  const notes = state.notes.get(into) ?? {};
  state.notes.set(into, { ...notes, origin: notes.origin === "manual" ? "manual" : "corrected" });
}

/** A new lower_snake_case actor id from a name, not yet taken. */
export function newActorId(state: WorkState, name: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "") || "actor";
  let id = base;
  for (let n = 2; actorExists(state, id); n++) id = `${base}_${n}`;
  return id;
}

function splitActor(state: WorkState, c: Extract<Correction, { op: "split_actor" }>, id: string): void {
  const article = articleOf(state, c.article);
  const actor = article.actors.find((a) => a.id === c.actor) ?? fail("not_found", `No actor "${c.actor}" is mentioned in that article.`);
  const name = checkName(c.name);
  if (!c.mentions.length) fail("invalid", "Choose the mentions that mean the new actor.");
  const key = (s: Span) => `${s[0]}:${s[1]}`;
  const moved = new Set(c.mentions.map(key));
  if (!c.mentions.every((s) => actor.mentions.some((m) => key(m) === key(s)))) fail("invalid", `Those are not all mentions of ${actor.name}.`);
  const text = article.briefing.text;
  const taken = actor.mentions.filter((m) => moved.has(key(m)));
  const fresh: Actor = { id, name, kind: c.kind, aliases: [], member_of: null, mentions: taken };
  addAliases(fresh.aliases, taken.map((m) => text.slice(...m)));
  actor.mentions = actor.mentions.filter((m) => !moved.has(key(m)));
  article.actors = [...article.actors.filter((a) => a.id !== actor.id || a.mentions.length), fresh];
  const holds = (e: WorkEvent) => taken.some((m) => e.sentence_span[0] <= m[0] && m[1] <= e.sentence_span[1]);
  replaceIn(article.events.filter(holds), actor.id, id);
  state.notes.set(id, { name, kind: c.kind, origin: "manual" });
  const notes = state.notes.get(actor.id) ?? {};
  state.notes.set(actor.id, { ...notes, origin: notes.origin ?? "corrected" });
}

/** Applies one correction to the state. When it throws, the state may be half changed: callers throw it away. */
export function applyCorrection(state: WorkState, applied: AppliedCorrection): void {
  const c = applied.correction;
  switch (c.op) {
    case "edit_event":
      return editEvent(state, applied.reports, c.patch);
    case "hide_event":
      for (const e of reportedEvents(state, applied.reports)) e.hidden = c.hidden;
      return;
    case "add_event":
      return addEvent(state, c.event, applied.created ?? fail("internal", "An added event has no id."));
    case "rename_actor": {
      checkActor(state, c.actor);
      const notes = state.notes.get(c.actor) ?? {};
      state.notes.set(c.actor, { ...notes, name: checkName(c.name), origin: notes.origin === "manual" ? "manual" : "corrected" });
      return;
    }
    case "hide_actor":
      checkActor(state, c.actor);
      state.notes.set(c.actor, { ...(state.notes.get(c.actor) ?? {}), hidden: c.hidden });
      return;
    case "merge_actors":
      return mergeActors(state, c.into, c.from);
    case "split_actor":
      return splitActor(state, c, applied.created ?? fail("internal", "A split has no new actor id."));
  }
}
