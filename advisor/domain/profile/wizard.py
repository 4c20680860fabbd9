"""Where the founder is in the wizard, as data: the answers, the drafts, the step, and the rules of moving on.

The wizard's screens show this state and ask it what happens next, so every rule a founder relies on
(Back never loses an answer, typed text that is not valid is kept and shown again, Next from the last
step opens the review page, a what-if is not an answer until it is kept) holds without a terminal.
Pure: no terminal, no I/O; saving it is the wizard's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import msgspec

from advisor.domain.profile.answers import Profile, parse_profile
from advisor.domain.profile.form import Answer, AnswerError
from advisor.domain.profile.questions import BY_ID, STEPS, defaults, is_asked
from advisor.domain.profile.reading import answers_from, parse_answer

Page = Literal["review", "welcome"]
"""A page outside the questions: the review page (every answer), the welcome page (where the wizard starts)."""
Destination = int | Page
"""Where Next or Back leads: a step (its index in `STEPS`) or a page."""


@dataclass(frozen=True)
class Kept:
    """What leaving a step did with the text typed on it."""

    changed: bool
    """An answer changed, or a draft gave way to a valid answer: the answers are worth saving again."""
    invalid: dict[str, str]
    """Question id -> why its text is not a valid answer (the text is kept as a draft)."""


def clamp_step(step: int) -> int:
    """`step`, kept within the steps of the wizard."""
    return min(max(step, 0), len(STEPS) - 1)


class WizardState:
    """The founder's answers and drafts, the step they are on, a what-if on the results, and the rules of the flow."""

    def __init__(self, answers: Mapping[str, Answer] | None = None) -> None:
        """Start from `answers` (question id -> answer), or from the defaults of a new profile."""
        self._answers: dict[str, Answer] = dict(answers) if answers is not None else defaults()
        self._drafts: dict[str, str] = {}
        self._what_if: dict[str, Answer] = {}
        self._step = 0
        self._from_review = False

    @classmethod
    def from_profile(cls, profile: Profile) -> WizardState:
        """A wizard holding every answer of `profile` (opened from a file, or passed on the command line)."""
        return cls(answers_from(msgspec.to_builtins(profile)))

    # --- what is held ------------------------------------------------------------------------------

    @property
    def answers(self) -> Mapping[str, Answer]:
        """The answers, by question id (change them through `answer`, `keep` and `keep_what_if`)."""
        return self._answers

    @property
    def drafts(self) -> Mapping[str, str]:
        """Typed text that was not a valid answer when the founder moved on, by question id (shown again)."""
        return self._drafts

    @property
    def what_if(self) -> Mapping[str, Answer]:
        """Answers tried on the results, by question id; they are not the founder's answers until kept."""
        return self._what_if

    @property
    def step(self) -> int:
        """The step the founder is on, or was on last."""
        return self._step

    @property
    def from_review(self) -> bool:
        """The founder is changing an answer from the review page: confirming the step goes back there."""
        return self._from_review

    def profile(self) -> Profile:
        """The answers as a validated Profile (what the engine decides on, and what autosave writes)."""
        return _profile_of(self._answers)

    def what_if_profile(self) -> Profile:
        """The answers with the what-if applied, as a validated Profile."""
        return _profile_of({**self._answers, **self._what_if})

    # --- answers -----------------------------------------------------------------------------------

    def start_over(self) -> None:
        """A new profile: every answer back to its default, nothing typed kept, the first step."""
        self._answers = defaults()
        self._drafts.clear()
        self._what_if.clear()
        self._step = 0
        self._from_review = False

    def load(self, profile: Profile) -> None:
        """Take every answer from `profile` (opened, resumed or revisited); drafts and any what-if are dropped."""
        self._answers = answers_from(msgspec.to_builtins(profile))
        self._drafts.clear()
        self._what_if.clear()

    def asked(self, question_id: str) -> bool:
        """Whether the question is asked, given the answers so far (Llama's 700M date only above 700M users)."""
        return is_asked(BY_ID[question_id], self._answers)

    @staticmethod
    def read(question_id: str, text: str) -> Answer:
        """Typed text as the answer to `question_id` would be stored; raises AnswerError saying what is wrong."""
        return parse_answer(BY_ID[question_id], text)

    def answer(self, question_id: str, value: Answer) -> bool:
        """Record a valid answer, replacing any draft; returns whether that changed anything."""
        changed = value != self._answers.get(question_id) or question_id in self._drafts
        self._answers[question_id] = value
        self._drafts.pop(question_id, None)
        return changed

    def keep(self, typed: Mapping[str, str]) -> Kept:
        """Leaving a step: record each valid typed answer; keep text that is not valid as a draft, to show again.

        `typed` maps the ids of the step's typed questions to the text in their fields. Nothing typed is
        lost, whichever way the founder leaves (Next, Back, the review page, another step).
        """
        changed = False
        invalid: dict[str, str] = {}
        for question_id, text in typed.items():
            try:
                value = self.read(question_id, text)
            except AnswerError as exc:
                self._drafts[question_id] = text
                invalid[question_id] = str(exc)
                continue
            if value != self._answers.get(question_id) or question_id in self._drafts:
                self.answer(question_id, value)
                changed = True
        return Kept(changed, invalid)

    # --- moving through the steps --------------------------------------------------------------------

    def open_step(self, step: int, *, from_review: bool = False) -> None:
        """Ask the questions from `step` (kept within the wizard); `from_review`: confirming it returns to review."""
        self._step = clamp_step(step)
        self._from_review = from_review

    def move_to(self, step: int) -> None:
        """Go to another step of the questions on screen (Next, Back, the list of steps)."""
        self._step = clamp_step(step)

    def next_destination(self) -> Destination:
        """Where Next leads: the next step; the review page after the last one, or when changing an answer from it."""
        if self._from_review or self._step + 1 >= len(STEPS):
            return "review"
        return self._step + 1

    def back_destination(self) -> Destination:
        """Where Back leads: the step before; the welcome page from the first; review when changing an answer from it."""
        if self._from_review:
            return "review"
        if self._step == 0:
            return "welcome"
        return self._step - 1

    def session(self, *, reviewed: bool) -> dict[str, object]:
        """Where the founder is, as saved beside the autosaved answers; `reviewed`: they are on the review page."""
        return {"step": self._step, "reviewed": reviewed}

    @staticmethod
    def resume_at(session: Mapping[str, object]) -> int | Literal["review"]:
        """Where a saved `session` continues: its step, or the review page if it was saved there (or is unreadable)."""
        step = session.get("step", 0)
        if session.get("reviewed") or not isinstance(step, int):
            return "review"
        return clamp_step(step)

    # --- what-if -----------------------------------------------------------------------------------

    def try_what_if(self, question_id: str, value: Answer) -> bool:
        """Try `value` on the results without making it an answer; returns whether the what-if changed.

        Trying the founder's own answer again takes that question out of the what-if.
        """
        if value == self._answers.get(question_id):
            return self._what_if.pop(question_id, _ABSENT) is not _ABSENT
        changed = question_id not in self._what_if or self._what_if[question_id] != value
        self._what_if[question_id] = value
        return changed

    def reset_what_if(self) -> None:
        """Back to the founder's answers on the results."""
        self._what_if.clear()

    def keep_what_if(self) -> None:
        """Make the what-if answers the founder's answers."""
        for question_id, value in self._what_if.items():
            self.answer(question_id, value)
        self._what_if.clear()


_ABSENT = object()
"""Marks a question that had no what-if (a what-if answer may itself be None: an emptied optional answer)."""


def _profile_of(answers: Mapping[str, Answer]) -> Profile:
    """Answers as a validated Profile (unanswered optional questions left to the Profile's defaults)."""
    return parse_profile({k: v for k, v in answers.items() if v is not None})
