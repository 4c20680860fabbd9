"""The wizard's rules without a terminal: moving through the steps, keeping what was typed, resuming, what-if."""

from __future__ import annotations

import pytest

from advisor.domain.profile.answers import parse_profile
from advisor.domain.profile.form import AnswerError
from advisor.domain.profile.questions import STEPS, defaults, step_of
from advisor.domain.profile.wizard import WizardState

LAST = len(STEPS) - 1


def on_step(step: int, **options: bool) -> WizardState:
    wizard = WizardState()
    wizard.open_step(step, **options)
    return wizard


# --- a new profile --------------------------------------------------------------------------------


def test_a_new_profile_starts_on_the_first_step_with_the_catalogue_defaults() -> None:
    wizard = WizardState()
    assert wizard.step == 0
    assert wizard.answers == defaults()
    assert wizard.drafts == {}
    assert wizard.profile() == parse_profile({"use_case": "chat"})


def test_starting_over_forgets_answers_drafts_and_the_step() -> None:
    wizard = on_step(5)
    wizard.answer("deployment", "on_device")
    wizard.keep({"established_in": "Atlantis"})
    wizard.start_over()
    assert (wizard.step, wizard.answers, wizard.drafts) == (0, defaults(), {})


def test_a_profile_fills_every_answer_and_drops_what_was_typed_before() -> None:
    wizard = WizardState()
    wizard.keep({"monthly_active_users": "lots"})
    wizard.load(parse_profile({"use_case": "rag", "established_in": "DE", "user_regions": ["EU"]}))
    assert wizard.answers["use_case"] == "rag"
    assert wizard.answers["user_regions"] == ["EU"]
    assert wizard.answers["deployment"] == "saas"  # not in the file: the default
    assert wizard.drafts == {}
    assert WizardState.from_profile(wizard.profile()).answers == wizard.answers


def test_an_empty_optional_answer_leaves_the_profile_default() -> None:
    wizard = WizardState()
    wizard.answer("monthly_active_users", 5_000)
    assert wizard.answers["monthly_active_users_24m"] is None
    assert wizard.profile().users_24m == 5_000  # "same as today"


# --- next and back --------------------------------------------------------------------------------


def test_next_goes_step_by_step_and_from_the_last_step_to_review() -> None:
    wizard = WizardState()
    seen = [wizard.step]
    while (destination := wizard.next_destination()) != "review":
        assert isinstance(destination, int)
        wizard.move_to(destination)
        seen.append(wizard.step)
    assert seen == list(range(len(STEPS)))
    assert wizard.step == LAST


def test_back_goes_to_the_step_before_and_from_the_first_to_the_welcome_page() -> None:
    assert on_step(3).back_destination() == 2
    assert on_step(0).back_destination() == "welcome"


def test_changing_an_answer_from_review_returns_there_either_way() -> None:
    wizard = on_step(step_of("established_in"), from_review=True)
    assert wizard.next_destination() == "review"
    assert wizard.back_destination() == "review"
    wizard.move_to(0)  # another step, from the list of steps
    assert wizard.back_destination() == "review"
    wizard.open_step(wizard.step)  # back to the questions from the review page
    assert wizard.back_destination() == "welcome"


def test_a_step_out_of_range_is_kept_within_the_wizard() -> None:
    assert on_step(99).step == LAST
    assert on_step(-1).step == 0


# --- what was typed ---------------------------------------------------------------------------------


def test_typed_answers_are_read_as_people_type_them() -> None:
    assert WizardState.read("monthly_active_users", "2M") == 2_000_000
    assert WizardState.read("established_in", "germany") == "DE"
    assert WizardState.read("budget_usd_per_month", "") is None
    with pytest.raises(AnswerError, match="is not a number"):
        WizardState.read("monthly_active_users", "lots")


def test_back_never_loses_an_answer() -> None:
    wizard = on_step(step_of("monthly_active_users"))
    kept = wizard.keep({"monthly_active_users": "750k", "monthly_active_users_24m": ""})
    assert kept.changed and kept.invalid == {}
    back = wizard.back_destination()
    assert back == step_of("annual_revenue_usd")
    wizard.move_to(back)
    assert wizard.answers["monthly_active_users"] == 750_000


