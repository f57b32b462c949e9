/* The data page: upload (XHR, with its progress), column roles, import progress polled from the job,
 * import history, going back to a version, and measure words, direction and format.
 * Talks only to the metrics API; every value is inserted as text, never as HTML. */
(() => {
  "use strict";

  const config = JSON.parse(document.getElementById("page-config").textContent);
  const $ = (id) => document.getElementById(id);
  const POLL_MS = 400;
  const state = { access: null, upload: null };

  function cookie(name) {
    const found = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : "";
  }

  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    Object.entries(props).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    });
    children.forEach((child) => node.append(child));
    return node;
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  // ------------------------------------------------------------------ API

  async function token() {
    if (state.access) return state.access;
    const response = await fetch(config.token_url, {
      method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": cookie("csrftoken") },
    });
    if (response.status === 401) window.location.assign(`/login/?next=${encodeURIComponent(location.pathname)}`);
    if (!response.ok) throw new Error("Could not start a session. Please reload the page.");
    state.access = (await response.json()).access;
    return state.access;
  }

  async function api(path, { method = "GET", body, retried = false } = {}) {
    const response = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${await token()}`, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 401 && !retried) {
      state.access = null;
      return api(path, { method, body, retried: true });
    }
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (data && data.error) || {};
      const failure = new Error(error.message || `The server answered ${response.status}.`);
      failure.code = error.code;
      throw failure;
    }
    return data;
  }

  // ------------------------------------------------------------------ progress

  function progress(label, fraction, text) {
    $("progress-row").hidden = false;
    $("progress-label").textContent = label;
    const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    $("progress").value = percent;
    $("progress-text").textContent = text || `${percent}%`;
  }

  // Sends the file with XMLHttpRequest: fetch reports no upload progress.
  function send(target, file) {
    return new Promise(async (resolve, reject) => {
      const form = new FormData();
      Object.entries(target.fields || {}).forEach(([key, value]) => form.append(key, value));
      form.append("file", file);
      const request = new XMLHttpRequest();
      request.open(target.method, target.url);
      if (!target.direct_to_storage) request.setRequestHeader("Authorization", `Bearer ${await token()}`);
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) progress("Uploading", event.loaded / event.total);
      });
      request.addEventListener("load", () => {
        if (request.status >= 200 && request.status < 300) {
          progress("Uploading", 1, "Uploaded 100%");
          resolve();
        } else {
          let message = `The upload was refused (${request.status}).`;
          try { message = JSON.parse(request.responseText).error.message; } catch (exc) { /* S3 answers XML */ }
          reject(new Error(message));
        }
      });
      request.addEventListener("error", () => reject(new Error("The upload was interrupted. Try again.")));
      request.send(form);
    });
  }

  // ------------------------------------------------------------------ upload and import

  async function upload(event) {
    event.preventDefault();
    showError("");
    $("import-result").textContent = "";
    $("roles-form").hidden = true;
    const file = $("dataset-file").files[0];
    if (!file) return;
    $("upload-button").disabled = true;
    try {
      const target = await api("/api/metrics/uploads/", { method: "POST", body: { filename: file.name, size: file.size } });
      state.upload = target;
      progress("Uploading", 0);
      await send(target, file);
      showColumns(await api(`/api/metrics/uploads/${target.id}/columns`));
    } catch (exc) {
      showError(exc.message);
    } finally {
      $("upload-button").disabled = false;
    }
  }

  function showColumns(found) {
    $("columns-summary").textContent = found.problem
      ? `${found.rows.toLocaleString()} rows. With these roles the import would be refused: ${found.problem} Change a misread column's role below.`
      : `${found.rows.toLocaleString()} rows from ${found.first_date} to ${found.last_date}.${found.note ? ` ${found.note}` : ""} Check each column's role:`;
    const rows = found.columns.map((column) => {
      let role;
      if (column.role === "date") {
        role = el("span", { text: "date" });
      } else {
        role = el("select", { "aria-label": `Role of ${column.column}`, "data-column": column.column }, [
          el("option", { value: "dimension", text: "dimension" }),
          el("option", { value: "measure", text: "measure" }),
        ]);
        role.value = column.role;
      }
      return el("tr", {}, [
        el("td", { text: column.column }), el("td", {}, [role]),
        el("td", { text: column.members === null ? "" : String(column.members) }),
      ]);
    });
    $("columns").replaceChildren(...rows);
    $("roles-form").hidden = false;
  }

  async function confirmImport(event) {
    event.preventDefault();
    showError("");
    const roles = { dimensions: [], measures: [] };
    $("columns").querySelectorAll("select[data-column]").forEach((select) => {
      roles[select.value === "measure" ? "measures" : "dimensions"].push(select.dataset.column);
    });
    $("import-button").disabled = true;
    try {
      const job = await api(`/api/metrics/uploads/${state.upload.id}/complete`, {
        method: "POST", body: { ...roles, replace: $("replace").checked },
      });
      $("roles-form").hidden = true;
      finished(await follow(job));
    } catch (exc) {
      showError(exc.message);
    } finally {
      $("import-button").disabled = false;
    }
  }

  async function follow(job) {
    while (job.status === "queued" || job.status === "running") {
      progress("Importing", job.progress, `${job.status === "queued" ? "Waiting to start" : job.stage} · ${Math.round(job.progress * 100)}%`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      job = await api(`/api/metrics/imports/${job.id}`);
    }
    return job;
  }

  function finished(job) {
    const result = $("import-result");
    if (job.status === "done") {
      progress("Importing", 1, "Imported 100%");
      const counts = job.result;
      const dimensions = Object.entries(counts.dimensions).map(([name, count]) => `${name} (${count})`).join(", ");
      result.className = "result";
      result.textContent = `Imported ${counts.rows.toLocaleString()} rows: dimensions ${dimensions || "none"}; measures ${counts.measures.join(", ")}.${counts.note ? ` ${counts.note}` : ""}`;
    } else {
      progress("Importing", job.progress, "Failed");
      result.className = "result failed";
      result.textContent = `The import failed: ${job.error.message}`;
    }
    refresh();
  }

  // ------------------------------------------------------------------ history and versions

  function details(job) {
    if (job.status === "done") return `${job.result.rows.toLocaleString()} rows`;
    if (job.status === "failed") return job.error.message;
    return `${Math.round(job.progress * 100)}%`;
  }

  async function loadHistory() {
    const { imports } = await api("/api/metrics/imports/");
    $("imports").replaceChildren(...imports.map((job) => el("tr", {}, [
      el("td", { text: new Date(job.created_at).toLocaleString() }),
      el("td", { text: job.source }),
      el("td", { class: `status-${job.status}`, text: job.status }),
      el("td", { text: details(job) }),
    ])));
  }

  async function loadVersions() {
    const { versions, kept } = await api("/api/metrics/versions/");
    $("versions-kept").textContent = `The last ${kept} versions are kept; older ones are deleted.`;
    $("versions").replaceChildren(...versions.map((version) => {
      const name = `${version.source || version.version}${version.rows === null ? "" : ` · ${version.rows.toLocaleString()} rows`}`;
      const action = version.current
        ? el("strong", { text: "Current" })
        : el("button", { type: "button", class: "button ghost", "data-version": version.version, text: "Make current" });
      return el("li", {}, [el("span", { text: `${name} · ${new Date(version.started_at).toLocaleString()}` }), action]);
    }));
  }

  async function switchVersion(event) {
    const version = event.target.dataset && event.target.dataset.version;
    if (!version) return;
    showError("");
    try {
      await api("/api/metrics/versions/current", { method: "PUT", body: { version } });
      refresh();
    } catch (exc) {
      showError(exc.message);
    }
  }

  // ------------------------------------------------------------------ measures

  function choice(label, value, options) {
    const select = el("select", { "aria-label": label }, options.map((option) => el("option", { value: option, text: option })));
    select.value = value;
    return select;
  }

  async function loadMeasures() {
    let model;
    try {
      model = await api("/api/metrics/model/");
    } catch (exc) {
      if (exc.code === "no_dataset") { $("measures").replaceChildren(); return; }
      throw exc;
    }
    $("measures").replaceChildren(...model.measures.map((measure) => {
      const label = el("input", { type: "text", value: measure.label, "aria-label": `Label of ${measure.name}` });
      const words = el("input", { type: "text", value: measure.words.join(", "), "aria-label": `Words for ${measure.name}` });
      const direction = choice(`Direction of ${measure.name}`, measure.direction, ["good", "bad", "neutral"]);
      const format = choice(`Format of ${measure.name}`, measure.format, ["currency", "number", "percent"]);
      const status = el("span", { role: "status" });
      const save = el("button", { type: "button", class: "button ghost", text: "Save", "aria-label": `Save ${measure.name}` });
      save.addEventListener("click", async () => {
        status.textContent = "";
        showError("");
        try {
          await api(`/api/metrics/model/measures/${encodeURIComponent(measure.name)}`, {
            method: "PATCH",
            body: {
              label: label.value, direction: direction.value, format: format.value,
              words: words.value.split(",").map((word) => word.trim()).filter(Boolean),
            },
          });
          status.textContent = "Saved";
        } catch (exc) {
          showError(exc.message);
        }
      });
      return el("tr", { "data-measure": measure.name }, [
        el("td", { text: measure.name }), el("td", {}, [label]), el("td", {}, [words]), el("td", {}, [direction]),
        el("td", {}, [format]), el("td", {}, [save, status]),
      ]);
    }));
  }

  async function refresh() {
    try {
      await Promise.all([loadHistory(), loadVersions(), loadMeasures()]);
    } catch (exc) {
      showError(exc.message);
    }
  }

  $("upload-form").addEventListener("submit", upload);
  $("roles-form").addEventListener("submit", confirmImport);
  $("versions").addEventListener("click", switchVersion);
  refresh();
})();
