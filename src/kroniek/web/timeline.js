/* kroniek web map: the time axis. Linear in time; an event dated to a day is a bar on
 * that day, one dated to a month or a year a span over it (never a pile on its 1st).
 * Drag to choose a period (the brush), wheel or +/- to zoom from decades to days,
 * arrows to move the period, Escape to clear it, double-click to see everything. */
"use strict";

window.kroniekTimeline = function (container, { onRange, label }) {
  const DAY = 86400000;
  const NS = "http://www.w3.org/2000/svg";
  const H = 70, AXIS = 16;
  let items = [], full = null, view = null, range = null, drag = null;

  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("id", "timeline-svg");
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("role", "slider");
  svg.setAttribute("height", String(H + AXIS));
  container.replaceChildren(svg);

  const parse = (day) => Date.parse(day + "T00:00:00Z");
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const width = () => Math.max(100, container.clientWidth - 4);
  const x = (ms) => ((ms - view[0]) / (view[1] - view[0])) * width();
  const at = (px) => view[0] + (px / width()) * (view[1] - view[0]);

  function node(tag, attrs, text) {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function ticks() {
    // Years, months or days, whichever gives 4-14 ticks across the view.
    const span = view[1] - view[0];
    const out = [];
    const start = new Date(view[0]);
    if (span > 4 * 365 * DAY) {
      const step = Math.max(1, Math.ceil(span / (365.25 * DAY) / 10));
      let y = start.getUTCFullYear() + 1;
      y -= y % step;
      for (; Date.UTC(y, 0, 1) <= view[1]; y += step) out.push([Date.UTC(y, 0, 1), String(y)]);
    } else if (span > 100 * DAY) {
      const step = Math.max(1, Math.ceil(span / (30.4 * DAY) / 10));
      let y = start.getUTCFullYear(), m = start.getUTCMonth() + 1;
      for (; Date.UTC(y, m, 1) <= view[1]; m += step) {
        const ms = Date.UTC(y, m, 1);
        out.push([ms, iso(ms).slice(0, 7)]);
      }
    } else {
      const step = Math.max(1, Math.ceil(span / DAY / 10));
      for (let ms = Math.ceil(view[0] / DAY) * DAY; ms <= view[1]; ms += step * DAY) out.push([ms, iso(ms).slice(5)]);
    }
    return out;
  }

  function draw() {
    svg.replaceChildren();
    svg.setAttribute("width", String(width()));
    svg.setAttribute("aria-label", label());
    if (!view) return;
    const max = Math.max(1, ...items.map((d) => d.n));
    const g = node("g", {});
    for (const d of items) {
      const a = parse(d.day), b = parse(d.to || d.day) + DAY;
      if (b < view[0] || a > view[1]) continue;
      const long = b - a > DAY;
      const x0 = Math.max(0, x(a)), x1 = Math.min(width(), x(b));
      const h = long ? 6 + Math.round(20 * d.n / max) : 8 + Math.round((H - 12) * d.n / max);
      const rect = node("rect", { x: x0, y: H - h, width: Math.max(2, x1 - x0), height: h,
        class: long ? "span" : "bar", "data-day": d.day, "data-to": d.to || d.day });
      rect.append(node("title", {}, `${d.day}${d.to && d.to !== d.day ? " – " + d.to : ""}: ${d.n}`));
      g.append(rect);
    }
    svg.append(g);
    for (const [ms, text] of ticks()) {
      svg.append(node("line", { x1: x(ms), x2: x(ms), y1: H, y2: H + 4, class: "tick" }));
      svg.append(node("text", { x: x(ms) + 2, y: H + AXIS - 3, class: "tick-label" }, text));
    }
    svg.append(node("line", { x1: 0, x2: width(), y1: H, y2: H, class: "axis" }));
    const sel = drag ? [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)] : range && [parse(range[0]), parse(range[1]) + DAY];
    if (sel) {
      svg.append(node("rect", { x: x(sel[0]), y: 0, width: Math.max(1, x(sel[1]) - x(sel[0])), height: H, class: "brush" }));
    }
    svg.setAttribute("aria-valuetext", range ? `${range[0]} – ${range[1]}` : "");
  }

  function setData(newItems, keepView) {
    items = newItems;
    if (!items.length) { full = null; if (!keepView) view = null; draw(); return; }
    const first = Math.min(...items.map((d) => parse(d.day)));
    const last = Math.max(...items.map((d) => parse(d.to || d.day))) + DAY;
    const pad = Math.max(DAY, (last - first) * 0.02);
    full = [first - pad, last + pad];
    if (!keepView || !view) view = full.slice();
    draw();
  }

  function zoom(factor, centre) {
    if (!view) return;
    const c = centre ?? (view[0] + view[1]) / 2;
    const span = Math.min(200 * 365 * DAY, Math.max(7 * DAY, (view[1] - view[0]) * factor));
    const left = (c - view[0]) / (view[1] - view[0]);
    view = [c - span * left, c - span * left + span];
    draw();
  }

  function setRange(from, to, notify) {
    range = from && to ? [from, to] : null;
    draw();
    if (notify) onRange(range);
  }

  svg.addEventListener("pointerdown", (e) => {
    if (!view) return;
    svg.setPointerCapture(e.pointerId);
    const ms = at(e.offsetX);
    drag = { a: ms, b: ms, px: e.offsetX };
  });
  svg.addEventListener("pointermove", (e) => { if (drag) { drag.b = at(e.offsetX); draw(); } });
  svg.addEventListener("pointerup", (e) => {
    if (!drag) return;
    const moved = Math.abs(e.offsetX - drag.px) > 3;
    const [a, b] = [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
    drag = null;
    if (moved) setRange(iso(a), iso(b - 1), true);
    else draw();
  });
  svg.addEventListener("wheel", (e) => { e.preventDefault(); zoom(e.deltaY > 0 ? 1.25 : 0.8, at(e.offsetX)); }, { passive: false });
  svg.addEventListener("dblclick", () => { view = full && full.slice(); draw(); });
  svg.addEventListener("keydown", (e) => {
    if (!view) return;
    const step = (view[1] - view[0]) / 20;
    if (e.key === "+" || e.key === "=") zoom(0.8);
    else if (e.key === "-") zoom(1.25);
    else if (e.key === "Escape") setRange(null, null, true);
    else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      const dir = e.key === "ArrowLeft" ? -1 : 1;
      if (range) {
        const a = parse(range[0]) + dir * Math.max(DAY, Math.round(step / DAY) * DAY);
        const b = parse(range[1]) + dir * Math.max(DAY, Math.round(step / DAY) * DAY);
        setRange(iso(a), iso(b), true);
      } else { view = [view[0] + dir * step, view[1] + dir * step]; draw(); }
    } else return;
    e.preventDefault();
  });
  window.addEventListener("resize", draw);

  return { setData, setRange, zoom, redraw: draw, view: () => view && view.map(iso) };
};
