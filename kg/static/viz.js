// diplomacy-kg page script, inlined by kg.viz after vis-network.min.js.
// Article text only ever reaches the DOM through textContent (or an option's value).
//
// Filters never remove anything from window.nodes / window.edges (the full DataSets the
// network draws): they set `hidden` on the items they exclude, so the frozen layout stays
// put.  window.kgVisibleNodes() / window.kgVisibleEdges() give the ids still shown and
// window.kgFilterState() what the controls say.
(function () {
  "use strict";
  var MAX_MEETINGS = 8, MAX_SENTENCE = 400, ISO = /^\d{4}-\d{2}-\d{2}/;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function plural(k, word) { return k + " " + word + (k === 1 ? "" : "s"); }
  function clip(s) { return s.length > MAX_SENTENCE ? s.slice(0, MAX_SENTENCE) + "\u2026" : s; }
  function iso(value) {
    return typeof value === "string" && ISO.test(value) ? value.slice(0, 10) : null;
  }
  function isoDate(m) { return iso(m.date); }
  // An undated meeting is placed on the day it was reported, when that is known.
  function isoDay(m) { return isoDate(m) || iso(m.reported); }
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  function nodeTip(n) {
    var tip = el("div", "kg-tip");
    tip.appendChild(el("div", "kg-tip-head", n.label));
    tip.appendChild(el("div", "kg-tip-sub", n.type + (n.country ? " \u00b7 " + n.country : "")));
    tip.appendChild(el("div", "kg-tip-sub", plural(n.degree, "meeting")));
    return tip;
  }
  function edgeTip(e) {
    var a = byId[e.from] ? byId[e.from].label : e.from, b = byId[e.to] ? byId[e.to].label : e.to;
    var tip = el("div", "kg-tip");
    tip.appendChild(el("div", "kg-tip-head", a + " \u2014 " + b));
    tip.appendChild(el("div", "kg-tip-sub", "met " + plural(e.weight, "time")));
    var list = el("ul");
    e.meetings.slice(0, MAX_MEETINGS).forEach(function (m) {
      var li = el("li"), when = [m.when || m.date, m.place].filter(Boolean).join(" \u00b7 ");
      if (when) { li.appendChild(el("div", "kg-when", when)); }
      if (m.sentence) { li.appendChild(el("q", "kg-sentence", clip(m.sentence))); }
      if (m.source) { li.appendChild(el("div", "kg-src", "source: " + m.source)); }
      list.appendChild(li);
    });
    if (e.meetings.length > MAX_MEETINGS) {
      var more = e.meetings.length - MAX_MEETINGS;
      list.appendChild(el("li", "kg-more", "\u2026 and " + more + " more"));
    }
    if (e.meetings.length) { tip.appendChild(list); }
    return tip;
  }
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {id: n.id, label: n.label, type: n.type, country: n.country, degree: n.degree,
            size: n.size, title: nodeTip(n), hidden: false,
            color: {background: n.color, border: "#3e4c59",
                    highlight: {background: n.color, border: "#1f2933"},
                    hover: {background: n.color, border: "#1f2933"}}};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {id: e.id, from: e.from, to: e.to, weight: e.weight, width: e.width,
            meetings: e.meetings, title: edgeTip(e), hidden: false};
  }));
  window.nodes = nodes;
  window.edges = edges;
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  window.network = network;
  var progress = document.getElementById("kg-progress");
  function ready() {
    network.setOptions({physics: {enabled: false}});
    progress.textContent = "";
    window.kgReady = true;
    document.body.setAttribute("data-kg-ready", "1");
  }
  if (data.nodes.length === 0) {
    document.getElementById("kg-empty").hidden = false;
    ready();
  } else {
    progress.textContent = "laying out\u2026";
    network.on("stabilizationProgress", function (p) {
      progress.textContent = "laying out\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", ready);
  }

  // ------------------------------------------------------------------ filters
  // A meeting passes when its ISO date (or, undated, the day it was reported) is inside the
  // range (one with neither passes), unless "dated meetings only" is ticked and it has no
  // date of its own, and it was at the chosen place; the same meeting must
  // pass both.  An edge is shown when both its actors' types are ticked and one of its
  // meetings passes (an edge without meeting records counts as one undated, placeless
  // meeting).  An actor is shown when its type is ticked and, while a date or place filter
  // is set, at least one of its edges is shown.
  var form = document.getElementById("kg-filters");
  var from = document.getElementById("kg-from"), to = document.getElementById("kg-to");
  var datedOnly = document.getElementById("kg-dated"), place = document.getElementById("kg-place");
  var typeBoxes = Array.prototype.slice.call(form.querySelectorAll("input.kg-type"));
  var counts = document.getElementById("kg-counts"), none = document.getElementById("kg-none");
  var places = {}, first = null, last = null;
  data.edges.forEach(function (e) {
    e.meetings.forEach(function (m) {
      var d = isoDay(m);
      if (m.place) { places[m.place] = (places[m.place] || 0) + 1; }
      if (d && (first === null || d < first)) { first = d; }
      if (d && (last === null || d > last)) { last = d; }
    });
  });
  Object.keys(places).sort(function (x, y) { return x.localeCompare(y); }).forEach(function (p) {
    var o = el("option", null, p + " (" + places[p] + ")");
    o.value = p;
    place.appendChild(o);
  });
  if (first !== null) {
    from.min = to.min = first;
    from.max = to.max = last;
    from.title = to.title = "meetings run (or were reported) from " + first + " to " + last;
  }
  // The legend lists only the types the graph holds (all of them for an empty graph).
  var typeCounts = {};
  data.nodes.forEach(function (n) { typeCounts[n.type] = (typeCounts[n.type] || 0) + 1; });
  typeBoxes.forEach(function (b) {
    var k = typeCounts[b.value] || 0, item = b.closest("li");
    item.hidden = data.nodes.length > 0 && k === 0;
    item.title = plural(k, "actor");
  });
  var NO_MEETINGS = [{date: null, place: null}];
  function state() {
    return {from: from.value || null, to: to.value || null, datedOnly: datedOnly.checked,
            place: place.value || null,
            types: typeBoxes.filter(function (b) { return b.checked; })
                            .map(function (b) { return b.value; })};
  }
  function meetingPasses(s, m) {
    if (s.place !== null && m.place !== s.place) { return false; }
    if (s.datedOnly && isoDate(m) === null) { return false; }
    var d = isoDay(m);
    if (d === null) { return true; }
    return (s.from === null || d >= s.from) && (s.to === null || d <= s.to);
  }
  function apply() {
    var s = state(), types = {}, meetingFilter = Boolean(s.from || s.to || s.datedOnly || s.place);
    s.types.forEach(function (t) { types[t] = true; });
    var linked = {}, nodeChanges = [], edgeChanges = [], shownNodes = 0, shownEdges = 0;
    data.edges.forEach(function (e) {
      var ok = types[byId[e.from].type] === true && types[byId[e.to].type] === true &&
               (e.meetings.length ? e.meetings : NO_MEETINGS).some(function (m) {
                 return meetingPasses(s, m);
               });
      if (ok) { linked[e.from] = linked[e.to] = true; shownEdges += 1; }
      if (edges.get(e.id).hidden !== !ok) { edgeChanges.push({id: e.id, hidden: !ok}); }
    });
    data.nodes.forEach(function (n) {
      var ok = types[n.type] === true && (!meetingFilter || linked[n.id] === true);
      if (ok) { shownNodes += 1; }
      if (nodes.get(n.id).hidden !== !ok) { nodeChanges.push({id: n.id, hidden: !ok}); }
    });
    if (nodeChanges.length || edgeChanges.length) { network.unselectAll(); }
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    var all = shownNodes === data.nodes.length && shownEdges === data.edges.length;
    counts.textContent = all ? plural(data.nodes.length, "actor") + ", " +
                               plural(data.edges.length, "link")
                             : shownNodes + " of " + plural(data.nodes.length, "actor") + ", " +
                               shownEdges + " of " + plural(data.edges.length, "link");
    none.hidden = data.nodes.length === 0 || shownNodes > 0;
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  document.getElementById("kg-reset").addEventListener("click", function () {
    from.value = to.value = place.value = "";
    datedOnly.checked = false;
    typeBoxes.forEach(function (b) { b.checked = true; });
    apply();
  });
  function ids(set) {
    return set.getIds({filter: function (item) { return !item.hidden; }});
  }
  window.kgFilterState = state;
  window.kgVisibleNodes = function () { return ids(nodes); };
  window.kgVisibleEdges = function () { return ids(edges); };
  apply();

  // ------------------------------------------------------------------ search
  var labels = document.getElementById("kg-labels");
  var order = data.nodes.slice().sort(function (x, y) { return y.degree - x.degree; });
  order.forEach(function (n) {
    var o = document.createElement("option");
    o.value = n.label;
    labels.appendChild(o);
  });
  var status = document.getElementById("kg-search-status");
  function find(query, exactOnly) {
    var q = query.trim().toLowerCase(), tests = [function (l) { return l === q; }];
    if (!exactOnly) {
      tests.push(function (l) { return l.indexOf(q) === 0; });
      tests.push(function (l) { return l.indexOf(q) >= 0; });
    }
    for (var t = 0; q && t < tests.length; t++) {
      for (var i = 0; i < order.length; i++) {
        if (tests[t](order[i].label.toLowerCase())) { return order[i]; }
      }
    }
    return null;
  }
  function show(n) {
    if (nodes.get(n.id).hidden) {
      network.unselectAll();
      status.textContent = "\u201c" + n.label + "\u201d is hidden by the filters";
      return;
    }
    network.selectNodes([n.id]);
    network.focus(n.id, {scale: 1.4, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    status.textContent = "";
  }
  var box = document.getElementById("kg-search");
  box.addEventListener("input", function () { var n = find(box.value, true); if (n) { show(n); } });
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var n = find(box.value, false);
    if (n) { show(n); } else if (box.value.trim()) { status.textContent = "no actor matches"; }
  });
})();
