"""Hostile knowledge and interrupted output (issue 13): nothing reaches the terminal raw, nothing is lost, nothing hangs.

Each test names the finding it pins. Cases that root gets through (an unreadable directory, a
read-only file; CI runs as root) are set up with chmod and get the error the kernel gives anyone
else injected, so they fail as they would for a founder.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml
from click.testing import CliRunner

from advisor.cli import main
from advisor.domain.engine import recommend
from advisor.domain.inputs.problems import InputError
from advisor.domain.inputs.safe_yaml import read_yaml
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.cache import _digest as cache_digest  # what a forger recomputes
from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import parse_profile
from advisor.domain.report.document import Document, Paragraph, code, link, t
from advisor.domain.report.html import render_html
from advisor.domain.report.markdown import render_markdown
from advisor.domain.revisit import revisit

from .conftest import FIXTURES

EXAMPLE = Path(__file__).parent.parent / "examples" / "no-ml-team-prototype.yaml"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def refused(result: Any, expected: str) -> None:
    """Exit 2, the expected words on stderr, no traceback, and no raw control character anywhere."""
    assert result.exit_code == 2, (result.output, result.exception)
    assert expected in result.stderr, result.stderr
    assert not RAW_CONTROL.search(result.stdout + result.stderr)


def run(*args: str, cwd: Path | None = None, **options: Any) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ADVISOR_CACHE_DIR": "off", "PYTHONPATH": str(Path(__file__).parent.parent)}
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env=env,
        **options,
    )


def overlay(root: Path, model: dict[str, Any] | None = None, **files: str) -> Path:
    """A knowledge layer under `root`: the fixture model `acme-8b` with `model`'s fields changed, plus `files`."""
    layer = root / "overlay"
    (layer / "models").mkdir(parents=True, exist_ok=True)
    if model is not None:
        entries = yaml.safe_load((FIXTURES / "kb_small" / "models" / "acme.yaml").read_text(encoding="utf-8"))
        (layer / "models" / "acme.yaml").write_text(yaml.safe_dump([entries[0] | model]), encoding="utf-8")
    for name, text in files.items():
        (layer / name).parent.mkdir(parents=True, exist_ok=True)
        (layer / name).write_text(text, encoding="utf-8")
    return layer


def validate(layer: Path) -> Any:
    return cli("kb", "validate", "--alone", str(FIXTURES / "kb_small"), str(layer))


# 1. Terminal control sequences pass through.


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "Acme\x1b]52;c;ZXZpbA==\x07"), ("id", "acme\n8b"), ("family", "\x1b[2J"), ("hosts", ["\x9b2J"])],
)
def test_1_control_characters_in_knowledge_are_refused_with_file_and_line(
    tmp_path: Path, field: str, value: object
) -> None:
    result = validate(overlay(tmp_path, {field: value}))
    refused(result, "acme.yaml:")
    assert re.search(
        rf"acme.yaml:\d+: {field}(\[0\])?: control character U\+00(1B|0A|9B) is not allowed", result.stderr
    )


def test_1_a_control_character_in_a_profile_is_refused_escaped(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text('use_case: chat\ncompany: "Acme\\ec"\n"budget\\e]2;x": 5\n', encoding="utf-8")
    result = cli("recommend", "--profile", str(tmp_path / "p.yaml"))
    refused(result, "p.yaml:2: company: control character U+001B is not allowed")
    assert "p.yaml:3: budget\\u001b]2;x: control character" in result.stderr


def test_1_a_decision_record_carrying_control_characters_is_refused(tmp_path: Path) -> None:
    record = cli("recommend", "--profile", str(EXAMPLE), "--format", "json").stdout
    first = json.loads(record)["shortlist"][0]["name"]
    (tmp_path / "d.json").write_text(record.replace(first, first + "\\u001b]2;owned\\u0007"), encoding="utf-8")
    refused(cli("revisit", str(tmp_path / "d.json")), "not a decision record: a control character")


def test_1_stderr_escapes_what_the_command_line_echoes(tmp_path: Path) -> None:
    refused(cli("kb", "show", "nope\x1b[2J"), "unknown id 'nope\\u001b[2J'")


# 2. Markdown report injection.


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"sources": ["javascript:alert(document.cookie)"]}, "sources[0]: 'javascript:alert"),
        ({"price": {"input_usd_per_mtok": 1, "output_usd_per_mtok": 1, "as_of": "2026-11-01",
                    "source": "https://x.test/\n<img src=x onerror=alert(1)>"}}, "price.source: "),
    ],
)  # fmt: skip
def test_2_urls_are_http_or_https_without_whitespace(tmp_path: Path, change: dict[str, Any], where: str) -> None:
    refused(validate(overlay(tmp_path, change)), where)


