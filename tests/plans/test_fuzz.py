"""Property tests: whatever the input, loading yields diagnostics, never a traceback.

``load_plan_text`` must return a LoadedPlan for any bytes or text; ``read_plan`` must
raise nothing but PlanLoadError; every diagnostic points inside the file (or at line 0).
"""

from __future__ import annotations

import codecs
import copy
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from console.plans import (
    LEVELS_LOW_TO_HIGH,
    RULES,
    LoadedPlan,
    PlanGraph,
    PlanLoadError,
    load_plan_text,
    read_plan,
)
from console.plans.outline import render_outline
from console.plans.yamlsource import parse_yaml

from .conftest import MINIMAL

#: PLAN_FUZZ_EXAMPLES=20000 pytest tests/plans/test_fuzz.py for a long hunt.
EXAMPLES = int(os.environ.get("PLAN_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=3000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")
MINIMAL_LINES = MINIMAL_TEXT.splitlines()
#: Plain data as the loader sees it (yaml.safe_load would turn `on:` into True).
MINIMAL_DATA: dict[str, Any] = parse_yaml(MINIMAL_TEXT).data
_SCRATCH = Path(tempfile.mkdtemp(prefix="plan-fuzz-"))


def _line_count(raw: bytes | str, loaded: LoadedPlan) -> int:
    """An upper bound of the lines an editor shows: every kind of line break counts."""
    if loaded.text:
        text = loaded.text
    elif isinstance(raw, str):
        text = raw
    else:
        text = raw.decode("utf-8", "replace")
        for codec in ("utf-16", "gb18030"):
            try:
                alternative = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if len(alternative.splitlines()) > len(text.splitlines()):
                text = alternative
    return len(text.splitlines()) + 1


def check(raw: bytes | str) -> LoadedPlan:
    """Load ``raw`` both ways and check every promise the loader makes."""
    loaded = load_plan_text(raw, "fuzz.yaml")
    assert isinstance(loaded, LoadedPlan)
    event("plan built" if loaded.plan is not None else "no plan")
    for code in sorted({d.code for d in loaded.diagnostics}):
        event(code)
    limit = _line_count(raw, loaded)
    for d in loaded.diagnostics:
        assert d.code in RULES
        assert d.path == "fuzz.yaml"
        assert 0 <= d.line <= limit, (d, limit)
        assert d.column >= 0 and (d.line or not d.column), d
        assert d.message
        d.format()
        d.as_dict()
    if loaded.ok:
        assert loaded.plan is not None
    else:
        assert loaded.errors or loaded.plan is None
    path = _SCRATCH / "fuzz.yaml"
    path.write_bytes(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    try:
        read_plan(path)
    except PlanLoadError as exc:
        assert exc.diagnostics
    return loaded


# -- random input --------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    check(raw)


@FUZZ
@given(st.binary(max_size=300).map(lambda b: codecs.BOM_UTF16_LE + b))
def test_random_bytes_after_a_utf16_mark(raw: bytes) -> None:
    check(raw)


@FUZZ
@given(st.text(max_size=500))
def test_random_text(text: str) -> None:
    check(text)
    check(text.encode("utf-8", "surrogatepass"))


TOKENS = [
    "format: 1\n", "id: x\n", "steps:\n", "roles:\n", "levels:\n", "  ", "    ", "\t", "\n",
    "\r\n", "- ", "? ", ": ", ":", ",", "[", "]", "{", "}", "&a ", "*a", "&b ", "*b", "<<: ",
    "!!python/object:os.system ", "!x ", "!!str ", "!!binary ", "#", "'", '"', "|\n", ">\n",
    "---\n", "...\n", "%YAML 1.1\n", "~", "null", "yes", "0", "-1", "1e400", "5m", "III+",
    "Ⅳ", "预案", "a", "b", "verify", "receive", "after", "branches", "p: 0.5", "\\", "\x85",
    "\u2028", "\ufeff", "\x00", "\x07", "²", "١", "9" * 5000,
]


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_yaml_ish_documents(text: str) -> None:
    check(text)


# -- mutations of a valid plan -------------------------------------------------------------


def _mutate_lines(data: st.DataObject) -> str:
    lines = list(MINIMAL_LINES)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        kind = data.draw(st.sampled_from(
            ["delete", "duplicate", "swap", "tab", "indent", "dedent", "truncate", "change",
             "cut"]), label="kind")
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = data.draw(st.integers(0, len(lines) - 1), label="other")
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i].lstrip(" ")
        elif kind == "truncate":
            del lines[i:]
        elif kind == "cut":
            at = data.draw(st.integers(0, len(lines[i])), label="at")
            lines[i] = lines[i][:at]
        else:
            at = data.draw(st.integers(0, len(lines[i])), label="at")
            junk = data.draw(st.sampled_from(TOKENS) | st.text(max_size=5), label="junk")
            lines[i] = lines[i][:at] + junk + lines[i][at:]
    return "\n".join(lines) + "\n"


@FUZZ
@given(st.data())
def test_line_mutations_of_a_valid_plan(data: st.DataObject) -> None:
    text = _mutate_lines(data)
    check(text)
    check(text.replace("\n", "\r\n").encode("utf-8-sig"))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


VALUES = st.one_of(
    st.sampled_from([
        None, "", "0", 0, -1, 1, 0.5, 1.5, True, "nan", "inf", "1e400s", "99999999999999999999d",
        "5m", "PT5M", "5", "III+", "V+", "IV", "Ⅰ", [], {}, ["receive"], ["nowhere"], "receive",
        "verify", "feedback", "mobilise", "fire_squad", "commander", "respond", "incident",
        {"any": ["advise", "attack"]}, {"all": "nowhere"}, {"min": "5m", "likely": "1m",
                                                            "max": "2m"},
        {"x": {"p": 1.5, "next": "receive"}}, {"IV": 3, "I": 1}, "a" * 300, "预案", "²", "١",
        "9" * 5000, "9" * 5000 + "y", "9" * 400 + "s",
    ]),
    st.text(max_size=8),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
)


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@FUZZ
@given(st.data())
def test_value_mutations_of_a_valid_plan(data: st.DataObject) -> None:
    """Plausible plans with wrong values reach the model, the lint and the graph."""
    document = copy.deepcopy(MINIMAL_DATA)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        path = data.draw(st.sampled_from(_paths(document)[1:]), label="path")
        parent = _at(document, path[:-1])
        kind = data.draw(st.sampled_from(["replace"] * 6 + ["delete", "rename", "copy"]),
                         label="kind")
        if kind == "replace":
            # a copy: the strategy hands out the same list or dict every time
            parent[path[-1]] = copy.deepcopy(data.draw(VALUES, label="value"))
        elif kind == "delete":
            del parent[path[-1]]
        elif kind == "rename" and isinstance(parent, dict):
            new = data.draw(st.sampled_from(["verify", "receive", "x", "Bad Id", "titel", "IV",
                                             "V", "any"]), label="name")
            parent[new] = parent.pop(path[-1])
        elif kind == "copy" and isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["extra", "copy_of", "escalate"]))] = copy.deepcopy(
                _at(document, path))
        if not document or not isinstance(document, dict):
            break
    _check_graph(check(yaml.safe_dump(document, allow_unicode=True, sort_keys=False)))


