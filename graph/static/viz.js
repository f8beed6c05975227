/* migraph graph view: reads the JSON payload, draws it with vis-network, wires legend, filter,
   search and tooltips. All article text reaches the page as DOM text nodes (textContent), never
   as HTML, so a hostile name or quotation is shown, not run. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("migraph-data").textContent);
  var styles = data.styles;
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /* Styles go in vis "groups" (one per type) and edge defaults: per-item style objects make vis
     deep-merge options for every node and edge, which dominates start-up on big graphs. */
  var groups = {};
  Object.keys(styles).forEach(function (type) {
    var st = styles[type];
    groups[type] = { shape: st.shape, color: { background: st.color, border: st.border,
      highlight: { background: st.color, border: "#111" }, hover: { background: st.color, border: "#111" } } };
  });
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return { id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, group: n.type, type: n.type };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var edge = { id: i, from: e.from, to: e.to, color: e.color };
    if (e.label) { edge.label = e.label; }
    if (e.width !== 1) { edge.width = e.width; }
    if (e.directed) { edge.arrows = "to"; }
    if (e.dashes) { edge.dashes = true; }
    return edge;
  }));
  var enabled = new Set(Object.keys(styles));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return enabled.has(n.type); } });
  var big = data.nodes.length > 1500;
  var options = {
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 100, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false },
    groups: groups,
    nodes: { borderWidth: 1, font: { size: 14, face: "sans-serif", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 2, width: 1, color: { highlight: "#111", hover: "#333", inherit: false },
      font: { size: 10, face: "sans-serif", color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" } }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edges }, options);

  /* ---- details: the same builder feeds the hover tooltip and the side panel ---- */
  function addRow(parent, key, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) { return; }
    var row = el("div", "row");
    row.appendChild(el("span", "key", key + ": "));
    row.appendChild(el("span", "value", Array.isArray(value) ? value.join("; ") : value));
    parent.appendChild(row);
  }
  function addSentences(parent, sentences) {
    (sentences || []).forEach(function (s) {
      var q = el("blockquote", "sentence", s[0]);
      if (s[1]) { q.appendChild(el("cite", null, s[1])); }
      parent.appendChild(q);
    });
  }
  function nodeDetails(id) {
    var n = byId.get(id);
    var box = el("div", "details");
    if (!n) { return box; }
    box.appendChild(el("div", "title", n.name || n.label));
    addRow(box, "type", n.type);
    addRow(box, "roles", n.roles);
    addRow(box, "also called", n.aliases);
    addRow(box, "mentions", n.mentions);
    addRow(box, "documents", n.documents);
    addRow(box, "IRI", n.iri);
    addSentences(box, n.sentences);
    return box;
  }
  function edgeDetails(id) {
    var e = data.edges[id];
    var box = el("div", "details");
    if (!e) { return box; }
    var a = byId.get(e.from), b = byId.get(e.to);
    box.appendChild(el("div", "title", (a ? a.label : "?") + " — " + (b ? b.label : "?")));
    addRow(box, "relations", e.relations);
    addRow(box, "statements", e.weight);
    (e.evidence || []).forEach(function (ev) {
      var q = el("blockquote", "sentence");
      q.appendChild(el("b", null, "[" + ev[0] + "] "));
      q.appendChild(document.createTextNode(ev[1] || ""));
      if (ev[2]) { q.appendChild(el("cite", null, ev[2])); }
      box.appendChild(q);
    });
    return box;
  }

  var tip = document.getElementById("tooltip");
  var panel = document.getElementById("panel-body");
  function showTip(content, pointer) {
    tip.replaceChildren(content);
    tip.hidden = false;
    var rect = container.getBoundingClientRect();
    var x = rect.left + pointer.x + 14, y = rect.top + pointer.y + 14;
    tip.style.left = Math.max(0, Math.min(x, window.innerWidth - tip.offsetWidth - 8)) + "px";
    tip.style.top = Math.max(0, Math.min(y, window.innerHeight - tip.offsetHeight - 8)) + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeDetails(p.node), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeDetails(p.edge), p.pointer.DOM); });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (ev) { network.on(ev, hideTip); });
  network.on("click", function (p) {
    if (p.nodes.length) { panel.replaceChildren(nodeDetails(p.nodes[0])); }
    else if (p.edges.length) { panel.replaceChildren(edgeDetails(p.edges[0])); }
  });

  /* ---- legend and type filter ---- */
  var legend = document.getElementById("legend");
  Object.keys(data.counts).forEach(function (type) {
    var st = styles[type] || styles.Other;
    var label = el("label", "legend-item");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = type; box.setAttribute("data-type", type);
    box.addEventListener("change", function () {
      if (box.checked) { enabled.add(type); } else { enabled.delete(type); }
      nodeView.refresh();
    });
    var sym = el("span", "symbol", st.symbol);
    sym.style.color = st.color;
    label.appendChild(box);
    label.appendChild(sym);
    label.appendChild(el("span", null, type + " (" + data.counts[type] + ")"));
    legend.appendChild(label);
  });
  (data.edgeLegend || []).forEach(function (item) {
    var row = el("div", "legend-item");
    var line = el("span", "line");
    line.style.borderTop = "3px " + (item.dashes ? "dashed " : "solid ") + item.color;
    row.appendChild(line);
    row.appendChild(el("span", null, item.label));
    legend.appendChild(row);
  });

  /* ---- search ---- */
  var search = document.getElementById("search");
  var status = document.getElementById("search-status");
  var matches = [], current = -1;
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    matches = [];
    current = -1;
    if (q) {
      data.nodes.forEach(function (n) {
        if (!enabled.has(n.type)) { return; }
        var hay = [n.name || n.label].concat(n.aliases || []).join("\n").toLowerCase();
        if (hay.indexOf(q) >= 0) { matches.push(n.id); }
      });
    }
    network.selectNodes(matches);
    status.textContent = q ? matches.length + (matches.length === 1 ? " match" : " matches") : "";
    if (matches.length) { next(); }
  }
  function next() {
    if (!matches.length) { return; }
    current = (current + 1) % matches.length;
    var id = matches[current];
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    panel.replaceChildren(nodeDetails(id));
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); next(); } });

  if (data.notice) {
    var notice = document.getElementById("notice");
    notice.textContent = data.notice;
    notice.hidden = false;
  }
  window.migraph = { network: network, nodes: nodes, edges: edges, view: nodeView, search: runSearch };
  network.once("afterDrawing", function () {
    window.migraphReady = true;
    document.body.setAttribute("data-ready", "1");
  });
})();
