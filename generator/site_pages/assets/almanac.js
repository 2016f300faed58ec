// Almanac calendar site: network and status filters (no network access, no library).
// The choice survives navigation (localStorage, and the page address so a link carries it),
// counts each item once (it may show in the grid, the board and a card), updates the board's
// column counts, and resets in one click.
(function () {
  "use strict";
  var KEY = "almanac-filters";
  var NAMES = ["platforms", "status"];

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }

  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  // The address wins over the stored choice: a shared link shows what its sender saw.
  function initial() {
    var params = new URLSearchParams(window.location.search);
    var fromUrl = NAMES.some(function (n) { return params.has(n); });
    var state = fromUrl ? {} : load();
    if (fromUrl) {
      NAMES.forEach(function (n) {
        state[n] = (params.get(n) || "").split(",").filter(Boolean);
      });
    }
    NAMES.forEach(function (n) { state[n] = Array.isArray(state[n]) ? state[n] : []; });
    return state;
  }

  function writeUrl(state) {
    var params = new URLSearchParams(window.location.search);
    NAMES.forEach(function (n) {
      if (state[n].length) { params.set(n, state[n].join(",")); } else { params.delete(n); }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// pages */ }
  }

  function matches(el, state) {
    var own = (el.dataset.platforms || "").split(" ");
    var nets = state.platforms;
    var netOk = !nets.length || nets.some(function (n) { return own.indexOf(n) >= 0; });
    var statusOk = !state.status.length || state.status.indexOf(el.dataset.status) >= 0;
    return netOk && statusOk;
  }

  function itemKey(el) {
    return el.dataset.item || el.id || el.getAttribute("href") || "";
  }

  // Hide what does not match; return how many distinct items are shown, of how many.
  function filterEntries(root, state) {
    var all = {};
    var shown = {};
    root.querySelectorAll(".al-entry[data-status], .al-item[data-status]").forEach(function (el) {
      var ok = matches(el, state);
      el.classList.toggle("al-hidden", !ok);
      all[itemKey(el)] = true;
      if (ok) { shown[itemKey(el)] = true; }
    });
    return { shown: Object.keys(shown).length, total: Object.keys(all).length };
  }

  function updateBoard(root) {
    root.querySelectorAll(".al-column").forEach(function (column) {
      var count = column.querySelector(".al-count[data-total]");
      if (count) {
        count.textContent = column.querySelectorAll(".al-entry:not(.al-hidden)").length;
      }
    });
  }

  function apply(root, bar, buttons, state) {
    buttons.forEach(function (b) {
      var on = state[b.dataset.filter].indexOf(b.dataset.value) >= 0;
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    var counted = filterEntries(root, state);
    updateBoard(root);
    var active = state.platforms.length + state.status.length > 0;
    var output = bar.querySelector(".al-filter-count");
    if (output) {
      output.textContent = active ? (output.dataset.template || "{shown} / {total}")
        .replace("{shown}", counted.shown).replace("{total}", counted.total) : "";
    }
    var reset = bar.querySelector(".al-filter-reset");
    if (reset) { reset.hidden = !active; }
    save(state);
    writeUrl(state);
  }

  function toggle(list, value) {
    var at = list.indexOf(value);
    if (at >= 0) { list.splice(at, 1); } else { list.push(value); }
  }

  function setup() {
    var bar = document.querySelector(".al-filters");
    if (!bar) { return; }
    var root = document.querySelector(".md-content") || document.body;
    var buttons = Array.prototype.slice.call(bar.querySelectorAll("button[data-filter]"));
    // a value chosen on another page stays chosen here, even without a chip for it
    var state = initial();
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        toggle(state[b.dataset.filter], b.dataset.value);
        apply(root, bar, buttons, state);
      });
    });
    var reset = bar.querySelector(".al-filter-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        NAMES.forEach(function (n) { state[n] = []; });
        apply(root, bar, buttons, state);
      });
    }
    apply(root, bar, buttons, state);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
