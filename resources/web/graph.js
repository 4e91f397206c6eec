// The plan graph page: draws what Python sends, reports clicks. Nothing else.
//
// Messages both ways are JSON objects {"type": ..., "payload": {...}} through the one
// web-channel object "bridge". Python -> page: "graph" (draw), "select" (highlight a
// step). Page -> Python: "ready", "drawn", "stepClicked", "error". Every text from a
// plan is set with textContent: plan data never becomes markup.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const COLOUR = /^#[0-9a-fA-F]{6}$/;
  const svg = document.getElementById("graph");
  const viewport = document.getElementById("viewport");
  const layers = {
    lanes: document.getElementById("lanes"),
    edges: document.getElementById("edges"),
    nodes: document.getElementById("nodes"),
  };
  const legend = document.getElementById("legend");

  let bridge = null;
  let current = null; // the last "graph" payload
  let view = { x: 0, y: 0, k: 1 };
  let viewChosen = false; // the user zoomed or panned: keep their view
  let selected = null;

  function send(type, payload) {
    if (bridge) {
      bridge.cmd(JSON.stringify({ type: type, payload: payload || {} }));
    }
  }

  function make(name, attributes, parent) {
    const element = document.createElementNS(SVG_NS, name);
    for (const key of Object.keys(attributes)) {
      element.setAttribute(key, String(attributes[key]));
    }
    if (parent) {
      parent.appendChild(element);
    }
    return element;
  }

  function label(parent, x, y, text, className, size) {
    const element = make("text", { x: x, y: y, class: className, "font-size": size }, parent);
    element.textContent = text;
    return element;
  }

  function tooltip(parent, text) {
    make("title", {}, parent).textContent = text;
  }

  function colour(value, fallback) {
    return COLOUR.test(value) ? value : fallback;
  }

  function clear(element) {
    while (element.firstChild) {
      element.removeChild(element.firstChild);
    }
  }

  // -- drawing -------------------------------------------------------------------------

  function drawLanes(graph) {
    graph.lanes.forEach(function (lane, i) {
      make("rect", {
        x: 0, y: lane.y, width: graph.width, height: lane.h,
        class: i % 2 ? "lane-band odd" : "lane-band",
      }, layers.lanes);
      const size = graph.font.lane;
      const lines = lane.lines;
      const top = lane.y + lane.h / 2 - (lines.length - 1) * size * 0.6;
      lines.forEach(function (line, j) {
        label(layers.lanes, 12, top + j * size * 1.2 + size * 0.35, line, "lane-label", size);
      });
    });
  }

  function edgePath(edge) {
    const dx = Math.max(36, (edge.x2 - edge.x1) / 2);
    return "M" + edge.x1 + "," + edge.y1 + " C" + (edge.x1 + dx) + "," + edge.y1 + " " +
      (edge.x2 - dx) + "," + edge.y2 + " " + edge.x2 + "," + edge.y2;
  }

  function drawEdges(graph) {
    const labels = [];
    for (const edge of graph.edges) {
      const classes = ["edge", edge.kind];
      if (edge.critical) classes.push("critical");
      if (!edge.active) classes.push("inactive");
      const marker = edge.critical ? "arrow-critical" : edge.kind === "branch" ? "arrow-branch" : "arrow";
      const path = make("path", {
        d: edgePath(edge), class: classes.join(" "), "marker-end": "url(#" + marker + ")",
      }, layers.edges);
      path.dataset.from = edge.from;
      path.dataset.to = edge.to;
      if (edge.label) {
        labels.push(edge);
      }
    }
    // Branch labels last, above every line, each on a backdrop that keeps it readable.
    for (const edge of labels) {
      const group = make("g", { class: edge.active ? "edge-label-group" : "edge-label-group inactive" }, layers.edges);
      const backdrop = make("rect", { class: "edge-label-bg", rx: 3 }, group);
      const text = label(group, edge.x2 - 8, edge.y2 - 7, edge.label, "edge-label", graph.font.label);
      text.setAttribute("text-anchor", "end");
      tooltip(group, edge.tooltip);
      const box = text.getBBox();
      backdrop.setAttribute("x", box.x - 2);
      backdrop.setAttribute("y", box.y - 1);
      backdrop.setAttribute("width", box.width + 4);
      backdrop.setAttribute("height", box.height + 2);
    }
  }

  function drawBadges(group, node, size) {
    let x = 8;
    for (const badge of node.badges) {
      const holder = make("g", { class: "badge " + badge.state }, group);
      const back = make("rect", { x: x, y: -13, height: size + 7, rx: (size + 7) / 2 }, holder);
      const text = label(holder, x + 7, -13 + size + 1.5, badge.text, "badge-text", size);
      tooltip(holder, badge.tooltip);
      const width = text.getComputedTextLength() + 14;
      back.setAttribute("width", width);
      x += width + 4;
    }
  }

  function drawNodes(graph) {
    const font = graph.font;
    for (const node of graph.nodes) {
      const classes = ["step"];
      if (!node.active) classes.push("inactive");
      if (node.critical) classes.push("critical");
      if (node.id === selected) classes.push("selected");
      const group = make("g", {
        class: classes.join(" "), transform: "translate(" + node.x + "," + node.y + ")",
      }, layers.nodes);
      group.dataset.step = node.id;
      tooltip(group, node.tooltip);
      make("rect", {
        class: "box", width: node.w, height: node.h, rx: 7,
        fill: colour(node.fill, "#eeeeee"), stroke: colour(node.stroke, "#888888"),
      }, group);
      const lineHeight = font.title * 1.25;
      node.lines.forEach(function (line, i) {
        label(group, 8, 8 + lineHeight * (i + 1), line, "title", font.title);
      });
      label(group, 8, node.h - 8, node.meta, "meta", font.meta);
      if (node.badges.length) {
        drawBadges(group, node, font.badge);
      }
    }
  }

  function drawLegend(graph) {
    clear(legend);
    const summary = document.createElement("span");
    summary.className = "summary";
    summary.textContent = graph.summary;
    legend.appendChild(summary);
    const colours = legendGroup(graph.legend.title);
    for (const item of graph.legend.items) {
      const entry = legendEntry(item.label);
      make("rect", {
        x: 1, y: 1, width: 20, height: 12, rx: 3,
        fill: colour(item.fill, "#eeeeee"), stroke: colour(item.stroke, "#888888"),
      }, entry.icon);
      colours.appendChild(entry.element);
    }
    const lines = legendGroup(null);
    for (const item of graph.legend.lines) {
      const entry = legendEntry(item.label);
      if (item.style === "inactive") {
        make("rect", { x: 1, y: 1, width: 20, height: 12, rx: 3, fill: "#eeeeee", stroke: "#8a8a8a",
          "stroke-dasharray": "4 3", opacity: 0.5 }, entry.icon);
      } else {
        const styleClass = { all: "edge all", any: "edge any", branch: "edge branch", critical: "edge critical" }[item.style];
        make("path", { d: "M1,7 L21,7", class: styleClass || "edge" }, entry.icon);
      }
      lines.appendChild(entry.element);
    }
    legend.hidden = false;
  }

  function legendGroup(title) {
    const group = document.createElement("span");
    group.className = "group";
    if (title) {
      const heading = document.createElement("span");
      heading.className = "heading";
      heading.textContent = title;
      group.appendChild(heading);
    }
    legend.appendChild(group);
    return group;
  }

  function legendEntry(text) {
    const element = document.createElement("span");
    element.className = "item";
    const icon = make("svg", { width: 22, height: 14 }, element);
    const words = document.createElement("span");
    words.textContent = text;
    element.appendChild(words);
    return { element: element, icon: icon };
  }

  function draw(graph) {
    const started = performance.now();
    const samePlan = current !== null && current.plan === graph.plan;
    current = graph;
    selected = graph.selected;
    for (const layer of Object.values(layers)) {
      clear(layer);
    }
    drawLanes(graph);
    drawEdges(graph);
    drawNodes(graph);
    drawLegend(graph);
    if (!samePlan) {
      viewChosen = false;
    }
    if (!viewChosen) {
      fitHeight();
    }
    applyView();
    const report = function () {
      send("drawn", {
        plan: graph.plan,
        level: graph.level,
        steps: graph.nodes.length,
        active: graph.nodes.filter(function (n) { return n.active; }).length,
        edges: graph.edges.length,
        ms: Math.round(performance.now() - started),
      });
    };
    // Two animation frames: the drawing has been painted once. A hidden page gets no
    // frames, so it reports at once.
    if (document.visibilityState === "hidden") {
      setTimeout(report, 0);
    } else {
      requestAnimationFrame(function () { requestAnimationFrame(report); });
    }
  }

  function select(payload) {
    selected = typeof payload.step === "string" ? payload.step : null;
    for (const node of layers.nodes.querySelectorAll(".step")) {
      node.classList.toggle("selected", node.dataset.step === selected);
    }
  }

  // -- zoom and pan ----------------------------------------------------------------------

  function applyView() {
    viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
  }

  function fitHeight() {
    // Start at the alert, at a scale that shows every lane but keeps text legible.
    const height = svg.clientHeight || window.innerHeight;
    view = { x: 0, y: 0, k: Math.max(0.6, Math.min(0.9, height / current.height)) };
  }

  function fitAll() {
    if (!current) return;
    const k = Math.min(svg.clientWidth / current.width, svg.clientHeight / current.height, 1.5);
    view = { x: 0, y: 0, k: Math.max(k, 0.1) };
    viewChosen = true;
    applyView();
  }

  function zoomAt(factor, cx, cy) {
    viewChosen = true;
    const k = Math.min(3, Math.max(0.1, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    applyView();
  }

  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    if (event.ctrlKey || !event.shiftKey) {
      const rect = svg.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
    } else {
      viewChosen = true;
      view.x -= event.deltaY;
      applyView();
    }
  }, { passive: false });

  let drag = null;
  svg.addEventListener("mousedown", function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, moved: false };
  });
  window.addEventListener("mousemove", function (event) {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 4) {
      drag.moved = true;
      svg.classList.add("panning");
    }
    if (drag.moved) {
      viewChosen = true;
      view.x = drag.vx + dx;
      view.y = drag.vy + dy;
      applyView();
    }
  });
  window.addEventListener("mouseup", function () {
    svg.classList.remove("panning");
    setTimeout(function () { drag = null; }, 0);
  });

  window.addEventListener("resize", function () {
    if (current && !viewChosen) {
      fitHeight();
      applyView();
    }
  });

  svg.addEventListener("click", function (event) {
    if (drag && drag.moved) return;
    const step = event.target.closest(".step");
    if (step) {
      send("stepClicked", { step: step.dataset.step });
    }
  });
  svg.addEventListener("dblclick", function (event) {
    if (!event.target.closest(".step")) fitAll();
  });
  svg.addEventListener("keydown", function (event) {
    const centre = [svg.clientWidth / 2, svg.clientHeight / 2];
    if (event.key === "+" || event.key === "=") zoomAt(1.2, centre[0], centre[1]);
    else if (event.key === "-") zoomAt(1 / 1.2, centre[0], centre[1]);
    else if (event.key === "0") fitAll();
  });

  // -- the bridge ------------------------------------------------------------------------

  const handlers = { graph: draw, select: select };

  function receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (error) {
      send("error", { message: "unreadable message: " + error });
      return;
    }
    const handler = handlers[message.type];
    if (handler) {
      handler(message.payload || {});
    } else {
      send("error", { message: "unknown message type: " + String(message.type) });
    }
  }

  window.addEventListener("error", function (event) {
    send("error", { message: String(event.message), line: event.lineno || 0 });
  });

  new QWebChannel(qt.webChannelTransport, function (channel) {
    bridge = channel.objects.bridge;
    bridge.toPage.connect(receive);
    send("ready", {});
  });
})();
