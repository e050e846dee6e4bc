/* kroniek web map: events on a map and a time axis, filters kept in the URL, evidence,
 * an article reader. No build step, no framework, no network beyond this server. All
 * text from the store is inserted with textContent, never as HTML.
 *
 * Layers: events at a town or village are points (a letter per type as well as a colour);
 * events known only by region or country are one shaded area per place with their count;
 * events that did not happen (negated, planned, hypothetical, habitual) are a layer of
 * their own, off by default. Place names come from the gazetteer (/api/v1/labels). */
"use strict";

(function () {
  const API = "/api/v1";
  const { t } = window.kroniekI18n;
  const COLOURS = {
    "battles": "#c62828", "explosions-remote-violence": "#ef6c00",
    "violence-against-civilians": "#6a1b9a", "protests": "#1565c0", "riots": "#6d4c41",
    "strategic-developments": "#2e7d32", "other": "#546e7a",
  };
  const LETTERS = {
    "battles": "B", "explosions-remote-violence": "E", "violence-against-civilians": "V",
    "protests": "P", "riots": "R", "strategic-developments": "S", "other": "?",
  };
  // Radius of the area drawn for events whose place is known only as a region or country.
  const AREA_RADIUS_M = { region: 60000, country: 250000 };
  const NOT_HAPPENED = ["negated", "hypothetical", "future", "habitual", "claimed", "generic"];
  const FILTER_KEYS = ["type", "place", "actor", "source_type", "side", "fatalities_min", "q",
    "date_from", "date_to"];
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
    for (const [k, v] of Object.entries(params || {})) {
      if (Array.isArray(v)) for (const item of v) qs.append(k, item);
      else if (v !== "" && v != null) qs.set(k, v);
    }
    const url = API + path + (qs.toString() ? "?" + qs : "");
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
    return body;
  }

  function setStatus(text) { $("#status").textContent = text; }

  // -- the map --------------------------------------------------------------------------

  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 18 })
    .setView([48.5, 20], 4);
  map.createPane("labels").style.zIndex = 450;  // above areas, below markers
  map.getPane("labels").style.pointerEvents = "none";
  const markers = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: 40, disableClusteringAtZoom: 10,
    showCoverageOnHover: false,
    chunkProgress: (done, total) => { if (done >= total && state.clustered) state.clustered(); },
  });
  const areas = L.layerGroup();
  const others = L.layerGroup();
  const labels = L.layerGroup();
  const regions = L.geoJSON(null, {
    style: { color: "#90a4ae", weight: 0.8, dashArray: "3 3", fill: false }, interactive: false,
  });

  function drawBaseLayers(meta, countries) {
    const base = L.geoJSON(countries, {
      style: { color: "#78909c", weight: 1, fillColor: "#f5f5f0", fillOpacity: 1 },
      interactive: false, renderer: L.canvas({ padding: 0.2 }),  // 241 detailed outlines
    }).addTo(map);
    const bases = { [t("base")]: base };
    if (meta.tiles) bases[t("online")] = L.tileLayer(meta.tiles, { maxZoom: 18, attribution: "tiles" });
    markers.addTo(map);
    areas.addTo(map);
    labels.addTo(map);
    regions.addTo(map);
    const overlays = { [t("layer_points")]: markers, [t("layer_areas")]: areas,
      [t("layer_others")]: others, [t("layer_labels")]: labels, [t("layer_regions")]: regions };
    L.control.layers(bases, overlays, { collapsed: true }).addTo(map);
    L.control.scale().addTo(map);
    map.on("overlayadd overlayremove", (e) => {
      if (e.layer === others && $("#f-others").checked !== (e.type === "overlayadd")) {
        $("#f-others").checked = e.type === "overlayadd";
        refresh();
      }
    });
  }

  let labelTimer = null;
  function scheduleLabels() {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(drawLabels, 120);
  }

  async function drawLabels() {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(3);
    const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].join(",");
    let data;
    try { data = await getJSON("/labels", { bbox, zoom: map.getZoom() }); } catch (err) { return; }
    labels.clearLayers();
    for (const [name, lat, lon, kind] of data.items) {
      const icon = L.divIcon({ className: `map-label k-${kind}`, html: "", iconSize: null });
      const m = L.marker([lat, lon], { icon, pane: "labels", interactive: false, keyboard: false });
      m.on("add", () => { const n = m.getElement(); if (n) n.textContent = name; });
      labels.addLayer(m);
    }
    if (map.getZoom() >= 5 && !regions.getLayers().length && !state.regionsLoading) {
      state.regionsLoading = true;
      regions.addData(await (await fetch("/static/app/outlines/regions.geojson")).json());
    }
    document.body.dataset.labels = String(data.items.length);
  }

  function onActivate(marker, fn) {
    // A click, or Enter/Space while the marker has the keyboard focus (Leaflet passes
    // the marker only its keypress).
    marker.on("click", fn);
    marker.on("keypress", (e) => {
      const key = e.originalEvent && e.originalEvent.key;
      if (key === "Enter" || key === " ") { e.originalEvent.preventDefault(); fn(); }
    });
  }

  function markerIcon(cls, precision, hollow) {
    return L.divIcon({
      className: `ev-dot t-${cls} ${precision || ""}${hollow ? " hollow" : ""}`,
      html: `<span aria-hidden="true">${LETTERS[cls]}</span>`, iconSize: [18, 18],
    });
  }

  function drawPoints(rows) {
    markers.clearLayers();
    areas.clearLayers();
    const batch = [];
    const places = new Map();
    // Past a few hundred areas, SVG paths cost more than the points: draw them on a canvas.
    const regional = rows.filter((r) => r[4] === "region" || r[4] === "country").length;
    state.areaRenderer = regional > 300 ? (state.canvas ||= L.canvas({ padding: 0.2 })) : undefined;
    for (const row of rows) {
      const [id, type, lat, lon, precision, day, location] = row;
      if (precision === "region" || precision === "country") {
        const key = `${precision}|${lat}|${lon}`;
        if (!places.has(key)) places.set(key, { precision, lat, lon, location, rows: [] });
        places.get(key).rows.push(row);
        continue;
      }
      const cls = slug(type);
      const title = `${day || "?"} · ${type} · ${location || ""}`;
      const m = L.marker([lat, lon], { icon: markerIcon(cls, precision), title, keyboard: true, alt: title });
      m.eventId = id;
      onActivate(m, () => openEvent(id));
      batch.push(m);
    }
    for (const p of places.values()) batch.push(drawArea(p));
    const clustered = new Promise((resolve) => { state.clustered = resolve; });
    markers.addLayers(batch);
    if (!batch.length) state.clustered();
    return clustered;
  }

  function areaFill(precision) {
    // Close in, an area is only its outline: it must not tint the town under it.
    if (map.getZoom() >= 8) return 0;
    return precision === "country" ? 0.04 : 0.12;
  }

  function restyleAreas() {
    areas.eachLayer((layer) => {
      if (layer.setStyle) layer.setStyle({ fillOpacity: areaFill(layer.options.className.includes("country") ? "country" : "region") });
    });
  }

  function drawArea(p) {
    // One area per place, however many events it holds, with their number on it.
    const types = new Set(p.rows.map((r) => slug(r[1])));
    const colour = types.size === 1 ? COLOURS[[...types][0]] : "#455a64";
    L.circle([p.lat, p.lon], {
      radius: AREA_RADIUS_M[p.precision], color: colour, weight: p.precision === "country" ? 2 : 1,
      fillColor: colour, fillOpacity: areaFill(p.precision),
      dashArray: p.precision === "country" ? "10 6" : "4 3", className: `ev-area ${p.precision}`,
      interactive: false, renderer: state.areaRenderer,
    }).addTo(areas);
    const title = t("region_events", p.rows.length, p.location || "?");
    const count = L.marker([p.lat, p.lon], {
      icon: L.divIcon({ className: `ev-count ${p.precision}`, html: "", iconSize: [30, 20] }),
      title, alt: title, keyboard: true,
    });
    count.on("add", () => { const n = count.getElement(); if (n) n.textContent = String(p.rows.length); });
    onActivate(count, () => { $("#f-place").value = p.location || ""; refresh(true); });
    return count;  // clustered with the points, so thousands of places stay light
  }

  function drawOthers(rows) {
    others.clearLayers();
    for (const [id, type, lat, lon, precision, day, location] of rows) {
      const cls = slug(type);
      const title = `${day || "?"} · ${type} · ${location || ""}`;
      const m = L.marker([lat, lon], { icon: markerIcon(cls, precision, true), title, keyboard: true, alt: title });
      onActivate(m, () => openEvent(id));
      others.addLayer(m);
    }
  }

  // -- filters and the URL --------------------------------------------------------------

  function readFilters() {
    const f = {};
    for (const [k, v] of new FormData($("#filter-form")).entries()) if (v) f[k] = v;
    if (f.in_view) {
      const b = map.getBounds();
      f.bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map((x, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, x)).toFixed(4)).join(",");
    }
    delete f.in_view;
    delete f.others;
    return f;
  }

  function viewParam() {
    const c = map.getCenter();
    return `${map.getZoom()}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`;
  }

  function urlFor() {
    // Every filter, the map's view, the layer of events that did not happen, the open event.
    const qs = new URLSearchParams();
    for (const [k, v] of new FormData($("#filter-form")).entries()) {
      if (v && (FILTER_KEYS.includes(k) || k === "in_view" || k === "others")) qs.set(k, v === "on" ? "1" : v);
    }
    qs.set("view", viewParam());
    if (state.selected) qs.set("event", state.selected);
    const lang = window.kroniekI18n.current();
    if (lang !== state.defaultLang || state.urlLang) qs.set("lang", lang);
    return "?" + qs.toString().replace(/%2F/g, "/").replace(/%3A/g, ":");  // both allowed in a query
  }

  function saveUrl(push) {
    const url = urlFor();
    if (url === location.search) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function applyUrl() {
    const qs = new URLSearchParams(location.search);
    const form = $("#filter-form");
    for (const key of FILTER_KEYS) if (form.elements[key]) form.elements[key].value = qs.get(key) || "";
    $("#f-view").checked = qs.get("in_view") === "1";
    $("#f-others").checked = qs.get("others") === "1";
    const view = (qs.get("view") || "").split("/").map(Number);
    if (view.length === 3 && view.every(Number.isFinite)) {
      map.setView([view[1], view[2]], view[0], { animate: false });
      return { view: true, event: qs.get("event") };
    }
    return { view: false, event: qs.get("event") };
  }

  function fetchData(filters) {
    const happened = { ...filters, modality: "asserted" };
    const wanted = [
      getJSON("/events/points", { ...happened, limit: 20000 }),
      getJSON("/events", { ...happened, limit: 200 }),
      getJSON("/events/days", happened),
      getJSON("/events/types", happened),
    ];
    if ($("#f-others").checked) {
      wanted.push(getJSON("/events/points", { ...filters, modality: NOT_HAPPENED, limit: 20000 }));
    }
    return Promise.all(wanted);
  }

  async function render([points, list, days, types, notHappened], beforeDraw) {
    state.points = points.items;
    if (beforeDraw) beforeDraw(points.items);
    drawList(list.items);
    state.timeline.setData(days.items, true);
    state.timeline.setRange(state.filters.date_from, state.filters.date_to, false);
    drawLegend(types);
    drawOthers(notHappened ? notHappened.items : []);
    if (notHappened && !map.hasLayer(others)) others.addTo(map);
    if (!notHappened && map.hasLayer(others)) map.removeLayer(others);
    await drawPoints(points.items);
    setStatus(t("status", types.total, points.total, notHappened ? notHappened.total : 0));
    document.body.dataset.markers = String(points.items.length);
    document.body.dataset.total = String(types.total);
  }

  async function refresh(push = true) {
    state.filters = readFilters();
    if (push) saveUrl(true);
    setStatus(t("loading"));
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
      const cls = slug(ev.type);
      const li = el("li", { "data-id": ev.id },
        el("button", { type: "button", class: "ev-item", onclick: () => openEvent(ev.id) },
          el("span", { class: `swatch t-${cls}`, "aria-hidden": "true" }, LETTERS[cls]),
          `${ev.date_from || "?"} ${ev.sub_type || ev.type} — ${ev.location || t("no_place")}`));
      ol.append(li);
    }
    if (!items.length) ol.append(el("li", { class: "muted" }, t("no_events")));
  }

  function drawLegend(types) {
    const legend = $("#legend");
    legend.replaceChildren(el("h2", {}, t("legend")));
    for (const row of types.items) {
      const cls = slug(row.type);
      legend.append(el("div", { class: "legend-row", "data-type": row.type },
        el("span", { class: `swatch t-${cls}`, "aria-hidden": "true" }, LETTERS[cls]), `${row.type} (${row.n})`));
    }
    legend.append(el("div", { class: "muted" }, t("shapes")));
  }

  function fillFacets(meta) {
    const add = (select, values) => {
      for (const v of values) select.append(el("option", { value: v }, v));
    };
    add($("#f-type"), meta.facets.types.map((row) => row.type));
    add($("#f-source"), meta.facets.source_types);
    add($("#f-side"), meta.facets.sides);
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
      box.append(kv([[t("k_source"), `${src.name || "?"} (${src.type || "unknown"}${src.side ? ", " + src.side : ""})`],
        [t("k_factuality"), c.factuality], [t("k_claim"), c.text],
        [t("k_evidence"), c.evidence ? `${c.evidence.kind}${c.evidence.text ? ": " + c.evidence.text : ""}` : null]]));
    }
    return box;
  }

  async function openEvent(id, push = true) {
    state.selected = id;
    document.body.classList.add("has-detail");
    saveUrl(push);
    for (const li of document.querySelectorAll("#event-list li")) li.classList.toggle("sel", li.dataset.id === id);
    const panel = $("#detail");
    panel.replaceChildren(el("p", { class: "muted" }, "loading…"));
    let ev;
    try { ev = await getJSON("/events/" + encodeURIComponent(id)); } catch (err) {
      panel.replaceChildren(el("p", {}, "error: " + err.message)); return;
    }
    const inc = ev.incident || {};
    panel.replaceChildren(
      el("button", { type: "button", class: "close", onclick: closeDetail }, t("close")),
      el("h3", { id: "event-title", tabindex: "-1" }, `${ev.sub_type || ev.type}`),
      kv([[t("k_type"), ev.type], [t("k_date"), ev.date_from === ev.date_to ? ev.date_from : `${ev.date_from} – ${ev.date_to}`],
        [t("k_dated_by"), ev.date_basis === "published" ? t("k_pub") : t("k_text")],
        [t("k_place"), ev.location ? `${ev.location} (${ev.place_precision || "?"})` : t("k_not_located")],
        [t("k_actor1"), ev.actor1 ? `${ev.actor1}${ev.side1 ? " [" + ev.side1 + "]" : ""}` : null],
        [t("k_actor2"), ev.actor2 ? `${ev.actor2}${ev.side2 ? " [" + ev.side2 + "]" : ""}` : null],
        [t("k_fatalities"), ev.fatalities], [t("k_sources"), ev.sources.join(", ")], [t("k_modality"), ev.modality],
        [t("k_reports"), t("reports_of", ev.reports.length, inc.id)]]),
      el("h2", {}, t("evidence_in_reports")),
      ...ev.reports.map(renderReport));
    $("#event-title").focus({ preventScroll: true });
    if (ev.lat != null && !map.getBounds().contains([ev.lat, ev.lon])) map.panTo([ev.lat, ev.lon]);
  }

  function closeDetail() {
    state.selected = null;
    document.body.classList.remove("has-detail");
    $("#detail").replaceChildren(el("p", { class: "hint" }, t("hint")));
    saveUrl(true);
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
      el("button", { class: "link", onclick: () => state.selected && openEvent(state.selected) }, t("back")),
      el("h3", { id: "article-title" }, doc.title || t("untitled")),
      el("div", { class: "muted" }, [doc.outlet, doc.published && doc.published.value, doc.lang].filter(Boolean).join(" · ")),
      doc.url ? el("div", { class: "muted" }, doc.url) : "",
      el("h2", {}, t("events_in_article", art.events.length)), events,
      el("div", { class: "reader-legend" }, el("span", { class: "a-ent PER" }, "person"),
        el("span", { class: "a-ent ORG" }, "organisation"), el("span", { class: "a-place" }, "place"),
        el("span", { class: "a-time" }, "time"), el("span", { class: "a-quote" }, "quote"), el("span", { class: "a-claim" }, "claim"),
        el("span", { class: "a-trigger" }, "event")),
      el("h2", {}, t("text_h")), renderText(doc));
  }

  // -- start ----------------------------------------------------------------------------

  function fitTo(points) {
    if (!points.length) return;
    map.fitBounds(L.latLngBounds(points.map((p) => [p[2], p[3]])).pad(0.2), { maxZoom: 8, animate: false });
  }

  function switchLanguage() {
    const next = window.kroniekI18n.current() === "nl" ? "en" : "nl";
    window.kroniekI18n.setLang(next);
    state.urlLang = next;
    saveUrl(false);
    location.reload();  // the layer control and the open panels are built in the language
  }

  async function start() {
    state.defaultLang = document.documentElement.lang || "en";
    state.urlLang = new URLSearchParams(location.search).get("lang");
    window.kroniekI18n.setLang(new URLSearchParams(location.search).get("lang") || state.defaultLang);
    state.timeline = window.kroniekTimeline($("#timeline"), {
      label: () => t("timeline"),
      onRange: (range) => {
        $("#f-from").value = range ? range[0] : "";
        $("#f-to").value = range ? range[1] : "";
        refresh(true);
      },
    });
    const fromUrl = applyUrl();
    // The select boxes get their options only with /meta: take their values from the URL.
    const qs = new URLSearchParams(location.search);
    state.filters = readFilters();
    for (const key of FILTER_KEYS) if (qs.get(key)) state.filters[key] = qs.get(key);
    // Everything the first view needs, fetched at once.
    const [meta, countries, data] = await Promise.all([
      getJSON("/meta"),
      fetch("/static/app/outlines/countries.geojson").then((r) => r.json()),
      fetchData(state.filters),
    ]);
    state.meta = meta;
    fillFacets(meta);
    applyUrl();  // the select boxes have their options now
    drawBaseLayers(meta, countries);
    await render(data, fromUrl.view ? null : fitTo);
    if (fromUrl.event) openEvent(fromUrl.event, false);
    saveUrl(false);
    $("#filter-form").addEventListener("submit", (e) => { e.preventDefault(); refresh(true); });
    for (const id of ["#f-type", "#f-source", "#f-side", "#f-from", "#f-to", "#f-view", "#f-others"]) {
      $(id).addEventListener("change", () => refresh(true));
    }
    $("#f-reset").addEventListener("click", () => { $("#filter-form").reset(); refresh(true); });
    $("#lang-switch").addEventListener("click", switchLanguage);
    map.on("zoomend", restyleAreas);
    map.on("moveend", () => {
      saveUrl(false);
      scheduleLabels();
      if ($("#f-view").checked) refresh(false);
    });
    window.addEventListener("popstate", async () => {
      const again = applyUrl();
      await refresh(false);
      if (again.event) openEvent(again.event, false);
      else if (state.selected) { state.selected = null; document.body.classList.remove("has-detail"); }
    });
    document.body.dataset.ready = "1";
    drawLabels();  // names follow; the map is usable without them
  }

  window.kroniek = { openEvent, openArticle, refresh, state, map };
  start().catch((err) => { console.error(err, err && err.stack); setStatus("error: " + (err && err.message)); });
})();
