"""The wizard's question catalogue, as data, and the parsers that read a founder's typed answers.

One `Question` per field of `Profile` (its `id` is the field name): the prompt, why it matters
(naming the licenses and terms it affects), the kind of answer, the choices and the default.
`STEPS` groups the questions into the screens of the wizard. The parsers accept what people type:
`2,000,000`, `2M`, `1.5k`, `300m` for numbers; `de`, `UK` or `Germany` for a region. Pure data and
functions: no terminal, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from advisor.domain.regions import COUNTRIES, EU_MEMBERS, REGION_ALIASES

Kind = Literal["choice", "bool", "number", "region", "regions", "text"]
"""How an answer is given: pick one choice, yes/no, a number, one region, a list of regions, free text."""
Answer = str | int | float | bool | list[str] | None
"""An answer as the Profile holds it."""


class AnswerError(ValueError):
    """A typed answer that cannot be read; `str(error)` is the message to show next to the field."""


@dataclass(frozen=True)
class Choice:
    """One option of a choice (or yes/no) question."""

    value: str | bool
    """The value stored in the profile."""
    label: str
    """What the option is called on screen."""
    detail: str = ""
    """A few words saying what picking it means."""
    short: str = ""
    """A label of a word or two where space is tight (the label itself if empty)."""


@dataclass(frozen=True)
class Question:
    """One question of the wizard: everything needed to ask it, explain it and read the answer."""

    id: str
    """The `Profile` field the answer fills."""
    short: str
    """A label of a few words, for the review page and the what-if bar."""
    prompt: str
    """The question, as asked."""
    help: str
    """Why this matters: which licenses, terms and costs the answer changes."""
    kind: Kind
    default: Answer
    """The answer a new profile starts with (the Profile default, or a sensible one where it has none)."""
    choices: tuple[Choice, ...] = ()
    """The options of a `choice` or `bool` question, in display order."""
    optional: bool = False
    """An empty answer is allowed and stored as None (`empty` says what it means)."""
    whole: bool = True
    """For numbers: only whole numbers are accepted."""
    unit: str = ""
    """For numbers: what is counted (`users`, `US$ / month`)."""
    example: str = ""
    """A sample answer, shown as the placeholder."""
    empty: str = ""
    """What an empty optional answer means (`same as today`)."""


@dataclass(frozen=True)
class Step:
    """One screen of the wizard: a question or a small group of related ones."""

    title: str
    ids: tuple[str, ...]


_YES_NO = (Choice(True, "Yes"), Choice(False, "No"))

QUESTIONS: tuple[Question, ...] = (
    Question(
        id="company",
        short="Company",
        prompt="What is your company called?",
        help="Only used as the title of the report. Leave it empty if you like.",
        kind="text",
        default=None,
        optional=True,
        example="Acme Health",
        empty="not given",
    ),
    Question(
        id="product",
        short="Product",
        prompt="What are you building, in a few words?",
        help="For the report, in your words. The advisor reasons from the answers that follow, not from this text.",
        kind="text",
        default=None,
        optional=True,
        example="triage assistant for clinics",
        empty="not given",
    ),
    Question(
        id="use_case",
        short="Main use case",
        prompt="What is the main job the model does?",
        help=(
            "Only models built for the job are considered, and licenses differ by modality: Llama 3.2+ vision "
            "models grant no rights to EU-established companies, and image models such as Stable Diffusion 3.5 come "
            "under the Stability AI Community License, which needs a paid license above US$1M annual revenue."
        ),
        kind="choice",
        default="chat",
        choices=(
            Choice("chat", "Chat assistant", "conversations with your users"),
            Choice("code", "Code", "generation, completion, review"),
            Choice("rag", "Answers from documents (RAG)", "retrieval-augmented generation"),
            Choice("agents", "Agents", "tool use, multi-step tasks"),
            Choice("extraction", "Extraction", "structured data out of text"),
            Choice("vision", "Vision", "understanding images and documents"),
            Choice("image_generation", "Image generation", "pictures from prompts"),
            Choice("speech", "Speech", "transcription and voice"),
            Choice("embeddings", "Embeddings", "search and similarity"),
        ),
    ),
    Question(
        id="commercial",
        short="Commercial product",
        prompt="Does the product earn money, directly or indirectly?",
        help=(
            "Non-commercial and research licenses rule a model out as soon as you earn money with it: Command R is "
            "non-commercial (CC-BY-NC-4.0), and Mistral's research licenses (MNPL, MRL) and the Qwen Research "
            "License forbid production or commercial use. Use inside a business usually counts as commercial."
        ),
        kind="bool",
        default=True,
        choices=(
            Choice(True, "Yes", "a paid product, or one that supports a business"),
            Choice(False, "No", "research, teaching or a non-profit project"),
        ),
    ),
    Question(
        id="annual_revenue_usd",
        short="Annual revenue (US$)",
        prompt="What is your annual revenue today, in US$?",
        help=(
            "Some licenses end at a revenue line: the Stability AI Community License requires a paid enterprise "
            "license above US$1M annual revenue. Enter 0 if you have no revenue yet."
        ),
        kind="number",
        default=0,
        unit="US$ / year",
        example="500k",
    ),
    Question(
        id="monthly_active_users",
        short="Monthly users today",
        prompt="How many monthly active users does the product have today?",
        help=(
            "Open-weights licenses with user thresholds: Llama requires a separate license from Meta above 700M "
            "monthly active users (counted on the version's release date), Qwen2.5-72B above 100M."
        ),
        kind="number",
        default=0,
        unit="users",
        example="20,000",
    ),
    Question(
        id="monthly_active_users_24m",
        short="Monthly users in 24 months",
        prompt="And how many do you expect in 24 months?",
        help=(
            "Plan for where you will be: outgrowing a threshold (Llama above 700M monthly users, Qwen2.5-72B above "
            "100M) means negotiating a license or migrating later. Leave it empty to use today's figure."
        ),
        kind="number",
        default=None,
        optional=True,
        unit="users",
        example="2M",
        empty="same as today",
    ),
    Question(
        id="established_in",
        short="Established in",
        prompt="Where is the company established (its principal place of business)?",
        help=(
            "Some terms turn on where you are: Llama 3.2+ vision models grant no rights to companies established in "
            "the EU, and the OpenAI and Anthropic terms exclude companies in CN, RU, IR, KP and CU. "
            "Type EU, a two-letter country code (US, GB, DE) or a country name."
        ),
        kind="region",
        default="US",
        example="US",
    ),
    Question(
        id="user_regions",
        short="Users in",
        prompt="Where are your users?",
        help=(
            "EU users' data falls under the GDPR: an API that processes it outside the EU is an international "
            "transfer, and an API served from China stores it there. Separate regions with commas: EU, US, GB."
        ),
        kind="regions",
        default=["US"],
        example="EU, US",
    ),
    Question(
        id="deployment",
        short="Deployment",
        prompt="Where does the model run?",
        help=(
            "Closed models run only on their vendor's servers, so on-premises and on-device products need open "
            "weights. Shipping weights to customers passes duties on to them: Llama's and Gemma's use restrictions "
            "must flow down to every recipient."
        ),
        kind="choice",
        default="saas",
        choices=(
            Choice("saas", "Our cloud service", "SaaS: we run it for our users", short="SaaS"),
            Choice("on_prem", "Customers' premises", "installed in their data centres", short="On-premises"),
            Choice("on_device", "Users' devices", "phones, laptops, edge boxes", short="On-device"),
            Choice("internal", "Internal only", "our own staff use it", short="Internal"),
        ),
    ),
    Question(
        id="data_sensitivity",
        short="Data sensitivity",
        prompt="What is the most sensitive data the model sees?",
        help=(
            "Closed-API terms differ on whether the vendor trains on your data, how long it keeps it and where it "
            "is processed. With regulated data every API request leaves your infrastructure: self-hosting "
            "open weights avoids that."
        ),
        kind="choice",
        default="internal",
        choices=(
            Choice("public", "Public", "nothing you would mind published"),
            Choice("internal", "Internal", "ordinary business data"),
            Choice("confidential", "Confidential", "customer data, trade secrets"),
            Choice("regulated", "Regulated", "health, financial or children's data"),
        ),
    ),
    Question(
        id="self_host_required",
        short="Data stays on own infrastructure",
        prompt="Must the data stay on your own infrastructure?",
        help=(
            "If so, every closed API (GPT, Claude, Gemini) is ruled out, and so are hosted providers of open "
            "weights: you run open weights on your own or rented GPUs."
        ),
        kind="bool",
        default=False,
        choices=(
            Choice(True, "Yes", "no third party may process it"),
            Choice(False, "No", "a vendor or host may, under contract"),
        ),
    ),
    Question(
        id="customization",
        short="Customization",
        prompt="How much will you adapt the model?",
        help=(
            'Fine-tuning makes a derivative, and licenses attach duties to derivatives: Llama requires "Llama" at '
            "the start of a distributed fine-tune's name, and share-alike licenses require the same license for it."
        ),
        kind="choice",
        default="prompting",
        choices=(
            Choice("none", "None", "use it as it is"),
            Choice("prompting", "Prompting", "instructions and retrieved context"),
            Choice("fine_tune", "Fine-tuning", "train it further on our data"),
        ),
    ),
    Question(
        id="keep_derivatives_private",
        short="Keep fine-tunes private",
        prompt="Must your fine-tuned weights and changes stay private?",
        help=(
            "Share-alike licenses, such as the Stability AI Non-Commercial Research Community License, require "
            "derivatives to be released under the same terms; permissive ones (Apache-2.0, MIT) let you keep them."
        ),
        kind="bool",
        default=True,
        choices=(
            Choice(True, "Yes", "they are our competitive edge"),
            Choice(False, "No", "we could publish them"),
        ),
    ),
    Question(
        id="distribute_weights",
        short="Ship weights to customers",
        prompt="Will the model, or a fine-tune of it, ship to customers or devices?",
        help=(
            'Distribution triggers a license\'s duties: Llama requires "Built with Llama" and its use policy '
            "passed on, Gemma and the OpenRAIL licenses require their use restrictions in your terms. "
            "Closed models cannot be distributed at all."
        ),
        kind="bool",
        default=False,
        choices=(
            Choice(True, "Yes", "customers or devices get the weights"),
            Choice(False, "No", "the weights stay with us or a host"),
        ),
    ),
    Question(
        id="train_on_outputs",
        short="Train other models on outputs",
        prompt="Will outputs of the model train or improve another model?",
        help=(
            "Closed APIs forbid training competing models on outputs (OpenAI, Anthropic); Llama 2 and Llama 3 "
            "forbid improving other large language models with them, and so does the Stability AI Community "
            "License for foundation models."
        ),
        kind="bool",
        default=False,
        choices=(
            Choice(True, "Yes", "e.g. distilling into a smaller model"),
            Choice(False, "No", "outputs go to users only"),
        ),
    ),
    Question(
        id="monthly_tokens",
        short="Tokens per month",
        prompt="How many tokens a month, all users together (input + output)?",
        help=(
            "Volume decides API versus self-hosting: APIs bill per token, rented GPUs cost the same busy or idle, "
            "so above a break-even volume self-hosting open weights is cheaper. A chat turn is about 1,000 tokens: "
            "10,000 users × 100 turns ≈ 1B."
        ),
        kind="number",
        default=10_000_000,
        unit="tokens / month",
        example="300M",
    ),
    Question(
        id="budget_usd_per_month",
        short="Budget (US$ / month)",
        prompt="What is your monthly budget for model inference, in US$?",
        help=(
            "Models whose estimated monthly cost exceeds it are flagged and rank lower. "
            "Leave it empty if you have not set one."
        ),
        kind="number",
        default=None,
        optional=True,
        whole=False,
        unit="US$ / month",
        example="3,000",
        empty="no budget stated",
    ),
    Question(
        id="quality",
        short="Quality needed",
        prompt="How capable must the model be?",
        help=(
            "Frontier quality narrows the field to the largest models, mostly closed APIs and open weights that "
            "need a multi-GPU server; standard tasks run well on small open models at a fraction of the cost."
        ),
        kind="choice",
        default="high",
        choices=(
            Choice("standard", "Standard", "simple, well-defined tasks"),
            Choice("high", "High", "solid general ability"),
            Choice("frontier", "Frontier", "the best available"),
        ),
    ),
    Question(
        id="ml_team",
        short="ML team",
        prompt="How much machine-learning experience does your team have?",
        help=(
            "Self-hosting and fine-tuning open weights take people who can run GPUs and evaluate models; "
            "without them, an API or a hosted provider is the safer start."
        ),
        kind="choice",
        default="some",
        choices=(
            Choice("none", "None", "we call APIs"),
            Choice("some", "Some", "we can deploy and evaluate a model"),
            Choice("strong", "Strong", "we train and serve models ourselves"),
        ),
    ),
    Question(
        id="risk_tolerance",
        short="Risk tolerance",
        prompt="How much legal and vendor risk can you accept?",
        help=(
            "With a low tolerance, terms a licensor can change or enforce on its own (Llama, Gemma and every closed "
            "API) weigh more against a model; permissive licenses (Apache-2.0, MIT) weigh least."
        ),
        kind="choice",
        default="medium",
        choices=(
            Choice("low", "Low", "we need terms that cannot move"),
            Choice("medium", "Medium", "the usual startup trade-offs"),
            Choice("high", "High", "speed first, we will adapt"),
        ),
    ),
)
"""Every question, in the order the wizard asks them."""

BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}

STEPS: tuple[Step, ...] = (
    Step("About you", ("company", "product")),
    Step("Use case", ("use_case",)),
    Step("Business", ("commercial", "annual_revenue_usd")),
    Step("Users", ("monthly_active_users", "monthly_active_users_24m")),
    Step("Where", ("established_in", "user_regions")),
    Step("Deployment", ("deployment",)),
    Step("Data", ("data_sensitivity", "self_host_required")),
    Step("Customization", ("customization", "keep_derivatives_private")),
    Step("Weights and outputs", ("distribute_weights", "train_on_outputs")),
    Step("Volume and budget", ("monthly_tokens", "budget_usd_per_month")),
    Step("Quality", ("quality",)),
    Step("Team and risk", ("ml_team", "risk_tolerance")),
)
"""The wizard's screens, in order; every question appears in exactly one."""


