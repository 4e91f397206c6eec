"""Where each step of a plan is drawn: a deterministic swim-lane layout, without Qt.

Steps are boxes in four horizontal lanes (city at the top, grid at the bottom). A step's
column is its longest-path rank from the alert over the dependencies drawn (those of one
level, or of all levels at once so that boxes keep their place whatever the level); its
row inside its lane comes from a barycentre ordering that keeps edges short and
crossings few.

Sizes are CSS pixels at zoom 1; the page scales them. Everything returned is plain data
(frozen dataclasses with ``as_dict``) so it can go to the page as JSON.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .model import Plan
from .vocabulary import Lane

__all__ = [
    "EdgeLine",
    "LaneBand",
    "NodeBox",
    "PlanLayout",
    "Spacing",
    "layout_plan",
    "text_width_em",
    "wrap_text",
]


@dataclass(frozen=True)
class Spacing:
    """The layout's measures in CSS pixels."""

    node_width: float = 172.0
    node_height: float = 64.0
    column_gap: float = 92.0  # room for branch labels between columns
    row_gap: float = 28.0  # room for target badges above a box
    lane_label_width: float = 112.0
    lane_padding: float = 18.0
    empty_lane_height: float = 44.0
    margin: float = 16.0


@dataclass(frozen=True)
class NodeBox:
    """One step's box: top-left corner, size, lane, column (rank) and row in its lane."""

    id: str
    x: float
    y: float
    width: float
    height: float
    lane: str
    rank: int
    row: int

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "x": self.x, "y": self.y, "w": self.width, "h": self.height,
                "lane": self.lane, "rank": self.rank, "row": self.row}


@dataclass(frozen=True)
class EdgeLine:
    """A dependency drawn from the right side of ``source`` to the left side of ``target``.

    ``kind`` is ``all`` (the step waits for every such predecessor), ``any`` (for the
    first of them) or ``branch`` (a decision's ``outcome`` leads here).
    """

    source: str
    target: str
    kind: str
    outcome: str | None
    start: tuple[float, float]
    end: tuple[float, float]

    def as_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "kind": self.kind,
                "outcome": self.outcome, "x1": self.start[0], "y1": self.start[1],
                "x2": self.end[0], "y2": self.end[1]}


@dataclass(frozen=True)
class LaneBand:
    """A lane's horizontal band; ``rows`` boxes fit above each other in it."""

    lane: str
    y: float
    height: float
    rows: int

    def as_dict(self) -> dict[str, Any]:
        return {"lane": self.lane, "y": self.y, "h": self.height, "rows": self.rows}


