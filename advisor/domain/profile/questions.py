"""The wizard's question catalogue, as data: the only place the labels of the answers live.

One `Question` per field of `Profile` (its `id` is the field name): the prompt, why it matters
(naming the licenses and terms it affects), the kind of answer, the choices and the default.
`STEPS` groups the questions into the screens of the wizard. The wizard, the reports and the
what-if bar all word an answer from here. Pure data: no terminal, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping

from advisor.domain.profile.form import Answer, Choice, Question, Step

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
        id="domain",
        short="Product domain",
        prompt="What field does the product work in?",
        help=(
            "Usage policies draw lines by field: the Llama acceptable-use policies forbid the unlicensed practice "
            "of law, medicine and finance; Gemma's Prohibited Use Policy and Google's generative-AI policy bar "
            "automated decisions in employment, credit, insurance, housing, health and legal matters without "
            "human review; OpenAI and Anthropic add requirements for health and other high-risk uses."
        ),
        kind="choice",
        default="general",
        choices=(
            Choice("general", "General", "no regulated field"),
            Choice("health", "Health", "medical or wellbeing advice, clinical work"),
            Choice("legal", "Legal", "legal advice, contracts, filings"),
            Choice("finance", "Finance", "credit, lending, investment advice"),
            Choice("employment", "Employment", "hiring, evaluating or managing workers"),
            Choice("insurance", "Insurance", "underwriting, claims"),
            Choice("housing", "Housing", "renting, tenant screening"),
            Choice("education", "Education", "admissions, grading, tutoring"),
            Choice("government", "Government", "public services, benefits, law enforcement"),
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
        narrow="Users in 24 months",
    ),
    Question(
        id="users_over_700m_since",
        short="Above 700M users since",
        prompt="Since when have you had more than 700 million monthly users?",
        help=(
            "Llama's licenses take the count on each version's release date: versions released before you passed "
            "700M monthly users stay licensed; versions released after need Meta's separate license. Leave it "
            "empty if you do not know, and the report says which versions are at stake."
        ),
        kind="date",
        default=None,
        optional=True,
        example="2025-03-01",
        empty="not known",
        asked_if=("monthly_active_users", ">", 700_000_000),
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
        id="replicas",
        short="Replicas",
        prompt="How many copies of the model should run at each site?",
        help=(
            "A production service on one GPU server loses every user when that server restarts, so the cost of "
            "self-hosting counts two replicas for a SaaS product or a customer's premises, and one for an internal "
            "tool. Leave it empty for that default."
        ),
        kind="number",
        default=None,
        optional=True,
        unit="replicas",
        example="2",
        empty="two for a product, one for an internal tool",
        asked_if=("deployment", "==", "on_prem"),
    ),
    Question(
        id="on_prem_hardware_paid_by",
        short="On-prem hardware paid by",
        prompt="Who pays for the GPUs on the customer's premises?",
        help=(
            "Hardware on a hospital's or bank's premises is bought or leased per site. If the customer pays, it is "
            "their cost and stays out of your budget; if you do, it is yours, spread over the hardware's life."
        ),
        kind="choice",
        default="customer",
        choices=(
            Choice("customer", "The customer", "hardware is part of their deployment"),
            Choice("us", "We do", "we supply the hardware with the product"),
        ),
        asked_if=("deployment", "==", "on_prem"),
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
        id="fine_tune_dataset_tokens",
        short="Fine-tuning data",
        prompt="How large is the fine-tuning data set, in tokens?",
        help=(
            "Training cost grows with the data set (tokens × epochs): on a vendor's fine-tuning API at its training "
            "price, or on rented GPUs. Moving to a newer base model means paying it again."
        ),
        kind="number",
        default=50_000_000,
        unit="tokens",
        example="50M",
        asked_if=("customization", "==", "fine_tune"),
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
        narrow="Budget US$/month",
    ),
    Question(
        id="monthly_images",
        short="Images per month",
        prompt="How many images a month, all users together?",
        help=(
            "Image APIs charge per image and a self-hosted image model needs enough GPUs for your peak, so the "
            "volume decides between them."
        ),
        kind="number",
        default=0,
        unit="images / month",
        example="100k",
        asked_if=("use_case", "==", "image_generation"),
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
        id="context_tokens",
        short="Context per request",
        prompt="How long is a typical request, prompt and documents together, in tokens?",
        help=(
            "Long documents need a model with a long context window, and on your own GPUs every request's context "
            "takes memory (the KV cache): contract review at 50k tokens needs far more than chat at 2k."
        ),
        kind="number",
        default=8_000,
        unit="tokens",
        example="8k",
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
    Step("Use case", ("use_case", "domain")),
    Step("Business", ("commercial", "annual_revenue_usd")),
    Step("Users", ("monthly_active_users", "monthly_active_users_24m", "users_over_700m_since")),
    Step("Where", ("established_in", "user_regions")),
    Step("Deployment", ("deployment", "replicas", "on_prem_hardware_paid_by")),
    Step("Data", ("data_sensitivity", "self_host_required")),
    Step("Customization", ("customization", "keep_derivatives_private", "fine_tune_dataset_tokens")),
    Step("Weights and outputs", ("distribute_weights", "train_on_outputs")),
    Step("Volume and budget", ("monthly_tokens", "budget_usd_per_month", "monthly_images")),
    Step("Quality", ("quality", "context_tokens")),
    Step("Team and risk", ("ml_team", "risk_tolerance")),
)
"""The wizard's screens, in order; every question appears in exactly one."""


def is_asked(question: Question, answers: Mapping[str, Answer]) -> bool:
    """Whether the wizard asks `question`, given the answers so far (most questions: always)."""
    if question.asked_if is None:
        return True
    other, op, wanted = question.asked_if
    value = answers.get(other)
    if op == "==":
        return value == wanted
    if isinstance(value, bool) or not isinstance(value, int | float) or not isinstance(wanted, int | float):
        return False
    return value > wanted


def step_of(question_id: str) -> int:
    """The index of the step that asks `question_id`."""
    for index, step in enumerate(STEPS):
        if question_id in step.ids:
            return index
    raise KeyError(question_id)


def defaults() -> dict[str, Answer]:
    """The answers a new profile starts with, by field name (copies, so callers may change them)."""
    return {q.id: list(q.default) if isinstance(q.default, list) else q.default for q in QUESTIONS}