def step_of(question_id: str) -> int:
    """The index of the step that asks `question_id`."""
    for index, step in enumerate(STEPS):
        if question_id in step.ids:
            return index
    raise KeyError(question_id)


def defaults() -> dict[str, Answer]:
    """The answers a new profile starts with, by field name (copies, so callers may change them)."""
    return {q.id: list(q.default) if isinstance(q.default, list) else q.default for q in QUESTIONS}


# --- reading answers ------------------------------------------------------------------------------

_MULTIPLIERS: dict[str, int] = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mio": 1_000_000,
    "million": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_NUMBER = re.compile(r"(?P<digits>\d{1,3}(?:,\d{3})+|\d+)?(?P<fraction>\.\d+)?(?P<suffix>[a-z]*)")
_NUMBER_HINT = "enter a number, like 2,000,000 or 2M or 1.5k"
_TOO_LARGE = Decimal(10) ** 18


def _parse_decimal(text: str) -> Decimal:
    raw = text.strip()
    if not raw:
        raise AnswerError(_NUMBER_HINT)
    cleaned = raw.lower().replace("us$", "").replace("$", "").replace("_", "").strip()
    cleaned = re.sub(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)", ",", cleaned)
    cleaned = re.sub(r"\s+", "", cleaned)
    if cleaned.startswith("-"):
        raise AnswerError("must not be negative")
    match = _NUMBER.fullmatch(cleaned)
    if match is None or not (match.group("digits") or match.group("fraction")):
        if re.fullmatch(r"\d+(,\d+)+(\.\d+)?[a-z]*", cleaned):
            raise AnswerError("commas separate thousands (2,000,000); use a dot for decimals (1.5)")
        if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}", cleaned):
            raise AnswerError("use commas for thousands (20,000,000), or none at all")
        raise AnswerError(f"'{raw}' is not a number: {_NUMBER_HINT}")
    suffix = match.group("suffix")
    if suffix and suffix not in _MULTIPLIERS:
        raise AnswerError(f"unknown unit '{suffix}': use k (thousand), M (million) or B (billion)")
    number = Decimal((match.group("digits") or "0").replace(",", "") + (match.group("fraction") or ""))
    value = number * _MULTIPLIERS.get(suffix, 1)
    if value >= _TOO_LARGE:
        raise AnswerError("that number is too large")
    return value


