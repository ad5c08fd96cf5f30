/**
 * The backend inside the desktop app: the shell's commands over Tauri IPC.
 */
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { AppInfo, Briefing, Document } from "../bindings";
import { toApiError, type Backend } from "./index";

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toApiError(e);
  }
}

export const tauriBackend: Backend = {
  sampleDossier: () => call<Document[]>("sample_dossier"),
  analyseText: (name, text) => call<Briefing>("analyse_text", { name, text }),
  analyseFile: (name, bytes) => call<Briefing>("analyse_file", { name, bytes }),
  appInfo: () => call<AppInfo>("app_info"),
};
