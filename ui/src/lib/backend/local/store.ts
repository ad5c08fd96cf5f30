/**
 * A dossier kept in this process, with everything the backend interface
 * promises: articles imported and removed, corrections kept apart from the
 * machine's output and replayed over it, undo and redo, an append-only audit
 * log, and "files" (dossiers saved as JSON, exports) on a disk that is a map
 * in memory. The in-memory backend is built on it, and so is the Tauri
 * backend for as long as the shell has no dossier commands.
 *
 * The state is never edited in place: every change appends an operation to
 * the history, and the view is rebuilt by merging the articles anew and
 * applying the corrections in order. A correction that no longer fits (its
 * event's article was removed) is skipped in that replay.
 */
import type { Briefing, Event } from "../../bindings";
import type {
  ArticleSummary,
  ArticleText,
  AuditAction,
  AuditEntry,
  Correction,
  DossierFile,
  DossierView,
  HistoryStep,
  RecentDossier,
  ViewActor,
  ViewEvent,
} from "../contract";
import { applyCorrection, newActorId, type AppliedCorrection } from "./corrections";
import { fail, freshState, reportKey, type StoredArticle, type WorkEvent, type WorkState } from "./state";
import { buildView } from "./view";

/** One change to the dossier. */
type Change = { kind: "import"; article: StoredArticle } | { kind: "remove"; article: string } | { kind: "correct"; applied: AppliedCorrection };

/** A change in the history, with the audit entry that recorded it. */
type Operation = Change & { entry: AuditEntry };

/** What a saved dossier file holds. */
type SavedDossier = {
  format: typeof FORMAT;
  baseline: StoredArticle[];
  history: Operation[];
  redo: Operation[];
  audit: AuditEntry[];
  counters: Counters;
};

type Counters = { article: number; manual: number; revision: number };

const FORMAT = "lagebild-dossier/local-1";
const MAX_RECENT = 10;

/** Files written by the store: a saved dossier as JSON text, exports as text or bytes. */
export type Disk = Map<string, string | Uint8Array>;

export type LocalDossierOptions = {
  /** The time for audit entries and imports; passed in, so tests can fix it. */
  clock: () => Date;
  disk?: Disk;
};

function isoTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function summaryOf(id: string, name: string, briefing: Briefing, addedAt: string): ArticleSummary {
  return {
    id,
    name,
    title: briefing.title,
    language: briefing.language,
    published: briefing.published,
    added_at: addedAt,
    actor_count: briefing.actors.length,
    event_count: briefing.events.length,
  };
}

/** An article event without the marks corrections put on it. */
function machineEvent(e: WorkEvent): Event {
  const copy: Partial<WorkEvent> = structuredClone(e);
  delete copy.origin;
  delete copy.hidden;
  return copy as Event;
}

/** The events and actors a change is about. */
type Subject = { events: string[]; actors: string[] };

/** The event with this id in a view, or the one that holds the report with this key (`article:event`). */
function eventIn(view: DossierView, id: string): ViewEvent | undefined {
  return view.events.find((e) => e.id === id) ?? view.events.find((e) => e.reports.some((r) => reportKey(r) === id));
}

/** The events and actors a change is about, as the view shows them. */
function pick(view: DossierView, subject: Subject): { events: ViewEvent[]; actors: ViewActor[] } {
  const events = subject.events.flatMap((id) => eventIn(view, id) ?? []);
  return { events, actors: view.actors.filter((a) => subject.actors.includes(a.id)) };
}

/** A change's subject in words: the actors' names, or the events' triggers and ids. */
function describe(view: DossierView, subject: Subject): string {
  const names = subject.actors.map((id) => view.actors.find((a) => a.id === id)?.name ?? id);
  const events = subject.events.map((id) => {
    const e = eventIn(view, id);
    return e ? `“${e.trigger}” (${e.id})` : id;
  });
  return [...names, ...events].join(", ");
}

/** What a correction is about. */
function subjectOf({ correction: c, reports, created }: AppliedCorrection): Subject {
  switch (c.op) {
    case "edit_event":
    case "hide_event":
      return { events: reports.slice(0, 1), actors: [] };
    case "add_event":
      return { events: created ? [`${c.event.article}:${created}`] : [], actors: [] };
    case "rename_actor":
    case "hide_actor":
      return { events: [], actors: [c.actor] };
    case "merge_actors":
      return { events: [], actors: [c.into, c.from] };
    case "split_actor":
      return { events: [], actors: created ? [c.actor, created] : [c.actor] };
  }
}

