"""``python -m console map …``: output, language and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["map", *argv])
    except SystemExit as exit_:  # argparse usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_route_found(capsys: pytest.CaptureFixture[str]) -> None:
    """A route prints the roads in order and the total, exit 0, Chinese by default."""
    code, out, _ = run(capsys, "route", "command_centre", "胜地社区")
    assert code == 0
    assert out.startswith("【演示数据】")
    assert "路线：基层治理指挥中心 → 胜地社区（天气：无雨；封闭路段：无）" in out
    roads = [line.split()[1] for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert roads == ["步行", "r19", "r04", "r17", "步行"]
    assert "合计：4.6 公里，8 分 52 秒" in out


def test_route_in_english_in_heavy_rain(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang en labels in English; heavy rain is slower."""
    code, out, _ = run(capsys, "route", "command_centre", "shengdi", "--rain", "heavy",
                       "--lang", "en")
    assert code == 0
    assert "Route: Governance command centre → Shengdi Community (weather: heavy rain" in out
    assert "Total: 4.6 km, 10 min 40 s" in out


def test_route_unreachable(capsys: pytest.CaptureFixture[str]) -> None:
    """A closure that cuts the village off: exit 1 and the closed road as the reason."""
    code, out, _ = run(capsys, "route", "command_centre", "新田村", "--closed", "r09")
    assert code == 1
    assert "无法到达：基层治理指挥中心 → 新田村" in out
    assert "原因：被切断一侧的道路均已封闭：r09 光明—新田村道（已封闭）" in out


def test_closure_by_road_name_and_comma_list(capsys: pytest.CaptureFixture[str]) -> None:
    """--closed takes road names and comma lists too."""
    code, out, _ = run(capsys, "route", "command_centre", "shengdi",
                       "--closed", "黑溪—胜地公路,r18", "--lang", "en")
    assert code == 0
    assert "closed: r04, r18" in out
    assert " r04 " not in out


@pytest.mark.parametrize(("argv", "message"), [
    (("route", "指挥中心", "shengdi"), "did you mean '基层治理指挥中心'?"),
    (("route", "command_centre", "shengdi", "--closed", "r4"), "unknown road segment 'r4'"),
    (("route", "command_centre", "29.39,108.74"), "lon first"),
    (("route", "command_centre", "shengdi", "--rain", "storm"), "invalid choice"),
    (("route", "command_centre"), "required"),
    (("route", "a", "b", "--map", "/nonexistent/town.geojson"), "cannot read"),
])
def test_route_usage_errors(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...],
                            message: str) -> None:
    """Unknown places or segments, bad options and unreadable maps: exit 2, no traceback."""
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_places_by_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """map places --kind grid lists the 39 grids."""
    code, out, _ = run(capsys, "places", "--kind", "grid")
    assert code == 0
    assert out.rstrip().endswith("39 个地点")
    assert "guangming-2  光明村第2网格" in out


def test_places_of_a_village_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """--village filters; English names and notes with --lang en."""
    code, out, _ = run(capsys, "places", "--village", "光明村", "--lang", "en")
    assert code == 0
    assert "Guangming village committee" in out and "holds 60" in out
    assert "landslide" in out
    assert out.rstrip().endswith("7 places")


def test_roads_listing(capsys: pytest.CaptureFixture[str]) -> None:
    """map roads lists every segment with its class and surface."""
    code, out, _ = run(capsys, "roads")
    assert code == 0
    assert "r13   黑溪—互助公路" in out
    assert out.rstrip().endswith("50 条路段, 101.4 公里")


def test_check_demo(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo passes map check and names the closures that cut villages off."""
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert "封闭 r09 光明—新田村道 将切断 新田村" in out
    assert "✓" in out


def _tiny(tmp_path: Path, second_road_start: list[float]) -> Path:
    def feature(kind: str, pid: str, name: str, geometry: dict[str, object],
                **props: object) -> dict[str, object]:
        return {"type": "Feature", "geometry": geometry,
                "properties": {"kind": kind, "id": pid, "name": name, **props}}

    road = {"class": "village", "surface": "paved", "width_m": 4, "speed_kmh": 30}
    data = {"type": "FeatureCollection", "name": "试验镇", "features": [
        feature("command_centre", "cc", "中心", {"type": "Point", "coordinates": [108.7, 29.37]}),
        feature("village", "far", "远村", {"type": "Point", "coordinates": [108.72, 29.37]}),
        feature("road", "a", "甲路", {"type": "LineString",
                                     "coordinates": [[108.7, 29.37], [108.71, 29.37]]}, **road),
        feature("road", "b", "乙路", {"type": "LineString",
                                     "coordinates": [second_road_start, [108.72, 29.37]]},
                **road),
    ]}
    path = tmp_path / "tiny.geojson"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_own_map_route_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A town's own file works with --map; connected roads pass the check."""
    path = _tiny(tmp_path, [108.71, 29.37])
    code, out, _ = run(capsys, "route", "cc", "远村", "--map", str(path))
    assert code == 0 and out.startswith("试验镇\n")
    code, out, _ = run(capsys, "check", "--map", str(path), "--lang", "en")
    assert code == 0
    assert "closing b 乙路 cuts off 远村" in out


def test_check_finds_a_road_that_does_not_connect(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Two roads a metre apart: not connected, the village unreachable, exit 1."""
    path = _tiny(tmp_path, [108.71001, 29.37])
    code, out, _ = run(capsys, "check", "--map", str(path), "--lang", "en")
    assert code == 1
    assert "roads not connected to the main network" in out
    assert "a ends at 108.71,29.37, 1.0 m from b" in out
    assert "the command centre cannot reach far 远村" in out
    code, out, _ = run(capsys, "route", "cc", "far", "--map", str(path))
    assert code == 1 and "地图上没有道路连接两地" in out


def test_check_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file is a usage error (2); a bad file is a problem found (1)."""
    code, _, err = run(capsys, "check", "--map", str(tmp_path / "none.geojson"))
    assert code == 2 and "no such file" in err
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}',
                   encoding="utf-8")
    code, out, _ = run(capsys, "check", "--map", str(bad))
    assert code == 1 and "feature 0: property 'properties'" in out
