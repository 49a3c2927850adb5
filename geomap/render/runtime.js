/* geomap browser runtime: decodes compact layer tables, builds escaped popups on demand, filters by time.
   Every string that came from an article goes through geomap.esc before it reaches innerHTML. */
(function () {
  "use strict";
  if (window.geomap) { return; }
  var G = {};
  var ENT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "`": "&#96;"};
  G.esc = function (v) {
    return (v === null || v === undefined) ? "" : String(v).replace(/[&<>"'`]/g, function (c) { return ENT[c]; });
  };
  G.safeUrl = function (u) {
    if (typeof u !== "string") { return null; }
    u = u.trim();
    return /^https?:\/\/[^\s<>"']+$/i.test(u) ? u : null;
  };
  G.row = function (table, i) {
    var r = table.rows[i], s = table.strings, p = {lat: r[0], lon: r[1]};
    table.columns.forEach(function (c, k) {
      var v = r[k + 4];
      if (c[1] === "s") { p[c[0]] = (v === null || v === undefined) ? null : s[v]; }
      else if (c[1] === "l") { p[c[0]] = (v || []).map(function (j) { return s[j]; }); }
      else { p[c[0]] = v; }
    });
    return p;
  };
  G.day = function (d) { return new Date(d * 86400000).toISOString().slice(0, 10); };

  function row(label, html) { return html ? "<tr><th>" + G.esc(label) + "</th><td>" + html + "</td></tr>" : ""; }
  function badge(label, level, title) {
    var lv = (level === 1 || level === 2 || level === 3) ? level : 0;
    return "<span class=\"geomap-badge geomap-p" + lv + "\" title=\"" + G.esc(title) + "\">" + G.esc(label) + "</span>";
  }
  function list(items) { return (items || []).map(G.esc).join(", "); }
  function link(url, text) {
    var safe = G.safeUrl(url);
    if (!safe) { return G.esc(text || url || ""); }
    return "<a href=\"" + G.esc(safe) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + G.esc(text || safe) + "</a>";
  }
  function when(p) {
    if (!p.date) { return "undated"; }
    return G.esc(p.date) + (p.date_end && p.date_end !== p.date ? " – " + G.esc(p.date_end) : "");
  }
  function where(p) {
    return [p.place || p.location, p.admin1, p.country_code].filter(Boolean).map(G.esc).join(", ");
  }
  var GEO = {1: "geo 1: the town itself", 2: "geo 2: near a town / part of a region", 3: "geo 3: only a larger region"};
  var TIME = {1: "time 1: exact day", 2: "time 2: week or range of days", 3: "time 3: only the month"};

  G.incidentHtml = function (p) {
    var head = "<div class=\"geomap-popup\"><b>" + G.esc(p.event_type || "Incident") + "</b>" +
      (p.sub_event_type ? " · " + G.esc(p.sub_event_type) : "") + "<table>" +
      row("When", when(p) + " " + badge("T" + (p.time_precision || "?"), p.time_precision, TIME[p.time_precision] || "") +
          (p.date_precision ? " <small>(" + G.esc(p.date_precision) + ")</small>" : "")) +
      row("Where", where(p) + " " + badge("G" + (p.geo_precision || "?"), p.geo_precision, GEO[p.geo_precision] || "")) +
      row("Who", list(p.actors)) + row("People", list(p.people)) +
      row("Fatalities", p.fatalities === null || p.fatalities === undefined ? "" : G.esc(p.fatalities)) +
      row("Injuries", p.injuries === null || p.injuries === undefined ? "" : G.esc(p.injuries)) +
      row("Confidence", p.confidence === null || p.confidence === undefined ? "" : G.esc(p.confidence)) +
      "</table>";
    var quote = p.quote ? "<blockquote>" + G.esc(p.quote) + "</blockquote>" : "";
    var src = (p.url || p.title) ? "<div class=\"geomap-src\">Source: " + link(p.url, p.title) + "</div>" : "";
    var others = (p.sources || []).length ? "<div class=\"geomap-src\"><small>" + list(p.sources) + "</small></div>" : "";
    return head + quote + src + others + "</div>";
  };
  G.incidentTip = function (p) {
    return G.esc(p.sub_event_type || p.event_type || "Incident") + " — " + G.esc(p.place || p.location || "?") +
      " (" + (p.date ? G.esc(p.date) : "undated") + ")";
  };
  G.placeHtml = function (p) {
    return "<div class=\"geomap-popup\"><b>" + G.esc(p.name) + "</b><table>" +
      row("Mentioned as", list(p.mentions)) + row("Mentions", p.count ? G.esc(p.count) : "") +
      row("Feature", G.esc([p.feature_class, p.feature_code].filter(Boolean).join("."))) +
      row("Where", G.esc([p.admin1, p.country_code].filter(Boolean).join(", "))) +
      row("Population", p.population ? G.esc(p.population) : "") +
      row("Confidence", p.confidence === null || p.confidence === undefined ? "" : G.esc(p.confidence)) +
      row("Lat, lon", G.esc(p.lat + ", " + p.lon)) + "</table></div>";
  };
  G.placeTip = function (p) { return G.esc(p.name) + (p.count > 1 ? " ×" + G.esc(p.count) : ""); };
  G.zoneHtml = function (p) {
    return "<div class=\"geomap-popup\"><b>" + G.esc(p.name || "Zone") + "</b> <i>" + G.esc(p.status || "") + "</i><table>" +
      row("Basis", G.esc(p.basis)) + row("Width", p.width_km ? G.esc(p.width_km) + " km" : "") +
      row("Date", p.date ? G.esc(p.date) : "undated") + "</table>" +
      (p.quote ? "<blockquote>" + G.esc(p.quote) + "</blockquote>" : "") + "</div>";
  };
  G.zoneTip = function (p) { return G.esc(p.name || "Zone") + " (" + G.esc(p.status || "") + ")"; };

  /* Time: one clock per map. A part registers first/last day arrays (null first = undated, always shown;
     null last = open-ended) and an apply(visibleFlags) callback. */
  function Clock() { this.parts = []; this.lo = -Infinity; this.hi = Infinity; this.listeners = []; this.changes = []; }
  Clock.prototype.visible = function (first, last) {
    return first === null || first === undefined ||
      (first <= this.hi && (last === null || last === undefined || last >= this.lo));
  };
  Clock.prototype.flags = function (part) {
    var out = new Uint8Array(part.first.length);
    for (var i = 0; i < out.length; i++) { out[i] = this.visible(part.first[i], part.last[i]) ? 1 : 0; }
    return out;
  };
  Clock.prototype.register = function (part) {
    this.parts.push(part);
    this.listeners.forEach(function (f) { f(); });
  };
  Clock.prototype.extent = function () {
    var lo = Infinity, hi = -Infinity;
    this.parts.forEach(function (p) {
      for (var i = 0; i < p.first.length; i++) {
        var a = p.first[i], b = p.last[i];
        if (a !== null && a !== undefined) { if (a < lo) { lo = a; } if (a > hi) { hi = a; } }
        if (b !== null && b !== undefined && b > hi) { hi = b; }
      }
    });
    return lo <= hi ? [lo, hi] : null;
  };
  Clock.prototype.set = function (lo, hi) {
    this.lo = lo; this.hi = hi;
    var self = this;
    this.parts.forEach(function (p) { p.apply(self.flags(p)); });
    this.changes.forEach(function (f) { f(); });
  };
  G._clocks = {};
  G.clock = function (map) {
    var id = L.stamp(map);
    return G._clocks[id] || (G._clocks[id] = new Clock());
  };
  G._maps = [];
  G.canvas = function (map) {
    if (!map._geomapCanvas) { map._geomapCanvas = L.canvas({padding: 0.5}); G._maps.push(map); }
    return map._geomapCanvas;
  };

  /* Loading state, for screenshots and tests: busy counts cluster groups still adding markers in chunks. */
  G.busy = 0;
  G.ready = function () {
    return document.readyState === "complete" && G.busy === 0 &&
      G._maps.every(function (m) { return !m._animatingZoom && !(m._panAnim && m._panAnim._inProgress); });
  };

  function fill(inner, layers) {
    if (inner._geomapLoading) { inner._geomapPending = layers; return; }
    inner._geomapLoading = true;
    G.busy += 1;
    inner.clearLayers();
    inner.addLayers(layers);
  }
  function filled(inner) {
    if (!inner._geomapLoading) { return; }
    inner._geomapLoading = false;
    G.busy -= 1;
    var next = inner._geomapPending;
    if (next) { inner._geomapPending = null; fill(inner, next); }
  }

  /* Popups and tooltips for every marker of a group, built from the marker's table row when needed. */
  function bindInfo(layer, map) {
    layer.on("click", function (e) {
      var mk = e.layer;
      if (!mk || mk._gi === undefined) { return; }
      var html = mk._gk === "place" ? G.placeHtml : G.incidentHtml;
      L.popup({maxWidth: 380}).setLatLng(mk.getLatLng()).setContent(html(G.row(mk._gt, mk._gi))).openOn(map);
    });
    layer.on("mouseover", function (e) {
      var mk = e.layer;
      if (!mk || mk._gi === undefined || mk.getTooltip()) { return; }
      var tip = mk._gk === "place" ? G.placeTip : G.incidentTip;
      mk.bindTooltip(tip(G.row(mk._gt, mk._gi)), {direction: "top"}).openTooltip();
    });
  }

  /* Cluster icons are pies of the marker colours they hold (a conic gradient: no images, no fonts). */
  function pieIcon(c) {
    var ms = c.getAllChildMarkers(), counts = {}, keys = [], k = ms.length;
    ms.forEach(function (m) {
      var col = m.options.fillColor;
      if (!(col in counts)) { counts[col] = 0; keys.push(col); }
      counts[col] += 1;
    });
    keys.sort();
    var at = 0, stops = keys.map(function (col) {
      var from = at; at += 100 * counts[col] / k;
      return col + " " + from.toFixed(1) + "% " + at.toFixed(1) + "%";
    });
    var size = k < 100 ? 30 : (k < 1000 ? 36 : 44);
    return L.divIcon({html: "<div style=\"background:conic-gradient(" + stops.join(",") + ")\"><span>" + k + "</span></div>",
      className: "geomap-cluster", iconSize: L.point(size, size)});
  }

  function newCluster(map, o) {
    if (!isFinite(map.getMaxZoom())) { map.setMaxZoom(18); }  // markercluster needs a finite max zoom
    var cluster = L.markerClusterGroup({chunkedLoading: true, chunkInterval: 150, maxClusterRadius: 50,
      disableClusteringAtZoom: o.unclusterZoom || 10, showCoverageOnHover: false, removeOutsideVisibleBounds: true,
      chunkProgress: function (done, total) { if (done >= total) { filled(cluster); } },
      iconCreateFunction: pieIcon});
    bindInfo(cluster, map);
    return cluster;
  }

  /* One cluster for all incident layers of a map, so clusters count every visible type together;
     each event-type layer only decides which of its markers go in. */
  G.sharedCluster = function (map, o) {
    if (map._geomapShared) { return map._geomapShared; }
    var s = {members: [], cluster: newCluster(map, o), pending: false};
    s.refresh = function () {
      if (s.pending) { return; }
      s.pending = true;
      G.busy += 1;
      setTimeout(function () {
        s.pending = false;
        G.busy -= 1;
        var all = [];
        s.members.forEach(function (mb) { if (map.hasLayer(mb.group)) { mb.collect(all); } });
        fill(s.cluster, all);
      }, 0);
    };
    s.cluster.addTo(map);
    map._geomapShared = s;
    return s;
  };

  /* A point layer from a table: canvas circle markers (in a shared cluster, its own cluster, or plain). */
  G.pointLayer = function (map, group, table, o) {
    var renderer = G.canvas(map), n = table.rows.length, markers = new Array(n);
    var first = new Array(n), last = new Array(n);
    for (var i = 0; i < n; i++) {
      var r = table.rows[i];
      var m = L.circleMarker([r[0], r[1]], {renderer: renderer, radius: o.radius, color: o.stroke || o.color,
        weight: 1, fillColor: o.color, fillOpacity: 0.8});
      m._gi = i; m._gt = table; m._gk = o.kind;
      markers[i] = m;
      first[i] = r[2]; last[i] = r[3];
    }
    if (o.kind === "incident") { G.incidentTables(map).push(table); }
    var flags = new Uint8Array(n).fill(1);
    function collect(out) {
      for (var j = 0; j < n; j++) { if (flags[j]) { out.push(markers[j]); } }
      return out;
    }
    group._geomapCount = function () {
      var k = 0;
      for (var j = 0; j < n; j++) { k += flags[j]; }
      return k;
    };
    var clock = G.clock(map), apply;
    if (o.cluster === "shared") {
      var shared = G.sharedCluster(map, o);
      shared.members.push({group: group, collect: collect});
      group.on("add remove", function (e) { if (!e.propagatedFrom) { shared.refresh(); } });
      group._geomapDrawn = function () { return markers.filter(function (mk) { return shared.cluster.hasLayer(mk); }).length; };
      apply = function (next) { flags = next; if (map.hasLayer(group)) { shared.refresh(); } };
    } else if (o.cluster) {
      var own = newCluster(map, o), stale = true;
      group.addLayer(own);
      group.on("add", function () { if (stale && map.hasLayer(own)) { stale = false; fill(own, collect([])); } });
      group._geomapDrawn = function () { return own.getLayers().length; };
      apply = function (next) {
        flags = next;
        if (map.hasLayer(own)) { fill(own, collect([])); } else { stale = true; }
      };
    } else {
      var plain = L.featureGroup();
      bindInfo(plain, map);
      markers.forEach(function (mk) { plain.addLayer(mk); });
      group.addLayer(plain);
      group._geomapDrawn = function () { return plain.getLayers().length; };
      apply = function (next) {
        for (var j = 0; j < n; j++) {
          if (next[j] && !flags[j]) { plain.addLayer(markers[j]); }
          else if (!next[j] && flags[j]) { plain.removeLayer(markers[j]); }
        }
        flags = next;
      };
    }
    if (o.timed) { clock.register({first: first, last: last, apply: apply}); }
    return group;
  };

  /* Non-point geometries (zones, place lines and areas) as a styled GeoJSON group, optionally timed. */
  G.shapeLayer = function (map, group, collection, o) {
    var html = o.kind === "zone" ? G.zoneHtml : G.placeHtml, tip = o.kind === "zone" ? G.zoneTip : G.placeTip;
    var gj = L.geoJSON(collection, {renderer: G.canvas(map),
      style: function (f) { return o.styles[f.properties.status] || o.style; }});
    var items = gj.getLayers(), first = [], last = [], shown = items.map(function () { return 1; });
    items.forEach(function (l) { first.push(l.feature.properties._t0); last.push(l.feature.properties._t1); });
    gj.on("click", function (e) {
      L.popup({maxWidth: 380}).setLatLng(e.latlng).setContent(html(e.layer.feature.properties)).openOn(map);
    });
    gj.on("mouseover", function (e) {
      var l = e.layer;
      if (!l.getTooltip()) { l.bindTooltip(tip(l.feature.properties), {sticky: true}).openTooltip(e.latlng); }
    });
    group.addLayer(gj);
    group._geomapShapes = gj;
    if (o.timed) {
      G.clock(map).register({first: first, last: last, apply: function (next) {
        items.forEach(function (l, j) {
          if (next[j] && !shown[j]) { gj.addLayer(l); } else if (!next[j] && shown[j]) { gj.removeLayer(l); }
          shown[j] = next[j];
        });
      }});
    }
    return group;
  };

  /* Fatality-weighted heat over every incident table of the map: no second copy of the points in the page,
     and nothing computed until the layer is switched on. Follows the clock. */
  G.incidentTables = function (map) { return map._geomapIncidents || (map._geomapIncidents = []); };
  G.heatLayer = function (map, group, unused, o) {
    var heat = L.heatLayer([], o.options), clock = G.clock(map);
    function refresh() {
      if (!map.hasLayer(group)) { return; }
      var pts = [], k = o.weightColumn;
      G.incidentTables(map).forEach(function (t) {
        for (var j = 0; j < t.rows.length; j++) {
          var r = t.rows[j];
          if (clock.visible(r[2], r[3])) { pts.push([r[0], r[1], 1 + (r[k] > 0 ? r[k] : 0)]); }
        }
      });
      heat.setLatLngs(pts);
    }
    group.addLayer(heat);
    group.on("add", function (e) { if (!e.propagatedFrom) { refresh(); } });
    clock.changes.push(refresh);
    return group;
  };

  /* Two range inputs (from, to) over the clock's extent; the map updates when a thumb is released. */
  G.timeSlider = function (map, o) {
    var clock = G.clock(map), ext = clock.extent();
    if (!ext) { return null; }
    var ctl = L.control({position: (o && o.position) || "bottomleft"});
    ctl.onAdd = function () {
      var d = L.DomUtil.create("div", "geomap-time");
      d.innerHTML = "<div class=\"geomap-time-label\"><b>Time</b><span class=\"geomap-time-range\"></span>" +
        "<button type=\"button\" class=\"geomap-time-reset\" title=\"show all dates\">all</button></div>" +
        "<input type=\"range\" class=\"geomap-time-from\" aria-label=\"from date\">" +
        "<input type=\"range\" class=\"geomap-time-to\" aria-label=\"to date\">" +
        "<div><small>undated features always shown; coarse dates cover their whole window</small></div>";
      var a = d.querySelector(".geomap-time-from"), b = d.querySelector(".geomap-time-to");
      var label = d.querySelector(".geomap-time-range"), reset = d.querySelector(".geomap-time-reset");
      [a, b].forEach(function (x) { x.min = ext[0]; x.max = ext[1]; x.step = 1; });
      a.value = ext[0]; b.value = ext[1];
      function bounds() { var lo = +a.value, hi = +b.value; return lo <= hi ? [lo, hi] : [hi, lo]; }
      function show() { var r = bounds(); label.textContent = G.day(r[0]) + " – " + G.day(r[1]); }
      function apply() {
        var r = bounds(), full = r[0] <= ext[0] && r[1] >= ext[1];
        show();
        clock.set(full ? -Infinity : r[0], full ? Infinity : r[1]);
      }
      a.addEventListener("input", show); b.addEventListener("input", show);
      a.addEventListener("change", apply); b.addEventListener("change", apply);
      reset.addEventListener("click", function () { a.value = ext[0]; b.value = ext[1]; apply(); });
      L.DomEvent.disableClickPropagation(d);
      L.DomEvent.disableScrollPropagation(d);
      show();
      return d;
    };
    ctl.addTo(map);
    return ctl;
  };

  /* A fixed control holding static HTML that Python already escaped (legend, title). */
  G.htmlControl = function (map, html, position, cls) {
    var ctl = L.control({position: position});
    ctl.onAdd = function () {
      var d = L.DomUtil.create("div", cls);
      d.innerHTML = html;
      L.DomEvent.disableClickPropagation(d);
      return d;
    };
    return ctl.addTo(map);
  };

  window.geomap = G;
})();
