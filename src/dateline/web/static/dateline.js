// dateline web UI: click a highlighted span to see its details (plain JS, no build step).
(function () {
  "use strict";
  var dataEl = document.getElementById("record-data");
  var panel = document.getElementById("details");
  if (!dataEl || !panel) return;
  var data = JSON.parse(dataEl.textContent);

  function row(label, value) {
    if (value === null || value === undefined || value === "") return "";
    var dt = document.createElement("dt"); dt.textContent = label;
    var dd = document.createElement("dd"); dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
    return dt.outerHTML + dd.outerHTML;
  }

  function show(kind, id) {
    var html = "";
    if (kind === "q") {
      var q = data.quotes[id]; if (!q) return;
      html = "<h3>Quote " + id + "</h3><dl>" + row("Speaker", q.speaker || "unknown") + row("Kind", q.kind) +
        row("Cue", q.cue) + row("Content", q.text) + row("Confidence", q.confidence) + "</dl>";
      if (q.archive) html += '<p><a class="speaker-link" href="/ui/actors/' + q.archive + '">All quotes by this speaker</a></p>';
    } else if (kind === "t") {
      var t = data.times[id]; if (!t) return;
      html = "<h3>Time " + id + "</h3><dl>" + row("Text", t.text) + row("Type", t.type) + row("Value", t.value) + row("Mod", t.mod) + "</dl>";
    } else if (kind === "e") {
      var e = data.events[id]; if (!e) return;
      html = "<h3>Event " + id + "</h3><dl>" + row("Category", e.category + (e.mode ? " (" + e.mode + ")" : "")) +
        row("CAMEO", e.cameo) + row("Trigger", e.trigger) + row("Source", e.source) + row("Target", e.target) +
        row("Date", (e.date || "unknown") + " (" + e.precision + ")") + row("Status", e.status) +
        row("Background", e.background ? "yes" : "no") + row("Place", e.place) + "</dl>";
    }
    panel.innerHTML = html;
    document.querySelectorAll("span.active").forEach(function (s) { s.classList.remove("active"); });
    document.querySelectorAll("span[data-" + kind + '="' + id + '"]').forEach(function (s) { s.classList.add("active"); });
  }

  document.getElementById("doc-text").addEventListener("click", function (ev) {
    var span = ev.target.closest("span[data-q], span[data-t], span[data-e]");
    if (!span) return;
    if (span.dataset.e) show("e", span.dataset.e);
    else if (span.dataset.q) show("q", span.dataset.q);
    else show("t", span.dataset.t);
  });
})();