export class LocalDossier {
  readonly disk: Disk;
  private readonly clock: () => Date;
  private file: DossierFile = { path: null, name: null, sample: false };
  private baseline: StoredArticle[] = [];
  private history: Operation[] = [];
  private redoStack: Operation[] = [];
  private audit: AuditEntry[] = [];
  private counters: Counters = { article: 1, manual: 1, revision: 0 };
  private recent: RecentDossier[] = [];
  private cache: { revision: number; state: WorkState; view: DossierView } | null = null;

  constructor(options: LocalDossierOptions) {
    this.clock = options.clock;
    this.disk = options.disk ?? new Map();
  }

  // ---- reading

  /** The dossier as the views draw it. */
  view(): DossierView {
    return this.current().view;
  }

  /** An article with its text and its corrected actors and events. */
  article(id: string): ArticleText {
    const { state, view } = this.current();
    const article = state.articles.find((a) => a.summary.id === id);
    const summary = view.articles.find((a) => a.id === id);
    if (!article || !summary) fail("not_found", `There is no article "${id}" in this dossier.`);
    const names = new Map(view.actors.map((a) => [a.id, a]));
    return {
      summary,
      briefing: {
        ...structuredClone(article.briefing),
        actors: article.actors.map((a) => ({ ...structuredClone(a), name: names.get(a.id)?.name ?? a.name, kind: names.get(a.id)?.kind ?? a.kind })),
        events: article.events.filter((e) => !e.hidden).map(machineEvent),
      },
    };
  }

  auditLog(): AuditEntry[] {
    return structuredClone(this.audit);
  }

  recentDossiers(): RecentDossier[] {
    return this.recent.map((r) => ({ ...r }));
  }

  // ---- changing

  /** Starts a dossier with these articles as its unchangeable starting point (no history). */
  reset(articles: readonly { name: string; briefing: Briefing }[], file: DossierFile): DossierView {
    const at = isoTime(this.clock());
    this.counters = { article: 1, manual: 1, revision: this.counters.revision + 1 };
    this.baseline = articles.map((a) => ({ summary: summaryOf(this.nextArticleId(), a.name, a.briefing, at), briefing: a.briefing }));
    this.history = [];
    this.redoStack = [];
    this.audit = [];
    this.file = { ...file };
    return this.view();
  }

  importArticle(name: string, briefing: Briefing): ArticleSummary {
    const summary = summaryOf(this.nextArticleId(), name, briefing, isoTime(this.clock()));
    this.record({ kind: "import", article: { summary, briefing } }, "import_article", summary.name, null, summary);
    return { ...summary };
  }

  removeArticle(id: string): DossierView {
    const article = this.current().state.articles.find((a) => a.summary.id === id);
    if (!article) fail("not_found", `There is no article "${id}" in this dossier.`);
    this.record({ kind: "remove", article: id }, "remove_article", article.summary.name, article.summary, null);
    return this.view();
  }

  correct(correction: Correction): DossierView {
    const before = this.view();
    const trial = this.replay(this.history);
    const applied: AppliedCorrection = { correction: structuredClone(correction), reports: [], created: null };
    if (correction.op === "edit_event" || correction.op === "hide_event") {
      const event = eventIn(before, correction.event) ?? fail("not_found", `There is no event "${correction.event}" in this dossier.`);
      applied.reports = event.reports.map(reportKey);
    }
    if (correction.op === "add_event") applied.created = `m${this.counters.manual}`;
    if (correction.op === "split_actor") applied.created = newActorId(trial, correction.name);
    // Applied to a fresh replay first: a bad correction is refused and leaves no trace.
    applyCorrection(trial, applied);
    if (correction.op === "add_event") this.counters.manual += 1;
    const after = buildView(trial, this.file, this.counters.revision, { undo: null, redo: null });
    const subject = subjectOf(applied);
    const created = correction.op === "add_event" || correction.op === "split_actor";
    const words = describe(created ? after : before, subject);
    this.record({ kind: "correct", applied }, correction.op, words, pick(before, subject), pick(after, subject));
    return this.view();
  }

  undo(): DossierView {
    const op = this.history.pop();
    if (!op) fail("nothing_to_undo", "There is nothing to undo.");
    this.redoStack.push(op);
    this.changed("undo", op.entry.subject, op.entry.after, op.entry.before);
    return this.view();
  }

  redo(): DossierView {
    const op = this.redoStack.pop();
    if (!op) fail("nothing_to_redo", "There is nothing to redo.");
    this.history.push(op);
    this.changed("redo", op.entry.subject, op.entry.before, op.entry.after);
    return this.view();
  }

  // ---- files

