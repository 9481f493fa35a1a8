// SosRap web UI: plain DOM code, no framework, no build step. Every value from the server is
// written with textContent (never as HTML), and the API key lives only in sessionStorage.
"use strict";

const state = { key: null, me: null, taxonomy: null, options: null, selected: null };

const ROLE_NAMES = {
  tyontekija: "työntekijä", esihenkilo: "esihenkilö", tyoryhma: "työryhmä", tutkija: "tutkija", yllapitaja: "ylläpitäjä",
};
const STATE_NAMES = {
  uusi: "uusi", alkukasitelty: "alkukäsitelty", yhdistetty: "yhdistetty", tyoryhmassa: "työryhmässä",
  raportoitu: "raportoitu", valitetty: "välitetty",
};
const REDACTION_NAMES = {
  nimi: "nimi", hetu: "henkilötunnus", puhelin: "puhelinnumero", sahkoposti: "sähköpostiosoite", osoite: "osoite", iban: "tilinumero",
};
const TABS = [
  { id: "submit", label: "Uusi ilmoitus", roles: ["tyontekija", "esihenkilo"] },
  { id: "mine", label: "Omat ilmoitukset", roles: ["tyontekija", "esihenkilo"] },
  { id: "queue", label: "Käsittelyjono", roles: ["esihenkilo", "tyoryhma"] },
  { id: "analysis", label: "Ryppäät ja teemat", roles: ["tyoryhma"] },
  { id: "stats", label: "Tilastot", roles: ["tyoryhma", "tutkija"] },
  { id: "admin", label: "Ylläpito", roles: ["yllapitaja"] },
];

const $ = (id) => document.getElementById(id);

