/**
 * The test hook on `window.__lagebild`: what the browser tests and the
 * WebDriver end-to-end test of the desktop app use to read and drive the UI.
 * Keep the names stable; they are a contract with tests outside ui/.
 */
export type LagebildHook = {
  nodeIds(): string[];
  /** Event ids currently on the timeline (after any actor filter). */
  timelineItemIds(): string[];
  undatedIds(): string[];
  selectEvent(id: string): void;
  selectedSentenceText(): string | null;
  clickActor(id: string): void;
  documentNames(): string[];
  /** Extras for the browser tests. */
  highlightedNodeIds(): string[];
  nodePosition(id: string): { x: number; y: number } | null;
};

declare global {
  interface Window {
    __lagebild?: LagebildHook;
  }
}
