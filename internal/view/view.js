// extract's article view: highlights and filters. The marks are all in the
// HTML; this only adds to them. Pointing at a quote (or its label or cue)
// highlights it, its speaker's words and the speaker's other mentions;
// pointing at an entity highlights its mentions. A click, Enter on a
// focused label, or a link to a quote (#a1-q3) holds the highlight until
// the next click.
(function () {
  "use strict";
  var doc = document;
  var byAttr = { "data-q": {}, "data-spk": {}, "data-e": {} };
  var quotes = {}; // id: the element that holds its type, confidence and speaker
  var lit = [];
  var held = null;

  function index() {
    Object.keys(byAttr).forEach(function (attr) {
      doc.querySelectorAll("[" + attr + "]").forEach(function (el) {
        el.getAttribute(attr).split(" ").forEach(function (id) {
          (byAttr[attr][id] = byAttr[attr][id] || []).push(el);
        });
      });
    });
    doc.querySelectorAll(".who[data-q], li[data-q]").forEach(function (el) {
      if (!quotes[el.dataset.q] || el.classList.contains("who")) quotes[el.dataset.q] = el;
    });
  }

  function add(list, cls) {
    (list || []).forEach(function (el) { el.classList.add(cls); lit.push([el, cls]); });
  }

  function clear() {
    lit.forEach(function (p) { p[0].classList.remove(p[1]); });
    lit = [];
  }

  function lightQuote(id) {
    clear();
    add(byAttr["data-q"][id], "hl");
    add(byAttr["data-spk"][id], "hl-spk");
    var q = quotes[id];
    if (q && q.dataset.ent) add(byAttr["data-e"][q.dataset.ent], "hl-ent");
  }

  function lightEntity(id) {
    clear();
    add(byAttr["data-e"][id], "hl-ent");
  }

  // target is the quote or entity that an element belongs to.
  function target(el) {
    var t = el && el.closest ? el.closest("[data-q], [data-e]") : null;
    if (!t) return null;
    if (t.dataset.q) return { quote: t.dataset.q.split(" ")[0] };
    return { entity: t.dataset.e.split(" ")[0] };
  }

  function light(t) {
    if (!t) clear();
    else if (t.quote) lightQuote(t.quote);
    else lightEntity(t.entity);
  }

  function hold(t) {
    held = t && t.quote ? t.quote : null;
    light(t);
  }

  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (quotes[id]) hold({ quote: id });
  }

  function filter(form) {
    var types = {};
    form.querySelectorAll("input[name=type]").forEach(function (i) { types[i.value] = i.checked; });
    var min = parseFloat(form.elements.min.value);
    form.elements.shown.value = min.toFixed(2);
    var shown = 0, all = 0;
    Object.keys(quotes).forEach(function (id) {
      var q = quotes[id], t = q.dataset.type;
      var on = (t in types ? types[t] : true) && parseFloat(q.dataset.conf) >= min - 1e-9;
      all++;
      if (on) shown++;
      (byAttr["data-q"][id] || []).forEach(function (el) { el.classList.toggle("off", !on); });
    });
    form.elements.count.value = shown + " of " + all + " quotes shown";
  }

  function start() {
    index();
    doc.querySelectorAll(".who[data-q]").forEach(function (el) { el.tabIndex = 0; });
    doc.addEventListener("mouseover", function (e) { if (!held) light(target(e.target)); });
    doc.addEventListener("focusin", function (e) { if (!held) light(target(e.target)); });
    doc.addEventListener("click", function (e) {
      var t = target(e.target);
      hold(t && t.quote && t.quote === held ? null : t);
    });
    doc.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.classList && e.target.classList.contains("who")) hold(target(e.target));
      if (e.key === "Escape") hold(null);
    });
    window.addEventListener("hashchange", fromHash);
    var form = doc.getElementById("filters");
    if (form) {
      form.hidden = false;
      form.addEventListener("input", function () { filter(form); });
      form.addEventListener("submit", function (e) { e.preventDefault(); });
      filter(form);
    }
    fromHash();
    doc.documentElement.classList.add("js");
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start);
  else start();
})();
