// thucydides dashboard: each page draws itself from the JSON API.
// Safety rule: data from the store (article text, titles, actor names) only ever reaches the page
// through textContent or setAttribute on safe attributes -- never innerHTML.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const QUADS = [
  ["verbal_cooperation", "Verbal cooperation", "#6baed6"],
  ["material_cooperation", "Material cooperation", "#2171b5"],
  ["verbal_conflict", "Verbal conflict", "#fc9272"],
  ["material_conflict", "Material conflict", "#cb181d"],
];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// Only our own pages and http(s) links: a stored URL like "javascript:..." becomes inert.
function safeHref(value) {
  const s = String(value);
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
  } catch (e) {
    return "#";
  }
}

function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? "?" + s : "";
}

function setStatus(text) {
  document.getElementById("status").textContent = text || "";
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!body.ok) throw new Error(body.error || "request failed (" + response.status + ")");
  return body;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function params() {
  return new URLSearchParams(window.location.search);
}

// Fill a form from the URL, and on submit put the form into the URL and redraw.
function bindForm(form, draw) {
  const p = params();
  for (const input of form.elements) {
    if (!input.name || !p.has(input.name)) continue;
    if (input.type === "checkbox") input.checked = p.get(input.name) === "true";
    else input.value = p.get(input.name);
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const values = {};
    for (const input of form.elements) {
      if (!input.name) continue;
      if (input.type === "checkbox") values[input.name] = input.checked ? "true" : "";
      else values[input.name] = input.value.trim();
    }
    history.pushState(null, "", window.location.pathname + qs(values));
    draw(values);
  });
}

function formValues(form) {
  const values = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    if (input.type === "checkbox") values[input.name] = input.checked ? "true" : "";
    else values[input.name] = input.value.trim();
  }
  return values;
}

function fmt(n, digits) {
  if (n === null || n === undefined) return "";
  return typeof n === "number" ? n.toFixed(digits === undefined ? 1 : digits) : String(n);
}

// ---------------------------------------------------------------------------------------------
// Tables

function eventLink(row) {
  return el("a", { href: "/event" + qs({ id: row.event_id }), class: "event-link" }, row.sentence || row.event_id);
}

function actorLinks(codes) {
  const span = el("span");
  (codes || "").split(";").filter(Boolean).forEach((code, i) => {
    if (i) span.append(", ");
    span.append(el("a", { href: "/actor" + qs({ code }) }, code));
  });
  return span;
}

