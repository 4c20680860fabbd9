"""What the CLI's commands do once their arguments are parsed (kept out of the click group's module so --help stays light)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from advisor.clock import utc_now
from advisor.domain.knowledge.base import KnowledgeBase

if TYPE_CHECKING:
    from advisor.domain.inputs.atomic import Content


def emit(content: Content, output: Path | None) -> None:
    """Write `content` (text, bytes, or a function writing to a binary stream) to `output` atomically, or to stdout.

    Text for stdout has its control characters shown escaped (the Markdown and JSON writers never emit
    them; this is the channel's guard for whatever else is printed). Every write is whole: output that
    stops short (a full disk behind a redirection) raises OSError, which the entry point turns into exit 2.
    """
    from advisor.domain.inputs.atomic import write_atomically, write_to
    from advisor.domain.inputs.controls import escape_controls

    if output is not None:
        write_atomically(output, content)
        return
    try:
        sys.stdout.flush()
        write_to(sys.stdout.buffer, escape_controls(content) if isinstance(content, str) else content)
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error of ours, and the exit code must still say
        # what the command found (revisit's 0 or 1), so silence the rest of the output instead.
        # (Any other failure to write, a full disk say, is reported by the entry point, cli.run.)
        from advisor.cli.process import silence_stdout

        silence_stdout()


def run_recommend(kb: KnowledgeBase, profile_path: Path, fmt: str, output: Path | None, *, sensitivity: bool) -> None:
    """`advisor recommend`: profile -> decision (with what would flip it, if asked) -> report."""
    from advisor.cli.process import keep, settle
    from advisor.domain.engine import recommend
    from advisor.domain.profile.answers import load_profile
    from advisor.domain.report import Format, write_report

    profile = load_profile(profile_path)
    settle()
    now = utc_now()
    decision = recommend(profile, kb, now)
    if sensitivity:
        from advisor.domain.sensitivity import sensitivity as with_sensitivity

        decision = with_sensitivity(profile, decision, kb, now)
    keep(kb, decision)
    emit(lambda out: write_report(decision, cast(Format, fmt), out), output)


def run_wizard(kb: KnowledgeBase, profile_path: Path | None) -> None:
    """Open the wizard (Textual is imported here, so the headless commands never load it)."""
    from advisor.domain.inputs.problems import InputError
    from advisor.domain.profile.answers import load_profile

    profile = None
    if profile_path is not None:
        try:
            profile = load_profile(profile_path)
        except InputError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            raise SystemExit(2) from None
    served = os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")  # `advisor serve` runs it for a browser
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "advisor: the wizard needs a terminal; for scripts use `advisor recommend --profile FILE`",
            file=sys.stderr,
        )
        raise SystemExit(2)
    from advisor.cli.process import freeze_loaded
    from advisor.tui.app import AdvisorApp

    freeze_loaded()
    AdvisorApp(kb=kb, profile=profile, profile_path=profile_path).run()


def run_revisit(kb: KnowledgeBase, decision_path: Path, fmt: str, output: Path | None) -> bool:
    """`advisor revisit`: prints what changed; returns whether anything material did."""
    from advisor.cli.process import keep, settle
    from advisor.domain.decision_io import load_decision
    from advisor.domain.inputs.problems import display_path
    from advisor.domain.report.revisit_report import render_revisit
    from advisor.domain.revisit import revisit

    old = load_decision(decision_path)
    settle()
    result = revisit(old, kb, utc_now(), where=display_path(decision_path))
    keep(kb, old, result)
    emit(render_revisit(result, fmt), output)
    return result.material


def run_serve(kb_dirs: list[Path], host: str, port: int) -> None:
    """`advisor serve`: each browser tab gets a wizard of its own, run as `advisor wizard` by textual-serve."""
    import shlex

    try:
        from textual_serve.server import Server
    except ImportError:
        print("advisor: serving the wizard needs textual-serve: pip install 'advisor[serve]'", file=sys.stderr)
        raise SystemExit(2) from None
    layers = " ".join(f"--kb {shlex.quote(str(d.resolve()))}" for d in kb_dirs)
    command = f"{shlex.quote(sys.executable)} -m advisor {layers} wizard".replace("  ", " ")
    print(f"advisor: the wizard is at http://{host}:{port}/ (ctrl+c stops it)", file=sys.stderr)
    Server(command, host=host, port=port, title="advisor").serve()
