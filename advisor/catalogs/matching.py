"""Mapping catalog entries to knowledge-base models: by API id on the vendor's own API, then other hosts, then Hugging Face repo.

A catalog key that could be two models, or a model with two disagreeing vendor entries, is reported as
ambiguous and used for neither: a person decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from advisor.catalogs.offers import OWN_API, VENDOR_OF_PROVIDER, Offer
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.schema import Model

SNAPSHOT = re.compile(r"-(\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|latest|preview)$")
"""A dated snapshot or alias of a model id (`gpt-4o-2024-08-06`, `claude-opus-4-5-20251101`, `…-latest`)."""
QUANTIZED = re.compile(r"-(fp8|fp16|bf16|int8|int4|awq|gguf)$")
"""A precision variant of the same weights (`Llama-4-Scout-17B-16E-Instruct-FP8` on Meta's API)."""


@dataclass
class Match:
    """What the catalogs say about one knowledge-base model."""

    model: Model
    vendor: list[Offer] = field(default_factory=list)
    """Entries on the vendor's own API under its API id."""
    hosts: list[Offer] = field(default_factory=list)
    """Entries on other hosts (Azure, Vertex AI, OpenRouter ...) and Hugging Face model info."""


@dataclass(frozen=True)
class Ambiguity:
    """A catalog entry the refresh could not pin to one model, and why."""

    key: str
    catalog: str
    candidates: tuple[str, ...]
    why: str


@dataclass
class Matches:
    """Every catalog entry, sorted: matched to a model, ambiguous, or unknown to the knowledge base."""

    by_model: dict[str, Match]
    ambiguous: list[Ambiguity]
    unknown: list[Offer]
    """Entries that match no model and are no snapshot of one: candidates for `catalog/`."""


def _index(models: Iterable[Model], key: str) -> dict[str, list[Model]]:
    index: dict[str, list[Model]] = {}
    for m in models:
        value = getattr(m, key)
        if value:
            index.setdefault(value.lower(), []).append(m)
    return index


def match(kb: KnowledgeBase, offers: Iterable[Offer]) -> Matches:
    """Sort every offer; vendor-API entries that disagree with each other for one model become ambiguities."""
    by_api = _index(kb.models.values(), "api_id")
    by_repo = _index(kb.models.values(), "hf_repo")
    by_weights: dict[str, list[Model]] = {}  # a vendor's API serving its own open weights by their repo name
    for repo_id, repo_models in by_repo.items():
        by_weights.setdefault(repo_id.split("/", 1)[1], []).extend(repo_models)
    known_ids = set(by_api) | set(by_repo)
    matches = {m.id: Match(m) for m in kb.models.values()}
    ambiguous: list[Ambiguity] = []
    unknown: list[Offer] = []
    for offer in offers:
        name = offer.model.lower()
        own = [
            m
            for m in by_api.get(name) or by_weights.get(QUANTIZED.sub("", name), [])
            if offer.provider in OWN_API.get(m.vendor, ())
        ]
        repo = by_repo.get((offer.hf_repo or name).lower(), [])
        hosted = by_api.get(name.rsplit("/", 1)[-1], []) if not own and not repo else []
        found = own or repo or hosted
        if len(found) > 1:
            ambiguous.append(
                Ambiguity(offer.key, offer.catalog, tuple(m.id for m in found), "the id names more than one model")
            )
        elif found:
            target = matches[found[0].id]
            (target.vendor if own else target.hosts).append(offer)
        elif not _snapshot_of_known(name, known_ids):
            unknown.append(offer)
    for m in matches.values():
        ambiguous.extend(_disagreeing(m))
    return Matches(by_model=matches, ambiguous=ambiguous, unknown=unknown)


def _snapshot_of_known(name: str, known: set[str]) -> bool:
    base = SNAPSHOT.sub("", name.rsplit("/", 1)[-1])
    return base in known or any(k.startswith(f"{base}-") or SNAPSHOT.sub("", k) == base for k in known if "/" not in k)


def _disagreeing(m: Match) -> list[Ambiguity]:
    """Entries of one catalog on the vendor's API for one model whose dates or prices differ: none of them is used."""
    found: list[Ambiguity] = []
    for catalog in sorted({o.catalog for o in m.vendor}):
        own = [o for o in m.vendor if o.catalog == catalog]
        if len({(o.retires, o.input_usd_per_mtok, o.output_usd_per_mtok) for o in own}) > 1:
            m.vendor[:] = [o for o in m.vendor if o.catalog != catalog]
            keys = ", ".join(sorted(o.key for o in own))
            found.append(Ambiguity(keys, catalog, (m.model.id,), "its entries on the vendor's API disagree"))
    return found


def vendor_of(offer: Offer, kb: KnowledgeBase, orgs: dict[str, str]) -> str | None:
    """The knowledge-base vendor a new entry belongs to: its own API's, or the Hugging Face org's (None: not covered)."""
    if offer.hf_repo:
        return orgs.get(offer.hf_repo.split("/", 1)[0].lower())
    vendor = VENDOR_OF_PROVIDER.get(offer.provider)
    return vendor if vendor in {m.vendor for m in kb.models.values()} else None


def hf_orgs(kb: KnowledgeBase) -> dict[str, str]:
    """Hugging Face org -> the vendor whose open families the knowledge base covers there (`meta-llama` -> `meta`)."""
    return {m.hf_repo.split("/", 1)[0].lower(): m.vendor for m in kb.models.values() if m.hf_repo}