  newDossier(): DossierView {
    return this.reset([], { path: null, name: null, sample: false });
  }

  saveAs(path: string): DossierView {
    const target = path.trim();
    if (!target) fail("invalid", "Choose a file name.");
    this.file = { path: target, name: baseName(target), sample: false };
    this.counters.revision += 1;
    this.write();
    this.remember();
    return this.view();
  }

  open(path: string): DossierView {
    const content = this.disk.get(path);
    if (content === undefined) fail("io", `${path} does not exist.`);
    let saved: SavedDossier;
    try {
      saved = JSON.parse(typeof content === "string" ? content : new TextDecoder().decode(content)) as SavedDossier;
    } catch {
      fail("unreadable", `${baseName(path)} is not a Lagebild dossier.`);
    }
    if (saved?.format !== FORMAT) fail("unreadable", `${baseName(path)} is not a Lagebild dossier.`);
    this.baseline = saved.baseline;
    this.history = saved.history;
    this.redoStack = saved.redo;
    this.audit = saved.audit;
    this.counters = { ...saved.counters, revision: Math.max(saved.counters.revision, this.counters.revision) + 1 };
    this.file = { path, name: baseName(path), sample: false };
    this.remember();
    return this.view();
  }

  /** Writes an export to the disk; a path of null gets a name from the dossier's. */
  writeExport(path: string | null, defaultName: string, content: string | Uint8Array): { path: string; bytes: number } {
    const target = path ?? defaultName;
    this.disk.set(target, content);
    const bytes = typeof content === "string" ? new TextEncoder().encode(content).length : content.length;
    return { path: target, bytes };
  }

  /** The file name stem for exports: the dossier's file name without `.lagebild`, or "dossier". */
  exportStem(): string {
    return (this.file.name ?? "dossier").replace(/\.lagebild$/i, "") || "dossier";
  }

  // ---- inside

  private nextArticleId(): string {
    return `a${this.counters.article++}`;
  }

  private record(op: Change, action: AuditAction, subject: string, before: unknown, after: unknown): void {
    const entry = this.log(action, subject, before, after);
    this.history.push({ ...op, entry });
    this.redoStack = [];
    this.counters.revision += 1;
    this.afterChange();
  }

  private changed(action: AuditAction, subject: string, before: unknown, after: unknown): void {
    this.log(action, subject, before, after);
    this.counters.revision += 1;
    this.afterChange();
  }

  private log(action: AuditAction, subject: string, before: unknown, after: unknown): AuditEntry {
    const entry: AuditEntry = { seq: this.audit.length + 1, at: isoTime(this.clock()), action, subject, before, after };
    this.audit.push(entry);
    return entry;
  }

  /** Autosave: a dossier with a file is written after every change. */
  private afterChange(): void {
    if (this.file.path) this.write();
  }

  private write(): void {
    if (!this.file.path) return;
    const saved: SavedDossier = {
      format: FORMAT,
      baseline: this.baseline,
      history: this.history,
      redo: this.redoStack,
      audit: this.audit,
      counters: this.counters,
    };
    this.disk.set(this.file.path, JSON.stringify(saved));
  }

  private remember(): void {
    if (!this.file.path || !this.file.name) return;
    const entry: RecentDossier = { path: this.file.path, name: this.file.name, opened_at: isoTime(this.clock()) };
    this.recent = [entry, ...this.recent.filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT);
  }

  private step(op: Operation | undefined): HistoryStep | null {
    return op ? { action: op.entry.action, subject: op.entry.subject } : null;
  }

  /** The state after the operations: the articles present, corrected in order. */
  private replay(history: readonly Operation[]): WorkState {
    let articles = [...this.baseline];
    for (const op of history) {
      if (op.kind === "import") articles.push(op.article);
      else if (op.kind === "remove") articles = articles.filter((a) => a.summary.id !== op.article);
    }
    const state = freshState(articles);
    for (const op of history) {
      if (op.kind !== "correct") continue;
      try {
        applyCorrection(state, op.applied);
      } catch {
        // Its event or actor is gone (an article was removed): the correction waits, unused.
      }
    }
    return state;
  }

  private current(): { state: WorkState; view: DossierView } {
    if (this.cache?.revision !== this.counters.revision) {
      const state = this.replay(this.history);
      const history = { undo: this.step(this.history.at(-1)), redo: this.step(this.redoStack.at(-1)) };
      this.cache = { revision: this.counters.revision, state, view: buildView(state, this.file, this.counters.revision, history) };
    }
    return { state: this.cache.state, view: structuredClone(this.cache.view) };
  }
}
