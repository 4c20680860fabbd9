"""Writing a decision record as JSON (streamed when large) and reading one back, schema 1 or 2."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, BinaryIO

import msgspec

from advisor.domain.decision import Decision, utc
from advisor.domain.profile.answers import parse_profile


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