def parse_number(text: str) -> float:
    """Read a non-negative number as people type it: `2,000,000`, `2 000 000`, `2M`, `1.5k`, `300m`, `$3,000`.

    Commas and spaces separate thousands (a comma must be followed by three digits); `.` is the
    decimal point; `k`, `m`/`mn`/`mio`, `b`/`bn` (any case, or spelled out) multiply by a thousand,
    a million, a billion. Raises AnswerError with a message for the user.
    """
    return float(_parse_decimal(text))


def parse_whole_number(text: str) -> int:
    """`parse_number`, for counts: the result must be a whole number (`1.5k` is 1500; `2.5` is an error)."""
    value = _parse_decimal(text)
    if value != value.to_integral_value():
        raise AnswerError(f"{value.normalize():f} is not a whole number")
    return int(value)


# --- regions -------------------------------------------------------------------------------------

_REGION_HINT = "EU, a two-letter country code (US, GB, DE …) or a country name"
_BY_NAME: dict[str, str] = {name.upper(): code for code, name in COUNTRIES.items()} | REGION_ALIASES


def parse_region(text: str) -> str:
    """Read one region: `EU`, an ISO 3166 alpha-2 code in any case, a common alias (`UK`) or a country name."""
    raw = " ".join(text.split())
    if not raw:
        raise AnswerError(f"enter {_REGION_HINT}")
    key = raw.upper()
    if key == "EU" or key in COUNTRIES:
        return key
    code = _BY_NAME.get(key)
    if code is not None:
        return code
    raise AnswerError(f"'{raw}' is not a region: enter {_REGION_HINT}")