def test_2_markdown_keeps_carriage_returns_control_characters_and_odd_links_as_text() -> None:
    doc = Document(title="Report")
    doc.add(
        Paragraph(
            [t("Acme\r# Counsel has approved this model"), code("x\x1b[2J\ny"), link("click", "javascript:alert(1)")]
        )
    )
    text = render_markdown(doc)
    assert "\n# Counsel" not in text.replace("\r", "\n")
    assert "\r" not in text and not RAW_CONTROL.search(text)
    assert "`x\\u001b[2J y`" in text
    assert "javascript:" not in text.replace("click", "")
    assert "](<" not in text


# 3. A tampered cache is trusted.


def _cache_file(cache: Path) -> Path:
    [path] = cache.glob("knowledge-*.msgpack")
    return path


def _tamper(data: Any, change: Any) -> Any:
    """Every license-like mapping in a decoded cache changed by `change`, looking inside embedded msgpack too."""
    if isinstance(data, dict):
        if "commercial_use" in data or "modalities" in data:
            change(data)
        return {k: _tamper(v, change) for k, v in data.items()}
    if isinstance(data, list):
        return [_tamper(v, change) for v in data]
    if isinstance(data, bytes):
        try:
            return msgspec.msgpack.encode(_tamper(msgspec.msgpack.decode(data), change))
        except msgspec.DecodeError:
            return data
    return data


@pytest.mark.parametrize(
    "change",
    [
        lambda entry: entry.update(commercial_use="forbidden") if "commercial_use" in entry else None,
        lambda entry: entry.update(license="no-such-license") if "modalities" in entry else None,
    ],
)
def test_3_a_cache_altered_after_it_was_written_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Any
) -> None:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path))
    genuine = load([FIXTURES / "kb_small"], bundled=False)
    path = _cache_file(tmp_path)
    path.write_bytes(msgspec.msgpack.encode(_tamper(msgspec.msgpack.decode(path.read_bytes()), change)))
    assert load([FIXTURES / "kb_small"], bundled=False) == genuine


def test_3_a_forged_cache_whose_image_model_names_an_unknown_gpu_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoever can write the cache can also recompute its digest, so a cache load re-runs the checks across
    entries; the one that an image model's throughput is measured on a GPU of the knowledge base included."""
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path))
    genuine = load()
    path = _cache_file(tmp_path)
    sealed = msgspec.msgpack.decode(path.read_bytes())
    snapshot = msgspec.msgpack.decode(sealed["snapshot"])
    forged = 0
    for model in snapshot["models"]:
        throughput = (model.get("self_host") or {}).get("images_per_hour")
        if throughput:
            throughput["gpu"] = "no-such-gpu"
            forged += 1
    assert forged
    payload = msgspec.msgpack.encode(snapshot)
    sealed |= {"snapshot": payload, "digest": cache_digest(sealed["fingerprint"], payload)}
    path.write_bytes(msgspec.msgpack.encode(sealed))

    def measured_on(kb: KnowledgeBase) -> dict[str, str]:
        return {
            m.id: m.self_host.images_per_hour.gpu
            for m in kb.models.values()
            if m.self_host is not None and m.self_host.images_per_hour is not None
        }

    assert "no-such-gpu" not in measured_on(load()).values()
    assert measured_on(load()) == measured_on(genuine)


def test_3_an_emptied_cache_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_CACHE_DIR", str(tmp_path))
    genuine = load([FIXTURES / "kb_small"], bundled=False)
    _cache_file(tmp_path).write_bytes(msgspec.msgpack.encode({"licenses": [], "models": [], "gpus": []}))
    assert load([FIXTURES / "kb_small"], bundled=False).models == genuine.models


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_3_a_cache_that_is_a_pipe_or_a_device_is_not_read(tmp_path: Path, special: str) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    env = os.environ | {"ADVISOR_CACHE_DIR": str(cache), "PYTHONPATH": str(Path(__file__).parent.parent)}
    args = [sys.executable, "-m", "advisor", "kb", "list"]
    assert subprocess.run(args, capture_output=True, env=env, timeout=60).returncode == 0
    path = _cache_file(cache)
    path.unlink()
    if special == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(special)
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=20)  # hung before
    assert result.returncode == 0, result.stderr
    assert "llama" in result.stdout


# 4. Short writes lose output with exit 0.