@dataclass(frozen=True)
class PlanLayout:
    """The whole drawing: boxes in file order, edges, the four lane bands and the size."""

    nodes: Mapping[str, NodeBox]
    edges: tuple[EdgeLine, ...]
    lanes: tuple[LaneBand, ...]
    width: float
    height: float
    spacing: Spacing = Spacing()

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: ``nodes``, ``edges``, ``lanes``, ``width``, ``height``."""
        return {
            "nodes": [box.as_dict() for box in self.nodes.values()],
            "edges": [edge.as_dict() for edge in self.edges],
            "lanes": [band.as_dict() for band in self.lanes],
            "width": self.width,
            "height": self.height,
        }


def layout_plan(plan: Plan, steps: Collection[str] | None = None,
                spacing: Spacing = Spacing()) -> PlanLayout:
    """Lay out the ``steps`` of ``plan`` (default: all of them, at every level) and the
    dependencies between them; the same input always gives the same layout.

    Raises ValueError when the dependencies form a cycle (lint reports it as P205).
    """
    chosen = [sid for sid in plan.steps if steps is None or sid in steps]
    index = {sid: i for i, sid in enumerate(chosen)}
    links = [(u, v, data) for u, v, data in _edges(plan) if u in index and v in index]
    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(chosen)
    graph.add_edges_from((u, v) for u, v, _ in links)
    try:
        order = list(nx.lexicographical_topological_sort(graph, key=index.__getitem__))
    except nx.NetworkXUnfeasible:
        raise ValueError("the steps form a cycle; lint the plan first (P205)") from None
    rank = _longest_path_ranks(graph, order)
    lane_of = {sid: plan.steps[sid].lane.value for sid in order}
    rows, row_counts = _rows(graph, order, rank, lane_of, index)

    lanes: list[LaneBand] = []
    top = spacing.margin
    row_height = spacing.node_height + spacing.row_gap
    for lane in Lane:
        count = row_counts.get(lane.value, 0)
        height = (count * row_height - spacing.row_gap + 2 * spacing.lane_padding
                  if count else spacing.empty_lane_height)
        lanes.append(LaneBand(lane.value, top, height, count))
        top += height
    band = {b.lane: b for b in lanes}
    left = spacing.margin + spacing.lane_label_width
    column = spacing.node_width + spacing.column_gap
    nodes = {}
    for sid in chosen:  # file order, for a stable JSON
        nodes[sid] = NodeBox(
            sid,
            x=left + rank[sid] * column,
            y=band[lane_of[sid]].y + spacing.lane_padding + rows[sid] * row_height,
            width=spacing.node_width,
            height=spacing.node_height,
            lane=lane_of[sid],
            rank=rank[sid],
            row=rows[sid],
        )
    edges = tuple(
        EdgeLine(u, v, data["kind"], data.get("outcome"),
                 (nodes[u].x + nodes[u].width, nodes[u].y + nodes[u].height / 2),
                 (nodes[v].x, nodes[v].y + nodes[v].height / 2))
        for u, v, data in links
    )
    columns = max(rank.values(), default=-1) + 1
    width = left + max(columns * column - spacing.column_gap, 0) + spacing.margin
    return PlanLayout(nodes, edges, tuple(lanes), width, top + spacing.margin, spacing)


def _edges(plan: Plan) -> list[tuple[str, str, dict[str, str]]]:
    """Every dependency in the plan, at any level, between steps that exist."""
    steps = plan.steps
    edges: list[tuple[str, str, dict[str, str]]] = []
    for sid, step in steps.items():
        edges += [(p, sid, {"kind": "all"}) for p in step.after.all if p in steps]
        edges += [(p, sid, {"kind": "any"}) for p in step.after.any if p in steps]
        for outcome, branch in step.branches.items():
            edges += [(sid, n, {"kind": "branch", "outcome": outcome})
                      for n in branch.next if n in steps]
    return edges


def _longest_path_ranks(graph: nx.DiGraph, order: list[str]) -> dict[str, int]:
    """Column of each step: the most dependencies on any path from a step with none."""
    rank: dict[str, int] = {}
    for sid in order:
        rank[sid] = max((rank[p] + 1 for p in graph.predecessors(sid)), default=0)
    return rank


def _rows(
    graph: nx.DiGraph,
    order: list[str],
    rank: dict[str, int],
    lane_of: dict[str, str],
    index: dict[str, int],
) -> tuple[dict[str, int], dict[str, int]]:
    """Row of each step inside its lane, and the number of rows per lane.

    Steps sharing a lane and a column are stacked. Three barycentre sweeps (forward over
    predecessors, backward over successors, forward again) move each step towards the
    rows of its neighbours, measured across all lanes so that an edge from the lane above
    pulls a step to the top of its band.
    """
    cells: dict[tuple[str, int], list[str]] = {}
    for sid in order:
        cells.setdefault((lane_of[sid], rank[sid]), []).append(sid)
    row_counts: dict[str, int] = {}
    for (lane, _), members in cells.items():
        row_counts[lane] = max(row_counts.get(lane, 0), len(members))
    offset: dict[str, int] = {}
    total = 0
    for lane in Lane:
        offset[lane.value] = total
        total += row_counts.get(lane.value, 0)

    row = {}
    for members in cells.values():
        for i, sid in enumerate(members):
            row[sid] = i
    columns = sorted({r for _, r in cells})
    by_column: dict[int, list[tuple[str, list[str]]]] = {c: [] for c in columns}
    for (lane, column), members in cells.items():
        by_column[column].append((lane, members))

    def sweep(columns_in_order: list[int], neighbours: Any) -> None:
        for column in columns_in_order:
            for lane, members in by_column[column]:
                wanted = {}
                for sid in members:
                    near = [offset[lane_of[n]] + row[n] for n in neighbours(sid)]
                    centre = sum(near) / len(near) if near else offset[lane] + row[sid]
                    wanted[sid] = centre - offset[lane]
                ranked = sorted(members, key=lambda s: (wanted[s], index[s]))
                _assign_rows(ranked, wanted, row_counts[lane], row)

    sweep(columns, graph.predecessors)
    sweep(columns[::-1], graph.successors)
    sweep(columns, graph.predecessors)
    return row, row_counts


def _assign_rows(ranked: list[str], wanted: dict[str, float], rows: int,
                 row: dict[str, int]) -> None:
    """Give ``ranked`` increasing rows, each as close to its wanted row as room allows."""
    count = len(ranked)
    previous = -1
    for i, sid in enumerate(ranked):
        target = min(max(round(wanted[sid]), 0), rows - 1)
        chosen = min(max(target, previous + 1), rows - (count - i))
        row[sid] = chosen
        previous = chosen


# -- titles in boxes -------------------------------------------------------------------


def text_width_em(text: str) -> float:
    """Estimated width of ``text`` in em: CJK and full-width characters are 1 em wide."""
    width = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            width += 1.0
        elif char == " ":
            width += 0.3
        elif char.isupper() or char in "mw@%":
            width += 0.72
        elif char.isdigit():
            width += 0.6
        else:
            width += 0.56
    return width


def wrap_text(text: str, max_em: float, max_lines: int) -> tuple[str, ...]:
    """Break ``text`` into at most ``max_lines`` lines of at most ``max_em`` em each.

    Chinese text breaks between any two characters, other text at spaces where it can
    (a word longer than a line is cut); what does not fit ends the last line with "…".
    """
    lines: list[str] = []
    current = ""
    for piece in _breakable_pieces(" ".join(text.split())):
        if text_width_em((current + piece).rstrip()) <= max_em:
            current += piece
            continue
        if current.strip():
            lines.append(current.rstrip())
            piece = piece.lstrip()
        current = piece
        while text_width_em(current.rstrip()) > max_em:
            head = _fit(current, max_em) or current[0]
            lines.append(head)
            current = current[len(head):]
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(lines[-1], max_em - 1.0) + "…"
    return tuple(lines)


def _breakable_pieces(text: str) -> list[str]:
    """Words with their trailing space, and every wide character on its own."""
    pieces: list[str] = []
    word = ""
    for char in text:
        if unicodedata.east_asian_width(char) in "WF":
            if word:
                pieces.append(word)
                word = ""
            pieces.append(char)
        elif char == " ":
            pieces.append(word + " ")
            word = ""
        else:
            word += char
    if word:
        pieces.append(word)
    return pieces


def _fit(text: str, max_em: float) -> str:
    """The longest prefix of ``text`` no wider than ``max_em``."""
    out = ""
    for char in text:
        if text_width_em(out + char) > max_em:
            break
        out += char
    return out