def parse_regions(text: str) -> list[str]:
    """Read a list of regions separated by commas, semicolons, `and` or spaces; duplicates are dropped."""
    regions: list[str] = []
    for part in re.split(r"[,;/]|\s+and\s+|\s+&\s+", text):
        if not part.strip():
            continue
        try:
            found = [parse_region(part)]
        except AnswerError:
            words = part.split()
            if len(words) < 2:
                raise
            found = [parse_region(word) for word in words]
        regions.extend(code for code in found if code not in regions)
    if not regions:
        raise AnswerError(f"enter at least one region: {_REGION_HINT}, separated by commas")
    return regions


def describe_region(code: str) -> str:
    """A region code in words: `DE` -> `Germany (EU member)`, `EU` -> `European Union`."""
    if code == "EU":
        return "European Union"
    name = COUNTRIES.get(code, code)
    return f"{name} (EU member)" if code in EU_MEMBERS else name


def parse_choice(question: Question, text: str) -> str | bool:
    """Read a choice by its value or its label, in any case (`fine_tune`, `Fine-tuning`, `yes`)."""
    key = text.strip().lower()
    for choice in question.choices:
        if key in (str(choice.value).lower(), choice.label.lower()):
            return choice.value
    options = ", ".join(c.label for c in question.choices)
    raise AnswerError(f"choose one of: {options}")


