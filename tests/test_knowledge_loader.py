"""The loader refuses every kind of broken knowledge file with the exact file, line and message."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import pytest
import yaml

from advisor.domain.inputs.files import MAX_FILE_BYTES
from advisor.domain.inputs.problems import InputError
from advisor.domain.knowledge.loader import load

from .conftest import FIXTURES

BAD = FIXTURES / "bad"


def problems_of(case: str) -> list[str]:
    with pytest.raises(InputError) as info:
        load([BAD / case], bundled=False)
    root = str(BAD / case)
    return [str(p).replace(os.path.relpath(root), "<kb>").replace(root, "<kb>") for p in info.value.problems]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            "syntax",
            "<kb>/licenses/broken.yaml:3: not valid YAML: while parsing a flow sequence (started on line 2), "
            "did not find expected ',' or ']'",
        ),
        (
            "wrong_type",
            "<kb>/models/fixture.yaml:9: params_b: expected a number or nothing (null), got a string ('eight')",
        ),
        ("unknown_key", "<kb>/models/fixture.yaml:14: unknown key 'contxt_tokens' (did you mean 'context_tokens'?)"),
        ("missing_field", "<kb>/models/fixture.yaml:1: missing required key 'name'"),
        ("unknown_license", "<kb>/models/fixture.yaml:8: license 'llama9' is not in the knowledge base"),
        (
            "duplicate_id",
            "<kb>/models/fixture.yaml:17: duplicate id 'fixture-model' (first defined at <kb>/models/fixture.yaml:1)",
        ),
        (
            "duplicate_key",
            "<kb>/models/fixture.yaml:4: duplicate key 'vendor' (first given on line 3); each key may appear once",
        ),
        (
            "bad_enum",
            "<kb>/models/fixture.yaml:13: quality: 'superb' is not allowed; expected one of frontier, high, standard",
        ),
        (
            "alias_bomb",
            "<kb>/licenses/bomb.yaml:1: aliases expand to more than 200,000 nodes; "
            "refusing to expand it (a 'billion laughs' file?)",
        ),
        (
            "python_tag",
            "<kb>/licenses/evil.yaml:2: tag !!python/object/apply:os.system is not allowed: "
            "only plain YAML (strings, numbers, lists, mappings, dates) is read",
        ),
        ("non_utf8", "<kb>/licenses/latin.yaml:2: not valid UTF-8 (byte 0xe9 at column 16); save the file as UTF-8"),
        (
            "missing_evidence",
            "<kb>/licenses/fixture-license.yaml:7: mau_limit is 100000000 but no clause with topic 'mau_limit' "
            "quotes the text it rests on",
        ),
    ],
)
def test_each_broken_file_is_reported_at_its_line(case: str, expected: str) -> None:
    assert problems_of(case) == [expected]


def test_alias_bomb_is_refused_quickly() -> None:
    started = time.perf_counter()
    problems_of("alias_bomb")
    # Expanded, the file would have 9**9 (387 million) strings; refusing it must not expand it.
    assert time.perf_counter() - started < 5


def test_oversize_file_is_refused_without_parsing(tmp_path: Path) -> None:
    (tmp_path / "licenses").mkdir()
    big = tmp_path / "licenses" / "huge.yaml"
    big.write_bytes(b"# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    with pytest.raises(InputError) as info:
        load([tmp_path], bundled=False)
    [problem] = info.value.problems
    assert problem.message == "file is 10.0 MiB; files over 10 MiB are refused"


def test_every_problem_of_a_directory_is_reported_together(tmp_path: Path) -> None:
    for case in ("syntax", "non_utf8", "python_tag"):
        for file in (BAD / case).rglob("*.yaml"):
            target = tmp_path / file.relative_to(BAD / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())
    with pytest.raises(InputError) as info:
        load([tmp_path], bundled=False)
    assert [Path(p.path).name for p in info.value.problems] == ["broken.yaml", "evil.yaml", "latin.yaml"]


def test_a_later_layer_replaces_an_entry_with_the_same_id(tmp_path: Path) -> None:
    bundled = load()
    some = next(iter(bundled.licenses.values()))
    (tmp_path / "licenses").mkdir()
    entry = msgspec.to_builtins(some) | {"name": "Our negotiated terms"}
    (tmp_path / "licenses" / "override.yaml").write_text(yaml.safe_dump(entry), encoding="utf-8")
    layered = load([tmp_path])
    assert layered.licenses[some.id].name == "Our negotiated terms"
    assert len(layered.licenses) == len(bundled.licenses)
    assert layered.fingerprint != bundled.fingerprint


def test_importing_the_domain_pulls_in_neither_textual_nor_rich() -> None:
    code = (
        "import importlib, pkgutil, sys, advisor.domain as d\n"
        "for m in pkgutil.walk_packages(d.__path__, 'advisor.domain.'): importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_a_repeat_load_comes_from_the_cache_and_equals_a_fresh_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path))
    fresh = load()
    [cached_file] = list(tmp_path.glob("knowledge-*.msgpack"))
    again = load()
    assert again.models == fresh.models and again.licenses == fresh.licenses and again.gpus == fresh.gpus
    assert again.fingerprint == fresh.fingerprint
    assert again.origins == {}, "entries came from the cache, not from parsing"
    assert cached_file.exists()


def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path))
    fresh = load()
    [cached_file] = list(tmp_path.glob("knowledge-*.msgpack"))
    cached_file.write_bytes(b"\x93garbage")
    rebuilt = load()
    assert rebuilt.models == fresh.models
    assert rebuilt.origins, "parsed again"
    assert load().origins == {}, "and cached again"


def test_changed_knowledge_never_reads_a_stale_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path / "cache"))
    small = FIXTURES / "kb_small"
    layer = tmp_path / "kb"
    for file in small.rglob("*.yaml"):
        target = layer / file.relative_to(small)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.read_bytes())
    before = load([layer], bundled=False)
    models = layer / "models" / "acme.yaml"
    models.write_text(models.read_text(encoding="utf-8").replace("name: Acme 8B", "name: Acme 8B v2"), encoding="utf-8")
    after = load([layer], bundled=False)
    assert after.models["acme-8b"].name == "Acme 8B v2"
    assert after.fingerprint != before.fingerprint


def _kb_with_model(tmp_path: Path, **fields: object) -> list[str]:
    """The problems of a knowledge base holding the fixture license and one closed model with `fields` changed."""
    (tmp_path / "licenses").mkdir()
    (tmp_path / "models").mkdir()
    license_file = BAD / "unknown_license" / "licenses" / "fixture-license.yaml"
    (tmp_path / "licenses" / "fixture-license.yaml").write_bytes(license_file.read_bytes())
    base = {
        "name": "Fixture",
        "vendor": "fixture",
        "family": "fixture-1",
        "released": "2025-01-01",
        "weights": "closed",
        "license": "fixture-license",
        "modalities": ["text"],
        "use_cases": ["chat"],
        "context_tokens": 8192,
        "quality": "standard",
        "price": {
            "input_usd_per_mtok": 1.0,
            "output_usd_per_mtok": 2.0,
            "source": "https://example.com/p",
            "as_of": "2026-11-22",
        },
        "sources": ["https://example.com/model"],
        "verified": "2026-11-22",
    }
    entries = [
        base | {"id": "fixture-new", "api_id": "fixture-new-2026"},
        base | {"id": "fixture-old", "api_id": "fixture-old-2025"} | fields,
    ]
    (tmp_path / "models" / "fixture.yaml").write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    try:
        load([tmp_path], bundled=False)
    except InputError as error:
        return [p.message for p in error.problems]
    return []


def test_a_retirement_before_the_release_is_refused(tmp_path: Path) -> None:
    assert _kb_with_model(tmp_path, retires="2024-06-30") == [
        "retires (2024-06-30) is before released (2025-01-01); a model cannot stop being served before it exists"
    ]


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        ("fixture-new", None),
        ("fixture-next-2027", None),  # a vendor API id the knowledge base does not have yet
        ("fixture-old", "replacement 'fixture-old' is the model itself"),
        (
            "fixture-new-2026",
            "replacement 'fixture-new-2026' is the API id of 'fixture-new'; name the knowledge-base id",
        ),
        ("fixture-mew", "replacement 'fixture-mew' is not in the knowledge base (did you mean 'fixture-new'?)"),
    ],
)
def test_a_replacement_must_name_a_model(tmp_path: Path, replacement: str, expected: str | None) -> None:
    assert _kb_with_model(tmp_path, replacement=replacement) == ([expected] if expected else [])


def test_a_prices_entry_needs_a_host_and_a_source(tmp_path: Path) -> None:
    other = {"input_usd_per_mtok": 1.0, "output_usd_per_mtok": 2.0, "as_of": "2026-11-22"}
    problems = _kb_with_model(
        tmp_path,
        prices=[
            other | {"host": " ", "source": "https://example.com/q"},
            other | {"host": "azure", "source": "simonw/llm-prices"},
        ],
    )
    assert problems == [
        "prices entry needs a host (who charges that price)",
        "prices[1].source: 'simonw/llm-prices' is not a URL; expected http:// or https:// with no spaces or control characters",
    ]
    (tmp_path / "missing").mkdir()
    [missing] = _kb_with_model(tmp_path / "missing", prices=[other | {"host": "azure"}])
    assert "source" in missing
