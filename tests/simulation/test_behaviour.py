"""Behaviour's draws are the standard library's, float for float."""

from __future__ import annotations

import random

import pytest

from console.simulation.behaviour import Tri


@pytest.mark.parametrize("tri", [Tri(5, 12, 30), Tri(3, 8, 20), Tri(30, 30, 600),
                                 Tri(60, 600, 600), Tri(0.5, 1.25, 7.75)])
def test_tri_draws_as_random_triangular(tri: Tri) -> None:
    ours, theirs = random.Random(7), random.Random(7)
    for _ in range(2000):
        assert tri.draw(ours) == theirs.triangular(tri.low, tri.high, tri.mode)


def test_a_fixed_tri_draws_nothing() -> None:
    rng = random.Random(3)
    state = rng.getstate()
    assert Tri(60, 60, 60).draw(rng) == 60
    assert rng.getstate() == state
