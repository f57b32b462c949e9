/* SalesTalk pages: the chat page and the public share page. No build step, no dependencies.
 * Every piece of data is inserted as text (never as HTML), and charts are drawn as inline SVG. */
(() => {
  "use strict";

  // ---------------------------------------------------------------- display strings
  // Every label and figure comes from the answer's `display` block (the API's one formatter) or from
  // /api/metrics/model/: this file knows no measure, currency or number format of its own.

  const displayOf = (answer) => answer.display || {};

  function measureLabel(answer, name, labels = {}) {
    const shown = displayOf(answer);
    if (!name) {
      if (shown.measure && shown.measure.label) return shown.measure.label;
      name = (answer.understanding || {}).measure || "";
    }
    const found = (shown.measures || {})[name] || {};
    return found.label || labels[name] || name;
  }

  /** The result's rows beside their display strings (same order). */
  function shownRows(answer) {
    const rows = Array.isArray((answer.result || {}).rows) ? answer.result.rows : [];
    const shown = displayOf(answer).rows || [];
    return rows.slice(0, shown.length).map((row, i) => ({ ...row, label: shown[i].label, text: shown[i].value, shown: shown[i] }));
  }

  function periodText(period, named) {
    if (!period) return null;
    return named || `${period.start} – ${period.end}`;
  }

  function relativeTime(iso) {
    if (!iso) return "";
    const then = new Date(iso);
    const seconds = (Date.now() - then.getTime()) / 1000;
    if (seconds < 60) return "just now";
    if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
    if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
    if (seconds < 7 * 86400) return `${Math.floor(seconds / 86400)} d ago`;
    return then.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
  }

  // ---------------------------------------------------------------- DOM helpers

  function h(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";
  function s(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.setAttribute("class", value);
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else if (name === "dataset") Object.assign(node.dataset, value);
      // Through the CSSOM, which the Content-Security-Policy allows (a style attribute it would block).
      else if (name === "style") Object.assign(node.style, value);
      else node.setAttribute(name, value === true ? "" : value);
    }
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  // ---------------------------------------------------------------- charts (inline SVG)

  function niceScale(min, max, ticks = 4) {
    if (min === max) {
      const pad = Math.abs(min) || 1;
      min -= pad;
      max += pad;
    }
    const span = max - min;
    const step0 = span / ticks;
    const mag = 10 ** Math.floor(Math.log10(step0));
    const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((c) => c >= step0);
    const lo = Math.floor(min / step) * step;
    const hi = Math.ceil(max / step) * step;
    const values = [];
    for (let v = lo; v <= hi + step / 2; v += step) values.push(Number(v.toFixed(10)));
    return { lo, hi, values };
  }

  function truncate(text, max) {
    const str = String(text);
    return str.length > max ? `${str.slice(0, max - 1)}…` : str;
  }

  function lineChart(rows, { title }) {
    const W = 640, H = 230, L = 24, R = 24, T = 14, B = 30;
    const values = rows.map((r) => r.value).filter((v) => v !== null && v !== undefined);
    if (values.length === 0) return null;
    const scale = niceScale(Math.min(0, ...values), Math.max(...values));
    const x = (i) => L + (rows.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (rows.length - 1));
    const y = (v) => T + (H - T - B) * (1 - (v - scale.lo) / (scale.hi - scale.lo));
    const chart = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title, class: "line-chart" });
    chart.append(s("title", { text: title }));
    for (const v of scale.values) {
      chart.append(s("line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    }
    // About eight labels, always the last one, never two side by side.
    const every = Math.max(1, Math.ceil(rows.length / 8));
    const last = rows.length - 1;
    rows.forEach((r, i) => {
      const wanted = i === last || (i % every === 0 && (last - i >= every || last === 0));
      if (!wanted) return;
      const anchor = rows.length > 1 && i === 0 ? "start" : rows.length > 1 && i === last ? "end" : "middle";
      chart.append(s("text", { x: x(i), y: H - 8, "text-anchor": anchor, text: r.label }));
    });
    // Null values (a ratio with nothing to divide by) break the line rather than pretending to be zero.
    let path = "";
    let area = "";
    let segment = [];
    const flush = () => {
      if (segment.length) {
        path += segment.map(([px, py], j) => `${j ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`).join("");
        const base = y(Math.max(scale.lo, 0));
        area += `M${segment[0][0].toFixed(1)},${base}` + segment.map(([px, py]) => `L${px.toFixed(1)},${py.toFixed(1)}`).join("") + `L${segment[segment.length - 1][0].toFixed(1)},${base}Z`;
      }
      segment = [];
    };
    rows.forEach((r, i) => {
      if (r.value === null || r.value === undefined) flush();
      else segment.push([x(i), y(r.value)]);
    });
    flush();
    chart.append(s("path", { class: "area", d: area }));
    chart.append(s("path", { class: "line", d: path }));
    rows.forEach((r, i) => {
      if (r.value === null || r.value === undefined) return;
      chart.append(s("circle", { class: "dot", cx: x(i), cy: y(r.value), r: rows.length > 24 ? 2 : 3.5 },
        s("title", { text: `${r.label}: ${r.text}` })));
    });
    return chart;
  }

  const MAX_BARS = 15;

  function barChart(rows, { title, diverging = false }) {
    const shown = rows.slice(0, MAX_BARS);
    const W = 640, rowH = 28, T = 6, labelW = 150, valueW = 78;
    const H = T * 2 + shown.length * rowH;
    const values = shown.map((r) => Number(r.value) || 0);
    const lo = diverging ? Math.min(0, ...values) : 0;
    const hi = Math.max(0, ...values);
    const span = hi - lo || 1;
    // Negative bars grow leftwards and carry their value label on their left.
    const plotL = labelW + (lo < 0 ? valueW : 0);
    const plotW = W - plotL - valueW;
    const x = (v) => plotL + ((v - lo) / span) * plotW;
    const chart = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title, class: "bar-chart" });
    chart.append(s("title", { text: title }));
    shown.forEach((r, i) => {
      const v = values[i];
      const top = T + i * rowH;
      const x0 = x(Math.min(0, v));
      const width = Math.max(Math.abs(x(v) - x(0)), v === 0 ? 0 : 1.5);
      const cls = diverging ? (v >= 0 ? "bar pos" : "bar neg") : "bar";
      const name = truncate(r.label, 22);
      chart.append(s("text", { class: "bar-label", x: labelW - 10, y: top + rowH / 2 + 4, "text-anchor": "end", text: name },
        name === String(r.label) ? null : s("title", { text: String(r.label) })));
      chart.append(s("rect", { class: cls, x: x0, y: top + 5, width, height: rowH - 10, rx: 3 },
        s("title", { text: `${r.label}: ${r.text}` })));
      const label = r.text;
      const negative = diverging && v < 0;
      chart.append(s("text", {
        class: "value-label",
        x: negative ? x0 - 6 : x0 + width + 6,
        y: top + rowH / 2 + 4,
        "text-anchor": negative ? "end" : "start",
        text: label,
      }));
    });
    if (diverging) chart.append(s("line", { class: "axis", x1: x(0), x2: x(0), y1: 2, y2: H - 2 }));
    const wrap = h("div", {}, chart);
    if (rows.length > MAX_BARS) wrap.append(h("p", { class: "when-small", text: `and ${rows.length - MAX_BARS} more` }));
    return wrap;
  }

  function table(caption, head, rows) {
    return h("table", { class: "measures" },
      h("caption", { class: "visually-hidden", text: caption }),
      h("thead", {}, h("tr", {}, ...head.map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, rows.map((cells) => h("tr", {}, cells.map((cell) => (cell instanceof Node ? cell : h("td", { text: cell })))))));
  }

  /** Several measures: one row per measure (a summary, `also` of one figure), or one row per member or
   * period with a column per measure (`also` of a breakdown, ranking or trend). */
  function measuresTable(answer) {
    const shown = displayOf(answer);
    const figures = shown.measure_figures || {};
    const raw = (answer.result || {}).measures || {};
    if (Object.keys(figures).length) {
      return table("Every measure, this period and the one before", ["Measure", "This period", "Before", "Change"],
        Object.entries(figures).map(([name, f]) => {
          const pct = (raw[name] || {}).change_pct;
          // The same rule as the answer's sentiment: under 1% is neutral; the measure's direction decides.
          const bad = ((shown.measures || {})[name] || {}).direction === "bad";
          const tone = pct === null || pct === undefined || Math.abs(pct) < 1 ? "" : (pct > 0) !== bad ? "positive" : "negative";
          return [measureLabel(answer, name), f.value, f.previous_value, h("td", { class: tone, text: f.change_pct })];
        }));
    }
    const names = Object.keys(shown.measures || {});
    const rows = (shown.rows || []).filter((r) => r.values);
    if (names.length < 2 || !rows.length) return null;
    return table("Every measure asked for", ["", ...names.map((n) => measureLabel(answer, n))],
      rows.map((r) => [r.label, ...names.map((n) => r.values[n] || "")]));
  }

  /** A share: one bar for the whole, split into its parts (every member, or the part asked about and the rest). */
  function shareBar(answer) {
    const r = answer.result || {};
    const figures = displayOf(answer).figures || {};
    const rows = shownRows(answer);
    const subject = ((answer.understanding || {}).subject || {}).value;
    const parts = rows.length
      ? rows.map((row) => ({ label: row.label, pct: row.share_pct, text: row.shown.share_pct, value: row.text }))
      : r.share_pct !== null && r.share_pct !== undefined
        ? [{ label: subject || "This part", pct: r.share_pct, text: figures.share_pct, value: figures.value },
          { label: "The rest", pct: 100 - r.share_pct, text: "", value: "" }]
        : [];
    if (!parts.length) return null;
    const bar = h("div", { class: "share-bar", role: "img", "aria-label": `Share of ${measureLabel(answer).toLowerCase()}` });
    const legend = h("ul", { class: "share-legend" });
    parts.forEach((part, i) => {
      bar.append(h("span", { class: `share-part c${i % 6}`, style: { width: `${Math.max(0, part.pct)}%` }, title: `${part.label}: ${part.text}` },
        part.pct >= 8 ? part.text : ""));
      legend.append(h("li", {}, h("i", { class: `c${i % 6}` }), `${part.label} ${part.text}${part.value ? ` (${part.value})` : ""}`));
    });
    return h("div", {}, bar, legend, figures.total ? h("p", { class: "when-small", text: `Whole: ${figures.total}` }) : null);
  }

  /** A pace: progress to the target, with the projection at this pace and the target marked. */
  function paceBar(answer) {
    const r = answer.result || {};
    const f = displayOf(answer).figures || {};
    if (r.target === null || r.target === undefined || !r.target) return null;
    const top = Math.max(r.target, r.projected || 0) * 1.05;
    const at = (v) => `${Math.max(0, Math.min(100, (100 * v) / top))}%`;
    const track = h("div", { class: "pace-track", role: "img", "aria-label": `So far ${f.value}, projected ${f.projected}, target ${f.target}` },
      h("span", { class: "pace-projected", style: { width: at(r.projected || 0) } }),
      h("span", { class: "pace-actual", style: { width: at(r.value || 0) } }),
      h("span", { class: "pace-target", style: { left: at(r.target) }, title: `Target ${f.target}` }));
    const facts = [["So far", f.value], ["Of target", f.pct_of_target], ["Projected", f.projected], ["Target", f.target],
      ["Projected vs target", f.gap]].filter(([, text]) => text);
    return h("div", { class: "pace" }, track,
      h("dl", { class: "pace-facts" }, facts.map(([name, text]) => h("div", {}, h("dt", { text: name }), h("dd", { class: "num", text })))));
  }

  function unusualList(answer) {
    const rows = displayOf(answer).rows || [];
    if (!rows.length) return null;
    return table("Unusual changes", ["Series", "Actual", "Expected", "How unusual (z)"],
      rows.map((r) => [r.label, r.value, r.expected || "", r.z || ""]));
  }

  function growthTable(answer) {
    const u = answer.understanding || {};
    const shown = displayOf(answer);
    return table("Growth, now and before", [u.group_by || "", u.order_by === "change_pct" ? "Change %" : "Change",
      shown.period || "Now", shown.compare_period || "Before"],
    (shown.rows || []).map((r) => [r.label, r.value, r.current || "", r.previous || ""]));
  }

  /** The chart (or table) that fits the answer's intent; null when a headline says it all. */
  function visualFor(answer) {
    const u = answer.understanding || {};
    const r = answer.result || {};
    const rows = shownRows(answer);
    const label = measureLabel(answer);
    const by = u.group_by || "member";
    const visuals = [];
    if (u.intent === "trend" && rows.length) {
      const what = u.cumulative ? `${label}, running total` : label;
      visuals.push(lineChart(rows, { title: `${what} by ${(u.time && u.time.grain) || "period"}, ${rows.length} points` }));
    } else if (u.intent === "rank" && u.order_by && rows.length) {
      visuals.push(barChart(rows, { diverging: true, title: `Change in ${label.toLowerCase()} by ${by}` }), growthTable(answer));
    } else if ((u.intent === "breakdown" || u.intent === "rank") && rows.length) {
      visuals.push(barChart(rows, { title: `${label} by ${by}` }));
    } else if (u.intent === "drivers" && rows.length) {
      visuals.push(barChart(rows, { diverging: true, title: `Change in ${label.toLowerCase()} by ${by}` }));
    } else if (u.intent === "share") {
      visuals.push(shareBar(answer));
    } else if (u.intent === "pace") {
      visuals.push(paceBar(answer));
    } else if (u.intent === "unusual") {
      visuals.push(unusualList(answer));
    } else if (u.intent === "compare" && r.value !== null && r.previous_value !== null && r.value !== undefined) {
      const f = displayOf(answer).figures || {};
      const shown = displayOf(answer);
      visuals.push(barChart(
        [
          { label: shown.compare_period || "Before", value: r.previous_value, text: f.previous_value },
          { label: shown.period || "Now", value: r.value, text: f.value },
        ],
        { title: `${label}: ${shown.period} compared with ${shown.compare_period}` },
      ));
    }
    visuals.push(measuresTable(answer));
    const shown = visuals.filter(Boolean);
    return shown.length ? h("figure", { class: "chart" }, shown) : null;
  }

  const INTENT_LABELS = {
    value: "a figure", compare: "a comparison", trend: "a trend", breakdown: "a breakdown", rank: "a ranking",
    drivers: "what drove the change", summary: "a summary", share: "a share of the whole", pace: "progress to a target",
    count: "a count", unusual: "unusual changes",
  };
  const ORDER_BY_LABELS = { change: "growth", change_pct: "growth %" };

  /** Every part of the question understood, then the words left out as framing. */
  function chipsFor(answer, labels = {}) {
    const u = answer.understanding || {};
    const shown = displayOf(answer);
    const chips = [];
    const chip = (name, value) => chips.push(h("li", { class: "chip" }, h("b", { text: name }), " ", value));
    if (INTENT_LABELS[u.intent]) chip("Asked for", INTENT_LABELS[u.intent]);
    if (u.measure) chip("Measure", measureLabel(answer, null, labels));
    for (const name of u.also || []) chip("Also", measureLabel(answer, name, labels));
    const time = periodText(u.time, shown.period);
    if (time) chip("Period", `${time}${u.intent === "trend" && u.time.grain ? ` · by ${u.time.grain}` : ""}`);
    const compare = periodText(u.compare_to, shown.compare_period);
    if (compare) chip("Compared with", compare);
    if (u.subject && u.subject.dimension) chip(u.subject.dimension, u.subject.value);
    for (const [dimension, members] of Object.entries(u.filters || {})) {
      if (members && members.length) chip(dimension, members.join(", "));
    }
    if (u.group_by) chip("By", u.group_by);
    if (u.per) chip("Per", labels[u.per] || u.per);
    if (u.order_by) chip("Ranked by", ORDER_BY_LABELS[u.order_by] || u.order_by);
    if (u.intent === "rank" && u.limit) chip("Showing", `${u.order === "asc" ? "bottom" : "top"} ${u.limit}`);
    if (u.cumulative) chip("Running total", "yes");
    if (u.target !== null && u.target !== undefined) chip("Target", (shown.figures || {}).target || String(u.target));
    if (u.ignored && u.ignored.length) chip("Left out", u.ignored.join(" "));
    const name = u.intent === "clarify" ? "What I understood" : "How the question was understood";
    return chips.length ? h("ul", { class: "chips", "aria-label": name }, chips) : null;
  }

  /** The answer's suggestions, or those named in its clarifying question ("Did you mean EMEA or APAC?"). */
  function clarificationOptions(answer) {
    if (Array.isArray(answer.suggestions) && answer.suggestions.length) return answer.suggestions.slice(0, 8).map(String);
    const text = answer.clarification || answer.narrative || "";
    const match = String(text).match(/(?:did you mean|more than one thing:|broken down by|that split:|tell you about)\s+(.+?)(?:\?|\.\s|\.?$)/i);
    if (!match) return [];
    return match[1]
      .split(/,\s*|\s+or\s+|\s+and\s+/i)
      .map((part) => part.trim().replace(/^["'“‘]|["'”’.]$/g, "").trim())
      .filter((part) => part && part.length <= 60)
      .slice(0, 8);
  }

  /** What clicking a suggestion asks: for "did you mean", the question again with the suggestion in place
   * of the word that was not understood; otherwise the suggestion itself. */
  function suggestionQuestion(answer, question, suggestion) {
    const text = String(answer.clarification || answer.narrative || "");
    const quoted = text.match(/[“"]([^”"]+)[”"]/);
    if (!question || !quoted || !/did you mean|could mean/i.test(text)) return suggestion;
    const at = question.toLowerCase().indexOf(quoted[1].toLowerCase());
    if (at < 0) return suggestion;
    return question.slice(0, at) + suggestion + question.slice(at + quoted[1].length);
  }

  function sentimentOf(answer) {
    return ["positive", "negative"].includes(answer.sentiment) ? answer.sentiment : "neutral";
  }

  /** Everything an answer shows: headline, narrative, tone, chips, chart, clarification suggestions. */
  function answerView(answer, { labels = {}, onSuggestion } = {}) {
    const u = answer.understanding || {};
    const f = displayOf(answer).figures || {};
    const tone = sentimentOf(answer);
    const parts = [];
    const headlineIntents = ["value", "compare", "drivers", "summary", "count", "share", "unusual"];
    if (headlineIntents.includes(u.intent) && f.value) {
      const lead = u.intent === "share" && f.share_pct ? f.share_pct : f.value;
      const pct = f.change_pct && f.change_pct !== "n/a" ? f.change_pct : null;
      parts.push(h("div", { class: "answer-top" },
        h("span", { class: "headline num", text: lead }),
        pct ? h("span", { class: `delta num ${tone}`, text: pct }) : null,
        f.previous_value ? h("span", { class: "delta-note num", text: `from ${f.previous_value}` }) : null));
    }
    parts.push(h("p", { class: "narrative", text: answer.narrative || "" }));
    if (u.intent === "clarify") {
      parts.push(chipsFor(answer, labels));
      const options = clarificationOptions(answer);
      if (options.length && onSuggestion) {
        parts.push(h("div", { class: "suggestions", role: "group", "aria-label": "Suggestions" },
          options.map((option) => h("button", { type: "button", class: "suggestion", text: option, onclick: () => onSuggestion(option, answer) }))));
      }
      return h("div", { class: "answer-body" }, parts);
    }
    if (u.intent !== "out_of_scope") {
      parts.push(chipsFor(answer, labels));
      parts.push(visualFor(answer));
      if (["compare", "drivers", "summary", "trend", "pace"].includes(u.intent)) {
        parts.push(h("span", { class: `tone ${tone}`, text: tone === "neutral" ? "Steady" : tone === "positive" ? "Good news" : "Needs attention" }));
      }
    }
    return h("div", { class: "answer-body" }, parts);
  }

  // ---------------------------------------------------------------- share page

  function sharePage() {
    const data = JSON.parse(document.getElementById("shared-insight").textContent);
    const target = document.getElementById("shared-answer");
    target.replaceChildren(answerView(data.insight));
  }

  // ---------------------------------------------------------------- chat page

  class ApiError extends Error {
    constructor(message, { status = 0, code = "error" } = {}) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  function cookie(name) {
    const found = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  function chatPage() {
    const config = JSON.parse(document.getElementById("page-config").textContent);
    const el = (id) => document.getElementById(id);
    const ui = {
      list: el("conversation-list"), more: el("more-conversations"), pinned: el("pinned-list"),
      title: el("conversation-title"), rename: el("rename-conversation"), remove: el("delete-conversation"),
      messages: el("messages"), empty: el("empty-state"), error: el("error"), thinking: el("thinking"),
      form: el("composer"), input: el("question"), ask: el("ask-button"), status: el("live-status"),
      newConversation: el("new-conversation"),
    };
    const state = {
      access: null,
      conversations: [],
      nextConversations: null,
      current: null,
      messages: new Map(), // id → message
      nextMessages: null,
      insights: new Map(), // message id → insight
      labels: {}, // measure name → label, from /api/metrics/model/ (for answers without a display block)
      socket: null,
      socketFor: null,
      retry: 0,
      busy: false,
    };

    // --- API -------------------------------------------------------------

    async function fetchToken() {
      const response = await fetch(config.token_url, {
        method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": cookie("csrftoken") },
      });
      if (response.status === 401 || response.status === 403) {
        if (response.status === 401) window.location.assign(`/login/?next=${encodeURIComponent(location.pathname)}`);
        const body = await response.json().catch(() => ({}));
        throw new ApiError((body.error && body.error.message) || "You are signed out.", { status: response.status });
      }
      if (!response.ok) throw new ApiError("Could not start a session. Please reload the page.", { status: response.status });
      state.access = (await response.json()).access;
      return state.access;
    }

    async function api(path, { method = "GET", body, retried = false } = {}) {
      const token = state.access || (await fetchToken());
      let response;
      try {
        response = await fetch(path, {
          method,
          headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
      } catch (exc) {
        throw new ApiError("SalesTalk cannot be reached. Check your connection and try again.");
      }
      if (response.status === 401 && !retried) {
        state.access = null;
        return api(path, { method, body, retried: true });
      }
      if (response.status === 204) return null;
      const data = await response.json().catch(() => null);
      if (!response.ok) {
        const error = data && data.error;
        throw new ApiError(error ? error.message : `The server answered ${response.status}.`, {
          status: response.status, code: error ? error.code : "error",
        });
      }
      return data;
    }

    const results = (data) => (Array.isArray(data) ? data : (data && data.results) || []);

    // --- errors and busy state -------------------------------------------

    function showError(exc) {
      ui.error.textContent = exc instanceof Error ? exc.message : String(exc);
      ui.error.hidden = false;
    }

    function clearError() {
      ui.error.hidden = true;
      ui.error.textContent = "";
    }

    function guarded(fn) {
      return async (...args) => {
        try {
          clearError();
          return await fn(...args);
        } catch (exc) {
          showError(exc);
          return undefined;
        }
      };
    }

    function setThinking(on) {
      ui.thinking.hidden = !on;
    }

    function setBusy(on) {
      state.busy = on;
      ui.ask.disabled = on;
      setThinking(on);
    }

    // --- conversations ---------------------------------------------------

    function renderConversations() {
      ui.list.replaceChildren();
      if (!state.conversations.length) {
        ui.list.append(h("li", { class: "side-empty", text: "No conversations yet." }));
      }
      for (const c of state.conversations) {
        const count = c.message_count === 1 ? "1 message" : `${c.message_count || 0} messages`;
        ui.list.append(h("li", {},
          h("button", {
            type: "button", "aria-current": state.current && state.current.id === c.id ? "true" : "false",
            dataset: { id: c.id }, onclick: () => openConversation(c.id),
          }, h("span", { class: "title", text: c.title }), h("span", { class: "meta", text: `${relativeTime(c.updated_at)} · ${count}` }))));
      }
      ui.more.hidden = !state.nextConversations;
    }

    async function loadConversations({ more = false } = {}) {
      const query = more && state.nextConversations ? `&before=${encodeURIComponent(state.nextConversations)}` : "";
      const data = await api(`/api/chat/conversations/?limit=30${query}`);
      state.conversations = more ? state.conversations.concat(results(data)) : results(data);
      state.nextConversations = data && data.next ? data.next : null;
      renderConversations();
    }

    function touchConversation(id, changes) {
      const index = state.conversations.findIndex((c) => c.id === id);
      if (index < 0) return;
      const [c] = state.conversations.splice(index, 1);
      state.conversations.unshift({ ...c, ...changes, updated_at: new Date().toISOString() });
      renderConversations();
    }

    function showConversationHead() {
      ui.title.textContent = state.current ? state.current.title : "New conversation";
      ui.rename.hidden = ui.remove.hidden = !state.current;
      document.title = `${state.current ? state.current.title : "New conversation"} · SalesTalk`;
    }

    async function openConversation(id) {
      const conversation = state.conversations.find((c) => c.id === id) || { id, title: "Conversation" };
      state.current = conversation;
      state.messages.clear();
      state.nextMessages = null;
      showConversationHead();
      renderConversations();
      ui.messages.replaceChildren(h("p", { class: "empty", text: "Loading…" }));
      history.replaceState(null, "", `/?c=${encodeURIComponent(id)}`);
      const data = await api(`/api/chat/conversations/${encodeURIComponent(id)}/messages/?limit=50`);
      state.nextMessages = data && data.next !== undefined ? data.next : null;
      results(data).reverse().forEach((m) => state.messages.set(m.id, m));
      renderMessages({ scroll: true });
      connect(id);
      ui.input.focus();
    }

    function startNewConversation() {
      state.current = null;
      state.messages.clear();
      disconnect();
      showConversationHead();
      renderConversations();
      ui.messages.replaceChildren(ui.empty);
      history.replaceState(null, "", "/");
      ui.input.focus();
    }

    async function ensureConversation(firstQuestion) {
      if (state.current) return state.current;
      const created = await api("/api/chat/conversations/", { method: "POST", body: { title: firstQuestion.slice(0, 120) } });
      state.conversations.unshift(created);
      state.current = created;
      showConversationHead();
      renderConversations();
      history.replaceState(null, "", `/?c=${encodeURIComponent(created.id)}`);
      ui.messages.replaceChildren();
      connect(created.id);
      return created;
    }

    async function renameConversation() {
      if (!state.current) return;
      const title = window.prompt("Rename conversation", state.current.title);
      if (!title || !title.trim()) return;
      const updated = await api(`/api/chat/conversations/${state.current.id}/`, { method: "PATCH", body: { title: title.trim() } });
      state.current.title = (updated && updated.title) || title.trim();
      touchConversation(state.current.id, { title: state.current.title });
      showConversationHead();
    }

    async function deleteConversation() {
      if (!state.current || !window.confirm(`Delete "${state.current.title}" and all its messages?`)) return;
      await api(`/api/chat/conversations/${state.current.id}/`, { method: "DELETE" });
      state.conversations = state.conversations.filter((c) => c.id !== state.current.id);
      startNewConversation();
      await loadPinned();
    }

    // --- messages --------------------------------------------------------

    function upsertMessage(message) {
      if (!message || !message.id) return;
      if (state.current && message.conversation && message.conversation !== state.current.id) return;
      const isNew = !state.messages.has(message.id);
      state.messages.set(message.id, message);
      if (isNew) renderMessages({ scroll: true });
    }

    function sortedMessages() {
      return [...state.messages.values()].sort((a, b) => a.seq - b.seq);
    }

    function renderMessages({ scroll = false } = {}) {
      const nodes = sortedMessages().map(messageView);
      if (state.nextMessages) {
        nodes.unshift(h("button", { type: "button", class: "button ghost", text: "Show earlier messages", onclick: guarded(loadEarlier) }));
      }
      ui.messages.replaceChildren(...(nodes.length ? nodes : [ui.empty]));
      if (scroll) ui.messages.scrollTop = ui.messages.scrollHeight;
    }

    async function loadEarlier() {
      const data = await api(`/api/chat/conversations/${state.current.id}/messages/?limit=50&before=${encodeURIComponent(state.nextMessages)}`);
      state.nextMessages = data && data.next !== undefined ? data.next : null;
      results(data).forEach((m) => state.messages.set(m.id, m));
      renderMessages();
    }

    function messageView(message) {
      if (message.sender !== "assistant") {
        return h("div", { class: "msg user", dataset: { id: message.id } }, message.text);
      }
      const answer = message.context;
      if (!answer) return h("div", { class: "msg assistant", dataset: { id: message.id } }, h("p", { class: "narrative", text: message.text }));
      const intent = answer.understanding && answer.understanding.intent;
      const card = h("article", {
        class: `msg assistant ${sentimentOf(answer)}${intent === "clarify" ? " clarify" : ""}`,
        dataset: { id: message.id, intent: intent || "" },
        "aria-label": "Answer",
      }, answerView(answer, { labels: state.labels, onSuggestion: (text) => ask(suggestionQuestion(answer, questionBefore(message), text)) }));
      if (intent !== "clarify" && intent !== "out_of_scope") card.append(actionsView(message));
      return card;
    }

    function questionBefore(message) {
      const asked = sortedMessages().filter((m) => m.sender === "user" && m.seq < message.seq);
      return asked.length ? asked[asked.length - 1].text : "";
    }

    function refreshMessage(messageId) {
      const old = ui.messages.querySelector(`[data-id="${CSS.escape(messageId)}"]`);
      const message = state.messages.get(messageId);
      if (old && message) {
        const openComments = old.querySelector(".comments");
        const fresh = messageView(message);
        if (openComments) fresh.append(openComments);
        old.replaceWith(fresh);
      }
    }

    // --- pin, share, comment --------------------------------------------

    function actionsView(message) {
      const insight = state.insights.get(message.id);
      const bar = h("div", { class: "answer-actions" });
      bar.append(
        h("button", {
          type: "button", class: `button small${insight ? " on" : ""}`, "aria-pressed": insight ? "true" : "false",
          text: insight ? "★ Pinned" : "☆ Pin", disabled: Boolean(insight),
          onclick: guarded(() => pin(message)),
        }),
        h("button", { type: "button", class: "button small", text: "Share", onclick: guarded(() => share(message, bar)) }),
        h("button", { type: "button", class: "button small", text: "Comment", onclick: guarded(() => toggleComments(message, bar)) }),
      );
      return bar;
    }

    async function pin(message) {
      const existing = state.insights.get(message.id);
      if (existing) return existing;
      const insight = await api("/api/insights/", { method: "POST", body: { conversation: message.conversation, message: message.id } });
      rememberInsight(insight);
      return insight;
    }

    function rememberInsight(insight) {
      if (!insight || !insight.message) return;
      const had = state.insights.has(insight.message);
      state.insights.set(insight.message, insight);
      refreshMessage(insight.message);
      if (!had) renderPinned();
    }

    async function share(message, bar) {
      const insight = await pin(message);
      const link = await api(`/api/insights/${insight.id}/share/`, { method: "POST", body: {} });
      const url = new URL(link.url, window.location.origin).toString();
      const card = bar.closest(".msg") || bar;
      card.querySelectorAll(".share-link").forEach((n) => n.remove());
      const field = h("input", { type: "text", readonly: true, value: url, "aria-label": "Share link" });
      const note = h("span", { class: "note", role: "status" });
      const copy = async () => {
        try {
          await navigator.clipboard.writeText(url);
          note.textContent = "Link copied";
        } catch (exc) {
          field.select();
          note.textContent = "Press Ctrl+C to copy";
        }
      };
      card.append(h("div", { class: "share-link" }, field,
        h("button", { type: "button", class: "button small", text: "Copy", onclick: copy }), note));
      if (link.expires_at) note.textContent = `Expires ${new Date(link.expires_at).toLocaleDateString()}`;
      await copy();
    }

    async function toggleComments(message, bar) {
      const card = bar.closest(".msg") || bar;
      const open = card.querySelector(".comments");
      if (open) {
        open.remove();
        return;
      }
      const insight = await pin(message);
      const fresh = ui.messages.querySelector(`[data-id="${CSS.escape(message.id)}"]`) || card;
      const list = h("ul", { "aria-label": "Comments" });
      const input = h("input", { type: "text", maxlength: "2000", placeholder: "Add a comment", "aria-label": "Comment" });
      const panel = h("div", { class: "comments", dataset: { insight: insight.id } }, list,
        h("form", {
          onsubmit: guarded(async (event) => {
            event.preventDefault();
            const text = input.value.trim();
            if (!text) return;
            const comment = await api(`/api/insights/${insight.id}/comments/`, { method: "POST", body: { text } });
            input.value = "";
            addComment(panel, comment);
          }),
        }, input, h("button", { type: "submit", class: "button small", text: "Post" })));
      fresh.append(panel);
      const data = await api(`/api/insights/${insight.id}/comments/`);
      const comments = results(data);
      if (!comments.length) list.append(h("li", { class: "side-empty", text: "No comments yet." }));
      comments.forEach((c) => addComment(panel, c));
      input.focus();
    }

    function addComment(panel, comment) {
      if (!comment || panel.querySelector(`[data-id="${CSS.escape(comment.id)}"]`)) return;
      const list = panel.querySelector("ul");
      list.querySelectorAll(".side-empty").forEach((n) => n.remove());
      const author = comment.author || comment.created_by || "";
      list.append(h("li", { dataset: { id: comment.id } },
        author ? h("span", { class: "author", text: author }) : null,
        comment.text,
        h("span", { class: "when", text: relativeTime(comment.created_at) })));
    }

    async function loadLabels() {
      try {
        const model = await api("/api/metrics/model/");
        for (const m of (model && model.measures) || []) state.labels[m.name] = m.label;
      } catch (exc) {
        // No dataset yet: answers carry their own labels; chips fall back to the measure's name.
      }
    }

    async function loadPinned() {
      const data = await api("/api/insights/");
      state.insights.clear();
      results(data).forEach((insight) => state.insights.set(insight.message, insight));
      renderPinned();
    }

    function renderPinned() {
      const insights = [...state.insights.values()].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
      ui.pinned.replaceChildren();
      if (!insights.length) ui.pinned.append(h("li", { class: "side-empty", text: "Pin an answer to keep it here." }));
      for (const insight of insights) {
        ui.pinned.append(h("li", {}, h("button", {
          type: "button",
          onclick: guarded(async () => {
            if (!state.current || state.current.id !== insight.conversation) await openConversation(insight.conversation);
            const node = ui.messages.querySelector(`[data-id="${CSS.escape(insight.message)}"]`);
            if (node) node.scrollIntoView({ behavior: "smooth", block: "center" });
          }),
        }, h("span", { class: "title", text: insight.title || insight.question }), h("span", { class: "meta", text: relativeTime(insight.created_at) }))));
      }
    }

    // --- asking ----------------------------------------------------------

    async function ask(text) {
      const question = text.trim();
      if (!question || state.busy) return;
      clearError();
      setBusy(true);
      try {
        const conversation = await ensureConversation(question);
        const outcome = await api(`/api/chat/conversations/${conversation.id}/messages/`, { method: "POST", body: { text: question } });
        upsertMessage(outcome.user_message);
        upsertMessage(outcome.assistant_message);
        touchConversation(conversation.id, { message_count: outcome.assistant_message.seq });
        ui.input.value = "";
        autoGrow();
      } catch (exc) {
        showError(exc);
      } finally {
        setBusy(false);
        ui.input.focus();
      }
    }

    // --- live updates ----------------------------------------------------

    function setLive(on) {
      ui.status.hidden = !state.current;
      ui.status.textContent = on ? "live" : "connecting…";
      ui.status.classList.toggle("live", on);
    }

    function disconnect() {
      const socket = state.socket;
      state.socket = null;
      state.socketFor = null;
      if (socket) socket.close();
      setLive(false);
    }

    async function connect(conversationId) {
      if (state.socketFor === conversationId && state.socket) return;
      disconnect();
      state.socketFor = conversationId;
      let ticket;
      try {
        ticket = (await api("/api/chat/ws-ticket", { method: "POST", body: { conversation: conversationId } })).ticket;
      } catch (exc) {
        scheduleReconnect(conversationId);
        return;
      }
      if (state.socketFor !== conversationId) return;
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      const socket = new WebSocket(`${scheme}://${location.host}/ws/chat/${encodeURIComponent(conversationId)}/?ticket=${encodeURIComponent(ticket)}`);
      state.socket = socket;
      socket.addEventListener("open", () => {
        state.retry = 0;
        setLive(true);
      });
      socket.addEventListener("message", (event) => {
        let data;
        try {
          data = JSON.parse(event.data);
        } catch (exc) {
          return;
        }
        onEvent(data);
      });
      socket.addEventListener("close", () => {
        if (state.socket !== socket) return;
        state.socket = null;
        setLive(false);
        scheduleReconnect(conversationId);
      });
    }

    function scheduleReconnect(conversationId) {
      if (state.socketFor !== conversationId) return;
      state.socketFor = null;
      const delay = Math.min(30000, 1000 * 2 ** state.retry++);
      setTimeout(() => {
        if (state.current && state.current.id === conversationId && !state.socket) connect(conversationId);
      }, delay);
    }

    function onEvent(event) {
      switch (event.type) {
        case "thinking":
          setThinking(true);
          break;
        case "answer":
          upsertMessage(event.user_message);
          upsertMessage(event.assistant_message);
          if (!state.busy) setThinking(false);
          if (event.assistant_message) touchConversation(event.assistant_message.conversation, { message_count: event.assistant_message.seq });
          break;
        case "message":
          upsertMessage(event.message);
          break;
        case "insight":
          rememberInsight(event.insight);
          break;
        case "comment": {
          const comment = event.comment || {};
          const panel = ui.messages.querySelector(`.comments[data-insight="${CSS.escape(comment.insight || "")}"]`);
          if (panel) addComment(panel, comment);
          break;
        }
        case "error":
          if (!state.busy) setThinking(false);
          if (event.error) showError(new ApiError(event.error.message || "Something went wrong.", { code: event.error.code }));
          break;
        default:
          break;
      }
    }

    // --- composer --------------------------------------------------------

    function autoGrow() {
      ui.input.style.height = "auto";
      ui.input.style.height = `${Math.min(ui.input.scrollHeight, 160)}px`;
    }

    ui.form.addEventListener("submit", (event) => {
      event.preventDefault();
      ask(ui.input.value);
    });
    ui.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        ask(ui.input.value);
      }
    });
    ui.input.addEventListener("input", autoGrow);
    ui.empty.querySelectorAll(".suggestion").forEach((button) => button.addEventListener("click", () => ask(button.textContent)));
    ui.newConversation.addEventListener("click", startNewConversation);
    ui.more.addEventListener("click", guarded(() => loadConversations({ more: true })));
    ui.rename.addEventListener("click", guarded(renameConversation));
    ui.remove.addEventListener("click", guarded(deleteConversation));

    guarded(async () => {
      await Promise.all([loadConversations(), loadPinned(), loadLabels()]);
      const wanted = new URLSearchParams(location.search).get("c");
      if (wanted) await openConversation(wanted);
      else ui.input.focus();
    })();
  }

  const page = document.body.dataset.page;
  if (page === "chat") chatPage();
  else if (page === "share") sharePage();
})();
