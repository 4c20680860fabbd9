"""The wizard's questions about the business: who you are, what the product does, its users and where they are."""

from __future__ import annotations

from advisor.domain.profile.form import Choice, Question

YES_NO = (Choice(True, "Yes"), Choice(False, "No"))

BUSINESS: tuple[Question, ...] = (
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
)
