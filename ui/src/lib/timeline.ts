/**
 * The timeline chart (vis-timeline), framework-free:
 * `createTimeline(el, opts)` → `{update, destroy, …}`.
 *
 * It draws lanes and items, clusters items that crowd together when zoomed
 * out (a click on a cluster zooms into it and selects its first event),
 * shows the chosen period as a band, and lets the analyst brush a new period
 * with Shift+drag. Labels are DOM text nodes, never HTML, because they come
 * from the articles. Items are updated in place, so filtering does not
 * move the view; the view is fitted only when `fitKey` changes.
 */
// The standalone bundle exports DataSet at runtime; its typings only declare it.
// @ts-expect-error -- typed through vis-data below
import { DataSet as RuntimeDataSet, Timeline, type DataGroup, type DataItem, type TimelineOptions } from "vis-timeline/standalone";
import type { DataSet } from "vis-data";
import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import type { Period } from "./filters";
import type { Lane, TimelineItem } from "./timeline-items";

export type TimelineOpts = {
  onSelect: (eventId: string | null) => void;
  /** A period was brushed with Shift+drag. */
  onBrush: (period: Period) => void;
  /** Moment locale; set explicitly because WebKitGTK may report "C". */
  locale: string;
  /** The label and tooltip of a cluster of `count` items. */
  clusterLabel: (count: number) => string;
  clusterTitle: string;
};

export type TimelineData = {
  lanes: readonly Lane[] | null;
  items: readonly TimelineItem[];
  selected: string | null;
  period: Period | null;
  /** Changes when another dossier is shown or the lanes change: the view is fitted anew. */
  fitKey: unknown;
};

export type TimelineController = {
  update(data: TimelineData): void;
  setLocale(locale: string, clusterLabel: (count: number) => string, clusterTitle: string): void;
  zoom(factor: number): void;
  fit(): void;
  /** Moves the view so that the event's first item is in it. */
  reveal(eventId: string): void;
  destroy(): void;
  /** The events on the timeline, each once. */
  eventIds(): string[];
  /** The visible window. */
  window(): Period;
};

const DAY = 24 * 60 * 60 * 1000;
const PERIOD_ITEM = "__period";
const BRUSH_ITEM = "__brush";

type Item = DataItem & { label?: string; event?: string };
type ClusterData = { isCluster: true; items: Item[] };

function itemLabel(item: Item): HTMLElement {
  const span = document.createElement("span");
  span.className = "item-label";
  span.dataset.event = item.event ?? "";
  span.textContent = item.label ?? "";
  span.title = item.label ?? "";
  return span;
}

function laneLabel(group: DataGroup & { label?: string }): HTMLElement {
  const span = document.createElement("span");
  span.className = "lane-label";
  span.textContent = group.label ?? "";
  span.title = group.label ?? "";
  return span;
}

