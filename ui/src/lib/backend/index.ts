/**
 * The backend interface the UI talks to, and the choice of implementation:
 * the Tauri shell when running inside it, an in-memory stand-in otherwise
 * (browser tests, `npm run dev`).
 *
 * Every operation resolves with plain JSON-shaped values (the types in
 * `contract.ts` and `bindings.ts`) and rejects with a `WorkbenchError`
 * (`{code, message}`; the message is for the analyst, one line, saying what
 * to do). There is one open dossier at a time; every change to it is saved
 * at once when it has a file (the `.lagebild` file is a database, not a
 * document that needs "Save"), and answers with the new `DossierView`.
 *
 * Paths are the operating system's absolute paths. A `path` argument of
 * `null` means "ask the analyst" with the system's file dialog; when they
 * cancel it, the operation resolves with `null` and changes nothing.
 */
import type { AppInfo } from "../bindings";
import type {
  ArticleSummary,
  ArticleText,
  AuditEntry,
  Correction,
  DataFormat,
  DossierView,
  ExportResult,
  ExportScope,
  FigureRequest,
  ImportSource,
  RecentDossier,
  WorkbenchError,
} from "./contract";
import type { Language } from "../bindings";

export interface Backend {
  /** Product name and version, for the About dialog. */
  appInfo(): Promise<AppInfo>;

  // ---- the dossier and its files

  /**
   * The open dossier. At start-up this is the dossier open when the app was
   * last closed, or, the first time, the bundled sample dossier (unsaved,
   * `file.sample` true).
   */
  dossier(): Promise<DossierView>;
  /** Closes the open dossier and starts an empty, unsaved one. */
  newDossier(): Promise<DossierView>;
  /**
   * Opens a `.lagebild` file (migrating an older schema) and adds it to the
   * recent files. Rejects with `io` when it cannot be read and `unreadable`
   * when it is not a dossier.
   */
  openDossier(path: string | null): Promise<DossierView | null>;
  /**
   * Writes the dossier, with its history and audit log, to a new file and
   * keeps working in that file from then on (every later change is saved
   * there). Adds it to the recent files.
   */
  saveDossierAs(path: string | null): Promise<DossierView | null>;
  /** Dossiers opened or saved lately, newest first, at most ten. */
  recentDossiers(): Promise<RecentDossier[]>;

  // ---- articles

  /** One article's text and analysis, for the article pane. Rejects with `not_found`. */
  article(id: string): Promise<ArticleText>;
  /**
   * Analyses one text or file and adds it to the dossier (one step of the
   * history: undo removes it again). A file's bytes are decoded by the
   * backend (UTF-8, UTF-16 with BOM, Windows-1252); `.html` has its page
   * furniture removed. Rejects with the engine's codes (`empty`, `binary`,
   * `encoding`, `too_large`, `unreadable`) and changes nothing then.
   * The UI imports several sources one call at a time, so that each gets its
   * own result or error, and shows progress and lets the analyst cancel
   * between calls (see `import-queue.ts`); it asks for `dossier()` after.
   */
  importArticle(source: ImportSource): Promise<ArticleSummary>;
  /** Removes an article with its events and mentions (one step of the history). */
  removeArticle(id: string): Promise<DossierView>;

  // ---- corrections, history, audit

  /**
   * Applies one correction (see `Correction`) over the machine's output and
   * records it: one step of the history and one audit entry with the
   * affected events or actors before and after. A correction that does not
   * fit is refused with `invalid`, `bad_date` or `not_found` and changes
   * nothing. Clears the redo stack.
   */
  correct(correction: Correction): Promise<DossierView>;
  /** Takes back the latest step (a correction, import or removal). Rejects with `nothing_to_undo`. */
  undo(): Promise<DossierView>;
  /** Makes the latest undone step again. Rejects with `nothing_to_redo`. */
  redo(): Promise<DossierView>;
  /** Every change, oldest first, undo and redo included. */
  auditLog(): Promise<AuditEntry[]>;

  // ---- export

  /**
   * Writes the events, network or briefing in `format` (see `DataFormat`),
   * holding what `scope` says; `language` is for the HTML briefing's words.
   */
  exportData(format: DataFormat, scope: ExportScope, language: Language, path: string | null): Promise<ExportResult | null>;
  /** Draws a figure (at print quality, with a source line) and writes it as SVG or PNG. */
  renderFigure(request: FigureRequest, path: string | null): Promise<ExportResult | null>;
}

export function isWorkbenchError(e: unknown): e is WorkbenchError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as WorkbenchError).code === "string" &&
    typeof (e as WorkbenchError).message === "string"
  );
}

/** Whatever was thrown, as an error value the UI can show. */
export function toWorkbenchError(e: unknown): WorkbenchError {
  if (isWorkbenchError(e)) return e;
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : "Something went wrong.";
  return { code: "internal", message };
}

/**
 * The Tauri backend inside the desktop app, the in-memory one elsewhere.
 * In the browser, `?analysis-delay=<ms>` slows each analysis down (for
 * tests that watch an import's progress).
 */
export async function loadBackend(): Promise<Backend> {
  if ("__TAURI_INTERNALS__" in window) return (await import("./tauri")).createTauriBackend();
  const delay = Number(new URLSearchParams(window.location.search).get("analysis-delay") ?? 0);
  return (await import("./memory")).createMemoryBackend({ analysisDelayMs: Number.isFinite(delay) ? delay : 0 });
}
