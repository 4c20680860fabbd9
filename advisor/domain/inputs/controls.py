"""Control characters: found in what users hand us, and shown escaped wherever text meets a terminal.

A C0 or C1 control character (other than newline and tab) in a name, a quote or a path can move the
cursor, retitle the window, write the clipboard (`ESC ] 52`) or reset the terminal. Every output
channel (stdout, stderr, Rich views, the wizard) passes text through `escape_controls`; every input
(knowledge, profiles, decision records) refuses such characters, naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL, except newline and tab."""
CONTROL_OR_LAYOUT = re.compile("[\x00-\x1f\x7f-\x9f]")
"""The same, newline and tab included: for values that are one line by nature (ids, keys, URLs)."""
_JSON_CONTROL = re.compile(rb"\\[bfr]|\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|\xc2[\x80-\x9f]")
"""A control character as a JSON text carries it: escaped (raw C0 is not valid JSON), or raw C1 in UTF-8."""
_JSON_LAYOUT = (b"\\u0009", b"\\u000a", b"\\u000A")


def escape_controls(text: str) -> str:
    """`text` with each control character other than newline and tab shown as `\\u001b`, never emitted.

    The escape is also valid inside a JSON string (it decodes to the same character), so JSON text can
    pass through here unchanged in meaning.
    """
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if CONTROL.search(text) else text


def control_in(text: str, *, one_line: bool = False) -> str | None:
    """The first control character of `text`, described (`U+001B`), or None when there is none."""
    found = (CONTROL_OR_LAYOUT if one_line else CONTROL).search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def strings(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """(path, text, is_key) for every string in parsed YAML or JSON, keys included (a key's path ends with it)."""
    if isinstance(data, str):
        yield path, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*path, key), key, True
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, (*path, index))


def label(path: Sequence[str | int]) -> str:
    """A path as messages name it (`clauses[2].quote`), without the index of the entry in a list of entries."""
    steps = path[1:] if path and isinstance(path[0], int) else path
    text = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in steps).lstrip(".")
    return text or "the document"


def controls_found(data: Any, one_line_keys: Sequence[str] = ()) -> Iterator[tuple[list[str | int], str]]:
    """(path, message) for each string of `data` holding a control character: newline and tab are allowed,
    except in keys and under `one_line_keys`."""
    for path, text, is_key in strings(data):
        found = control_in(text, one_line=is_key or not path or path[-1] in one_line_keys)
        if found:
            yield list(path), f"{label(path)}: control character {found} is not allowed"


def json_control_at(raw: bytes) -> int | None:
    """The offset of the first control character (other than newline and tab) a JSON text carries, or None."""
    for found in _JSON_CONTROL.finditer(raw):
        start = found.start()
        before = raw[max(0, start - 64) : start]
        backslashes = len(before) - len(before.rstrip(b"\\"))
        if found.group() not in _JSON_LAYOUT and backslashes % 2 == 0:  # not itself an escaped backslash
            return start
    return None
