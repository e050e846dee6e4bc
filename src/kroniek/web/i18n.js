/* kroniek web map: the page's words in English and Dutch. The server sets <html lang>
 * from Accept-Language (or ?lang=); the switch in the header changes it in place. */
"use strict";

window.kroniekI18n = (function () {
  const STRINGS = {
    en: {
      title: "kroniek — chronicle map", api: "API", loading: "loading…", filters: "Filters",
      type: "Event type", all: "all", place: "Place or country", place_ph: "Utrecht, Oekraïne, Донецьк",
      actor: "Actor", actor_ph: "name (spelling variants too)", source_type: "Source type",
      side: "Side", fatalities: "At least killed", text: "Text", text_ph: "words in the article",
      from: "From", to: "To", in_view: "only the map's area",
      others: "also events that did not happen (negated, planned, hypothetical, habitual)",
      apply: "Apply", reset: "Reset", legend: "Legend", events: "Events", details: "Details",
      hint: "Choose an event on the map, in the list or on the timeline to see the sentences that support it; open a report to read the article with its annotations.",
      timeline: "Timeline: drag to choose a period, wheel or +/− to zoom, arrows to move, Esc to clear",
      map: "Map of events", no_events: "no events match", no_place: "no place",
      status: (n, m, o) => `${n} event${n === 1 ? "" : "s"} · ${m} on the map` + (o ? ` · ${o} that did not happen` : ""),
      shapes: "letter = type; dot = town or village; dashed = near; shaded area with a number = events known only by region; ringed area = only by country",
      layer_points: "Events (points)", layer_areas: "Events known only by region or country",
      layer_others: "Did not happen (negated, planned, …)", layer_labels: "Place names",
      layer_regions: "Provinces", base: "Outlines (offline)", online: "Online tiles",
      k_type: "type", k_date: "date", k_dated_by: "dated by", k_pub: "publication date (no date in the text)",
      k_text: "the text", k_place: "place", k_not_located: "not located", k_actor1: "actor 1",
      k_actor2: "actor 2", k_fatalities: "fatalities", k_sources: "sources", k_reports: "reports",
      k_modality: "modality", k_source: "source", k_factuality: "factuality", k_claim: "claim",
      k_evidence: "evidence", evidence_in_reports: "Evidence in each report",
      reports_of: (n, id) => `${n} report${n === 1 ? "" : "s"} of incident ${id || ""}`,
      back: "← back to the event", untitled: "(untitled)", events_in_article: (n) => `Events in this article (${n})`,
      text_h: "Text", close: "Close", region_events: (n, name) => `${n} event${n === 1 ? "" : "s"} known only as ${name}`,
      lang_switch: "Nederlands",
    },
    nl: {
      title: "kroniek — kaart van de kroniek", api: "API", loading: "laden…", filters: "Filters",
      type: "Soort gebeurtenis", all: "alle", place: "Plaats of land", place_ph: "Utrecht, Oekraïne, Донецьк",
      actor: "Actor", actor_ph: "naam (ook andere spellingen)", source_type: "Soort bron",
      side: "Partij", fatalities: "Minstens doden", text: "Tekst", text_ph: "woorden in het artikel",
      from: "Van", to: "Tot", in_view: "alleen het kaartbeeld",
      others: "ook gebeurtenissen die niet plaatsvonden (ontkend, gepland, hypothetisch, gewoonte)",
      apply: "Toepassen", reset: "Wissen", legend: "Legenda", events: "Gebeurtenissen", details: "Details",
      hint: "Kies een gebeurtenis op de kaart, in de lijst of op de tijdlijn om de zinnen te zien die haar onderbouwen; open een bericht om het artikel met zijn annotaties te lezen.",
      timeline: "Tijdlijn: sleep om een periode te kiezen, scroll of +/− om te zoomen, pijltjes om te verschuiven, Esc om te wissen",
      map: "Kaart van gebeurtenissen", no_events: "geen gebeurtenissen gevonden", no_place: "geen plaats",
      status: (n, m, o) => `${n} gebeurtenis${n === 1 ? "" : "sen"} · ${m} op de kaart` + (o ? ` · ${o} die niet plaatsvonden` : ""),
      shapes: "letter = soort; stip = stad of dorp; gestreept = nabij; gearceerd gebied met getal = alleen de regio bekend; omringd gebied = alleen het land bekend",
      layer_points: "Gebeurtenissen (punten)", layer_areas: "Alleen regio of land bekend",
      layer_others: "Niet gebeurd (ontkend, gepland, …)", layer_labels: "Plaatsnamen",
      layer_regions: "Provincies", base: "Contouren (offline)", online: "Online-kaart",
      k_type: "soort", k_date: "datum", k_dated_by: "gedateerd door", k_pub: "publicatiedatum (geen datum in de tekst)",
      k_text: "de tekst", k_place: "plaats", k_not_located: "niet gelokaliseerd", k_actor1: "actor 1",
      k_actor2: "actor 2", k_fatalities: "doden", k_sources: "bronnen", k_reports: "berichten",
      k_modality: "modaliteit", k_source: "bron", k_factuality: "feitelijkheid", k_claim: "bewering",
      k_evidence: "bewijs", evidence_in_reports: "Bewijs in elk bericht",
      reports_of: (n, id) => `${n} bericht${n === 1 ? "" : "en"} over incident ${id || ""}`,
      back: "← terug naar de gebeurtenis", untitled: "(zonder titel)", events_in_article: (n) => `Gebeurtenissen in dit artikel (${n})`,
      text_h: "Tekst", close: "Sluiten", region_events: (n, name) => `${n} gebeurtenis${n === 1 ? "" : "sen"} alleen bekend als ${name}`,
      lang_switch: "English",
    },
  };

  let lang = "en";

  function setLang(value) {
    lang = STRINGS[value] ? value : "en";
    document.documentElement.lang = lang;
    document.title = t("title");
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-ph]")) node.placeholder = t(node.dataset.i18nPh);
    for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
    return lang;
  }

  function t(key, ...args) {
    const value = (STRINGS[lang] || STRINGS.en)[key];
    if (value === undefined) return key;
    return typeof value === "function" ? value(...args) : value;
  }

  return { setLang, t, current: () => lang, languages: Object.keys(STRINGS) };
})();
