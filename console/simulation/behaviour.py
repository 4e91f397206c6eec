"""How people respond: the engine's assumptions, in one place, each with its reason.

These are defaults for a mountain township, not measurements: docs/simulation.md
explains each figure. Drills recorded by the console are the data to revise them with.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from math import sqrt
from typing import NamedTuple

from console.plans.vocabulary import Channel
from console.roster.model import Availability

__all__ = ["DEFAULT_BEHAVIOUR", "Behaviour", "ChannelModel", "Response", "Tri", "is_night"]


@dataclass(frozen=True)
class Tri:
    """A triangular distribution in seconds: (min, most likely, max)."""

    low: float
    mode: float
    high: float
    # random.triangular's arithmetic that does not depend on the draw, done once (a run
    # draws hundreds of these): the split where the mode is, and the span each side.
    _rising: tuple[float, float] = field(init=False, repr=False, compare=False)
    _falling: tuple[float, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        split = (self.mode - self.low) / (self.high - self.low) if self.low != self.high else 0.0
        object.__setattr__(self, "_rising", (split, self.high - self.low))
        object.__setattr__(self, "_falling", (1.0 - split, self.low - self.high))

    def draw(self, rng: random.Random) -> float:
        """``rng.triangular(low, high, mode)``, float for float (no draw when low = high)."""
        if self.low == self.high:
            return self.low
        u = rng.random()
        split, span = self._rising
        if u > split:
            split, span = self._falling
            return self.high + span * sqrt((1.0 - u) * split)
        return self.low + span * sqrt(u * split)


@dataclass(frozen=True)
class ChannelModel:
    """One contact channel: when the message reaches the person, and whether and when
    they answer it. ``answer`` maps (availability, night) to a probability."""

    send_gap: float  # seconds the dispatcher spends before trying the next channel
    answer_day: tuple[float, float]  # (on duty, off duty)
    answer_night: tuple[float, float]
    delay_day: Tri
    delay_night: Tri
    gives_up_after: float  # no reply by then counts as no answer on this channel

    def p_answer(self, availability: Availability, night: bool) -> float:
        table = self.answer_night if night else self.answer_day
        return table[0] if availability is Availability.ON_DUTY else table[1]


class Response(NamedTuple):
    """What one person does when called: ``kind`` is acknowledged, declined or no_answer;
    ``after`` is seconds from the first call; ``channel`` answered (if any)."""

    kind: str
    after: float
    channel: Channel | None


class _Tries(NamedTuple):
    """Calling someone on their channels: (channel, p(answer), delay, tried at) for each
    channel in turn, and when the dispatcher gives up on them all."""

    answers: tuple[tuple[Channel, float, Tri, float], ...]
    give_up: float


def is_night(moment: dt.datetime) -> bool:
    """22:00–06:00: people are asleep, phones on silent, roads dark."""
    return moment.hour >= 22 or moment.hour < 6


@dataclass(frozen=True)
class Behaviour:
    channels: dict[Channel, ChannelModel] = field(default_factory=lambda: dict(_CHANNELS))
    p_decline: float = 0.04  # busy elsewhere, ill, already away: says so when reached
    # On duty at the very post the role needs (the duty officer at the command centre):
    # the call-out shows on the platform in front of them.
    p_answer_at_post: float = 0.98
    answer_at_post: Tri = Tri(3, 8, 20)
    prepare_on_duty: Tri = Tri(30, 60, 180)  # leave the desk, pick up kit
    prepare_off_duty_day: Tri = Tri(60, 180, 360)  # from home or the fields
    prepare_night: Tri = Tri(180, 360, 720)  # dress, wake up, find a vehicle
    default_ack_within: float = 180.0  # the "135" dispatch target: 3 minutes
    default_escalate_after: float = 600.0  # then the shortfall goes up one linkage level
    # (channels, night, on duty) → how calling someone goes, worked out at first need
    _tries: dict[tuple[tuple[Channel, ...], bool, bool], _Tries] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def prepare(self, availability: Availability, night: bool) -> Tri:
        if availability is Availability.ON_DUTY:
            return self.prepare_on_duty
        return self.prepare_night if night else self.prepare_off_duty_day

    def respond(self, channels: tuple[Channel, ...], availability: Availability, night: bool,
                rng: random.Random, *, at_post: bool = False) -> Response:
        """Try the channels in order; the earliest answer on any of them wins.

        ``at_post``: the person is on duty where the role needs them and sees the
        call-out on the platform; the channels are the fallback.
        """
        if at_post and rng.random() < self.p_answer_at_post:
            kind = "declined" if rng.random() < self.p_decline else "acknowledged"
            return Response(kind, self.answer_at_post.draw(rng), None)
        key = (channels, night, availability is Availability.ON_DUTY)
        tries = self._tries.get(key)
        if tries is None:
            tries = self._tries[key] = self._plan(*key)
        best: Channel | None = None
        best_at = 0.0
        for channel, p, delay, offset in tries.answers:
            if rng.random() < p:
                moment = offset + delay.draw(rng)
                if best is None or moment < best_at:
                    best, best_at = channel, moment
        if best is None:
            return Response("no_answer", tries.give_up, None)
        kind = "declined" if rng.random() < self.p_decline else "acknowledged"
        return Response(kind, best_at, best)

    def _plan(self, channels: tuple[Channel, ...], night: bool, on_duty: bool) -> _Tries:
        """What does not depend on the draws: each channel's chance and delay and when it
        is tried (the send gaps before it), and when the dispatcher gives up on them all."""
        availability = Availability.ON_DUTY if on_duty else Availability.OFF_DUTY
        answers = []
        offset = 0.0
        give_up = 0.0
        for channel in channels:
            model = self.channels.get(channel)
            if model is None:
                continue
            answers.append((channel, model.p_answer(availability, night),
                            model.delay_night if night else model.delay_day, offset))
            give_up = max(give_up, offset + model.gives_up_after)
            offset += model.send_gap
        return _Tries(tuple(answers), give_up)


_CHANNELS: dict[Channel, ChannelModel] = {
    # A phone call rings for about 30 s; on-duty staff nearly always pick up.
    Channel.PHONE: ChannelModel(30, (0.92, 0.78), (0.85, 0.55), Tri(5, 12, 30), Tri(8, 20, 30),
                                30),
    # A text is read later, if at all; many never reply at night.
    Channel.SMS: ChannelModel(5, (0.55, 0.45), (0.30, 0.15), Tri(30, 120, 600),
                              Tri(120, 600, 1800), 1800),
    # The WeChat work group is watched closely in the day.
    Channel.WECHAT: ChannelModel(5, (0.75, 0.60), (0.45, 0.20), Tri(15, 60, 300),
                                 Tri(60, 300, 1200), 1200),
    # Radios are carried by grid workers and squads on duty.
    Channel.RADIO: ChannelModel(10, (0.90, 0.40), (0.80, 0.20), Tri(3, 8, 20), Tri(5, 10, 30),
                                60),
    # The village loudspeaker reaches those at home.
    Channel.BROADCAST: ChannelModel(10, (0.50, 0.50), (0.30, 0.30), Tri(30, 90, 300),
                                    Tri(60, 180, 600), 600),
}

DEFAULT_BEHAVIOUR = Behaviour()