function eventTable(table, events) {
  clear(table);
  table.append(el("thead", {}, el("tr", {}, ...["Date", "Actors", "Type", "Recipients", "Goldstein", "Reports", "Sentence"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const e of events) {
    body.append(
      el("tr", { class: "q" + (e.quad_class || 0) },
        el("td", { class: "nowrap" }, e.date || "—"),
        el("td", {}, actorLinks(e.actors)),
        el("td", { class: "nowrap" }, e.plover || "", " ", el("small", {}, e.cameo || "")),
        el("td", {}, actorLinks(e.recipients)),
        el("td", { class: "num" }, fmt(e.goldstein)),
        el("td", { class: "num" }, e.num_mentions ?? ""),
        el("td", {}, eventLink(e)),
      ),
    );
  }
  if (!events.length) body.append(el("tr", {}, el("td", { colspan: 7, class: "empty" }, "No events.")));
  table.append(body);
}

function pager(node, body, go) {
  clear(node);
  if (body.offset > 0) node.append(el("button", { type: "button", onclick: () => go(Math.max(0, body.offset - body.limit)) }, "← Newer"));
  node.append(el("span", {}, ` ${body.offset + 1}–${body.offset + body.events.length} `));
  if (body.has_more) node.append(el("button", { type: "button", onclick: () => go(body.offset + body.limit) }, "Older →"));
}

// ---------------------------------------------------------------------------------------------
// Charts: plain SVG, drawn here.

const W = 900, H = 260, PAD = { l: 48, r: 48, t: 12, b: 28 };

function axisLabels(g, rows, x, step) {
  const every = Math.max(1, Math.ceil(rows.length / 12));
  rows.forEach((r, i) => {
    if (i % every) return;
    g.append(svg("text", { x: x(i) + step / 2, y: H - 8, "text-anchor": "middle", class: "tick" }, String(r.period).slice(0, r.period.length > 7 ? 10 : 7)));
  });
}

function legend(container, items) {
  container.append(el("p", { class: "legend" }, ...items.map(([, label, color]) => el("span", { class: "key" }, el("i", { "data-color": color }), label))));
  container.querySelectorAll("i[data-color]").forEach((i) => (i.style.background = i.dataset.color));
}

// Monthly rows with the months that have no events put back (the API lists only the others).
function fillMonths(rows) {
  if (!rows.length) return rows;
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const out = [];
  const d = new Date(rows[0].period + "T00:00:00Z");
  const last = rows[rows.length - 1].period;
  while (out.length < 1200) {
    const period = d.toISOString().slice(0, 10);
    out.push(byPeriod.get(period) || { period, events: 0 });
    if (period >= last) break;
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

function stackedBars(container, rows, onClick) {
  rows = fillMonths(rows);
  clear(container);
  if (!rows.length) return container.append(el("p", { class: "empty" }, "No dated events."));
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart-svg", role: "img" });
  const max = Math.max(1, ...rows.map((r) => r.events));
  const step = Math.min(80, (W - PAD.l - PAD.r) / rows.length);
  const x = (i) => PAD.l + i * step;
  const y = (v) => H - PAD.b - (v / max) * (H - PAD.t - PAD.b);
  for (const t of new Set([0, Math.round(max / 2), max])) {
    root.append(svg("line", { x1: PAD.l, x2: W - PAD.r, y1: y(t), y2: y(t), class: "grid" }));
    root.append(svg("text", { x: PAD.l - 6, y: y(t) + 4, "text-anchor": "end", class: "tick" }, t));
  }
  rows.forEach((r, i) => {
    let base = 0;
    const g = svg("g", { class: "bar", "data-period": r.period });
    for (const [key, label, color] of QUADS) {
      const v = r[key] || 0;
      if (!v) continue;
      g.append(svg("rect", { x: x(i) + 1, width: Math.max(1, step - 2), y: y(base + v), height: y(base) - y(base + v), fill: color }, svg("title", {}, `${r.period}: ${v} ${label.toLowerCase()}`)));
      base += v;
    }
    if (onClick) g.addEventListener("click", () => onClick(r));
    root.append(g);
  });
  axisLabels(root, rows, x, step);
  container.append(root);
  legend(container, QUADS);
}

function dyadChart(container, rows, onClick) {
  clear(container);
  if (!rows.length) return container.append(el("p", { class: "empty" }, "No dated events between them."));
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart-svg", role: "img" });
  const coop = (r) => r.verbal_cooperation + r.material_cooperation;
  const conf = (r) => r.verbal_conflict + r.material_conflict;
  const max = Math.max(1, ...rows.map(coop), ...rows.map(conf));
  const mid = PAD.t + (H - PAD.t - PAD.b) / 2;
  const half = (H - PAD.t - PAD.b) / 2;
  const step = Math.min(80, (W - PAD.l - PAD.r) / rows.length);
  const x = (i) => PAD.l + i * step;
  const yc = (v) => mid - (v / max) * half;
  const yg = (g) => mid - (g / 10) * half;
  root.append(svg("line", { x1: PAD.l, x2: W - PAD.r, y1: mid, y2: mid, class: "axis" }));
  for (const [v, label] of [[max, max], [-max, max]]) root.append(svg("text", { x: PAD.l - 6, y: yc(v) + 4, "text-anchor": "end", class: "tick" }, label));
  for (const g of [10, 0, -10]) root.append(svg("text", { x: W - PAD.r + 6, y: yg(g) + 4, class: "tick goldstein" }, (g > 0 ? "+" : "") + g));
  rows.forEach((r, i) => {
    const g = svg("g", { class: "bar point", "data-period": r.period, tabindex: 0 });
    const c = coop(r), k = conf(r);
    g.append(svg("rect", { x: x(i), width: step, y: PAD.t, height: H - PAD.t - PAD.b, class: "hit" }));
    if (c) g.append(svg("rect", { x: x(i) + 1, width: Math.max(1, step - 2), y: yc(c), height: mid - yc(c), fill: QUADS[1][2] }));
    if (k) g.append(svg("rect", { x: x(i) + 1, width: Math.max(1, step - 2), y: mid, height: yc(-k) - mid, fill: QUADS[3][2] }));
    g.append(svg("title", {}, `${r.period}: ${c} cooperation, ${k} conflict, mean Goldstein ${fmt(r.mean_goldstein)}`));
    g.addEventListener("click", () => onClick(r));
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onClick(r); });
    root.append(g);
  });
  const pts = rows.map((r, i) => (r.events ? `${x(i) + step / 2},${yg(r.mean_goldstein)}` : null)).filter(Boolean);
  if (pts.length) root.append(svg("polyline", { points: pts.join(" "), class: "goldstein-line" }));
  rows.forEach((r, i) => { if (r.events) root.append(svg("circle", { cx: x(i) + step / 2, cy: yg(r.mean_goldstein), r: 3, class: "goldstein-dot" })); });
  axisLabels(root, rows, x, step);
  container.append(root);
  legend(container, [[0, "Cooperation", QUADS[1][2]], [0, "Conflict", QUADS[3][2]], [0, "Mean Goldstein", "#333"]]);
}

function periodEnd(period, interval) {
  const d = new Date(period + "T00:00:00Z");
  if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Pages

async function pageOverview() {
  const [health, series, dyads, actors] = await Promise.all([
    api("/api/health"), api("/api/series?interval=month"), api("/api/top/dyads?limit=15"), api("/api/top/actors?limit=15"),
  ]);
  document.getElementById("summary").textContent =
    `${health.events.toLocaleString()} events from ${health.reports.toLocaleString()} reports in ${health.articles.toLocaleString()} articles` +
    (health.first_date ? `, ${health.first_date} to ${health.last_date}` : "") + ".";
  stackedBars(document.getElementById("quad-chart"), series.series, (r) => {
    window.location.href = "/events" + qs({ since: r.period, until: periodEnd(r.period, "month") });
  });
  const dt = clear(document.getElementById("top-dyads"));
  dt.append(el("thead", {}, el("tr", {}, el("th", {}, "Actor"), el("th", {}, "Recipient"), el("th", {}, "Events"), el("th", {}, "Goldstein"))));
  dt.append(el("tbody", {}, ...dyads.dyads.map((d) => el("tr", {},
    el("td", {}, el("a", { href: "/dyad" + qs({ a: d.actor, b: d.recipient }), class: "dyad-link" }, d.actor)),
    el("td", {}, el("a", { href: "/dyad" + qs({ a: d.actor, b: d.recipient }) }, d.recipient)),
    el("td", { class: "num" }, d.events), el("td", { class: "num" }, fmt(d.mean_goldstein))))));
  const at = clear(document.getElementById("top-actors"));
  at.append(el("thead", {}, el("tr", {}, el("th", {}, "Actor"), el("th", {}, "Events"), el("th", {}, "Reports"))));
  at.append(el("tbody", {}, ...actors.actors.map((a) => el("tr", {},
    el("td", {}, el("a", { href: "/actor" + qs({ code: a.code }) }, a.code)),
    el("td", { class: "num" }, a.events), el("td", { class: "num" }, a.mentions)))));
}

async function pageDyad() {
  const form = document.getElementById("dyad-form");
  const draw = async (v) => {
    if (!v.a || !v.b) return;
    document.getElementById("dyad-name").textContent = `${v.a.toUpperCase()} – ${v.b.toUpperCase()}`;
    const interval = v.interval || "month";
    const path = `/api/dyads/${encodeURIComponent(v.a)}/${encodeURIComponent(v.b)}`;
    const opts = { interval, directed: v.directed || "" };
    const listEvents = async (since, until, offset) => {
      const body = await api(path + "/events" + qs({ since, until, directed: v.directed || "", offset, limit: 25 }));
      document.getElementById("dyad-events-title").textContent = since ? `Events ${since} to ${until}` : "Latest events";
      eventTable(document.getElementById("dyad-events"), body.events);
      pager(document.getElementById("dyad-pager"), body, (o) => listEvents(since, until, o));
    };
    const series = await api(path + "/series" + qs(opts));
    dyadChart(document.getElementById("dyad-chart"), series.series, (r) => listEvents(r.period, periodEnd(r.period, interval), 0));
    await listEvents("", "", 0);
  };
  bindForm(form, draw);
  await draw(formValues(form));
}

async function pageActor() {
  const form = document.getElementById("actor-form");
  const draw = async (v) => {
    if (!v.code) return;
    const code = v.code;
    document.getElementById("actor-name").textContent = code.toUpperCase();
    const [series, dyads, timeline] = await Promise.all([
      api("/api/series" + qs({ party: code })),
      api("/api/top/dyads" + qs({ party: code, limit: 15 })),
      api(`/api/actors/${encodeURIComponent(code)}/timeline?limit=25`),
    ]);
    stackedBars(document.getElementById("actor-chart"), series.series);
    const t = clear(document.getElementById("actor-dyads"));
    t.append(el("thead", {}, el("tr", {}, el("th", {}, "Actor"), el("th", {}, "Recipient"), el("th", {}, "Events"))));
    t.append(el("tbody", {}, ...dyads.dyads.map((d) => el("tr", {},
      el("td", {}, el("a", { href: "/dyad" + qs({ a: d.actor, b: d.recipient }) }, d.actor)),
      el("td", {}, el("a", { href: "/dyad" + qs({ a: d.actor, b: d.recipient }) }, d.recipient)),
      el("td", { class: "num" }, d.events)))));
    eventTable(document.getElementById("actor-events"), timeline.events);
  };
  bindForm(form, draw);
  await draw(formValues(form));
}

let WORLD = null;

async function pageMap() {
  const form = document.getElementById("map-form");
  const box = document.getElementById("map");
  const draw = async (v) => {
    if (!WORLD) WORLD = await (await fetch("/static/world.json")).json();
    const body = await api("/api/map" + qs({ party: v.party, plover: v.plover, since: v.since, until: v.until, limit: 1000 }));
    clear(box);
    const mw = 1000, mh = 500, px = (lon) => ((lon + 180) / 360) * mw, py = (lat) => ((90 - lat) / 180) * mh;
    const root = svg("svg", { viewBox: `0 0 ${mw} ${mh}`, class: "map-svg", role: "img" });
    root.append(svg("rect", { x: 0, y: 0, width: mw, height: mh, class: "sea" }));
    for (const c of WORLD.countries) {
      const d = c.rings.map((r) => "M" + r.map(([lon, lat]) => `${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join("L") + "Z").join("");
      root.append(svg("path", { d, class: "land" }, svg("title", {}, c.name)));
    }
    const max = Math.max(1, ...body.points.map((p) => p.events));
    for (const p of body.points) {
      const g = p.mean_goldstein || 0;
      const color = g < -2 ? "#cb181d" : g < 0 ? "#fc9272" : g < 2 ? "#6baed6" : "#2171b5";
      const dot = svg("circle", { cx: px(p.lon), cy: py(p.lat), r: 2 + 10 * Math.sqrt(p.events / max), fill: color, class: "dot" },
        svg("title", {}, `${p.name} (${p.country || "?"}): ${p.events} events`));
      dot.addEventListener("click", () => { window.location.href = "/events" + qs({ place: p.name, party: v.party, plover: v.plover }); });
      root.append(dot);
    }
    box.append(root);
    const t = clear(document.getElementById("map-places"));
    t.append(el("thead", {}, el("tr", {}, el("th", {}, "Place"), el("th", {}, "Country"), el("th", {}, "Events"), el("th", {}, "Goldstein"))));
    t.append(el("tbody", {}, ...body.points.slice(0, 30).map((p) => el("tr", {},
      el("td", {}, el("a", { href: "/events" + qs({ place: p.name }) }, p.name)),
      el("td", {}, p.country || ""), el("td", { class: "num" }, p.events), el("td", { class: "num" }, fmt(p.mean_goldstein))))));
  };
  bindForm(form, draw);
  await draw(formValues(form));
}

function sentence(node, segments) {
  clear(node);
  for (const s of segments) {
    if (!s.kind) node.append(document.createTextNode(s.text));
    else node.append(el("mark", { class: "m-" + s.kind, title: `${s.kind}${s.label ? ": " + s.label : ""}` }, s.text));
  }
}

function actorText(list) {
  return (list || []).map((a) => `${a.code}${a.name ? " (" + a.name + ")" : ""}`).join(", ") || "—";
}

function fields(dl, pairs) {
  clear(dl);
  for (const [k, v] of pairs) dl.append(el("dt", {}, k), el("dd", {}, v instanceof Node ? v : String(v ?? "—")));
}

async function pageEvent() {
  const id = params().get("id");
  if (!id) throw new Error("no event id: open an event from a list");
  const body = await api("/api/events/" + encodeURIComponent(id));
  const r = body.record;
  sentence(document.getElementById("event-sentence"), body.segments);
  const place = r.location ? `${r.location.name}${r.location.country ? ", " + r.location.country : ""} (${r.location.precision})` : "—";
  fields(document.getElementById("event-fields"), [
    ["Date", r.date ? `${r.date} (${r.date_precision})${r.date_text ? " from “" + r.date_text + "”" : ""}` : "—"],
    ["Actors", actorText(r.actors)],
    ["Event", `${r.plover || "—"}${r.plover_mode ? " / " + r.plover_mode : ""} · CAMEO ${r.cameo} · QuadClass ${r.quad_class} · Goldstein ${fmt(r.goldstein)}`],
    ["Recipients", actorText(r.recipients)],
    ["Place", place],
    ["Modality", `${r.modality}${r.factual ? "" : " (not counted as happened)"}`],
    ["Reports", `${body.num_mentions ?? 1} in ${body.num_articles ?? 1} articles from ${body.num_sources ?? 1} sources`],
  ]);
  const art = clear(document.getElementById("event-article"));
  if (body.article) {
    const a = body.article;
    art.append(el("p", {}, a.url ? el("a", { href: a.url, rel: "noopener noreferrer", class: "article-title" }, a.title || a.url) : el("span", { class: "article-title" }, a.title || a.article_id)));
    art.append(el("p", { class: "hint" }, [a.source, a.published, "article " + a.article_id].filter(Boolean).join(" · ")));
  } else {
    art.append(el("p", { class: "hint" }, `Imported from ${body.dataset}; article ${r.article_id}.`));
  }
  const ex = r.explanation || {};
  fields(document.getElementById("event-explanation"), Object.entries(ex).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  const ul = clear(document.getElementById("event-reports"));
  for (const rep of body.reports) ul.append(el("li", {}, el("a", { href: "/event" + qs({ id: rep.event_id }) }, rep.title || rep.article_id), " — ", rep.sentence));
  if (!body.reports.length) ul.append(el("li", { class: "empty" }, "None."));
}

async function pageEvents() {
  const form = document.getElementById("events-form");
  const draw = async (v, offset) => {
    const body = await api("/api/events" + qs({ ...v, offset: offset || 0, limit: 50 }));
    eventTable(document.getElementById("events-table"), body.events);
    pager(document.getElementById("events-pager"), body, (o) => draw(v, o));
  };
  bindForm(form, (v) => draw(v, 0));
  await draw(formValues(form), 0);
}

async function pageCode() {
  const form = document.getElementById("code-form");
  if (!form) return;
  const token = form.elements.namedItem("token");
  token.value = sessionStorage.getItem("thucydides-token") || "";
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem("thucydides-token", token.value);
    const out = clear(document.getElementById("code-results"));
    setStatus("Coding…");
    try {
      const body = await api("/api/code", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer " + token.value },
        body: JSON.stringify({ text: form.elements.namedItem("text").value, published: form.elements.namedItem("published").value || null }),
      });
      for (const r of body.events) {
        const q = el("blockquote", { class: "sentence" });
        sentence(q, r.segments);
        out.append(el("div", { class: "coded q" + r.quad_class }, q,
          el("p", {}, `${actorText(r.actors)} → ${r.plover || "CAMEO " + r.cameo} → ${actorText(r.recipients)} · ${r.date || "undated"} · ${r.modality}`)));
      }
      if (!body.events.length) out.append(el("p", { class: "empty" }, "No events found."));
      setStatus("");
    } catch (e) {
      setStatus(e.message);
    }
  });
}

const PAGES = { overview: pageOverview, dyad: pageDyad, actor: pageActor, map: pageMap, event: pageEvent, events: pageEvents, code: pageCode };

document.addEventListener("DOMContentLoaded", () => {
  const page = PAGES[document.body.dataset.page];
  if (!page) return;
  page()
    .then(() => document.body.setAttribute("data-ready", "yes"))
    .catch((e) => { setStatus(e.message); document.body.setAttribute("data-ready", "error"); });
  window.addEventListener("popstate", () => window.location.reload());
});