def _check_graph(loaded: LoadedPlan) -> None:
    """A plan without cycles can be scheduled and shown at every level."""
    if loaded.plan is None or any(d.code == "P205" for d in loaded.diagnostics):
        return
    for level in LEVELS_LOW_TO_HIGH:
        graph = PlanGraph(loaded.plan, level)
        assert set(graph.order) == set(graph.steps)
        paths = graph.critical_paths()
        assert paths["shortest"].total <= paths["longest"].total
        for sched in paths.values():
            assert set(sched.critical_path) <= set(sched.finish)
            assert all(sched.start[s] <= sched.finish[s] for s in sched.finish)
        for target_check in graph.target_checks():
            assert target_check.earliest is None or target_check.earliest >= 0 or (
                loaded.plan.targets[target_check.target].from_ is not None)
        render_outline(loaded.plan, level)


STEP_IDS = list(MINIMAL_DATA["steps"])
ROLE_IDS = list(MINIMAL_DATA["roles"])
TARGET_IDS = list(MINIMAL_DATA["targets"])
LEVEL_WORDS = ["IV", "III", "II", "I", "III+", "II+", "I+", "Ⅲ+", "V"]
IDS = st.sampled_from([*STEP_IDS, "nowhere"])


def _step_field(name: str) -> st.SearchStrategy[Any]:
    ids = st.lists(IDS, max_size=3)
    durations = st.sampled_from(["0", "30s", "1m", "5m", "1h", "5", "x"])
    return {
        "after": st.one_of(IDS, ids, st.fixed_dictionaries({"any": ids}),
                           st.fixed_dictionaries({"all": ids, "any": ids})),
        "branches": st.dictionaries(
            st.sampled_from(["a", "b", "c"]),
            st.fixed_dictionaries({"p": st.sampled_from(["0", "0.3", "0.5", "0.7", "1", "2"]),
                                   "next": ids}), max_size=3),
        "levels": st.one_of(st.sampled_from(LEVEL_WORDS), st.lists(
            st.sampled_from(LEVEL_WORDS[:4]), max_size=4)),
        "target": st.lists(st.sampled_from([*TARGET_IDS, "nothing"]), max_size=2),
        "role": st.sampled_from([*ROLE_IDS, "nobody"]),
        "mobilises": st.lists(st.sampled_from([*ROLE_IDS, "nobody"]), max_size=2),
        "duration": st.one_of(durations, st.fixed_dictionaries(
            {"min": durations, "likely": durations, "max": durations})),
        "headcount": st.one_of(st.sampled_from(["0", "1", "3", "50"]), st.dictionaries(
            st.sampled_from(LEVEL_WORDS[:4]), st.sampled_from(["0", "2", "40"]), max_size=4)),
        "at": st.sampled_from(["incident", "village_committee", "nowhere"]),
        "stage": st.sampled_from(["report", "feedback", "handle", "nonsense"]),
    }[name]


@FUZZ
@given(st.data())
def test_graph_mutations_of_a_valid_plan(data: st.DataObject) -> None:
    """Rewire steps with plausible values: cycles, branches, levels, roles, targets."""
    document = copy.deepcopy(MINIMAL_DATA)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        sid = data.draw(st.sampled_from(list(document["steps"])), label="step")
        name = data.draw(st.sampled_from(
            ["after", "branches", "levels", "target", "role", "mobilises", "duration",
             "headcount", "at", "stage"]), label="field")
        if data.draw(st.booleans(), label="remove") and name in document["steps"][sid]:
            del document["steps"][sid][name]
        else:
            document["steps"][sid][name] = data.draw(_step_field(name), label="value")
    loaded = check(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    _check_graph(loaded)


@settings(FUZZ, max_examples=max(50, EXAMPLES // 4))
@given(st.integers(0, len(MINIMAL_TEXT.encode())))
def test_every_truncation_of_a_valid_plan(size: int) -> None:
    check(MINIMAL_TEXT.encode()[:size])
    check(MINIMAL_TEXT.encode("gb18030")[:size])
