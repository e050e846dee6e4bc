/* kroniek web map: events on a map and a timeline, filters, evidence, an article reader.
 * No build step, no framework, no network beyond this server. All text from the store is
 * inserted with textContent, never as HTML. */
"use strict";

(function () {
  const API = "/api/v1";
  const COLOURS = {
    "battles": "#c62828", "explosions-remote-violence": "#ef6c00",
    "violence-against-civilians": "#6a1b9a", "protests": "#1565c0", "riots": "#6d4c41",
    "strategic-developments": "#2e7d32", "other": "#546e7a",
  };
  // Radius of the shaded area drawn for an event whose place is only known as a region.
  const AREA_RADIUS_M = { region: 60000, country: 250000 };
  const state = { filters: {}, points: [], selected: null, meta: null, clustered: null };
  const $ = (sel) => document.querySelector(sel);

  function slug(type) {
    const s = String(type || "").toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");
    return COLOURS[s] ? s : "other";
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== null && v !== undefined) node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  async function getJSON(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v != null) qs.set(k, v);
    const url = API + path + (qs.toString() ? "?" + qs : "");
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
    return body;
  }

  function setStatus(text) { $("#status").textContent = text; }

  // -- the map --------------------------------------------------------------------------

  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 18 })
    .setView([48.5, 32], 5);
  const markers = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: 40, disableClusteringAtZoom: 10,
    showCoverageOnHover: false,
    chunkProgress: (done, total) => { if (done >= total && state.clustered) state.clustered(); },
  });
  const areas = L.layerGroup();
  const overlays = { "Events (points)": markers, "Events (region areas)": areas };

  function drawBaseLayers(meta, countries) {
    const base = L.geoJSON(countries, {
      style: { color: "#78909c", weight: 1, fillColor: "#f5f5f0", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    // Region hulls are fetched only when someone turns them on.
    const regionLayer = L.geoJSON(null, {
      style: { color: "#b0bec5", weight: 1, dashArray: "3 3", fill: false },
      interactive: false,
    });
    map.on("overlayadd", async (e) => {
      if (e.layer !== regionLayer || regionLayer.getLayers().length) return;
      regionLayer.addData(await (await fetch("/static/app/outlines/regions.geojson")).json());
    });
    const bases = { "Outlines (offline)": base };
    overlays["Regions (approximate hulls)"] = regionLayer;
    if (meta.tiles) {
      bases["Online tiles"] = L.tileLayer(meta.tiles, { maxZoom: 18, attribution: "tiles" });
    }
    markers.addTo(map);
    areas.addTo(map);
    L.control.layers(bases, overlays, { collapsed: true }).addTo(map);
    L.control.scale().addTo(map);
  }

  function drawPoints(rows) {
    markers.clearLayers();
    areas.clearLayers();
    const batch = [];
    for (const [id, type, lat, lon, precision, day, location] of rows) {
      const cls = slug(type);
      const title = `${day || "?"} · ${type} · ${location || ""}`;
      if (precision === "region" || precision === "country") {
        const area = L.circle([lat, lon], {
          radius: AREA_RADIUS_M[precision], color: COLOURS[cls], weight: 1,
          fillColor: COLOURS[cls], fillOpacity: 0.18, dashArray: "4 3",
          className: "ev-area",
        });
        area.bindTooltip(title + ` (${precision} only)`);
        area.on("click", () => openEvent(id));
        areas.addLayer(area);
        continue;
      }
      const icon = L.divIcon({ className: `ev-dot t-${cls} ${precision || ""}`, iconSize: [14, 14] });
      const m = L.marker([lat, lon], { icon, title, keyboard: true, alt: title });
      m.eventId = id;
      m.on("click", () => openEvent(id));
      batch.push(m);
    }
    const clustered = new Promise((resolve) => { state.clustered = resolve; });
    markers.addLayers(batch);
    if (!batch.length) state.clustered();
    return clustered;
  }

  // -- filters, list, timeline ----------------------------------------------------------

  function readFilters() {
    const f = {};
    for (const [k, v] of new FormData($("#filter-form")).entries()) if (v) f[k] = v;
    if (f.in_view) {
      const b = map.getBounds();
      f.bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map((x, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, x)).toFixed(4)).join(",");
    }
    delete f.in_view;
    return f;
  }

  function fetchData(filters) {
    return Promise.all([
      getJSON("/events/points", { ...filters, limit: 20000 }),
      getJSON("/events", { ...filters, limit: 200 }),
      getJSON("/events/days", filters),
    ]);
  }

  async function render([points, list, days], beforeDraw) {
    state.points = points.items;
    if (beforeDraw) beforeDraw(points.items);
    drawList(list.items);
    drawTimeline(days.items);
    await drawPoints(points.items);
    const shown = points.items.length;
    setStatus(`${shown} event${shown === 1 ? "" : "s"} on the map` +
      (points.next_offset ? " (the newest " + shown + ")" : ""));
    document.body.dataset.markers = String(shown);
  }

  async function refresh() {
    state.filters = readFilters();
    setStatus("loading…");
    try {
      await render(await fetchData(state.filters));
    } catch (err) {
      setStatus("error: " + err.message);
    }
  }

  function drawList(items) {
    const ol = $("#event-list");
    ol.replaceChildren();
    for (const ev of items) {
      const li = el("li", { "data-id": ev.id, onclick: () => openEvent(ev.id) },
        el("span", { class: `swatch t-${slug(ev.type)}` }),
        `${ev.date_from || "?"} ${ev.sub_type || ev.type} — ${ev.location || "no place"}`);
      ol.append(li);
    }
    if (!items.length) ol.append(el("li", { class: "muted" }, "no events match"));
  }

  function fillGaps(days) {
    // One bar per calendar day between the first and the last (up to ~4 years).
    const first = Date.parse(days[0].day), last = Date.parse(days[days.length - 1].day);
    const span = Math.round((last - first) / 86400000);
    if (!(span >= 0 && span <= 1500)) return days;
    const byDay = new Map(days.map((d) => [d.day, d.n]));
    const out = [];
    for (let i = 0; i <= span; i++) {
      const day = new Date(first + i * 86400000).toISOString().slice(0, 10);
      out.push({ day, n: byDay.get(day) || 0 });
    }
    return out;
  }

  function drawTimeline(days) {
    const bars = $("#timeline-bars");
    bars.replaceChildren();
    const axis = $("#timeline-axis");
    axis.replaceChildren();
    if (!days.length) return;
    const max = Math.max(...days.map((d) => d.n));
    for (const d of fillGaps(days)) {
      const bar = el("div", { class: d.n ? "bar has" : "bar", title: `${d.day}: ${d.n}`, "data-day": d.day,
        onclick: () => { $("#f-from").value = d.day; $("#f-to").value = d.day; refresh(); } });
      bar.style.height = (d.n ? Math.max(3, Math.round((d.n / max) * 60)) : 0) + "px";
      bars.append(bar);
    }
    axis.append(el("span", {}, days[0].day), el("span", {}, days[days.length - 1].day));
  }

  function fillFacets(meta) {
    const add = (select, values) => {
      for (const v of values) select.append(el("option", { value: v }, v));
    };
    add($("#f-type"), meta.facets.types.map((t) => t.type));
    add($("#f-source"), meta.facets.source_types);
    add($("#f-side"), meta.facets.sides);
    const legend = $("#legend");
    legend.append(el("h2", {}, "Legend"));
    for (const t of meta.facets.types) {
      legend.append(el("div", {}, el("span", { class: `swatch t-${slug(t.type)}` }), `${t.type} (${t.n})`));
    }
    legend.append(el("div", { class: "muted" },
      "dot = village/town; dashed dot = near; shaded circle = only the region is known"));
  }

  // -- event detail -----------------------------------------------------------------------

  function markSpans(text, base, spans) {
    // `spans` are [start, end, class] in article offsets; returns nodes for text[base:].
    const frag = document.createDocumentFragment();
    const cuts = new Set([0, text.length]);
    for (const [s, e] of spans) { cuts.add(Math.max(0, s - base)); cuts.add(Math.min(text.length, e - base)); }
    const sorted = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [a, b] = [sorted[i], sorted[i + 1]];
      const classes = spans.filter(([s, e]) => s - base <= a && e - base >= b).map((x) => x[2]);
      const piece = text.slice(a, b);
      frag.append(classes.length ? el("mark", { class: classes.join(" ") }, piece) : piece);
    }
    return frag;
  }

  function kv(pairs) {
    const dl = el("dl", { class: "kv" });
    for (const [k, v] of pairs) if (v !== null && v !== undefined && v !== "") dl.append(el("dt", {}, k), el("dd", {}, v));
    return dl;
  }

  function renderReport(rep) {
    const box = el("div", { class: "report", "data-article": rep.article_id });
    box.append(el("div", {}, el("button", { class: "link", onclick: () => openArticle(rep.article_id, rep.uid) },
      rep.title || rep.article_id)), el("div", { class: "muted" },
      [rep.outlet, rep.published].filter(Boolean).join(" · ")));
    if (rep.sentence) {
      const s = rep.sentence;
      const spans = [[s.start, s.end, "evidence-sentence"]];
      for (const sp of rep.evidence) {
        if (sp.kind === "trigger") spans.push([sp.start, sp.end, "trigger"]);
        if (sp.kind === "evidence") spans.push([sp.start, sp.end, "evidence-span"]);
      }
      box.append(el("div", { class: "sentence" }, markSpans(s.text, s.start, spans)));
    }
    for (const c of rep.claims) {
      const src = c.source || {};
      box.append(kv([["source", `${src.name || "?"} (${src.type || "unknown"}${src.side ? ", " + src.side : ""})`],
        ["factuality", c.factuality], ["claim", c.text],
        ["evidence", c.evidence ? `${c.evidence.kind}${c.evidence.text ? ": " + c.evidence.text : ""}` : null]]));
    }
    return box;
  }

  async function openEvent(id) {
    state.selected = id;
    for (const li of document.querySelectorAll("#event-list li")) li.classList.toggle("sel", li.dataset.id === id);
    const panel = $("#detail");
    panel.replaceChildren(el("p", { class: "muted" }, "loading…"));
    let ev;
    try { ev = await getJSON("/events/" + encodeURIComponent(id)); } catch (err) {
      panel.replaceChildren(el("p", {}, "error: " + err.message)); return;
    }
    const inc = ev.incident || {};
    panel.replaceChildren(
      el("h3", { id: "event-title" }, `${ev.sub_type || ev.type}`),
      kv([["type", ev.type], ["date", ev.date_from === ev.date_to ? ev.date_from : `${ev.date_from} – ${ev.date_to}`],
        ["dated by", ev.date_basis === "published" ? "publication date (no date in the text)" : "the text"],
        ["place", ev.location ? `${ev.location} (${ev.place_precision || "?"})` : "not located"],
        ["actor 1", ev.actor1 ? `${ev.actor1}${ev.side1 ? " [" + ev.side1 + "]" : ""}` : null],
        ["actor 2", ev.actor2 ? `${ev.actor2}${ev.side2 ? " [" + ev.side2 + "]" : ""}` : null],
        ["fatalities", ev.fatalities], ["sources", ev.sources.join(", ")],
        ["reports", `${ev.reports.length} report${ev.reports.length === 1 ? "" : "s"} of incident ${inc.id || ""}`]]),
      el("h2", {}, "Evidence in each report"),
      ...ev.reports.map(renderReport));
    if (ev.lat != null && !map.getBounds().contains([ev.lat, ev.lon])) map.panTo([ev.lat, ev.lon]);
  }

  // -- article reader -------------------------------------------------------------------

  function articleSpans(doc) {
    const spans = [];
    for (const e of doc.entities || []) spans.push([e.start, e.end, `a-ent ${e.label}`, `${e.label}: ${e.canonical || e.text}`]);
    for (const t of doc.times || []) spans.push([t.start, t.end, "a-time", `time: ${(t.value && t.value.from) || "?"}${t.value && t.value.to && t.value.to !== t.value.from ? " – " + t.value.to : ""} (${t.precision})`]);
    for (const p of doc.places || []) spans.push([p.start, p.end, "a-place", `place: ${p.name || p.text} (${p.precision}, ${p.role})`]);
    for (const q of doc.quotes || []) spans.push([q.start, q.end, "a-quote", `quote (${q.kind}) by ${(q.speaker && (q.speaker.name || q.speaker.descriptor)) || "?"}`]);
    for (const c of doc.claims || []) spans.push([c.start, c.end, "a-claim", `claim: ${(c.source && c.source.name) || "?"} (${c.source && c.source.type}), ${c.factuality}`]);
    for (const ev of doc.events || []) spans.push([ev.trigger.start, ev.trigger.end, "a-trigger", `event: ${ev.type} / ${ev.sub_type}`, ev.id]);
    for (const b of doc.blocks || []) if (b.kind !== "body") spans.push([b.start, b.end, "a-caption", b.kind]);
    return spans;
  }

  function renderText(doc) {
    const text = doc.text;
    const spans = articleSpans(doc);
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s[0]); cuts.add(s[1]); }
    const sorted = [...cuts].sort((a, b) => a - b);
    const out = el("div", { id: "reader-text" });
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [a, b] = [sorted[i], sorted[i + 1]];
      const cover = spans.filter((s) => s[0] <= a && s[1] >= b);
      const piece = text.slice(a, b);
      if (!cover.length) { out.append(piece); continue; }
      const node = el("span", { class: cover.map((s) => s[2]).join(" "), title: cover.map((s) => s[3]).join("\n") }, piece);
      const trig = cover.find((s) => s[4]);
      if (trig) node.addEventListener("click", () => openEvent(`${doc.id}:${trig[4]}`));
      out.append(node);
    }
    return out;
  }

  async function openArticle(id) {
    const panel = $("#detail");
    let art;
    try { art = await getJSON("/articles/" + encodeURIComponent(id)); } catch (err) {
      panel.replaceChildren(el("p", {}, "error: " + err.message)); return;
    }
    const doc = art.doc;
    const events = el("ol", { id: "article-events" });
    for (const ev of art.events) {
      events.append(el("li", {}, el("button", { class: "link", onclick: () => openEvent(ev.id) },
        `${ev.date_from || "?"} ${ev.sub_type || ev.type} — ${ev.location || "no place"}`)));
    }
    panel.replaceChildren(
      el("button", { class: "link", onclick: () => state.selected && openEvent(state.selected) }, "← back to the event"),
      el("h3", { id: "article-title" }, doc.title || "(untitled)"),
      el("div", { class: "muted" }, [doc.outlet, doc.published && doc.published.value, doc.lang].filter(Boolean).join(" · ")),
      doc.url ? el("div", { class: "muted" }, doc.url) : "",
      el("h2", {}, `Events in this article (${art.events.length})`), events,
      el("div", { class: "reader-legend" }, el("span", { class: "a-ent PER" }, "person"),
        el("span", { class: "a-ent ORG" }, "organisation"), el("span", { class: "a-place" }, "place"),
        el("span", { class: "a-time" }, "time"), el("span", { class: "a-quote" }, "quote"), el("span", { class: "a-claim" }, "claim"),
        el("span", { class: "a-trigger" }, "event")),
      el("h2", {}, "Text"), renderText(doc));
  }

  // -- start ----------------------------------------------------------------------------

  function fitTo(points) {
    if (!points.length) return;
    map.fitBounds(L.latLngBounds(points.map((p) => [p[2], p[3]])).pad(0.2), { maxZoom: 8 });
  }

  async function start() {
    // Everything the first view needs, fetched at once.
    state.filters = readFilters();
    const [meta, countries, data] = await Promise.all([
      getJSON("/meta"),
      fetch("/static/app/outlines/countries.geojson").then((r) => r.json()),
      fetchData(state.filters),
    ]);
    state.meta = meta;
    fillFacets(meta);
    drawBaseLayers(meta, countries);
    await render(data, fitTo);
    $("#filter-form").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
    for (const id of ["#f-type", "#f-source", "#f-side", "#f-from", "#f-to", "#f-view"]) {
      $(id).addEventListener("change", refresh);
    }
    $("#f-reset").addEventListener("click", () => { $("#filter-form").reset(); refresh(); });
    map.on("moveend", () => { if ($("#f-view").checked) refresh(); });
    document.body.dataset.ready = "1";
  }

  window.kroniek = { openEvent, openArticle, refresh, state, map };
  start().catch((err) => { console.error(err, err && err.stack); setStatus("error: " + (err && err.message)); });
})();