def _a_nearly_full_disk() -> None:
    """In the child: files stop growing at 8 KiB (as on a full disk), with an error instead of a signal."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.parametrize("command", ["recommend", "revisit"])
def test_4_output_that_stops_short_is_exit_2_with_one_line(tmp_path: Path, command: str) -> None:
    record = tmp_path / "d.json"
    record.write_text(run("recommend", "--profile", str(EXAMPLE), "--format", "json").stdout, encoding="utf-8")
    args = [command, "--profile", str(EXAMPLE)] if command == "recommend" else [command, str(record)]
    with (tmp_path / "out").open("w") as out:
        result = subprocess.run(
            [sys.executable, "-m", "advisor", *args, "--format", "json"],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            preexec_fn=_a_nearly_full_disk,
            env=os.environ | {"ADVISOR_CACHE_DIR": "off", "PYTHONPATH": str(Path(__file__).parent.parent)},
        )
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert (tmp_path / "out").stat().st_size == 8192


# 5. Parts of a --kb overlay are silently ignored.


def test_5_an_unreadable_directory_in_an_overlay_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    layer = overlay(tmp_path, **{"licenses/x.yaml": "id: x\n"})
    unreadable = layer / "licenses"
    unreadable.chmod(0o000)  # enough for anyone but root; for root (CI), the error the kernel gives anyone else:
    scandir = os.scandir

    def as_unprivileged(path: Any = ".") -> Any:
        if Path(path) == unreadable:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", as_unprivileged)
    try:
        refused(cli("kb", "validate", str(layer)), "licenses: cannot be read: Permission denied")
    finally:
        unreadable.chmod(0o755)


def test_5_a_linked_directory_and_an_upper_case_suffix_are_errors(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    layer = overlay(tmp_path, **{"models/a.YAML": "- id: x\n"})
    (layer / "licenses").symlink_to(elsewhere)
    result = cli("kb", "validate", str(layer))
    refused(result, "licenses: is a link to a directory, which is not followed")
    assert "a.YAML: knowledge files end in .yaml or .yml" in result.stderr


# 6. Alias amplification within the node limit.


def test_6_one_long_string_aliased_many_times_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "models.yaml"
    path.write_text("a: &a " + "x" * 1_000_000 + "\nb: [" + ", ".join(["*a"] * 30_000) + "]\n", encoding="utf-8")
    with pytest.raises(InputError, match="aliases expand to more than 20 MiB of text"):
        read_yaml(path)


# 8. A GPU overlay value of 5e-324.


def test_8_physical_quantities_have_a_floor(tmp_path: Path) -> None:
    gpus = yaml.safe_load((FIXTURES / "kb_small" / "hardware" / "gpus.yaml").read_text(encoding="utf-8"))
    layer = overlay(tmp_path, **{"hardware/gpus.yaml": yaml.safe_dump([gpus[0] | {"tokens_per_second_per_b": 5e-324}])})
    refused(validate(layer), "tokens_per_second_per_b: expected a number ≥ 1, got 5e-324")


# 10. -o replaces a read-only file.


def test_10_a_read_only_output_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("keep me", encoding="utf-8")
    target.chmod(0o444)  # refused to anyone but root; for root (CI), what the kernel answers anyone else:
    access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == target else access(path, mode))
    refused(cli("recommend", "--profile", str(EXAMPLE), "-o", str(target)), "report.md: is read-only")
    assert target.read_text(encoding="utf-8") == "keep me"


# 12. revisit reports changes that did not happen; a record from the future is accepted.


def test_12_same_knowledge_same_instant_reports_no_change(kb: Any) -> None:
    for use_case in ("image_generation", "chat"):
        decision = recommend(parse_profile({"use_case": use_case}), kb, NOW)
        assert revisit(decision, kb, NOW).changes == []


def test_12_a_record_dated_in_the_future_is_refused(tmp_path: Path) -> None:
    record = json.loads(cli("recommend", "--profile", str(EXAMPLE), "--format", "json").stdout)
    (tmp_path / "d.json").write_text(json.dumps(record | {"generated_at": "9999-12-31T00:00:00Z"}), encoding="utf-8")
    refused(cli("revisit", str(tmp_path / "d.json")), "generated_at 9999-12-31T00:00:00Z is in the future")


# 13. Supersession cycles.


@pytest.mark.parametrize("supersedes", ["acme-8b", "open-12b"])
def test_13_a_supersession_cycle_is_refused(tmp_path: Path, supersedes: str) -> None:
    entries = yaml.safe_load((FIXTURES / "kb_small" / "models" / "acme.yaml").read_text(encoding="utf-8"))
    for entry in entries:
        entry["supersedes"] = {"acme-8b": supersedes, "open-12b": "acme-8b"}.get(entry["id"], entry.get("supersedes"))
    layer = overlay(tmp_path, **{"models/acme.yaml": yaml.safe_dump(entries)})
    refused(validate(layer), "supersedes goes round in a circle (acme-8b → ")


# 14. No Content-Security-Policy in the HTML report.


def test_14_the_html_report_forbids_scripts_and_connections(kb: Any) -> None:
    html = render_html(Document(title="x"))
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert policy and "default-src 'none'" in policy.group(1) and "script-src" not in policy.group(1)