export function createTimeline(el: HTMLElement, opts: TimelineOpts): TimelineController {
  let clusterLabel = opts.clusterLabel;
  const items: DataSet<Item, "id"> = new RuntimeDataSet([]);
  const groups: DataSet<DataGroup & { label: string }, "id"> = new RuntimeDataSet([]);
  const clusterOptions = (title: string) => ({
    maxItems: 3,
    titleTemplate: title,
    showStipes: false,
    fitOnDoubleClick: false,
    // The period band is a background item: it never joins a cluster.
    clusterCriteria: (a: { type?: string }, b: { type?: string }) => a.type !== "background" && b.type !== "background",
  });
  const options: TimelineOptions = {
    locale: opts.locale,
    height: "100%",
    stack: true,
    verticalScroll: true,
    zoomKey: "ctrlKey",
    selectable: true,
    multiselect: false,
    showCurrentTime: false,
    zoomMin: 7 * DAY,
    zoomMax: 200 * 365 * DAY,
    groupOrder: "order",
    margin: { item: { horizontal: 6, vertical: 5 }, axis: 6 },
    orientation: { axis: "top", item: "top" },
    cluster: clusterOptions(opts.clusterTitle),
    template: (item?: Item | ClusterData) => {
      if (!item) return "";
      if ("isCluster" in item && item.isCluster) {
        const span = document.createElement("span");
        span.className = "cluster-label";
        span.dataset.clusterEvents = [...new Set(item.items.map((i) => i.event ?? ""))].join(" ");
        span.textContent = clusterLabel(item.items.length);
        return span;
      }
      return itemLabel(item as Item);
    },
    groupTemplate: (group?: DataGroup & { label?: string }) => (group ? laneLabel(group) : ""),
  };
  const timeline = new Timeline(el, items, options);
  let lanesOn = false;
  let fitKey: unknown = undefined;
  let shown: readonly TimelineItem[] = [];
  let brushing: { start: number; pointer: number } | null = null;

  timeline.on("select", (props: { items: (string | number)[] }) => {
    const known = props.items.map(String).filter((id) => shown.some((i) => i.id === id));
    const event = known.length ? shown.find((i) => i.id === known[0])?.event : undefined;
    if (event) opts.onSelect(event);
    else if (!props.items.length) opts.onSelect(null);
  });

  /** A click on a cluster: zoom into it and select its first event. */
  function onClick(e: MouseEvent) {
    const cluster = (e.target as Element | null)?.closest(".vis-cluster");
    const label = cluster?.querySelector<HTMLElement>("[data-cluster-events]");
    if (!label) return;
    const ids = (label.dataset.clusterEvents ?? "").split(" ").filter(Boolean);
    const members = shown.filter((i) => ids.includes(i.event));
    if (!members.length) return;
    const start = Math.min(...members.map((i) => i.start.getTime()));
    const end = Math.max(...members.map((i) => (i.end ?? i.start).getTime()));
    const pad = Math.max((end - start) * 0.3, 10 * DAY);
    timeline.setWindow(start - pad, end + pad, { animation: false });
    const first = [...members].sort((a, b) => a.start.getTime() - b.start.getTime())[0];
    opts.onSelect(first.event);
  }
  el.addEventListener("click", onClick);

  // Shift+drag brushes a period; the listeners run before vis-timeline's own (capture).
  function timeAt(e: PointerEvent): number {
    return timeline.getEventProperties(e as unknown as Event).time.getTime();
  }
  function showBand(id: string, a: number, b: number, className: string) {
    items.update({ id, start: new Date(Math.min(a, b)), end: new Date(Math.max(a, b)), type: "background", className, content: "" });
  }
  function onPointerDown(e: PointerEvent) {
    if (!e.shiftKey || e.button !== 0) return;
    const target = e.target as Element | null;
    if (!target?.closest(".vis-center, .vis-foreground, .vis-background")) return;
    e.preventDefault();
    e.stopPropagation();
    const start = timeAt(e);
    brushing = { start, pointer: e.pointerId };
    showBand(BRUSH_ITEM, start, start + 1, "brush");
    window.addEventListener("pointermove", onPointerMove, true);
    window.addEventListener("pointerup", onPointerUp, true);
  }
  function onPointerMove(e: PointerEvent) {
    if (!brushing || e.pointerId !== brushing.pointer) return;
    e.stopPropagation();
    showBand(BRUSH_ITEM, brushing.start, timeAt(e), "brush");
  }
  function onPointerUp(e: PointerEvent) {
    if (!brushing || e.pointerId !== brushing.pointer) return;
    e.stopPropagation();
    const [a, b] = [brushing.start, timeAt(e)].sort((x, y) => x - y);
    brushing = null;
    items.remove(BRUSH_ITEM);
    window.removeEventListener("pointermove", onPointerMove, true);
    window.removeEventListener("pointerup", onPointerUp, true);
    if (b - a >= DAY / 2) {
      const start = new Date(a);
      start.setHours(0, 0, 0, 0);
      const end = new Date(b);
      end.setHours(24, 0, 0, 0);
      opts.onBrush({ start, end });
    }
  }
  el.addEventListener("pointerdown", onPointerDown, true);

  function setLanes(lanes: readonly Lane[] | null) {
    const wantLanes = lanes !== null;
    if (wantLanes !== lanesOn) {
      items.clear();
      timeline.setGroups(wantLanes ? groups : undefined);
      lanesOn = wantLanes;
    }
    if (!lanes) return groups.clear();
    const ids = new Set(lanes.map((l) => l.id));
    groups.remove(groups.getIds().filter((id) => !ids.has(String(id))));
    groups.update(lanes.map((l) => ({ id: l.id, label: l.label, content: "", order: l.order })));
  }

  function setItems(list: readonly TimelineItem[], period: Period | null) {
    const wanted = new Set(list.map((i) => i.id));
    items.remove(items.getIds().filter((id) => !wanted.has(String(id)) && id !== BRUSH_ITEM));
    items.update(
      list.map((i) => ({
        id: i.id,
        event: i.event,
        content: "",
        label: i.label,
        start: i.start,
        end: i.end ?? undefined,
        type: i.type,
        className: i.className,
        ...(i.lane !== null ? { group: i.lane } : {}),
      })),
    );
    if (period) showBand(PERIOD_ITEM, period.start.getTime(), period.end.getTime(), "period");
  }

  return {
    update(data) {
      setLanes(data.lanes);
      setItems(data.items, data.period);
      shown = data.items;
      const selected = data.selected ? data.items.filter((i) => i.event === data.selected).map((i) => i.id) : [];
      timeline.setSelection(selected);
      if (data.fitKey !== fitKey) {
        fitKey = data.fitKey;
        if (data.items.length) timeline.fit({ animation: false });
      }
    },
    setLocale(locale, label, title) {
      clusterLabel = label;
      timeline.setOptions({ locale, cluster: clusterOptions(title) });
      timeline.redraw();
    },
    zoom(factor) {
      if (factor > 1) timeline.zoomIn(Math.min(factor - 1, 1), { animation: false });
      else timeline.zoomOut(Math.min(1 / factor - 1, 1), { animation: false });
    },
    fit() {
      timeline.fit({ animation: false });
    },
    reveal(eventId) {
      const item = shown.find((i) => i.event === eventId);
      if (!item) return;
      const { start, end } = timeline.getWindow();
      const t = item.start.getTime();
      const inWindow = t >= start.getTime() && t <= end.getTime();
      const drawn = el.querySelector(`.vis-item [data-event="${CSS.escape(eventId)}"]`)?.getBoundingClientRect();
      const panel = el.querySelector(".vis-panel.vis-center")?.getBoundingClientRect();
      const inView = drawn && panel && drawn.top >= panel.top && drawn.bottom <= panel.bottom;
      if (!inWindow || !inView) timeline.focus(item.id, { zoom: false, animation: false });
    },
    destroy() {
      el.removeEventListener("click", onClick);
      el.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("pointermove", onPointerMove, true);
      window.removeEventListener("pointerup", onPointerUp, true);
      timeline.destroy();
    },
    eventIds() {
      return [...new Set(shown.map((i) => i.event))];
    },
    window() {
      const { start, end } = timeline.getWindow();
      return { start, end };
    },
  };
}
