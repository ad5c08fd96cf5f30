/**
 * The test hook on `window.__lagebild`: what the browser tests and the
 * WebDriver end-to-end test of the desktop app use to read and drive the UI.
 * Keep the names stable; they are a contract with tests outside ui/.
 */
import type { DossierView } from "./backend/contract";

export type LagebildHook = {
  /** Every actor in the network (shown or filtered out). */
  nodeIds(): string[];
  /** Event ids currently on the timeline (after the actor and modality filters), each once. */
  timelineItemIds(): string[];
  undatedIds(): string[];
  selectEvent(id: string): void;
  selectedSentenceText(): string | null;
  clickActor(id: string): void;
  /** The dossier's article names, in order. */
  documentNames(): string[];
  /** Extras for the browser tests. */
  highlightedNodeIds(): string[];
  nodePosition(id: string): { x: number; y: number } | null;
  /** Actors the network shows under the current filter. */
  shownNodeIds(): string[];
  /** Model positions of every node (they must not move when filtering). */
  nodePositions(): Record<string, { x: number; y: number }>;
  dossier(): DossierView | null;
  selectedEventId(): string | null;
  /** Sets the period as two inclusive days (`YYYY-MM-DD`), or clears it with nulls. */
  setPeriod(from: string | null, to: string | null): void;
  /** The timeline's visible window, ISO times. */
  visibleWindow(): { start: string; end: string } | null;
  locale(): string;
  /** Files the in-memory backend wrote (saved dossiers, exports); empty elsewhere. */
  files(): string[];
  /** A written file's text (binary files as `bytes:N`), or null. */
  fileText(path: string): string | null;
};

declare global {
  interface Window {
    __lagebild?: LagebildHook;
  }
}
