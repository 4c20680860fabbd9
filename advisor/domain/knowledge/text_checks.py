"""What the text of a knowledge file may hold: no control characters, and links that are plain http(s) URLs.

Checked on the parsed YAML, before the schema, so each problem names the file and line. Every id
and URL is one line; other text may hold newlines and tabs. A URL is what a report links and a
terminal shows: `javascript:` or a newline in one would turn a link into something else.
"""

from __future__ import annotations

import re

from advisor.domain.inputs.controls import controls_found, label, strings
from advisor.domain.inputs.problems import Problem
from advisor.domain.inputs.safe_yaml import YamlDocument

URL = re.compile(r"https?://[^\s\x00-\x1f\x7f-\x9f]+", re.ASCII)
"""An http or https URL, with no whitespace or control character anywhere in it."""
ONE_LINE = ("id", "license", "supersedes", "replacement", "vendor", "family", "hf_repo", "api_id", "host", "terms")
"""Keys whose values are ids or names of one line."""


def _is_url_key(path: tuple[str | int, ...]) -> bool:
    last = path[-1] if path else None
    if isinstance(last, int):
        return len(path) > 1 and path[-2] == "sources"
    return isinstance(last, str) and (last in ("url", "source") or last.endswith(("_url", "_source")))


def text_problems(doc: YamlDocument) -> list[Problem]:
    """Control characters anywhere, and URL fields that are not http(s) URLs, in one knowledge file."""
    problems = [Problem(doc.path, doc.line_of(path), message) for path, message in controls_found(doc.data, ONE_LINE)]
    for path, value, is_key in strings(doc.data):
        if not is_key and _is_url_key(path) and not URL.fullmatch(value):
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(list(path)),
                    f"{label(path)}: {value[:80]!r} is not a URL; expected http:// or https:// "
                    "with no spaces or control characters",
                )
            )
    return problems
