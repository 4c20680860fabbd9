"""The decision record: what `advisor recommend --format json` writes and `advisor revisit` reads.

Field names follow `shared/contract.md`; fields beyond it are additions, never renames. Encoding
is deterministic (declaration order, no clock inside the engine), so two runs on the same profile
and knowledge differ only in `generated_at`.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, BinaryIO, Literal

import msgspec

from advisor.domain.findings import Evidence, FindingKind, ModelFact, evidence_of, kind_of
from advisor.domain.profile.answers import Profile, parse_profile

Severity = Literal["blocker", "high", "medium", "low"]
Strategy = Literal["open", "closed", "hybrid"]
Route = Literal["api", "self_host", "on_device"]
"""How a model is run: through an API (the vendor's or a host's), on rented GPUs, or on users' devices."""
SEVERITY_ORDER: dict[str, int] = {"blocker": 0, "high": 1, "medium": 2, "low": 3}
"""Most severe first."""


class Risk(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """One finding about a model, with the evidence it rests on."""

    id: str
    """The kind of finding (`mau-threshold-24m`, see `advisor.domain.findings`), the same across runs."""
    severity: Severity
    """`blocker` excludes the model; the rest rank it down."""
    title: str
    """One line a founder understands."""
    detail: str
    """What it means for this startup, with the numbers."""
    license: str
    """The license or terms id the finding rests on."""
    clause: str
    """The clause id (or `model.<field>` for a fact of the model entry); read it through `evidence`."""
    source: str
    """URL of the text the finding rests on."""
    mitigation: str
    """What to do about it."""
    quote: str | None = None
    """The clause's words, when the finding rests on a clause."""
    verified: bool = True
    """False when the clause it rests on could not be confirmed in the primary text."""
    models: list[str] = []
    """In the decision-wide `risks` list: the considered models this finding applies to."""

    @property
    def kind(self) -> FindingKind | None:
        """The registered kind of this finding (None for a kind this version does not know)."""
        return kind_of(self.id)

    @property
    def evidence(self) -> Evidence:
        """What the finding rests on: a license clause, or a fact of the model's entry."""
        return evidence_of(self.license, self.clause)

    @property
    def identity(self) -> tuple[str, str]:
        """What makes two findings the same finding, across models, runs and versions of the knowledge.

        Its kind, and the license whose clause it rests on; a fact of a model entry (a retirement, the
        hosts) is the same finding for every model it is found on.
        """
        evidence = self.evidence
        return (self.id, "" if isinstance(evidence, ModelFact) else evidence.license)


class Alternative(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Another way the same model could be run, and what it would cost."""

    route: Route
    host: str
    """Who would serve it (the vendor's API, a named provider, your GPUs, the customer's hardware)."""
    monthly_usd: float
    basis: str
    """How the estimate was reached."""


class Serving(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The GPUs a self-hosted or on-prem route needs, and the memory that sizes them."""

    gpu: str
    gpus_per_replica: int
    replicas: int
    precision: str
    memory_needed_gb: float
    """A replica's weights, KV cache for the requests in flight, and runtime headroom."""
    gpu_memory_gb: float
    """Memory of one GPU of that kind."""
    weights_gb: float = 0.0
    kv_cache_gb: float = 0.0


class Cost(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """How a model would be run and what that costs per month."""

    route: Route
    monthly_usd: float
    """Estimated monthly cost to you at today's volume (hardware a customer pays for is not in it)."""
    basis: str
    """How the estimate was reached."""
    source: str | None = None
    """The price page it rests on."""
    host: str = ""
    """Who serves it: the vendor's API, a named provider, your GPUs, the customer's hardware, users' devices."""
    alternatives: list[Alternative] = []
    """The other routes considered, with their costs."""
    reason: str | None = None
    """Why the answers put the model on this route rather than a cheaper or the only other one
    (`your data may not leave your infrastructure`); None when it is simply the cheapest."""
    break_even_tokens: int | None = None
    """For open weights: the first monthly volume at which self-hosting beats the hosted API price."""
    break_even_ranges: list[tuple[int, int | None]] = []
    """Every range of monthly tokens where self-hosting beats the hosted API (GPU steps make several);
    `None` as the upper end: from there on."""
    monthly_usd_24m: float | None = None
    """The monthly bill at the 24-month user count (tokens scale with users)."""
    customer_monthly_usd: float = 0.0
    """Hardware on the customer's premises that the customer pays for, a month (kept out of your budget)."""
    serving: Serving | None = None
    """Self-hosted and on-prem routes: the GPUs and memory."""


class FineTune(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """When the profile fine-tunes: whether this model can be, where the private copy lives, what it costs."""

    available: bool | None
    """True: it can be fine-tuned; False: the vendor does not offer it; None: not recorded."""
    where: str
    """Where the private fine-tune is trained and served."""
    training_usd: float | None
    """One training run over the profile's data set (None when the price is not recorded)."""
    serving_usd_per_month: float | None
    """Serving the fine-tune at today's volume (it is also `cost.monthly_usd`)."""


class CostFlip(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """One cost assumption, its value, and the value at which the other route (API or self-hosting) wins."""

    assumption: str
    today: str
    flips_at: str
    effect: str


class Distillation(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Training on another model's outputs: the teacher that writes the data, the student you serve."""

    teacher: str
    student: str
    teacher_cost_usd: float
    """One-off: generating the training set with the teacher at its list price."""
    student_monthly_usd: float
    """Serving the student at today's volume."""
    note: str = ""


class ScoreParts(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Every term of a candidate's score, each from 0 to 1, so the rank can be traced.

    `score` is the weighted sum (weights in `advisor.domain.engine.scoring.SCORE_WEIGHTS`) less
    `unconfirmed`, rounded to four places.
    """

    quality: float
    """How well its quality tier meets the tier asked for (and whether it is built for the job)."""
    cost: float
    """How its monthly cost compares with the budget and with the other candidates."""
    risk: float
    """1 less the weight of its distinct legal and vendor exposures."""
    ops: float
    """How easily the team can run it on its route."""
    continuity: float
    """How little one vendor decides its price, terms and retirement."""
    recency: float
    """How recent the release is."""
    unconfirmed: float
    """Subtracted: facts of its entry that are not confirmed, weighted by what they govern."""


class Candidate(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """A model that survived the blockers: ranked, with its cost, duties and risks."""

    model: str
    license: str
    weights: Literal["open", "closed"]
    score: float
    """0–1, higher is better: quality fit, cost fit, risk and operational fit combined."""
    monthly_cost_usd: float
    obligations: list[str]
    """What the license requires of the startup (notices, naming, passing on use policies)."""
    risks: list[Risk]
    name: str = ""
    vendor: str = ""
    cost: Cost | None = None
    fit: list[str] = []
    """Why it fits or falls short, one phrase each."""
    unverified: list[str] = []
    """Facts this entry rests on that the knowledge base could not confirm from a primary source
    (`model.price`, `llama3.1/aup-most-recent-copy` ...): check these before relying on them."""
    score_parts: ScoreParts | None = None
    """Every term of the score (None only in records of schema 1)."""
    fine_tune: FineTune | None = None
    """When the profile fine-tunes."""
    tie_with: list[str] = []
    """Shortlist entries only: the other shortlist models with the same score."""


class Excluded(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """A model ruled out, with the blockers that rule it out."""

    model: str
    license: str
    reasons: list[Risk]
    name: str = ""
    vendor: str = ""


class Watch(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """A condition that would change the answer."""

    trigger: str
    """A condition on the profile or the calendar (`monthly_active_users > 100000000`)."""
    effect: str
    """What happens then."""
    models: list[str]
    """The models affected."""
    source: str | None = None
    """The text the effect rests on."""
    condition: str = ""
    """The trigger in words (`Monthly active users pass 100M`), for people."""


class KnowledgeInfo(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Which knowledge the decision was made on."""

    fingerprint: str
    models: int
    licenses: int
    verified_through: str | None
    oldest_verification: str | None = None
    layers: list[str] = []


class Split(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """How a hybrid (or any) strategy routes work, and what takes over when a model is unavailable."""

    primary: str
    """The model that serves the bulk of the traffic."""
    primary_share: float
    """Share of tokens the primary serves."""
    secondary: str | None
    """The model that serves the rest (hybrid only)."""
    routing: str
    """Which work goes where, in words."""
    fallback: str | None
    """The model that takes over on an outage, a retirement or a license change."""
    fallback_plan: str
    """What to do then, in words."""
    monthly_cost_usd: float
    """Estimated cost of the split."""


class Option(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """One side of a trade-off: a model, its quality tier and its monthly cost."""

    model: str
    name: str
    quality: str
    monthly_usd: float


class TradeOff(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Budget against quality: present when nothing at the quality asked for fits the budget."""

    quality_asked: str
    budget_usd: float
    within_budget: Option | None
    """The best-ranked option within the budget (None when nothing is)."""
    at_quality: Option | None
    """The best-ranked option at the quality asked for (None when nothing is)."""
    gap_usd: float | None
    """How much more a month the option at the asked quality costs than the budget."""


class Unassessed(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """A model a public catalog lists that the knowledge base has not assessed: never ranked, no license terms."""

    model: str
    """The catalog's id for it (the vendor's API id or the Hugging Face repo)."""
    vendor: str
    source: str
    """URL of the catalog (or the vendor page it cites) it was read from."""
    as_of: str
    """The date the catalog was read."""
    name: str = ""
    catalog: str = ""
    """Which catalog lists it (`litellm`, `models.dev`, `openrouter`, `huggingface`)."""
    mode: str = ""
    """What it does, in the catalog's words (`chat`, `image_generation` ...)."""


class Flip(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """One answer that, changed on its own, changes the first choice ("what would change it")."""

    question: str
    """The profile field changed (a question id)."""
    label: str
    """The question's label (`Deployment`)."""
    answer: str | int | float | bool | list[str] | None
    """The changed answer, as the profile would hold it."""
    answer_text: str
    """The changed answer in words (`On users' devices`, `2M`)."""
    how: Literal["choice", "scaled", "threshold"]
    """Another value of a choice; a number ×0.1 or ×10; a threshold the watch list names."""
    first_choice: str | None
    """The first choice with that answer (None: nothing passes), by id."""
    first_choice_name: str
    strategy: Strategy
    summary: str
    """What moves, in one line (strategy, first choice, shortlist in and out)."""


class Decision(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The engine's answer for one profile on one knowledge base."""

    schema: Literal[2] = 2
    """2 since score_parts, tie_with, cost.host, cost.alternatives as entries and break_even_ranges;
    records of schema 1 are upgraded when read (`read_decision`)."""
    generated_at: dt.datetime
    """When the record was made, in UTC (written `2026-11-22T10:00:00Z`)."""
    advisor_version: str
    profile: Profile
    """The answers, with the defaults that depend on other answers filled in."""
    knowledge: KnowledgeInfo
    strategy: Strategy
    rationale: list[str]
    shortlist: list[Candidate]
    considered: list[Candidate]
    excluded: list[Excluded]
    risks: list[Risk]
    watch: list[Watch]
    plan: Split | None = None
    assumptions: list[str] = []
    summary: str = ""
    """One sentence: the strategy and the first choice (always `shortlist[0]`)."""
    cost_flips: list[CostFlip] = []
    """For the first choice, when it could run on an API or on your GPUs: the assumptions that would flip
    which is cheaper, each moved on its own."""
    distillation: Distillation | None = None
    """When the profile trains on outputs: the teacher and the student as separate lines."""
    trade_off: TradeOff | None = None
    """When nothing at the quality asked for fits the budget: the best of each, side by side."""
    unassessed: list[Unassessed] = []
    """Models that `kb refresh` found in public catalogs and no curated entry covers (never ranked)."""
    sensitivity: list[Flip] | None = None
    """The single answers that flip the first choice; None when not computed (`recommend --sensitivity`)."""


def decision_json(decision: Decision) -> str:
    """The record as JSON text (see `write_decision_json` for its layout)."""
    out = io.BytesIO()
    write_decision_json(decision, out)
    return out.getvalue().decode("utf-8")


COMPACT_ABOVE_MODELS = 2_000
"""Records over knowledge bases larger than this are written without indentation (it would double their size)."""
SLICE = 1_000
"""Entries of `considered` and `excluded` encoded at a time in a large record."""


def write_decision_json(decision: Decision, out: BinaryIO) -> None:
    """Write the record as UTF-8 JSON: indented, or compact over a large knowledge base.

    A compact record is the bytes `msgspec.json.encode` would give, written as it is encoded: the
    long lists go out a slice at a time through one reused buffer, so a record over 100,000 models
    (a quarter of a GiB) is never held in memory whole.
    """
    if len(decision.considered) + len(decision.excluded) <= COMPACT_ABOVE_MODELS:
        out.write(msgspec.json.format(msgspec.json.encode(decision), indent=2) + b"\n")
        return
    encoder = msgspec.json.Encoder()
    buffer = bytearray()
    separator = b"{"
    for field in msgspec.structs.fields(Decision):
        out.write(separator + encoder.encode(field.encode_name) + b":")
        separator = b","
        value = getattr(decision, field.name)
        if field.name not in ("considered", "excluded"):
            out.write(encoder.encode(value))
            continue
        out.write(b"[")
        for start in range(0, len(value), SLICE):
            encoder.encode_into(value[start : start + SLICE], buffer)
            if start:
                out.write(b",")
            out.write(memoryview(buffer)[1:-1])  # the slice's entries, without its brackets
        out.write(b"]")
    out.write(b"}\n")


class _Header(msgspec.Struct):
    """The fields of a record checked before it is decoded whole, for messages that name what is wrong."""

    schema: int = 1
    """Records of schema 1 may lack it (it defaulted)."""
    generated_at: Any = None
    profile: Any = None


def stamp(moment: dt.datetime) -> str:
    """A moment as the record writes it: `2026-11-22T10:00:00Z`."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc(moment: dt.datetime) -> dt.datetime:
    """`moment` in UTC to the second (a time without a zone is taken to be UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).replace(microsecond=0)


SCHEMAS = (1, 2)
"""The record versions this advisor reads."""


def upgrade_v1(record: dict[str, Any]) -> dict[str, Any]:
    """A schema-1 record in the shape of schema 2: its cost alternatives were prose, which revisit never
    reads back (it recomputes them), so they are dropped; every field new in 2 takes its default."""
    for key in ("shortlist", "considered"):
        for candidate in record.get(key) or []:
            cost = candidate.get("cost") if isinstance(candidate, dict) else None
            if isinstance(cost, dict):
                cost["alternatives"] = []
    return {**record, "schema": 2}


def read_decision(data: bytes, where: str) -> Decision:
    """Parse a saved record (schema 1 or 2); raises InputError naming the file and what is wrong."""
    from advisor.domain.inputs.controls import json_control_at
    from advisor.domain.inputs.problems import InputError, Problem

    raw = data.removeprefix(b"\xef\xbb\xbf")
    if (at := json_control_at(raw)) is not None:
        raise InputError([Problem(where, 0, f"not a decision record: a control character at byte {at}")])
    try:
        header = msgspec.json.decode(raw, type=_Header)
        if header.schema not in SCHEMAS:
            message = (
                f"a record of schema {header.schema}, written by another version of the advisor; this one reads 1 and 2"
            )
            raise InputError([Problem(where, 0, message)])
        _check_header(header, where)
        if header.schema == 1:
            decision = msgspec.convert(upgrade_v1(msgspec.json.decode(raw)), Decision)
        else:
            decision = msgspec.json.decode(raw, type=Decision)
    except msgspec.ValidationError as exc:
        raise InputError([Problem(where, 0, f"not a decision record: {exc}")]) from None
    except msgspec.DecodeError as exc:
        raise InputError([Problem(where, 0, f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise InputError([Problem(where, 0, "not a decision record: nested too deeply")]) from None
    return msgspec.structs.replace(decision, generated_at=utc(decision.generated_at))


def _check_header(header: _Header, where: str) -> None:
    """The record's date and answers, checked first so the message names what is wrong with them."""
    from advisor.domain.inputs.problems import InputError, Problem

    moment = header.generated_at
    try:
        if not isinstance(moment, str):
            raise ValueError
        dt.datetime.fromisoformat(moment.replace("Z", "+00:00"))
    except ValueError:
        message = f"not a decision record: generated_at {moment!r} is not a date and time"
        raise InputError([Problem(where, 0, message)]) from None
    if not isinstance(header.profile, dict):
        raise InputError([Problem(where, 0, "not a decision record: it holds no profile (the saved answers)")])
    parse_profile(header.profile, where=where)  # InputError naming the answer that is wrong


MAX_DECISION_BYTES = 1024 * 1024 * 1024
"""Records over a 100,000-model catalog run to a few hundred MiB; nothing legitimate is larger."""


def load_decision(path: Path) -> Decision:
    """Read a saved record from a file; raises InputError naming the file when it cannot be read or is not one."""
    from advisor.domain.inputs.files import read_input_file
    from advisor.domain.inputs.problems import display_path

    return read_decision(read_input_file(path, limit=MAX_DECISION_BYTES), display_path(path))
