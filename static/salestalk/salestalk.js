/* SalesTalk pages: the chat page and the public share page. No build step, no dependencies.
 * Every piece of data is inserted as text (never as HTML), and charts are drawn as inline SVG. */
(() => {
  "use strict";

  // ---------------------------------------------------------------- formatting

  const MEASURES = {
    revenue: { label: "Revenue", kind: "money" },
    cost: { label: "Cost", kind: "money", upIsBad: true },
    gross_margin: { label: "Gross margin", kind: "money" },
    margin_pct: { label: "Margin %", kind: "percent" },
    units: { label: "Units", kind: "count" },
    orders: { label: "Orders", kind: "count" },
    new_customers: { label: "New customers", kind: "count" },
    avg_order_value: { label: "Average order value", kind: "money" },
  };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function measureInfo(name) {
    return MEASURES[name] || { label: humanize(name || "revenue"), kind: "count" };
  }

  function humanize(name) {
    const text = String(name).replace(/_/g, " ");
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function numberFormatter(measure, currency, compact) {
    const kind = measureInfo(measure).kind;
    if (kind === "percent") {
      return (v) => `${v.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
    }
    // Without a known currency (e.g. a shared snapshot), money is shown as a plain number.
    const options = kind === "money" && currency ? { style: "currency", currency } : {};
    const big = new Intl.NumberFormat("en-US", {
      ...options, notation: "compact", minimumSignificantDigits: 3, maximumSignificantDigits: 3,
    });
    const exact = new Intl.NumberFormat("en-US", {
      ...options,
      maximumFractionDigits: kind === "money" && measure === "avg_order_value" ? 2 : 0,
    });
    return (v) => (compact && Math.abs(v) >= 10000 ? big.format(v) : exact.format(v));
  }

  function formatValue(measure, value, currency, compact = true) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    return numberFormatter(measure, currency, compact)(Number(value));
  }

  function formatSigned(measure, value, currency) {
    if (value === null || value === undefined) return "–";
    const text = formatValue(measure, Math.abs(value), currency);
    return `${value > 0 ? "+" : value < 0 ? "−" : ""}${text}`;
  }

  function formatPct(pct) {
    if (pct === null || pct === undefined) return null;
    const sign = pct > 0 ? "+" : pct < 0 ? "−" : "";
    return `${sign}${Math.abs(pct).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
  }

  function parseDate(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return { y, m, d };
  }

  function lastDayOfMonth(y, m) {
    return new Date(Date.UTC(y, m, 0)).getUTCDate();
  }

  function periodLabel(period) {
    if (!period || !period.start || !period.end) return null;
    const s = parseDate(period.start);
    const e = parseDate(period.end);
    const wholeMonths = s.d === 1 && e.d === lastDayOfMonth(e.y, e.m);
    if (wholeMonths && s.y === e.y) {
      if (s.m === e.m) return `${MONTHS[s.m - 1]} ${s.y}`;
      if (s.m === 1 && e.m === 12) return String(s.y);
      if (e.m - s.m === 2 && (s.m - 1) % 3 === 0) return `Q${(s.m + 2) / 3} ${s.y}`;
      if (e.m - s.m === 5 && (s.m === 1 || s.m === 7)) return `H${s.m === 1 ? 1 : 2} ${s.y}`;
      return `${MONTHS[s.m - 1]} – ${MONTHS[e.m - 1]} ${s.y}`;
    }
    if (wholeMonths) return `${MONTHS[s.m - 1]} ${s.y} – ${MONTHS[e.m - 1]} ${e.y}`;
    if (period.start === period.end) return `${MONTHS[s.m - 1]} ${s.d}, ${s.y}`;
    if (s.y === e.y) return `${MONTHS[s.m - 1]} ${s.d} – ${MONTHS[e.m - 1]} ${e.d}, ${e.y}`;
    return `${MONTHS[s.m - 1]} ${s.d}, ${s.y} – ${MONTHS[e.m - 1]} ${e.d}, ${e.y}`;
  }

  /** Short axis label for a row key: 2025-07 → Jul '25, 2025-Q3 → Q3 '25, 2025-W27 → W27, 2025-07-01 → Jul 1. */
  function rowKeyLabel(key) {
    const text = String(key);
    let m = text.match(/^(\d{4})-(\d{2})$/);
    if (m) return `${MONTHS[Number(m[2]) - 1]} '${m[1].slice(2)}`;
    m = text.match(/^(\d{4})-Q([1-4])$/);
    if (m) return `Q${m[2]} '${m[1].slice(2)}`;
    m = text.match(/^(\d{4})-W(\d{2})$/);
    if (m) return `W${Number(m[2])} '${m[1].slice(2)}`;
    m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    if (m) return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}`;
    return text;
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

  function lineChart(rows, { fmt, title }) {
    const W = 640, H = 230, L = 64, R = 16, T = 14, B = 30;
    const values = rows.map((r) => r.value).filter((v) => v !== null && v !== undefined);
    if (values.length === 0) return null;
    const scale = niceScale(Math.min(0, ...values), Math.max(...values));
    const x = (i) => L + (rows.length === 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (rows.length - 1));
    const y = (v) => T + (H - T - B) * (1 - (v - scale.lo) / (scale.hi - scale.lo));
    const chart = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title, class: "line-chart" });
    chart.append(s("title", { text: title }));
    for (const v of scale.values) {
      chart.append(s("line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }));
      chart.append(s("text", { x: L - 8, y: y(v) + 4, "text-anchor": "end", text: fmt(v) }));
    }
    // About eight labels, always the last one, never two side by side.
    const every = Math.max(1, Math.ceil(rows.length / 8));
    const last = rows.length - 1;
    rows.forEach((r, i) => {
      const wanted = i === last || (i % every === 0 && (last - i >= every || last === 0));
      if (!wanted) return;
      const anchor = rows.length > 1 && i === 0 ? "start" : rows.length > 1 && i === last ? "end" : "middle";
      chart.append(s("text", { x: x(i), y: H - 8, "text-anchor": anchor, text: rowKeyLabel(r.key) }));
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
        s("title", { text: `${rowKeyLabel(r.key)}: ${fmt(r.value)}` })));
    });
    return chart;
  }

  const MAX_BARS = 15;

  function barChart(rows, { fmt, title, diverging = false, signed = fmt }) {
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
      const name = truncate(r.key, 22);
      chart.append(s("text", { class: "bar-label", x: labelW - 10, y: top + rowH / 2 + 4, "text-anchor": "end", text: name },
        name === String(r.key) ? null : s("title", { text: String(r.key) })));
      chart.append(s("rect", { class: cls, x: x0, y: top + 5, width, height: rowH - 10, rx: 3 },
        s("title", { text: `${r.key}: ${diverging ? signed(v) : fmt(v)}` })));
      const label = r.value === null || r.value === undefined ? "–" : diverging ? signed(v) : fmt(v);
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

  function measuresTable(measures, currency) {
    const body = Object.entries(measures).map(([name, m]) => {
      const pct = formatPct(m.change_pct);
      // The same rule as the answer's sentiment: a change under 1% is neutral; cost going up is bad.
      const tone = m.change_pct === null || m.change_pct === undefined || Math.abs(m.change_pct) < 1 ? "" :
        (m.change_pct > 0) !== Boolean(measureInfo(name).upIsBad) ? "positive" : "negative";
      return h("tr", {},
        h("td", { text: measureInfo(name).label }),
        h("td", { text: formatValue(name, m.value, currency) }),
        h("td", { text: formatValue(name, m.previous_value, currency) }),
        h("td", { class: tone, text: pct || "–" }));
    });
    return h("table", { class: "measures" },
      h("caption", { class: "visually-hidden", text: "All measures, this period and the one before" }),
      h("thead", {}, h("tr", {}, ...["Measure", "This period", "Before", "Change"].map((t) => h("th", { scope: "col", text: t })))),
      h("tbody", {}, body));
  }

  /** The chart (or table) that fits the answer's intent; null when a headline says it all. */
  function visualFor(answer, currency) {
    const u = answer.understanding || {};
    const r = answer.result || {};
    const rows = Array.isArray(r.rows) ? r.rows : [];
    const measure = u.measure || "revenue";
    const label = measureInfo(measure).label;
    const fmt = (v) => formatValue(measure, v, currency);
    const signed = (v) => formatSigned(measure, v, currency);
    const by = u.group_by ? humanize(u.group_by).toLowerCase() : "member";
    let visual = null;
    if (u.intent === "trend" && rows.length) {
      visual = lineChart(rows, { fmt, title: `${label} by ${u.time && u.time.grain || "period"}, ${rows.length} points` });
    } else if ((u.intent === "breakdown" || u.intent === "rank") && rows.length) {
      visual = barChart(rows, { fmt, title: `${label} by ${by}` });
    } else if (u.intent === "drivers" && rows.length) {
      visual = barChart(rows, { fmt, signed, diverging: true, title: `Change in ${label.toLowerCase()} by ${by}` });
    } else if (u.intent === "summary" && r.measures && Object.keys(r.measures).length) {
      visual = measuresTable(r.measures, currency);
    } else if (u.intent === "compare" && r.value !== null && r.previous_value !== null && r.value !== undefined) {
      visual = barChart(
        [
          { key: periodLabel(u.compare_to) || "Before", value: r.previous_value },
          { key: periodLabel(u.time) || "Now", value: r.value },
        ],
        { fmt, title: `${label}: ${periodLabel(u.time)} compared with ${periodLabel(u.compare_to)}` },
      );
    }
    return visual ? h("figure", { class: "chart" }, visual) : null;
  }

  function chipsFor(u) {
    const chips = [];
    const chip = (name, value) => chips.push(h("li", { class: "chip" }, h("b", { text: name }), " ", value));
    if (u.measure) chip("Measure", measureInfo(u.measure).label);
    if (u.time) {
      const grain = u.intent === "trend" && u.time.grain ? ` · by ${u.time.grain}` : "";
      chip("Period", `${periodLabel(u.time)}${grain}`);
    }
    if (u.compare_to) chip("Compared with", periodLabel(u.compare_to));
    if (u.subject && u.subject.dimension) chip(humanize(u.subject.dimension), u.subject.value);
    for (const [dimension, members] of Object.entries(u.filters || {})) {
      if (members && members.length) chip(humanize(dimension), members.join(", "));
    }
    if (u.group_by) chip("By", humanize(u.group_by).toLowerCase());
    if (u.intent === "rank" && u.limit) chip("Showing", `${u.order === "asc" ? "bottom" : "top"} ${u.limit}`);
    return chips.length ? h("ul", { class: "chips", "aria-label": "How the question was understood" }, chips) : null;
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
  function answerView(answer, { currency, onSuggestion } = {}) {
    const u = answer.understanding || {};
    const r = answer.result || {};
    const tone = sentimentOf(answer);
    const measure = u.measure || "revenue";
    const parts = [];
    const headlineIntents = ["value", "compare", "drivers", "summary"];
    if (headlineIntents.includes(u.intent) && r.value !== null && r.value !== undefined) {
      const pct = formatPct(r.change_pct);
      parts.push(h("div", { class: "answer-top" },
        h("span", { class: "headline num", text: formatValue(measure, r.value, currency) }),
        pct ? h("span", { class: `delta num ${tone}`, text: pct }) : null,
        r.previous_value !== null && r.previous_value !== undefined
          ? h("span", { class: "delta-note num", text: `from ${formatValue(measure, r.previous_value, currency)}` })
          : null));
    }
    parts.push(h("p", { class: "narrative", text: answer.narrative || "" }));
    if (u.intent === "clarify") {
      const options = clarificationOptions(answer);
      if (options.length && onSuggestion) {
        parts.push(h("div", { class: "suggestions", role: "group", "aria-label": "Suggestions" },
          options.map((option) => h("button", { type: "button", class: "suggestion", text: option, onclick: () => onSuggestion(option, answer) }))));
      }
      return h("div", { class: "answer-body" }, parts);
    }
    if (u.intent !== "out_of_scope") {
      parts.push(chipsFor(u));
      parts.push(visualFor(answer, currency));
      if (["compare", "drivers", "summary", "trend"].includes(u.intent)) {
        parts.push(h("span", { class: `tone ${tone}`, text: tone === "neutral" ? "Steady" : tone === "positive" ? "Good news" : "Needs attention" }));
      }
    }
    return h("div", { class: "answer-body" }, parts);
  }

  // ---------------------------------------------------------------- share page

  function sharePage() {
    const data = JSON.parse(document.getElementById("shared-insight").textContent);
    const target = document.getElementById("shared-answer");
    target.replaceChildren(answerView(data.insight, { currency: data.currency }));
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
      }, answerView(answer, { currency: config.currency, onSuggestion: (text) => ask(suggestionQuestion(answer, questionBefore(message), text)) }));
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
      await Promise.all([loadConversations(), loadPinned()]);
      const wanted = new URLSearchParams(location.search).get("c");
      if (wanted) await openConversation(wanted);
      else ui.input.focus();
    })();
  }

  const page = document.body.dataset.page;
  if (page === "chat") chatPage();
  else if (page === "share") sharePage();
})();