def test_invalid_typed_text_is_kept_as_a_draft_with_the_reason_and_the_answer_stands() -> None:
    wizard = WizardState()
    kept = wizard.keep({"monthly_active_users": "20.000.000", "established_in": "FR"})
    assert set(kept.invalid) == {"monthly_active_users"}
    assert "commas for thousands" in kept.invalid["monthly_active_users"]
    assert wizard.drafts == {"monthly_active_users": "20.000.000"}  # shown again, and flagged on review
    assert wizard.answers["monthly_active_users"] == 0
    assert wizard.answers["established_in"] == "FR"  # the valid one on the same step is recorded
    assert kept.changed


def test_a_valid_answer_replaces_the_draft() -> None:
    wizard = WizardState()
    wizard.keep({"established_in": "Atlantis"})
    assert wizard.keep({"established_in": "US"}).changed  # same answer as before, but the draft goes
    assert wizard.drafts == {}
    wizard.keep({"established_in": "Atlantis"})
    assert wizard.answer("established_in", "US")
    assert wizard.drafts == {}


def test_leaving_a_step_unchanged_changes_nothing() -> None:
    wizard = WizardState()
    kept = wizard.keep({"monthly_active_users": "0", "monthly_tokens": "10M"})
    assert kept.changed is False
    assert wizard.answer("use_case", "chat") is False


# --- autosave and resume ------------------------------------------------------------------------------


def test_a_saved_session_resumes_on_its_step() -> None:
    wizard = on_step(4)
    assert WizardState.resume_at(wizard.session(reviewed=False)) == 4


def test_a_session_saved_on_the_review_page_resumes_there() -> None:
    assert WizardState.resume_at(on_step(4).session(reviewed=True)) == "review"


@pytest.mark.parametrize(("session", "where"), [({}, 0), ({"step": 40}, LAST), ({"step": "four"}, "review")])
def test_an_odd_saved_session_still_resumes_somewhere_sensible(session: dict[str, object], where: object) -> None:
    assert WizardState.resume_at(session) == where


# --- what-if --------------------------------------------------------------------------------------------


def test_a_what_if_is_not_an_answer_until_kept() -> None:
    wizard = WizardState()
    assert wizard.try_what_if("deployment", "on_device")
    assert wizard.answers["deployment"] == "saas"
    assert wizard.profile().deployment == "saas"  # autosave writes the answers, not the what-if
    assert wizard.what_if_profile().deployment == "on_device"
    wizard.keep_what_if()
    assert wizard.answers["deployment"] == "on_device"
    assert wizard.what_if == {}


def test_trying_the_same_what_if_again_or_the_answer_itself() -> None:
    wizard = WizardState()
    wizard.try_what_if("established_in", "CN")
    assert wizard.try_what_if("established_in", "CN") is False  # nothing new to work out
    assert wizard.try_what_if("established_in", "US")  # the founder's own answer: no what-if left
    assert wizard.what_if == {}
    assert wizard.try_what_if("established_in", "US") is False


def test_an_emptied_optional_what_if_is_dropped_when_the_answer_is_typed_back() -> None:
    wizard = WizardState()
    wizard.answer("budget_usd_per_month", 3_000)
    assert wizard.try_what_if("budget_usd_per_month", None)  # "no budget stated"
    assert wizard.what_if_profile().budget_usd_per_month is None
    assert wizard.try_what_if("budget_usd_per_month", 3_000)
    assert wizard.what_if == {}


def test_reset_goes_back_to_the_answers_and_kept_what_ifs_clear_drafts() -> None:
    wizard = WizardState()
    wizard.try_what_if("deployment", "on_prem")
    wizard.reset_what_if()
    assert wizard.what_if_profile() == wizard.profile()
    wizard.keep({"monthly_active_users_24m": "soon"})
    wizard.try_what_if("monthly_active_users_24m", 2_000_000)
    wizard.keep_what_if()
    assert wizard.answers["monthly_active_users_24m"] == 2_000_000
    assert wizard.drafts == {}
