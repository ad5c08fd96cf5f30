/**
 * The timeline chart (vis-timeline), framework-free: `createTimeline(el, opts)`
 * draws items and reports clicks; `update` swaps in new items (fitting the
 * view only when the document changes) and sets the selection. Item labels
 * are DOM text nodes, never HTML, because they come from the article.
 */
import { Timeline, type DataItem, type TimelineOptions } from "vis-timeline/standalone";
import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import type { TimelineItem } from "./timeline-items";

export type TimelineOpts = {
  onSelect: (eventId: string | null) => void;
  /** Moment locale; set explicitly because WebKitGTK may report "C". */
  locale?: string;
};

export type TimelineData = {
  items: readonly TimelineItem[];
  selected: string | null;
  /** Changes when a different document is shown: the view is fitted anew. */
  documentKey: unknown;
};

export type TimelineController = {
  update(data: TimelineData): void;
  destroy(): void;
  itemIds(): string[];
};

const DAY = 24 * 60 * 60 * 1000;

type LabelledItem = DataItem & { label: string };

function label(item: LabelledItem): HTMLElement {
  const span = document.createElement("span");
  span.className = "item-label";
  span.dataset.event = String(item.id);
  span.textContent = item.label;
  span.title = item.label;
  return span;
}

export function createTimeline(el: HTMLElement, opts: TimelineOpts): TimelineController {
  const options: TimelineOptions = {
    locale: opts.locale ?? "en",
    height: "100%",
    stack: true,
    // Crowded periods stack deeper than the pane: scroll them vertically.
    verticalScroll: true,
    zoomKey: "ctrlKey",
    selectable: true,
    multiselect: false,
    showCurrentTime: false,
    zoomMin: 7 * DAY,
    zoomMax: 200 * 365 * DAY,
    margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
    orientation: { axis: "top", item: "top" },
    template: (item?: LabelledItem) => (item ? label(item) : ""),
  };
  const timeline = new Timeline(el, [], options);
  timeline.on("select", (props: { items: (string | number)[] }) => {
    opts.onSelect(props.items.length ? String(props.items[0]) : null);
  });

  let items: readonly TimelineItem[] = [];
  let documentKey: unknown = undefined;

  return {
    update(data) {
      const newDocument = data.documentKey !== documentKey;
      if (newDocument || data.items !== items) {
        items = data.items;
        const dataItems: LabelledItem[] = items.map((i) => ({
          id: i.id,
          content: "",
          label: i.label,
          start: i.start,
          ...(i.end ? { end: i.end } : {}),
          type: i.type,
          className: i.className,
        }));
        timeline.setItems(dataItems);
      }
      timeline.setSelection(data.selected && items.some((i) => i.id === data.selected) ? [data.selected] : []);
      if (newDocument) {
        documentKey = data.documentKey;
        if (items.length) timeline.fit({ animation: false });
      }
    },
    destroy() {
      timeline.destroy();
    },
    itemIds() {
      return items.map((i) => i.id);
    },
  };
}
