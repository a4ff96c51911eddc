// diplomacy-kg page script, inlined by kg.viz after vis-network.min.js.
// Article text only ever reaches the DOM through textContent (or an option's value).
//
// The layout comes with the data (computed once in Python), so the page opens still.
// Filters never remove anything from window.nodes / window.edges (the full DataSets the
// network draws): they set `hidden` on the items they exclude.  Hooks for tests and
// benchmarks: window.kgVisibleNodes() / kgVisibleEdges() (ids shown), kgFilterState()
// (the controls), kgStats() ({actors, links, meetings} shown), kgLabels() (the label boxes
// drawn, in page pixels), kgDays() (the days of the time slider); body[data-kg-ready] once
// the first still picture is drawn.
(function () {
  "use strict";
  var MAX_LABELS = 300, LABEL_PX = 13, MIN_PX = 3.5, MAX_LIST = 300, STEP = 150, ISO = /^\d{4}-\d{2}-\d{2}/;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function plural(k, word) { return k + " " + word + (k === 1 ? "" : "s"); }
  function iso(value) {
    return typeof value === "string" && ISO.test(value) ? value.slice(0, 10) : null;
  }
  // An undated meeting is placed on the day it was reported, when that is known.
  function ownDay(m) { return iso(m.date); }
  function day(m) { return ownDay(m) || iso(m.reported); }
  var byId = {}, edgesOf = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; edgesOf[n.id] = []; });
  // An edge without meeting records stands for `weight` undated meetings of its own.
  data.edges.forEach(function (e) {
    edgesOf[e.from].push(e);
    edgesOf[e.to].push(e);
    if (!e.meetings.length) {
      e.meetings = [];
      for (var i = 0; i < e.weight; i++) {
        e.meetings.push(data.meetings.length);
        data.meetings.push({id: "", sentence: "", more: [], source: "", date: null,
                            reported: null, when: null, place: null, status: "asserted"});
      }
    }
  });

  // ------------------------------------------------------------------ the network
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {id: n.id, x: n.x, y: n.y, shape: n.shape, size: n.size, label: "", hidden: false,
            color: {background: n.color, border: "#3e4c59",
                    highlight: {background: n.color, border: "#1f2933"},
                    hover: {background: n.color, border: "#1f2933"}}};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {id: e.id, from: e.from, to: e.to, width: e.width, hidden: false};
  }));
  window.nodes = nodes;
  window.edges = edges;
  var network = new vis.Network($("kg-network"), {nodes: nodes, edges: edges}, data.options);
  window.network = network;

  // ------------------------------------------------------------------ filters
  var form = $("kg-filters"), from = $("kg-from"), to = $("kg-to");
  var datedOnly = $("kg-dated"), place = $("kg-place");
  var typeBoxes = Array.prototype.slice.call(form.querySelectorAll("input.kg-type"));
  var statusBoxes = Array.prototype.slice.call(form.querySelectorAll("input.kg-status"));
  var places = {}, dayset = {};
  data.meetings.forEach(function (m) {
    var d = day(m);
    if (m.place) { places[m.place] = (places[m.place] || 0) + 1; }
    if (d) { dayset[d] = true; }
  });
  var days = Object.keys(dayset).sort();
  Object.keys(places).sort(function (x, y) { return x.localeCompare(y); }).forEach(function (p) {
    var o = el("option", null, p + " (" + places[p] + ")");
    o.value = p;
    place.appendChild(o);
  });
  from.max = to.max = String(Math.max(days.length - 1, 0));
  from.value = "0";
  to.value = String(Math.max(days.length - 1, 0));
  $("kg-time").hidden = days.length === 0;
  var typeCounts = {};
  data.nodes.forEach(function (n) { typeCounts[n.type] = (typeCounts[n.type] || 0) + 1; });
  typeBoxes.forEach(function (b) {
    var k = typeCounts[b.value] || 0, item = b.closest("li");
    item.hidden = data.nodes.length > 0 && k === 0;
    item.title = plural(k, "actor");
  });
  var limit = Math.min(data.shown, data.nodes.length), pinned = {};
  function state() {
    var lo = Number(from.value), hi = Number(to.value);
    return {from: days.length && lo > 0 ? days[Math.min(lo, hi)] : null,
            to: days.length && hi < days.length - 1 ? days[Math.max(lo, hi)] : null,
            datedOnly: datedOnly.checked, place: place.value || null,
            types: typeBoxes.filter(function (b) { return b.checked; })
                            .map(function (b) { return b.value; }),
            statuses: statusBoxes.filter(function (b) { return b.checked; })
                                 .map(function (b) { return b.value; }),
            shown: limit};
  }
  var current = state();
  // A meeting passes when its status is ticked, it was at the chosen place, and its day (or
  // the day it was reported) is inside the range; with a range set, a meeting with neither
  // fails, and "dated meetings only" wants a day of the meeting's own.
  function passes(m) {
    var s = current;
    if (s.statuses.indexOf(m.status) < 0) { return false; }
    if (s.place !== null && m.place !== s.place) { return false; }
    if (s.datedOnly && ownDay(m) === null) { return false; }
    if (s.from === null && s.to === null) { return true; }
    var d = day(m);
    return d !== null && (s.from === null || d >= s.from) && (s.to === null || d <= s.to);
  }
  function inTop(n) { return n.rank < limit || pinned[n.id] === true; }
  var shownEdges = {}, shownNodes = {}, stats = {actors: 0, links: 0, meetings: 0};
  var counts = $("kg-counts"), none = $("kg-none");
  function apply() {
    current = state();
    $("kg-from-day").textContent = days.length ? days[Math.min(Number(from.value), days.length - 1)] : "";
    $("kg-to-day").textContent = days.length ? days[Math.min(Number(to.value), days.length - 1)] : "";
    var types = {};
    current.types.forEach(function (t) { types[t] = true; });
    var linked = {}, nodeChanges = [], edgeChanges = [], meetingsShown = {};
    stats = {actors: 0, links: 0, meetings: 0};
    shownEdges = {};
    shownNodes = {};
    data.edges.forEach(function (e) {
      var a = byId[e.from], b = byId[e.to];
      var ok = types[a.type] === true && types[b.type] === true && inTop(a) && inTop(b);
      var kept = ok ? e.meetings.filter(function (i) { return passes(data.meetings[i]); }) : [];
      ok = kept.length > 0;
      if (ok) {
        linked[e.from] = linked[e.to] = true;
        shownEdges[e.id] = kept;
        stats.links += 1;
        kept.forEach(function (i) { meetingsShown[i] = true; });
      }
      if (edges.get(e.id).hidden !== !ok) { edgeChanges.push({id: e.id, hidden: !ok}); }
    });
    data.nodes.forEach(function (n) {
      var ok = types[n.type] === true && inTop(n) &&
               (linked[n.id] === true || edgesOf[n.id].length === 0);
      if (ok) { shownNodes[n.id] = true; stats.actors += 1; }
      if (nodes.get(n.id).hidden !== !ok) { nodeChanges.push({id: n.id, hidden: !ok}); }
    });
    stats.meetings = Object.keys(meetingsShown).length;
    if (nodeChanges.length || edgeChanges.length) { network.unselectAll(); }
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    counts.textContent = plural(stats.actors, "actor") + ", " + plural(stats.links, "link") +
                         ", " + plural(stats.meetings, "meeting");
    none.hidden = data.nodes.length === 0 || stats.actors > 0;
    $("kg-top-text").textContent = limit < data.nodes.length
      ? "the " + limit + " most connected of " + plural(data.nodes.length, "actor") : "";
    $("kg-more").hidden = limit >= data.nodes.length;
    refreshPanel();
    scheduleLabels();
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  $("kg-more").addEventListener("click", function () {
    limit = Math.min(limit + Math.max(STEP, limit), data.nodes.length);
    apply();
  });
  $("kg-reset").addEventListener("click", function () {
    from.value = "0";
    to.value = String(Math.max(days.length - 1, 0));
    place.value = "";
    datedOnly.checked = false;
    typeBoxes.forEach(function (b) { b.checked = true; });
    statusBoxes.forEach(function (b) { b.checked = b.value === "asserted"; });
    apply();
  });
  function ids(set) { return set.getIds({filter: function (item) { return !item.hidden; }}); }
  window.kgFilterState = function () { return state(); };
  window.kgVisibleNodes = function () { return ids(nodes); };
  window.kgVisibleEdges = function () { return ids(edges); };
  window.kgStats = function () { return {actors: stats.actors, links: stats.links,
                                         meetings: stats.meetings}; };
  window.kgDays = function () { return days.slice(); };

  // ------------------------------------------------------------------ labels
  // Labels by importance (rank: most meetings first) and zoom: a label is drawn only where
  // it overlaps no label of a more important actor; zooming in makes room for more.
  var measure = document.createElement("canvas").getContext("2d"), labelled = {}, boxes = [];
  measure.font = LABEL_PX + "px sans-serif";
  var widths = {};
  function width(n) {
    if (widths[n.id] === undefined) { widths[n.id] = measure.measureText(n.label).width + 6; }
    return widths[n.id];
  }
  var order = data.nodes.slice().sort(function (x, y) { return x.rank - y.rank; });
  var pending = null;
  function scheduleLabels() {
    if (pending === null) { pending = setTimeout(function () { pending = null; labels(); }, 60); }
  }
  // Zoomed far out, an actor is still drawn MIN_PX pixels wide at least.
  var drawnSize = {};
  function labels() {
    var scale = network.getScale(), box = $("kg-network").getBoundingClientRect();
    var chosen = {}, changes = [], floor = MIN_PX / scale;
    lastView = view();
    boxes = [];
    function size(n) { return shownNodes[n.id] ? Math.max(n.size, floor) : n.size; }
    for (var i = 0; i < order.length && boxes.length < MAX_LABELS; i++) {
      var n = order[i];
      if (!shownNodes[n.id]) { continue; }
      var p = network.canvasToDOM({x: n.x, y: n.y}), w = width(n), h = LABEL_PX + 4;
      var b = {id: n.id, x: p.x - w / 2, y: p.y + size(n) * scale + 1, w: w, h: h};
      if (b.x < 0 || b.y < 0 || b.x + w > box.width || b.y + h > box.height) { continue; }
      var clash = boxes.some(function (o) {
        return b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h;
      });
      if (!clash) { boxes.push(b); chosen[n.id] = true; }
    }
    var font = LABEL_PX / scale;
    order.forEach(function (n) {
      var change = {id: n.id}, want = size(n), has = drawnSize[n.id] || n.size;
      if (Math.abs(want - has) > 0.05 * has) { change.size = drawnSize[n.id] = want; }
      if (chosen[n.id]) {
        change.label = n.label;
        change.font = {size: font, vadjust: 0};
      } else if (labelled[n.id]) {
        change.label = "";
      }
      if (Object.keys(change).length > 1) { changes.push(change); }
    });
    labelled = chosen;
    nodes.update(changes);
  }
  window.kgLabels = function () {
    var box = $("kg-network").getBoundingClientRect();
    return boxes.map(function (b) {
      return {id: b.id, label: byId[b.id].label, x: b.x + box.left, y: b.y + box.top,
              w: b.w, h: b.h};
    });
  };
  // Any change of view (zoom, drag, focus, a resized window) chooses the labels again once
  // it has been drawn; redrawing the same view does not.
  var lastView = "";
  function view() {
    var p = network.getViewPosition(), box = $("kg-network").getBoundingClientRect();
    return [network.getScale(), p.x, p.y, box.width, box.height].join(" ");
  }
  network.on("afterDrawing", function () {
    if (view() !== lastView) { scheduleLabels(); }
  });

  // ------------------------------------------------------------------ side panel
  var panel = $("kg-panel"), body = $("kg-panel-body"), selected = null;
  function meetingItem(m, partners) {
    var li = el("li", "kg-meeting");
    var when = ownDay(m) ? ownDay(m) : (iso(m.reported) ? "reported on " + iso(m.reported) +
               (m.when && m.when.indexOf("(") > 0 ? " " + m.when.slice(m.when.indexOf("(")) : "")
               : (m.when || "no date"));
    var head = el("div", "kg-when", [when, m.place, m.status].filter(Boolean).join(" \u00b7 "));
    if (!ownDay(m)) { head.classList.add("kg-reported"); }
    li.appendChild(head);
    if (partners) { li.appendChild(el("div", "kg-with", "with " + partners)); }
    [m.sentence].concat(m.more || []).forEach(function (s) {
      if (s) { li.appendChild(el("blockquote", "kg-sentence", s)); }
    });
    if (m.source) { li.appendChild(el("div", "kg-src", "source: " + m.source)); }
    return li;
  }
  // Dated meetings first, by day; the rest in the order of the data.
  function byDay(x, y) {
    var a = day(data.meetings[x]) || "9999", b = day(data.meetings[y]) || "9999";
    return a < b ? -1 : a > b ? 1 : x - y;
  }
  function meetingList(indices, partnersOf) {
    var list = el("ul", "kg-meetings");
    indices.sort(byDay).slice(0, MAX_LIST).forEach(function (i) {
      list.appendChild(meetingItem(data.meetings[i], partnersOf ? partnersOf[i] : null));
    });
    if (indices.length > MAX_LIST) {
      list.appendChild(el("li", "kg-more", "\u2026 and " + (indices.length - MAX_LIST) + " more"));
    }
    return list;
  }
  // An actor's meetings that pass the filters, over all its links, each once.
  function actorMeetings(id) {
    var partners = {};
    edgesOf[id].forEach(function (e) {
      var other = byId[e.from === id ? e.to : e.from].label;
      e.meetings.forEach(function (i) {
        if (passes(data.meetings[i])) { (partners[i] = partners[i] || []).push(other); }
      });
    });
    return partners;
  }
  function showActor(id) {
    var n = byId[id], partners = actorMeetings(id), found = Object.keys(partners).map(Number);
    var names = {};
    found.forEach(function (i) { names[i] = partners[i].join(", "); });
    body.textContent = "";
    body.appendChild(el("h2", null, n.label));
    body.appendChild(el("div", "kg-sub", n.type + (n.country ? " \u00b7 " + n.country : "")));
    body.appendChild(el("div", "kg-sub kg-count", plural(found.length, "meeting")));
    body.appendChild(meetingList(found, names));
    selected = {kind: "actor", id: id};
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function showLink(id) {
    var e = data.edges.find(function (x) { return x.id === id; });
    var kept = e.meetings.filter(function (i) { return passes(data.meetings[i]); });
    body.textContent = "";
    body.appendChild(el("h2", null, byId[e.from].label + " \u2014 " + byId[e.to].label));
    body.appendChild(el("div", "kg-sub kg-count", "met " + plural(kept.length, "time")));
    body.appendChild(meetingList(kept, null));
    selected = {kind: "link", id: id};
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function closePanel() { panel.hidden = true; selected = null; body.textContent = ""; }
  function refreshPanel() {
    if (selected === null) { return; }
    if (selected.kind === "actor") { showActor(selected.id); } else { showLink(selected.id); }
  }
  $("kg-panel-close").addEventListener("click", function () { closePanel(); network.unselectAll(); });
  network.on("click", function (p) {
    if (p.nodes.length) { showActor(p.nodes[0]); } else if (p.edges.length) { showLink(p.edges[0]); }
    else { closePanel(); }
  });
  window.kgSelect = function (id) {
    if (byId[id]) { choose(byId[id]); } else { showLink(id); }
  };

  // ------------------------------------------------------------------ communities legend
  var legend = $("kg-communities");
  data.communities.forEach(function (c) {
    var li = el("li"), swatch = el("span", "kg-swatch");
    swatch.style.background = c.color;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(c.name + " (" + c.size + ")"));
    legend.appendChild(li);
  });
  legend.hidden = data.communities.length === 0;

  // ------------------------------------------------------------------ search
  var status = $("kg-search-status"), matches = $("kg-matches"), box = $("kg-search");
  function meetingCount(n) { return Object.keys(actorMeetings(n.id)).length; }
  function find(query) {
    var q = query.trim().toLowerCase(), exact = [], prefix = [], inner = [];
    if (!q) { return []; }
    order.forEach(function (n) {
      var l = n.label.toLowerCase();
      if (l === q) { exact.push(n); } else if (l.indexOf(q) === 0) { prefix.push(n); }
      else if (l.indexOf(q) >= 0) { inner.push(n); }
    });
    return exact.concat(prefix, inner);
  }
  function clearSearch(message) {
    matches.textContent = "";
    matches.hidden = true;
    status.textContent = message;
    network.unselectAll();
    closePanel();
  }
  function choose(n) {
    if (!inTop(n)) {  // beyond the most connected: shown with its partners
      pinned[n.id] = true;
      edgesOf[n.id].forEach(function (e) { pinned[e.from] = pinned[e.to] = true; });
      apply();
    }
    if (!shownNodes[n.id]) {
      network.unselectAll();
      status.textContent = "\u201c" + n.label + "\u201d is hidden by the filters";
      return;
    }
    network.selectNodes([n.id]);
    network.focus(n.id, {scale: 1.4, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    status.textContent = "";
    showActor(n.id);
  }
  function list(found) {
    matches.textContent = "";
    found.forEach(function (n) {
      var li = el("li"), button = el("button", "kg-match");
      button.type = "button";
      button.dataset.id = n.id;
      button.appendChild(el("span", "kg-match-label", n.label));
      button.appendChild(el("span", "kg-match-sub",
                            " " + n.type + ", " + plural(meetingCount(n), "meeting")));
      button.addEventListener("click", function () { choose(n); });
      li.appendChild(button);
      matches.appendChild(li);
    });
    matches.hidden = found.length < 2;
    status.textContent = found.length > 1 ? plural(found.length, "actor") + " match" : "";
  }
  function search(typing) {
    var found = find(box.value);
    if (!box.value.trim()) { clearSearch(""); return; }
    if (!found.length) {
      if (!typing) { clearSearch("no actor matches"); } else { matches.hidden = true; }
      return;
    }
    var exact = found[0].label.toLowerCase() === box.value.trim().toLowerCase();
    if (typing && !exact) { return; }
    list(found);
    if (exact || found.length === 1) { choose(found[0]); }
    else { network.unselectAll(); closePanel(); }
  }
  box.addEventListener("input", function () { search(true); });
  $("kg-search-form").addEventListener("submit", function (ev) { ev.preventDefault(); search(false); });

  // ------------------------------------------------------------------ first picture
  function ready() {
    window.kgReadyAt = performance.now();
    window.kgReady = true;
    document.body.setAttribute("data-kg-ready", "1");
  }
  apply();
  if (data.nodes.length === 0) {
    $("kg-empty").hidden = false;
    ready();
  } else {
    var start = kgVisibleNodes();
    network.fit({nodes: start.length ? start : nodes.getIds(), animation: false});
    if (network.getScale() > 1.2) {
      network.moveTo({position: network.getViewPosition(), scale: 1.2, animation: false});
    }
    labels();
    network.once("afterDrawing", function () { labels(); network.redraw(); ready(); });
    network.redraw();
  }
})();
