/**
 * The backend inside the desktop app: the shell's commands over Tauri IPC.
 *
 * The table `commands` below is the one place that says which command each
 * operation of the `Backend` interface calls, with its arguments. The shell
 * keeps the dossier (`SHELL_KEEPS_DOSSIER`): one `.lagebild` file, changed
 * only through these commands, and the webview keeps nothing. With the flag
 * off, the dossier would be kept in the webview over the engine's commands
 * (`sample_dossier`, `analyse_text`, `analyse_file`), as it was before the
 * shell had dossier commands; a command an older shell lacks says "not
 * available".
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { AppInfo, Briefing, Document } from "../bindings";
import type { Backend } from "./index";
import { toWorkbenchError } from "./index";
import type { ImportSource, WorkbenchError } from "./contract";
import { createLocalBackend } from "./local/backend";

/** Whether the shell keeps the dossier itself (it has every dossier command of the table). */
const SHELL_KEEPS_DOSSIER = true;

/**
 * Backend operation → shell command. Arguments are the operation's, under
 * the names shown (Tauri maps them to the Rust parameters of the same name).
 * The dossier commands take and return the types of `contract.ts`, and
 * reject with `{code, message}`.
 */
export const commands = {
  appInfo: "app_info", // {} → AppInfo
  sampleDossier: "sample_dossier", // {} → Document[] (used only while the webview keeps the dossier)
  analyseText: "analyse_text", // {name, text} → Briefing (same)
  analyseFile: "analyse_file", // {name, bytes: number[]} → Briefing (same)
  dossier: "dossier_view", // {} → DossierView
  newDossier: "new_dossier", // {} → DossierView
  openDossier: "open_dossier", // {path: string | null} → DossierView | null
  saveDossierAs: "save_dossier_as", // {path: string | null} → DossierView | null
  recentDossiers: "recent_dossiers", // {} → RecentDossier[]
  article: "dossier_article", // {id} → ArticleText
  importArticle: "import_article", // {source: ImportSource, bytes as number[]} → ArticleSummary
  removeArticle: "remove_article", // {id} → DossierView
  correct: "correct", // {correction: Correction} → DossierView
  undo: "undo", // {} → DossierView
  redo: "redo", // {} → DossierView
  auditLog: "audit_log", // {} → AuditEntry[]
  exportData: "export_data", // {format, scope, language, path} → ExportResult | null
  renderFigure: "render_figure", // {request: FigureRequest, path} → ExportResult | null
} as const;

/** A command the shell does not have (yet) fails with a message naming it; the UI shows "not available". */
function missingCommand(e: unknown): WorkbenchError | null {
  const text = typeof e === "string" ? e : e instanceof Error ? e.message : "";
  const m = /command (\S+) not found/i.exec(text);
  return m ? { code: "not_available", message: `This needs a newer Lagebild shell (it has no "${m[1]}" command yet).` } : null;
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw missingCommand(e) ?? toWorkbenchError(e);
  }
}

/** An import source as JSON: bytes as an array of numbers (serde's `Vec<u8>`). */
function wireSource(source: ImportSource) {
  return source.kind === "file" ? { ...source, bytes: Array.from(source.bytes) } : source;
}

function shellBackend(): Backend {
  return {
    appInfo: () => call<AppInfo>(commands.appInfo),
    dossier: () => call(commands.dossier),
    newDossier: () => call(commands.newDossier),
    openDossier: (path) => call(commands.openDossier, { path }),
    saveDossierAs: (path) => call(commands.saveDossierAs, { path }),
    recentDossiers: () => call(commands.recentDossiers),
    article: (id) => call(commands.article, { id }),
    importArticle: (source) => call(commands.importArticle, { source: wireSource(source) }),
    removeArticle: (id) => call(commands.removeArticle, { id }),
    correct: (correction) => call(commands.correct, { correction }),
    undo: () => call(commands.undo),
    redo: () => call(commands.redo),
    auditLog: () => call(commands.auditLog),
    exportData: (format, scope, language, path) => call(commands.exportData, { format, scope, language, path }),
    renderFigure: (request, path) => call(commands.renderFigure, { request, path }),
  };
}

export function createTauriBackend(): Backend {
  const shell = shellBackend();
  if (SHELL_KEEPS_DOSSIER) return shell;
  const local = createLocalBackend({
    sample: () => call<Document[]>(commands.sampleDossier),
    analyse: (source) =>
      source.kind === "text"
        ? call<Briefing>(commands.analyseText, { name: source.name, text: source.text })
        : call<Briefing>(commands.analyseFile, { name: source.name, bytes: Array.from(source.bytes) }),
    appInfo: shell.appInfo,
  });
  return {
    ...local,
    openDossier: shell.openDossier,
    saveDossierAs: shell.saveDossierAs,
    // Nothing is saved through the shell yet, so nothing is recent.
    recentDossiers: async () => [],
    exportData: shell.exportData,
    renderFigure: shell.renderFigure,
  };
}