def parse_answer(question: Question, text: str) -> Answer:
    """Read a typed answer to `question`; an empty answer to an optional question is None."""
    if not text.strip() and question.optional:
        return None
    if question.kind == "text":
        return " ".join(text.split())
    if question.kind == "number":
        return parse_whole_number(text) if question.whole else parse_number(text)
    if question.kind == "region":
        return parse_region(text)
    if question.kind == "regions":
        return parse_regions(text)
    return parse_choice(question, text)


# --- showing answers ------------------------------------------------------------------------------


def format_number(value: float) -> str:
    """A number with thousands separators: `2,000,000`; cents only where there are any."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def short_number(value: float) -> str:
    """A number in a few characters, in the notation `parse_number` reads: `2M`, `1.5k`, `750`, `1.2B`."""
    for size, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")):
        if abs(value) >= size * 0.9995:  # 999,999 is `1M`, not `1,000k`
            scaled = value / size
            text = f"{scaled:.1f}".removesuffix(".0") if scaled < 100 else f"{scaled:,.0f}"
            return text + suffix
    return format_number(round(value, 2))


def choice_label(question: Question, value: Answer) -> str:
    """The label of the choice holding `value` (the value itself if none does)."""
    for choice in question.choices:
        if choice.value == value and type(choice.value) is type(value):
            return choice.label
    return str(value)


def format_answer(question: Question, value: Answer) -> str:
    """An answer as the review page shows it."""
    if value is None or value == "":
        return question.empty or "—"
    if question.kind in ("choice", "bool"):
        return choice_label(question, value)
    if question.kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def answer_text(question: Question, value: Answer) -> str:
    """An answer as the text to put back into its input field, so that `parse_answer` reads it again."""
    if value is None:
        return ""
    if question.kind in ("choice", "bool"):
        return choice_label(question, value)
    return format_answer(question, value)


def answers_from(data: Mapping[str, object]) -> dict[str, Answer]:
    """The answers held in a mapping of profile fields (a Profile's builtins, a decision's `profile`)."""
    answers = defaults()
    for question in QUESTIONS:
        if question.id in data:
            value = data[question.id]
            if value is None or isinstance(value, str | int | float | bool):
                answers[question.id] = value
            elif isinstance(value, list):
                answers[question.id] = [str(v) for v in value]
    return answers
