// diplomacy-kg page script, inlined by kg.viz after vis-network.min.js.
// Article text only ever reaches the DOM through textContent.
(function () {
  "use strict";
  var MAX_MEETINGS = 8, MAX_SENTENCE = 400;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function plural(k, word) { return k + " " + word + (k === 1 ? "" : "s"); }
  function clip(s) { return s.length > MAX_SENTENCE ? s.slice(0, MAX_SENTENCE) + "\u2026" : s; }
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
      var li = el("li"), when = [m.date, m.place].filter(Boolean).join(" \u00b7 ");
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
            size: n.size, title: nodeTip(n),
            color: {background: n.color, border: "#3e4c59",
                    highlight: {background: n.color, border: "#1f2933"},
                    hover: {background: n.color, border: "#1f2933"}}};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {id: e.id, from: e.from, to: e.to, weight: e.weight, width: e.width,
            meetings: e.meetings, title: edgeTip(e)};
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
