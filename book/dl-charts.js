/* The book's charts: pictures first, the interactive view (vega) only when a reader reaches for it.
 *
 * Every chart is an SVG picture drawn at build time. A chart with tooltips or controls also has a
 * hidden container, its specification (a JSON file) and an "Interactive version" button. This
 * script shows the buttons and loads the site's vega bundle (one file, served by the site) the
 * first time a reader points at, touches or asks for such a chart; a chart with controls also
 * comes alive when it scrolls into view after the reader's first scroll. Without JavaScript,
 * the pictures are all there is, and they are complete.
 */
(function () {
  "use strict";
  var BUNDLE = "__DL_VEGA_BUNDLE__";  // the bundle's file name, beside this script (set at build)
  var here = (document.currentScript && document.currentScript.src) || location.href;
  var vega = null;

  function loadVega() {
    if (!vega) {
      vega = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(BUNDLE, here).href;
        script.onload = resolve;
        script.onerror = function () { vega = null; reject(new Error("could not load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return vega;
  }

  function specOf(figure) {
    var url = figure.getAttribute("data-dl-spec");
    if (url) {
      return fetch(new URL(url, location.href).href).then(function (r) {
        if (!r.ok) { throw new Error("could not load " + url); }
        return r.json();
      });
    }
    var inline = figure.querySelector("script.dl-chart-spec");
    return Promise.resolve(JSON.parse(inline.textContent));
  }

  function activate(figure) {
    if (figure.dlLive) { return figure.dlLive; }
    var live = figure.querySelector(".dl-chart");
    var picture = figure.querySelector(".dl-picture");
    var button = figure.querySelector(".dl-chart-live");
    if (!live) { return Promise.resolve(null); }
    figure.setAttribute("data-dl-state", "loading");
    if (button) { button.setAttribute("aria-busy", "true"); }
    figure.dlLive = Promise.all([loadVega(), specOf(figure)]).then(function (loaded) {
      var spec = loaded[1];
      var options = {
        mode: "vega-lite", renderer: "svg",
        actions: { export: true, source: false, compiled: false, editor: false },
        loader: { baseURL: document.documentElement.dataset.content_root || "./" }
      };
      var own = (spec.usermeta || {}).embedOptions || {};
      Object.keys(own).forEach(function (k) { options[k] = own[k]; });
      // The picture keeps its place until the live chart is drawn in the same spot.
      live.style.minHeight = picture ? picture.getBoundingClientRect().height + "px" : "";
      if (picture) { picture.hidden = true; }
      live.hidden = false;
      return window.dlFitEmbed(live, spec, options);
    }).then(function (result) {
      live.style.minHeight = "";
      figure.setAttribute("data-dl-state", "live");
      if (button) { button.hidden = true; }
      return result;
    }).catch(function (error) {
      console.error(error);
      figure.dlLive = null;
      figure.removeAttribute("data-dl-state");
      live.hidden = true;
      if (picture) { picture.hidden = false; }
      if (button) { button.removeAttribute("aria-busy"); }
    });
    return figure.dlLive;
  }

  function start() {
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.dl-figure[data-dl-interactive]"))
      .filter(function (f) { return f.getAttribute("data-dl-interactive"); });
    var controls = [];
    figures.forEach(function (figure) {
      var button = figure.querySelector(".dl-chart-live");
      if (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          activate(figure).then(function () {
            var target = figure.querySelector(".dl-chart input, .dl-chart select, .dl-chart");
            if (target && target.focus) { target.focus({ preventScroll: true }); }
          });
        });
      }
      var picture = figure.querySelector(".dl-picture");
      if (picture) {
        picture.addEventListener("pointerenter", function (e) { if (e.pointerType === "mouse") { activate(figure); } });
        picture.addEventListener("touchstart", function () { activate(figure); }, { passive: true });
      }
      if (figure.getAttribute("data-dl-interactive") === "controls") { controls.push(figure); }
    });
    // Charts with controls come alive as they scroll into view, once the reader has scrolled.
    if (controls.length && "IntersectionObserver" in window) {
      var watch = function () {
        window.removeEventListener("scroll", watch);
        var seen = new IntersectionObserver(function (entries) {
          entries.forEach(function (entry) {
            if (entry.isIntersecting) { seen.unobserve(entry.target); activate(entry.target); }
          });
        }, { rootMargin: "200px 0px" });
        controls.forEach(function (figure) { seen.observe(figure); });
      };
      window.addEventListener("scroll", watch, { passive: true });
    }
  }

  window.dlActivateChart = activate;  // for the site's tests and for a reader's console
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
