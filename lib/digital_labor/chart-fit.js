// How a chart fits its container (a phone, or a page beside the "Contents" sidebar): drawn,
// measured, and redrawn narrower, panels stacked, long titles wrapped; fonts keep their size.
// One algorithm for both drawings of a chart: the page draws it with vega-embed and measures the
// page (dlFitEmbed, below); the book's build draws its pictures with vl-convert and measures the
// SVG, running this same file (book.static_charts). The library appends it to the vega bundle
// (digital_labor.charts.vega_javascript), once per page or notebook, with the layout constants in
// place of __DL_CHART_LAYOUT__. Comment lines and indentation are dropped on the way.
(function (root, L) {
  // The layout constants come from the library (digital_labor.charts.LAYOUT).
  var MIN = L.minPanelPx, ACTIONS = L.actionsPx, GAP = L.gapPx, AXES = L.axesPx;
  function copy(o) { return JSON.parse(JSON.stringify(o)); }
  function lines(text, px, size) {
    var all = Array.isArray(text) ? text.join(" ") : String(text);
    var chars = Math.max(L.minLineChars, Math.floor(px / (size * L.charEm)));
    if (all.length <= chars) { return text; }
    var out = [], line = "";
    all.split(/\s+/).forEach(function (w) {
      if (line && (line + " " + w).length > chars) { out.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) { out.push(line); }
    return out;
  }
  function width(n, def) { return typeof n.width === "number" ? n.width : (n.width === undefined ? def : null); }
  function est(n, def) {
    if (n.hconcat) { return n.hconcat.reduce(function (a, c) { return a + est(c, def) + GAP; }, -GAP); }
    var kids = n.vconcat || n.concat;
    if (kids) { return Math.max.apply(null, kids.map(function (c) { return est(c, def); })) * (n.concat && n.columns > 1 ? Math.min(n.columns, kids.length) : 1); }
    if (n.spec) { return est(n.spec, def) * (n.columns > 1 ? n.columns : 1); }
    return (width(n, def) || def) + AXES;
  }
  function stack(n, inner, def) {
    if (n.hconcat && est(n, def) > inner && (inner - (AXES + GAP) * n.hconcat.length) / n.hconcat.length < L.stackBelowPx) {
      n.vconcat = n.hconcat; delete n.hconcat;
    }
    if ((n.concat || n.spec) && n.columns > 1 && est(n, def) > inner) { n.columns = 1; }
    ["hconcat", "vconcat", "concat"].forEach(function (k) { (n[k] || []).forEach(function (c) { stack(c, inner, def); }); });
    if (n.spec) { stack(n.spec, inner, def); }
  }
  function titles(n, inner, cfg) {
    var title = cfg.title || {}, size = title.fontSize || 13;
    (function visit(node) {
      if (!node || typeof node !== "object") { return; }
      if (Array.isArray(node)) { node.forEach(visit); return; }
      var px = node === n ? inner : inner - AXES;
      if (node.title) {
        if (typeof node.title !== "object" || Array.isArray(node.title)) { node.title = { text: node.title }; }
        node.title.text = lines(node.title.text, px, size);
        if (node.title.subtitle) { node.title.subtitle = lines(node.title.subtitle, px, title.subtitleFontSize || size * 0.8); }
      }
      ["layer", "hconcat", "vconcat", "concat"].forEach(function (k) { visit(node[k]); });
      visit(node.spec);
    })(n);
  }
  function texts(n, inner, cfg) {
    var axis = cfg.axis || {}, legend = cfg.legend || {};
    (function visit(node) {
      if (!node || typeof node !== "object") { return; }
      if (Array.isArray(node)) { node.forEach(visit); return; }
      var enc = node.encoding || {};
      Object.keys(enc).forEach(function (ch) {
        var e = enc[ch];
        if (!e || typeof e !== "object" || Array.isArray(e)) { return; }
        if (typeof e.title === "string" && ch !== "y" && ch !== "tooltip") {
          e.title = lines(e.title, inner - (ch === "x" ? AXES : ACTIONS), axis.titleFontSize || 11);
        }
        if (e.axis && typeof e.axis === "object" && e.axis.labelLimit > inner * L.labelShare) { e.axis.labelLimit = Math.round(inner * L.labelShare); }
        if (e.legend && typeof e.legend === "object") {
          if (e.legend.orient === "left" || e.legend.orient === "right") { e.legend.orient = "bottom"; }
          if (e.legend.gradientLength > inner - L.gradientMarginPx) { e.legend.gradientLength = inner - L.gradientMarginPx; }
          ["titleLimit", "labelLimit"].forEach(function (k) { if (e.legend[k] > inner - ACTIONS) { e.legend[k] = inner - ACTIONS; } });
        }
      });
      ["layer", "hconcat", "vconcat", "concat"].forEach(function (k) { visit(node[k]); });
      visit(node.spec);
    })(n);
    ["titleLimit", "labelLimit"].forEach(function (k) { legend[k] = Math.min(legend[k] || inner, inner - ACTIONS); });
    // Legends go under the chart, one entry a line, where they do not take the plot's width.
    legend.orient = "bottom"; legend.direction = "vertical";
    legend.layout = { bottom: { direction: "vertical", anchor: "start" } };
    axis.labelLimit = Math.min(axis.labelLimit || L.defaultLabelLimitPx, Math.round(inner * L.labelShare));
    cfg.axis = axis; cfg.legend = legend;
  }
  function prepare(spec, r, compact) {
    var s = copy(spec);
    if (!(r > 0)) { return s; }
    var cfg = s.config = s.config || {};
    var def = (cfg.view || {}).continuousWidth || 300, inner = r - ACTIONS;
    stack(s, inner, def);
    titles(s, inner, cfg);
    if (compact) { texts(s, inner, cfg); }
    return s;
  }
  function shrink(n, by, def) {
    var changed = false;
    if (n.hconcat) {
      n.hconcat.forEach(function (c) { changed = shrink(c, Math.ceil(by / n.hconcat.length), def) || changed; });
      return changed;
    }
    var kids = n.vconcat || n.concat;
    if (kids) {
      var most = est(n, def);
      kids.forEach(function (c) { var e = est(c, def); if (e > most - by) { changed = shrink(c, e - (most - by), def) || changed; } });
      return changed;
    }
    if (n.spec) { return shrink(n.spec, Math.ceil(by / (n.columns > 1 ? n.columns : 1)), def); }
    if (!(n.mark || n.layer)) { return false; }
    var w = width(n, def);
    if (w === null) { return false; }
    var nw = Math.max(MIN, Math.round(w - by));
    if (nw >= w) { return false; }
    // Maps keep their proportions.
    if (n.projection && typeof n.height === "number") { n.height = Math.round(n.height * nw / w); }
    n.width = nw;
    return true;
  }
  // The fitting, one drawing at a time. start() gives the first layout to draw for a room of
  // `room` px; after each drawing, next() takes by how many px it overflowed the room and gives
  // the next layout, until `done`. Plots narrow step by step (at most five times); if that is not
  // enough, the same again in the compact layout (legends under the plot, long labels cut), which
  // a narrow room gets at once. Narrower plots that did not make the chart narrower mean that
  // something else is wide: the layout before them is drawn again and kept.
  function attempt(base, room, compact) {
    return { base: base, room: room, compact: compact, spec: prepare(base, room, compact), passes: 0, last: null, before: 0, reverting: false, done: false, over: 0 };
  }
  function start(spec, room) { return attempt(spec, room, room - ACTIONS < L.compactBelowPx); }
  function settle(state, over) {
    if (state.room > 0 && over > 1 && !state.compact) { return attempt(state.base, state.room, true); }
    state.done = true; state.over = over;
    return state;
  }
  function next(state, over) {
    if (state.reverting) { return settle(state, over); }
    if (state.last && over > state.before - 2) { state.spec = state.last; state.last = null; state.reverting = true; return state; }
    var def = ((state.spec.config || {}).view || {}).continuousWidth || 300;
    state.last = copy(state.spec); state.before = over;
    if (state.room > 0 && over > 1 && state.passes < 5 && shrink(state.spec, over, def)) { state.passes += 1; return state; }
    return settle(state, over);
  }
  root.dlChartLayout = root.dlChartLayout || { start: start, next: next };
  if (typeof document === "undefined") { return; }
  // In a page: draws a chart with vega-embed so that it fits the width of its container.
  function room(el) {
    var p = el.parentElement; if (!p) { return 0; }
    var cs = getComputedStyle(p);
    return p.clientWidth - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0);
  }
  function needed(el) {
    var box = el.getBoundingClientRect(), right = box.right - (parseFloat(getComputedStyle(el).paddingRight) || 0);
    Array.prototype.forEach.call(el.querySelectorAll("svg, canvas, .vega-bindings"), function (part) {
      if (!part.closest(".vega-actions") && !part.closest("summary")) { right = Math.max(right, part.getBoundingClientRect().right); }
    });
    return right - box.left + (parseFloat(getComputedStyle(el).paddingRight) || 0);
  }
  root.dlFitEmbed = root.dlFitEmbed || function (target, spec, options) {
    var el = typeof target === "string" ? document.querySelector(target) : target;
    var result = null, drawn = -1, timer = null;
    function draw(s) {
      if (result) { result.finalize(); result = null; }
      el.innerHTML = "";
      el.removeAttribute("data-dl-scale");
      return window.vegaEmbed(el, s, options).then(function (r) {
        result = r;
        // vega-embed's export menu is a <summary> holding only an icon: it gets a name.
        var menu = el.querySelector("summary");
        if (menu) { menu.setAttribute("aria-label", "Export this chart"); }
        return r;
      });
    }
    // Last resort, for a chart that is wider than the screen at any plot size (labels beside a
    // diagram, say): draw it smaller, down to 0.8 of its size. (The SVG renderer finds the
    // hovered mark from the pointer's target, so tooltips still match.)
    function scale(over) {
      var svg = el.querySelector("svg.marks");
      if (!svg) { return; }
      var w = parseFloat(svg.getAttribute("width")), f = Math.max(0.8, (w - over) / w);
      svg.style.width = Math.floor(w * f) + "px";
      svg.style.height = "auto";
      el.setAttribute("data-dl-scale", f);
    }
    function fit() {
      var r = room(el), state = start(spec, r);
      drawn = r;
      function step() {
        return draw(state.spec).then(function () {
          state = next(state, Math.ceil(needed(el) - r));
          return state.done ? state.over : step();
        });
      }
      return step().then(function (over) {
        if (r > 0 && over > 1) { scale(over); }
        return result;
      });
    }
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var r = room(el);
        if (r > 0 && Math.abs(r - drawn) >= 24) {
          fit().then(function () { el.dispatchEvent(new Event("dl-chart-drawn")); }).catch(function (e) { console.error(e); });
        }
      }, 250);
    });
    return fit().then(function (res) { el.dispatchEvent(new Event("dl-chart-drawn")); return res; });
  };
})(typeof window !== "undefined" ? window : globalThis, __DL_CHART_LAYOUT__);
