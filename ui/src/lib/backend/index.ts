/**
 * The backend interface the UI talks to, and the choice of implementation:
 * the Tauri shell when running inside it, an in-memory stand-in otherwise
 * (browser tests, `npm run dev`). Both reject with an `ApiError`.
 */
import type { ApiError, AppInfo, Briefing, Document } from "../bindings";

export interface Backend {
  sampleDossier(): Promise<Document[]>;
  analyseText(name: string, text: string): Promise<Briefing>;
  analyseFile(name: string, bytes: number[]): Promise<Briefing>;
  appInfo(): Promise<AppInfo>;
}

export function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && typeof (e as ApiError).code === "string" && typeof (e as ApiError).message === "string";
}

/** Whatever was thrown, as an ApiError the UI can show. */
export function toApiError(e: unknown): ApiError {
  if (isApiError(e)) return e;
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : "Something went wrong.";
  return { code: "internal", message };
}

/** The Tauri backend inside the desktop app, the in-memory one elsewhere. */
export async function loadBackend(): Promise<Backend> {
  if ("__TAURI_INTERNALS__" in window) return (await import("./tauri")).tauriBackend;
  return (await import("./memory")).createMemoryBackend();
}
