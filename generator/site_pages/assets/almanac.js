// Almanac calendar site: network and status filters (no network access, no library).
(function () {
  "use strict";
  var KEY = "almanac-filters";

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }

  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function wanted(buttons, name) {
    return buttons.filter(function (b) {
      return b.dataset.filter === name && b.getAttribute("aria-pressed") === "true";
    }).map(function (b) { return b.dataset.value; });
  }

  function matches(el, nets, statuses) {
    var own = (el.dataset.platforms || "").split(" ");
    var netOk = !nets.length || nets.some(function (n) { return own.indexOf(n) >= 0; });
    var statusOk = !statuses.length || statuses.indexOf(el.dataset.status) >= 0;
    return netOk && statusOk;
  }

  function apply(root, buttons, output) {
    var nets = wanted(buttons, "platforms");
    var statuses = wanted(buttons, "status");
    var shown = 0;
    var entries = root.querySelectorAll(".al-entry[data-status], .al-item[data-status]");
    entries.forEach(function (el) {
      var ok = matches(el, nets, statuses);
      el.classList.toggle("al-hidden", !ok);
      if (ok) { shown += 1; }
    });
    if (output) {
      output.textContent = nets.length || statuses.length ? shown + " / " + entries.length : "";
    }
    save({ platforms: nets, status: statuses });
  }

  function setup() {
    var bar = document.querySelector(".al-filters");
    if (!bar) { return; }
    var root = document.querySelector(".md-content") || document.body;
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button[data-filter]"));
    var output = bar.querySelector(".al-filter-count");
    var state = load();
    buttons.forEach(function (b) {
      var saved = state[b.dataset.filter] || [];
      b.setAttribute("aria-pressed", saved.indexOf(b.dataset.value) >= 0 ? "true" : "false");
      b.addEventListener("click", function () {
        var on = b.getAttribute("aria-pressed") === "true";
        b.setAttribute("aria-pressed", on ? "false" : "true");
        apply(root, buttons, output);
      });
    });
    apply(root, buttons, output);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