// Each view renders only the answer to its latest request: a slow earlier answer must not overwrite a newer one.
const latest = {};
function ticket(view) {
  latest[view] = (latest[view] || 0) + 1;
  const mine = latest[view];
  return () => latest[view] === mine;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

class ApiError extends Error {
  constructor(status, problem) {
    super(describeProblem(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describeProblem(status, problem) {
  if (!problem) return `Virhe ${status}`;
  const parts = [problem.detail || problem.title || `Virhe ${status}`];
  if (problem.errors) {
    for (const [field, messages] of Object.entries(problem.errors)) parts.push(`${field}: ${messages.join(" ")}`);
  }
  return parts.join(" – ");
}

async function api(method, path, body) {
  const headers = { "X-Api-Key": state.key, Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function showMessage(text) {
  const box = $("message");
  box.textContent = text || "";
  box.hidden = !text;
}

async function guarded(action) {
  showMessage("");
  try {
    await action();
  } catch (e) {
    showMessage(e.message);
  }
}

// ---- login ----------------------------------------------------------------------------------

async function login(key) {
  state.key = key;
  try {
    // A header value can hold only visible ASCII; anything else cannot be a key.
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new ApiError(401, null);
    state.me = await api("GET", "/api/me");
    [state.taxonomy, state.options] = await Promise.all([api("GET", "/api/taxonomy"), api("GET", "/api/form-options")]);
  } catch (e) {
    state.key = null;
    sessionStorage.removeItem("sosrap-key");
    const error = $("login-error");
    error.textContent = e.status === 401 ? "Avain ei kelpaa (tuntematon, peruttu tai vanhentunut)." : e.message;
    error.hidden = false;
    return;
  }
  sessionStorage.setItem("sosrap-key", key);
  $("login-error").hidden = true;
  $("login").hidden = true;
  $("who").hidden = false;
  $("who-name").textContent = state.me.name;
  $("who-role").textContent = ROLE_NAMES[state.me.role] || state.me.role;
  buildTabs();
}

function logout() {
  sessionStorage.removeItem("sosrap-key");
  location.reload();
}

function buildTabs() {
  const nav = $("tabs");
  nav.replaceChildren();
  const mine = TABS.filter((t) => t.roles.includes(state.me.role));
  for (const tab of mine) {
    nav.append(el("button", { type: "button", role: "tab", "data-tab": tab.id, onclick: () => openTab(tab.id) }, tab.label));
  }
  nav.hidden = false;
  if (mine.length > 0) openTab(mine[0].id);
}

function openTab(id) {
  for (const button of $("tabs").querySelectorAll("button")) button.setAttribute("aria-selected", String(button.dataset.tab === id));
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== `view-${id}`;
  showMessage("");
  const open = { submit: openSubmit, mine: loadMine, queue: loadQueue, analysis: loadAnalysis, stats: openStats, admin: loadAdmin }[id];
  guarded(open);
}

// ---- shared rendering ---------------------------------------------------------------------

function categoryName(id) {
  const c = state.taxonomy.categories.find((x) => x.id === id);
  return c ? c.name : id;
}

function stateBadge(value) {
  return el("span", { class: "state" }, STATE_NAMES[value] || value);
}

function redactionText(redaction) {
  if (!redaction || redaction.total === 0) return "Tekstistä ei löytynyt poistettavia henkilötietoja.";
  const parts = Object.entries(redaction.kinds).map(([kind, n]) => `${n} × ${REDACTION_NAMES[kind] || kind}`);
  return `Poistettu ennen tallennusta: ${parts.join(", ")}.`;
}

function suggestionsBlock(report, { reviewable, onDecision } = {}) {
  const block = el("div", { class: "suggestions" }, el("h3", {}, "Luokitusehdotukset"));
  const s = report.suggestions;
  if (!s || s.status !== "ok") {
    block.append(el("p", { class: "muted" }, "Luokitusehdotukset eivät ole käytössä tässä palvelussa."));
    return block;
  }
  if (s.items.length === 0) block.append(el("p", { class: "muted" }, "Ei ehdotuksia."));
  for (const item of s.items) {
    const row = el("div", { class: "suggestion", "data-category": item.category },
      el("span", { class: "score" }, item.score.toFixed(2)),
      el("span", { class: item.decision ? `decision-${item.decision}` : "" }, item.name || item.category),
      item.evidence && item.evidence.lemmas.length ? el("span", { class: "muted" }, `(${item.evidence.lemmas.join(", ")})`) : null);
    if (reviewable && !item.decision) {
      row.append(
        el("button", { type: "button", class: "secondary", "data-action": "accept", onclick: () => onDecision({ accepted: [item.category] }) }, "Hyväksy"),
        el("button", { type: "button", class: "secondary", "data-action": "reject", onclick: () => onDecision({ rejected: [item.category] }) }, "Hylkää"));
    } else if (item.decision) {
      row.append(el("span", { class: "muted" }, item.decision === "accepted" ? "hyväksytty" : item.decision === "rejected" ? "hylätty" : "lisätty"));
    }
    block.append(row);
  }
  return block;
}

function reportDetails(report) {
  const meta = [
    ["Tila", stateBadge(report.state)],
    ["Päivämäärä", report.reported_at],
    ["Kunta", report.municipality || "–"],
    ["Palvelualue", report.service_area],
    ["Laji", report.kind === "hyva_kaytanto" ? "hyvä käytäntö" : "epäkohta"],
    ["Luokat", report.categories.length ? report.categories.map(categoryName).join(", ") : "–"],
  ];
  if (report.author_name) meta.push(["Laatija", report.author_name]);
  if (report.merged_into) meta.push(["Yhdistetty ilmoitukseen", report.merged_into]);
  if (report.reported_period) meta.push(["Raportoitu kaudella", report.reported_period]);
  if (report.forwarded_to) meta.push(["Välitetty", report.forwarded_to]);
  const list = el("dl", {});
  for (const [k, v] of meta) list.append(el("dt", {}, k), el("dd", {}, v));
  return el("div", {},
    el("h3", {}, `Ilmoitus ${report.id}`),
    list,
    report.return_comment ? el("p", { class: "notice", "data-role": "return-comment" }, `Palautettu: ${report.return_comment}`) : null,
    el("h3", {}, "Ilmiö"),
    el("div", { class: "text", "data-role": "phenomenon" }, report.phenomenon),
    report.proposal ? el("h3", {}, "Toimenpide-ehdotus") : null,
    report.proposal ? el("div", { class: "text" }, report.proposal) : null,
    el("p", { class: "redaction" }, redactionText(report.redaction)));
}

function reportTable(table, page, onSelect) {
  table.replaceChildren(el("thead", {}, el("tr", {},
    el("th", {}, "Päivä"), el("th", {}, "Tila"), el("th", {}, "Kunta"), el("th", {}, "Ilmiö"), el("th", {}, "Luokat"))));
  const body = el("tbody");
  for (const item of page.items) {
    body.append(el("tr", { "data-id": item.id, onclick: () => guarded(() => onSelect(item.id)) },
      el("td", {}, item.reported_at),
      el("td", {}, stateBadge(item.state), item.returned ? el("span", { class: "muted" }, " palautettu") : null),
      el("td", {}, item.municipality || ""),
      el("td", {}, item.phenomenon_preview.length >= 300 ? item.phenomenon_preview + " …" : item.phenomenon_preview),
      el("td", {}, item.categories.map(categoryName).join(", "))));
  }
  if (page.items.length === 0) body.append(el("tr", {}, el("td", { colspan: "5", class: "muted" }, "Ei ilmoituksia.")));
  table.append(body, el("caption", { class: "muted" }, `${page.total} ilmoitusta`));
}

// ---- submit ---------------------------------------------------------------------------------

function openSubmit() {
  const fill = (list, values) => list.replaceChildren(...values.map((v) => el("option", { value: v })));
  fill($("municipalities"), state.options.municipalities);
  fill($("service-areas"), state.options.service_areas);
  if (!$("f-service-area").value && state.me.service_areas.length) $("f-service-area").value = state.me.service_areas[0];
  const responsible = $("f-responsible");
  if (responsible.options.length === 1) for (const r of state.options.responsible) responsible.append(el("option", { value: r }, r));
  const boxes = $("f-categories");
  boxes.replaceChildren(...state.taxonomy.categories.map((c) =>
    el("label", {}, el("input", { type: "checkbox", value: c.id }), " ", c.name)));
}

function formBody(form) {
  const value = (name) => form.elements[name].value.trim();
  const body = {
    phenomenon: form.elements.phenomenon.value,
    proposal: form.elements.proposal.value,
    municipality: value("municipality") || null,
    service_area: value("service_area"),
    kind: value("kind"),
    language: value("language"),
    responsible: value("responsible") || null,
    categories: [...$("f-categories").querySelectorAll("input:checked")].map((i) => i.value),
  };
  if (value("reported_at")) body.reported_at = value("reported_at");
  if (value("affected_clients")) body.affected_clients = Number(value("affected_clients"));
  return body;
}

async function submitReport(event) {
  event.preventDefault();
  const form = event.target;
  $("submit-status").textContent = "Lähetetään …";
  try {
    const report = await api("POST", "/api/reports", formBody(form));
    form.reset();
    openSubmit();
    const result = $("submit-result");
    result.replaceChildren(
      el("p", { class: "ok", "data-role": "saved" }, "Ilmoitus tallennettu."),
      reportDetails(report),
      suggestionsBlock(report),
      similarBlock(report));
    result.hidden = false;
  } catch (e) {
    showMessage(e.message);
  } finally {
    $("submit-status").textContent = "";
  }
}

function similarBlock(report) {
  const block = el("div", {}, el("h3", {}, "Samankaltaiset aiemmat ilmoitukset"));
  if (!report.similar || report.similar.status !== "ok") {
    block.append(el("p", { class: "muted" }, "Samankaltaisten haku ei ole käytössä tässä palvelussa."));
  } else if (report.similar.items.length === 0) {
    block.append(el("p", { class: "muted" }, "Ei samankaltaisia."));
  } else {
    block.append(el("ul", {}, report.similar.items.map((s) => el("li", {}, `${s.id} (${s.score.toFixed(2)})`))));
  }
  return block;
}

// ---- own reports -----------------------------------------------------------------------------

async function loadMine() {
  $("mine-detail").hidden = true;
  const current = ticket("mine");
  const page = await api("GET", "/api/reports?mine=true&page_size=100");
  if (current()) reportTable($("mine-table"), page, showMine);
}

async function showMine(id) {
  const report = await api("GET", `/api/reports/${encodeURIComponent(id)}`);
  const detail = $("mine-detail");
  detail.replaceChildren(reportDetails(report));
  if (report.state === "uusi" && report.is_own) {
    const text = el("textarea", { rows: "6", id: "edit-phenomenon", maxlength: "20000" });
    text.value = report.phenomenon;
    detail.append(el("h3", {}, "Muokkaa"), text, el("div", { class: "actions" },
      el("button", {
        type: "button", id: "edit-save", onclick: () => guarded(async () => {
          await api("PUT", `/api/reports/${encodeURIComponent(id)}`, {
            phenomenon: text.value, proposal: report.proposal, municipality: report.municipality, service_area: report.service_area,
            reported_at: report.reported_at, kind: report.kind, affected_clients: report.affected_clients,
            responsible: report.responsible, language: report.language, categories: report.categories,
          });
          await showMine(id);
        }),
      }, "Tallenna muutokset")));
  }
  detail.hidden = false;
}

// ---- queue (supervisors, working group) -------------------------------------------------------

async function loadQueue() {
  $("queue-detail").hidden = true;
  // The working group starts from what supervisors have handled; supervisors from what is new.
  if (!state.queueOpened) {
    state.queueOpened = true;
    $("q-state").value = state.me.role === "tyoryhma" ? "alkukasitelty" : "uusi";
  }
  const params = new URLSearchParams({ page_size: "100" });
  if ($("q-state").value) params.set("state", $("q-state").value);
  if ($("q-search").value.trim()) params.set("q", $("q-search").value.trim());
  const current = ticket("queue");
  const page = await api("GET", `/api/reports?${params}`);
  if (current()) reportTable($("queue-table"), page, showQueued);
}

async function showQueued(id) {
  const report = await api("GET", `/api/reports/${encodeURIComponent(id)}`);
  state.selected = report;
  const detail = $("queue-detail");
  const reviewable = ["uusi", "alkukasitelty", "tyoryhmassa"].includes(report.state);
  const decide = (body) => guarded(async () => {
    await api("POST", `/api/reports/${encodeURIComponent(id)}/feedback`, body);
    await showQueued(id);
  });
  detail.replaceChildren(reportDetails(report), suggestionsBlock(report, { reviewable, onDecision: decide }));
  if (reviewable) {
    const suggested = new Set((report.suggestions.items || []).map((s) => s.category));
    const boxes = el("div", { class: "checks", id: "confirm-categories" }, state.taxonomy.categories.map((c) =>
      el("label", {}, el("input", { type: "checkbox", value: c.id, checked: report.categories.includes(c.id) }), " ", c.name)));
    const add = el("button", {
      type: "button", class: "secondary", id: "add-categories", onclick: () => {
        const added = [...boxes.querySelectorAll("input:checked")].map((i) => i.value)
          .filter((c) => !report.categories.includes(c) && !suggested.has(c));
        if (added.length) decide({ added });
      },
    }, "Lisää valitut luokat");
    detail.append(el("h3", {}, "Luokat"), boxes, el("div", { class: "actions" }, add));
    detail.append(transitionActions(report, boxes));
  } else {
    detail.append(transitionActions(report, null));
  }
  detail.hidden = false;
}

function transitionActions(report, boxes) {
  const id = report.id;
  const move = (body) => guarded(async () => {
    await api("POST", `/api/reports/${encodeURIComponent(id)}/transitions`, { ...body, expected_version: report.version });
    await loadQueue();
    await showQueued(id);
  });
  const actions = el("div", { class: "actions" });
  const allowed = new Set(report.allowed_transitions);
  if (allowed.has("alkukasitelty")) {
    actions.append(el("button", {
      type: "button", id: "confirm", onclick: () => move({
        to: "alkukasitelty", categories: [...boxes.querySelectorAll("input:checked")].map((i) => i.value),
      }),
    }, "Vahvista luokat (alkukäsitelty)"));
  }
  if (allowed.has("uusi")) {
    const comment = el("input", { id: "return-comment", placeholder: "Palautuksen syy laatijalle", maxlength: "2000" });
    actions.append(comment, el("button", { type: "button", class: "secondary", id: "return", onclick: () => move({ to: "uusi", comment: comment.value }) }, "Palauta laatijalle"));
  }
  if (allowed.has("yhdistetty")) {
    const target = el("input", { id: "merge-target", placeholder: "Ilmoituksen tunniste", maxlength: "100" });
    actions.append(target, el("button", { type: "button", class: "secondary", id: "merge", onclick: () => move({ to: "yhdistetty", merged_into: target.value.trim() }) }, "Yhdistä"));
  }
  if (allowed.has("tyoryhmassa")) actions.append(el("button", { type: "button", id: "to-group", onclick: () => move({ to: "tyoryhmassa" }) }, "Siirrä työryhmään"));
  if (allowed.has("raportoitu")) {
    const period = el("input", { id: "report-period", placeholder: "Kausi, esim. 2025H1", maxlength: "10" });
    actions.append(period, el("button", { type: "button", id: "to-report", onclick: () => move({ to: "raportoitu", period: period.value.trim() }) }, "Merkitse raportoiduksi"));
  }
  if (allowed.has("valitetty")) {
    const to = el("input", { id: "forward-to", placeholder: "Kenelle välitettiin", maxlength: "2000" });
    actions.append(to, el("button", { type: "button", id: "forward", onclick: () => move({ to: "valitetty", forwarded_to: to.value }) }, "Merkitse välitetyksi"));
  }
  if (actions.childElementCount === 0) actions.append(el("span", { class: "muted" }, "Sinulla ei ole käsittelytoimintoja tälle ilmoitukselle."));
  return actions;
}

// ---- clusters and themes --------------------------------------------------------------------

async function loadAnalysis() {
  const period = $("a-period").value.trim();
  const query = period ? `?period=${encodeURIComponent(period)}` : "";
  const current = ticket("analysis");
  const clusters = $("clusters");
  const candidates = $("candidates");
  for (const [box, path, render] of [[clusters, `/api/clusters${query}`, renderClusters], [candidates, `/api/themes/candidates${query}`, renderCandidates]]) {
    try {
      const data = await api("GET", path);
      if (current()) render(box, data);
    } catch (e) {
      if (current()) box.replaceChildren(el("p", { class: "muted", "data-role": "unavailable" }, e.status === 503 ? "Ryhmittely ei ole vielä käytössä tässä palvelussa." : e.message));
    }
  }
}

function renderClusters(box, data) {
  const table = el("table", { class: "list" }, el("thead", {}, el("tr", {},
    el("th", {}, "Ryväs"), el("th", { class: "num" }, "Ilmoituksia"), el("th", {}, "Kehitys"), el("th", {}, "Yleisimmät luokat"))));
  const body = el("tbody");
  for (const c of data.clusters) {
    body.append(el("tr", {}, el("td", {}, c.label), el("td", { class: "num" }, c.size),
      el("td", {}, c.trend.map((t) => `${t.period}: ${t.count}`).join(", ")), el("td", {}, c.dominant_categories.map(categoryName).join(", "))));
  }
  table.append(body);
  box.replaceChildren(table);
}

function renderCandidates(box, data) {
  box.replaceChildren(...data.candidates.map((c) => el("div", { class: "card" },
    el("strong", {}, c.label), " ", el("span", { class: "muted" }, `uutuus ${c.novelty.toFixed(2)}, ${c.member_ids.length} ilmoitusta`),
    el("p", {}, c.trend.map((t) => `${t.period}: ${t.count}`).join(", ")))));
  if (data.candidates.length === 0) box.replaceChildren(el("p", { class: "muted" }, "Ei uusia teemaehdokkaita."));
}

// ---- statistics and export --------------------------------------------------------------------

async function openStats() {
  $("export").hidden = !["tutkija", "tyoryhma"].includes(state.me.role);
  await loadStats();
}

async function loadStats() {
  const params = new URLSearchParams({ dimension: $("s-dimension").value, group_by: $("s-group").value });
  if ($("s-period").value.trim()) params.set("period", $("s-period").value.trim());
  const current = ticket("stats");
  const data = await api("GET", `/api/statistics?${params}`);
  if (!current()) return;
  const max = Math.max(1, ...data.rows.map((r) => r.count || 0));
  const table = $("stats-table");
  table.replaceChildren(el("thead", {}, el("tr", {},
    data.group_by !== "none" ? el("th", {}, "Ryhmä") : null, el("th", {}, "Avain"), el("th", { class: "num" }, "Ilmoituksia"), el("th", {}, ""))));
  const body = el("tbody");
  for (const row of data.rows) {
    body.append(el("tr", { "data-key": row.key },
      data.group_by !== "none" ? el("td", {}, row.group) : null,
      el("td", {}, row.label),
      el("td", { class: "num" }, row.suppressed ? `< ${data.suppressed_below}` : row.count),
      el("td", {}, bar((row.count || 0) / max))));
  }
  table.append(body);
  $("stats-summary").textContent = `${data.reports} käsiteltyä ilmoitusta. ${data.counting}`;
}

// A bar of the given share; the width is set through the CSSOM because the content security policy forbids inline styles.
function bar(share) {
  const span = el("span", { class: "bar" });
  span.style.width = `${Math.round(share * 12)}rem`;
  return span;
}

async function downloadExport() {
  const period = $("s-period").value.trim();
  if (!period) {
    showMessage("Anna kausi (esim. 2024H1) ennen latausta.");
    return;
  }
  const format = $("e-format").value;
  $("e-status").textContent = "Ladataan …";
  try {
    const response = await fetch(`/api/export?period=${encodeURIComponent(period)}&format=${format}`, { headers: { "X-Api-Key": state.key } });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    const blob = await response.blob();
    const link = el("a", { href: URL.createObjectURL(blob), download: `sosrap-${period}.${format}` });
    document.body.append(link);
    link.click();
    link.remove();
    $("e-status").textContent = "Ladattu.";
  } catch (e) {
    $("e-status").textContent = "";
    showMessage(e.message);
  }
}

// ---- administration -------------------------------------------------------------------------

async function loadAdmin() {
  const users = await api("GET", "/api/users");
  const table = $("users-table");
  table.replaceChildren(el("thead", {}, el("tr", {}, el("th", {}, "Nimi"), el("th", {}, "Rooli"), el("th", {}, "Palvelualueet"), el("th", {}, ""))));
  const body = el("tbody");
  for (const u of users) {
    body.append(el("tr", { "data-user": u.id },
      el("td", {}, u.name, u.disabled ? " (estetty)" : ""),
      el("td", {}, ROLE_NAMES[u.role] || u.role),
      el("td", {}, u.service_areas.join(", ")),
      el("td", {}, el("button", { type: "button", class: "secondary", onclick: () => guarded(() => createKey(u)) }, "Uusi avain"))));
  }
  table.append(body);
  const t = state.taxonomy;
  $("taxonomy-summary").textContent = `Versio ${t.version}: ${t.note}`;
  const tax = $("taxonomy-table");
  tax.replaceChildren(el("thead", {}, el("tr", {}, el("th", {}, "Tunnus"), el("th", {}, "Nimi"), el("th", {}, "SHL 11 § tuen tarve"))));
  tax.append(el("tbody", {}, t.categories.map((c) => el("tr", {}, el("td", {}, c.id), el("td", {}, c.name), el("td", {}, c.support_need)))));
}

async function createKey(user) {
  const created = await api("POST", `/api/users/${user.id}/keys`, { label: "Selain" });
  const box = $("new-key");
  box.replaceChildren(`Uusi avain käyttäjälle ${user.name} (näytetään vain nyt): `, el("code", { id: "new-key-value" }, created.key));
  box.hidden = false;
}

async function createUser(event) {
  event.preventDefault();
  const areas = $("u-areas").value.split(",").map((a) => a.trim()).filter((a) => a);
  await api("POST", "/api/users", { name: $("u-name").value.trim(), role: $("u-role").value, service_areas: areas });
  event.target.reset();
  await loadAdmin();
}

// ---- start ----------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (e) => {
    e.preventDefault();
    login($("api-key").value.trim());
  });
  $("logout").addEventListener("click", logout);
  $("report-form").addEventListener("submit", submitReport);
  $("q-refresh").addEventListener("click", () => guarded(loadQueue));
  $("q-state").addEventListener("change", () => guarded(loadQueue));
  $("a-refresh").addEventListener("click", () => guarded(loadAnalysis));
  $("s-refresh").addEventListener("click", () => guarded(loadStats));
  $("e-download").addEventListener("click", downloadExport);
  $("user-form").addEventListener("submit", (e) => guarded(() => createUser(e)));
  const saved = sessionStorage.getItem("sosrap-key");
  if (saved) login(saved);
});
