"""Checks that span entries of a knowledge base: references resolve, evidence exists, required-by-kind fields are set."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from advisor.domain.inputs.problems import Problem, did_you_mean
from advisor.domain.inputs.safe_yaml import YamlDocument
from advisor.domain.knowledge.image_pricing import image_problems
from advisor.domain.knowledge.license_terms import LICENSE_TERMS
from advisor.domain.knowledge.quality import evidence_problems
from advisor.domain.knowledge.schema import License, Model


def _at(
    docs: dict[tuple[str, str], tuple[YamlDocument, list[str | int]]], key: tuple[str, str], *path: str | int
) -> tuple[str, int]:
    if key not in docs:  # entries read back from the cache: only whether a problem exists matters
        return key[1], 0
    doc, base = docs[key]
    return doc.path, doc.line_of([*base, *path])


def cross_check(
    merged: dict[str, dict[str, Any]], docs: dict[tuple[str, str], tuple[YamlDocument, list[str | int]]]
) -> list[Problem]:
    """Checks that span entries: references resolve, evidence exists, required-by-kind fields are set."""
    problems: list[Problem] = []
    licenses: dict[str, License] = merged["licenses"]
    models: dict[str, Model] = merged["models"]
    gpu_ids = set(merged.get("hardware", {}))

    def problem(key: tuple[str, str], path: Sequence[str | int], message: str) -> None:
        where, line = _at(docs, key, *path)
        problems.append(Problem(where, line, message))

    license_supersedes = {k: v.supersedes for k, v in licenses.items()}
    license_cycles = _on_cycles(license_supersedes)
    for lic in licenses.values():
        key = ("licenses", lic.id)
        clause_ids: set[str] = set()
        for i, clause in enumerate(lic.clauses):
            if clause.id in clause_ids:
                problem(key, ["clauses", i, "id"], f"duplicate clause id '{clause.id}' in license '{lic.id}'")
            clause_ids.add(clause.id)
            if not clause.quote.strip():
                problem(key, ["clauses", i, "quote"], f"clause '{clause.id}': quote is empty; quote the text")
        topics = {c.topic for c in lic.clauses}
        for term in LICENSE_TERMS:
            if term.restricts(lic) and term.topic not in topics:
                value = getattr(lic, term.field)
                problem(
                    key,
                    [term.field],
                    f"{term.field} is {value!r} but no clause with topic '{term.topic}' quotes the text it rests on",
                )
        if lic.supersedes is not None and lic.supersedes not in licenses:
            problem(
                key,
                ["supersedes"],
                f"supersedes unknown license '{lic.supersedes}'{did_you_mean(lic.supersedes, list(licenses))}",
            )
        if lic.id in license_cycles:
            cycle = _supersession_cycle(lic.id, license_supersedes)
            problem(
                key, ["supersedes"], f"supersedes goes round in a circle ({cycle}); a version cannot come after itself"
            )
        for i, change in enumerate(lic.history):
            if change.clause is not None and change.clause not in clause_ids:
                problem(key, ["history", i, "clause"], f"history names unknown clause '{change.clause}'")
        for i, clause_id in enumerate(lic.commercial_conditions):
            if clause_id not in clause_ids:
                problem(key, ["commercial_conditions", i], f"commercial_conditions names unknown clause '{clause_id}'")
        paid = lic.paid_license
        if paid is not None and paid.clause not in clause_ids:
            problem(key, ["paid_license", "clause"], f"paid_license names unknown clause '{paid.clause}'")
        if paid is not None and lic.revenue_limit_usd is None:
            problem(key, ["paid_license"], "paid_license without a revenue_limit_usd: above what does it apply?")
        if paid is not None and paid.usd_per_year is not None and paid.price_source is None:
            problem(key, ["paid_license", "price_source"], "a paid_license price needs the price_source it was read in")
        if lic.unlisted_region_limit is not None and lic.unlisted_region_limit not in clause_ids:
            problem(
                key,
                ["unlisted_region_limit"],
                f"unlisted_region_limit names unknown clause '{lic.unlisted_region_limit}'",
            )
        if lic.output_training == "allowed" and lic.output_training_scope != "any":
            problem(
                key,
                ["output_training_scope"],
                f"output_training_scope is '{lic.output_training_scope}' but output_training is 'allowed': "
                "there is no limit to scope (drop the field, or say what the text limits)",
            )
        if lic.kind == "api_terms" and lic.api_data is None:
            problem(
                key, ["kind"], "API terms need an api_data block (training on, retention and location of customer data)"
            )

    superseded = {k: v.supersedes for k, v in models.items()}
    model_cycles = _on_cycles(superseded)
    names = _ModelNames(models)
    for model in models.values():
        key = ("models", model.id)
        if model.license not in licenses:
            problem(
                key,
                ["license"],
                f"license '{model.license}' is not in the knowledge base{did_you_mean(model.license, list(licenses))}",
            )
        if model.supersedes is not None and model.supersedes not in models:
            problem(
                key,
                ["supersedes"],
                f"supersedes unknown model '{model.supersedes}'{did_you_mean(model.supersedes, list(models))}",
            )
        if model.id in model_cycles:
            cycle = _supersession_cycle(model.id, superseded)
            problem(
                key, ["supersedes"], f"supersedes goes round in a circle ({cycle}); a version cannot come after itself"
            )
        if model.price is not None and model.price.terms is not None and model.price.terms not in licenses:
            problem(
                key,
                ["price", "terms"],
                f"price.terms '{model.price.terms}' is not in the knowledge base{did_you_mean(model.price.terms, list(licenses))}",
            )
        for path, message in evidence_problems(model):
            problem(key, path, message)
        for path, message in image_problems(model, gpu_ids):
            problem(key, path, message)
        if model.weights == "open" and not model.hf_repo:
            problem(key, ["weights"], f"open-weights model '{model.id}' needs hf_repo (the Hugging Face repo id)")
        if model.weights == "closed" and not model.api_id:
            problem(key, ["weights"], f"closed model '{model.id}' needs api_id (the provider's model id)")
        if model.weights == "open" and model.self_host is None:
            problem(key, ["weights"], f"open-weights model '{model.id}' needs self_host.min_gpu_memory_gb")
        if model.deprecated and model.retires and model.deprecated > model.retires:
            problem(
                key,
                ["deprecated"],
                f"deprecated ({model.deprecated}) is the date the retirement was announced; it cannot come after retires ({model.retires})",
            )
        if model.weights == "closed" and model.price is None and model.image_price is None:
            needs = (
                "image_price (per image)" if "image_generation" in model.modalities else "a price (per million tokens)"
            )
            problem(key, ["weights"], f"closed model '{model.id}' needs {needs}: its list price")
        if model.retires and model.retires < model.released:
            problem(
                key,
                ["retires"],
                f"retires ({model.retires}) is before released ({model.released}); a model cannot stop being served before it exists",
            )
        if model.replacement is not None:
            replacement_problem = _replacement_problem(model, names)
            if replacement_problem:
                problem(key, ["replacement"], replacement_problem)
        for i, other in enumerate(model.prices):
            if not other.host.strip():
                problem(key, ["prices", i, "host"], "prices entry needs a host (who charges that price)")
    return problems


def _on_cycles(supersedes: dict[str, str | None]) -> set[str]:
    """The ids from which following `supersedes` comes back to the same id, found in one pass over all of them."""
    on_cycle: set[str] = set()
    done: set[str] = set()
    for start, following in supersedes.items():
        if following is None or start in done:
            continue
        if following in done or supersedes.get(following) is None:
            # The chain ends within a step of here (most do), or runs into ids already settled (a walk went
            # round every circle it reached, so `start`, not on one, is on none): no circle passes through it.
            done.add(start)  # and a later chain running into it stops here
            continue
        path: dict[str, int] = {}
        current: str | None = start
        while current is not None and current in supersedes and current not in done and current not in path:
            path[current] = len(path)
            current = supersedes[current]
        if current is not None and current in path:  # came back to this walk: from there on it is a circle
            on_cycle.update(list(path)[path[current] :])
        done.update(path)
    return on_cycle


def _supersession_cycle(start: str, supersedes: dict[str, str | None]) -> str:
    """`a → b → a`: the circle that following `supersedes` from `start` (one on a circle) goes round."""
    chain = [start]
    current = supersedes.get(start)
    while current is not None and current != start:
        chain.append(current)
        current = supersedes[current]
    return " → ".join([*chain, start])


class _ModelNames:
    """The model ids and API ids a replacement may be checked against, indexed once for every entry."""

    def __init__(self, models: dict[str, Model]) -> None:
        self.ids = models
        self.api_ids: dict[str, str] = {}
        for m in models.values():
            if m.api_id:
                self.api_ids.setdefault(m.api_id, m.id)
        self._near: dict[int, list[str]] = {}

    def near(self, word: str) -> list[str]:
        """The ids within two letters of `word`'s length, in id order (only these can be a misspelling of it).

        Found by one pass over the ids per length asked about: few replacements name no model, so an index of
        every id by length (a sort of them all, each cache load) costs more than it saves.
        """
        size = len(word)
        found = self._near.get(size)
        if found is None:
            found = self._near[size] = sorted(i for i in self.ids if size - 2 <= len(i) <= size + 2)
        return found


def _replacement_problem(model: Model, names: _ModelNames) -> str | None:
    """Why `model.replacement` names no model, or None when it does.

    A replacement is a knowledge-base id where the knowledge base has the model, else the vendor's API id:
    one naming the model itself, the API id of an entry (instead of its id) or a near-miss of an id is wrong.
    """
    named = model.replacement
    if named is None:
        return None
    if named in (model.id, model.api_id):
        return f"replacement '{named}' is the model itself"
    if named in names.ids:
        return None
    entry = names.api_ids.get(named)
    if entry is not None:
        return f"replacement '{named}' is the API id of '{entry}'; name the knowledge-base id"
    typo = next((m for m in names.near(named) if _misspells(named, m)), None)
    if typo is not None:
        return f"replacement '{named}' is not in the knowledge base (did you mean '{typo}'?)"
    return None


def _misspells(word: str, known: str) -> bool:
    """`word` is `known` with a letter wrong, added or missing (version numbers differing is not a typo)."""
    if abs(len(word) - len(known)) > 2:  # a letter or two apart at most: skip the matcher (10,000 ids)
        return False
    matcher = difflib.SequenceMatcher(None, word, known)
    if matcher.real_quick_ratio() < 0.9 or matcher.quick_ratio() < 0.9 or matcher.ratio() < 0.9:
        return False
    changed = "".join(word[i1:i2] + known[j1:j2] for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
    return any(ch.isalpha() for ch in changed)
