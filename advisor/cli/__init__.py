"""The `advisor` command line: bare `advisor` opens the wizard; `recommend`, `revisit` and `kb` are headless.

Imports of anything heavy (msgspec, yaml, rich, textual) happen inside the commands, so `--help`
stays fast. Bad input of any kind exits 2 with `path:line: message` lines on stderr, never a
traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from advisor import __version__

if TYPE_CHECKING:
    from advisor.domain.knowledge.base import KnowledgeBase

F = TypeVar("F", bound=Callable[..., Any])

KB_HELP = "Extra knowledge directory layered over the bundled one (repeatable; later wins)."


def kb_option(func: F) -> F:
    """`--kb DIR`, repeatable, accepted by every command."""
    return click.option(
        "--kb",
        "kb_dirs",
        multiple=True,
        type=click.Path(path_type=Path),
        metavar="DIR",
        help=KB_HELP,
    )(func)


def fail(lines: list[str] | str, code: int = 2) -> NoReturn:
    """Print each line on stderr, control characters shown escaped (a line may quote a file), and exit with `code`."""
    from advisor.domain.inputs.controls import escape_controls

    for line in [lines] if isinstance(lines, str) else lines:
        click.echo(escape_controls(line), err=True)
    sys.exit(code)


def output_path(output: str | None, source: Path) -> Path | None:
    """The -o target, refusing what would surprise: a directory path, or the input file itself."""
    if output is None:
        return None
    if output.endswith(("/", "\\")) or output in ("", "."):
        fail(f"{output or '(empty)'}: names a directory; give a file name to write to")
    target = Path(output)
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        fail(f"{output}: is the input file; writing the report there would destroy it")
    return target


def load_kb(ctx: click.Context, kb_dirs: tuple[Path, ...]) -> KnowledgeBase:
    """The bundled knowledge with the group's and the command's `--kb` layers; exits 2 if invalid."""
    from advisor.domain.inputs.problems import InputError
    from advisor.domain.knowledge.loader import load

    layers = [*ctx.obj.get("kb_dirs", ()), *kb_dirs]
    try:
        return load(layers)
    except InputError as exc:
        fail([str(p) for p in exc.problems] + [f"knowledge base invalid: {len(exc.problems)} problem(s)"])


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advisor")
@kb_option
@click.pass_context
def main(ctx: click.Context, kb_dirs: tuple[Path, ...]) -> None:
    """Which AI model should your startup build on, and what will that choice cost you?

    Run without a command to open the wizard.
    """
    ctx.ensure_object(dict)
    ctx.obj["kb_dirs"] = kb_dirs
    if ctx.invoked_subcommand is None:
        ctx.invoke(wizard)


@main.command()
@click.option(
    "--profile", "profile_path", type=click.Path(path_type=Path), help="Resume from or pre-fill with this profile."
)
@kb_option
@click.pass_context
def wizard(ctx: click.Context, profile_path: Path | None, kb_dirs: tuple[Path, ...]) -> None:
    """Open the wizard (the same as bare `advisor`)."""
    from advisor.cli.commands import run_wizard

    kb = load_kb(ctx, kb_dirs)
    run_wizard(kb, profile_path)


@main.group()
@kb_option
@click.pass_context
def kb(ctx: click.Context, kb_dirs: tuple[Path, ...]) -> None:
    """Browse and check the knowledge base."""
    ctx.obj["kb_dirs"] = (*ctx.obj.get("kb_dirs", ()), *kb_dirs)


@kb.command("validate")
@click.argument("dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--alone", is_flag=True, help="Validate DIRS on their own, not layered over the bundled knowledge.")
@kb_option
@click.pass_context
def kb_validate(ctx: click.Context, dirs: tuple[Path, ...], alone: bool, kb_dirs: tuple[Path, ...]) -> None:
    """Check a knowledge base; print every problem as `file:line: message`.

    With no DIRS, checks the bundled knowledge (and any --kb layers). Each DIR is checked as a
    layer over the bundled knowledge, so it may refer to bundled licenses.
    """
    from advisor.domain.inputs.problems import InputError
    from advisor.domain.knowledge.loader import load, not_knowledge_problem

    empty = [str(problem) for problem in map(not_knowledge_problem, dirs) if problem is not None]
    if empty:
        fail([*empty, f"invalid: {len(empty)} problem(s)"])
    layers = [*ctx.obj.get("kb_dirs", ()), *kb_dirs, *dirs]
    try:
        kb_ = load(layers, bundled=not alone, cache=False)  # a check reads every file, whatever is cached
    except InputError as exc:
        fail([str(p) for p in exc.problems] + [f"invalid: {len(exc.problems)} problem(s)"])
    from advisor.domain.inputs.controls import escape_controls

    click.echo(
        escape_controls(
            f"valid: {len(kb_.models)} models, {len(kb_.licenses)} licenses, {len(kb_.gpus)} GPUs "
            f"({', '.join(kb_.layers)}; {kb_.fingerprint[:19]}…)"
        )
    )


@kb.command("list")
@click.option("--weights", help="Only open or closed weights: open | closed.")
@click.option("--vendor", help="Only this vendor's models (its id or name: meta, Meta, OpenAI …).")
@click.option("--use-case", "use_case", help="Only models built for this use case (chat, code, rag, agents …).")
@click.option("--category", help="Only models under licenses of this category (permissive, non-commercial …).")
@click.option("--license", "license_id", help="Only models under this license.")
@click.option("--search", help="Only models whose id or name contains this text.")
@click.option("--licenses", "show_licenses", is_flag=True, help="List licenses instead of models.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "tsv", "json"]),
    default="table",
    show_default=True,
    help="table: fits the terminal (TSV when piped); tsv: every column; json: every field.",
)
@kb_option
@click.pass_context
def kb_list(
    ctx: click.Context,
    weights: str | None,
    vendor: str | None,
    use_case: str | None,
    category: str | None,
    license_id: str | None,
    search: str | None,
    show_licenses: bool,
    fmt: str,
    kb_dirs: tuple[Path, ...],
) -> None:
    """List models (or licenses) in the knowledge base; the filters combine."""
    from advisor.cli import kb_views as views
    from advisor.cli.model_list import ModelFilter, print_models

    kb_ = load_kb(ctx, kb_dirs)
    if show_licenses:
        views.print_licenses(kb_, fmt="json" if fmt == "json" else "table")
        return
    chosen = ModelFilter(weights, vendor, use_case, category, license_id, search)
    problems = chosen.problems(kb_)
    if problems:
        fail([*problems, "see `advisor kb list --help`" + (" and `advisor kb list --licenses`" if license_id else "")])
    print_models(kb_, chosen, fmt)


@kb.command("show")
@click.argument("entry_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@kb_option
@click.pass_context
def kb_show(ctx: click.Context, entry_id: str, fmt: str, kb_dirs: tuple[Path, ...]) -> None:
    """Show one model or license, with the clauses its findings rest on.

    ID is an id, a display name ("Qwen3 30B A3B"), an API id or Hugging Face repo, or the unique start of one.
    """
    from advisor.cli import kb_views as views
    from advisor.domain.knowledge.lookup import look_up

    kb_ = load_kb(ctx, kb_dirs)
    found = look_up(kb_, entry_id)
    if found.found is None:
        what = (
            f"ambiguous id '{entry_id}': any of {found.named} entries"
            if found.ambiguous
            else f"unknown id '{entry_id}'"
        )
        fail(f"{what}{found.hint()}; see `advisor kb list`")
    views.print_entry(kb_, found.found, fmt=fmt)


@kb.command("refresh")
@click.option(
    "--from",
    "sources",
    multiple=True,
    metavar="FILE_OR_URL",
    help="A downloaded catalog (LiteLLM price map, models.dev api.json/models.json, OpenRouter models, "
    "Hugging Face model info) or its URL; repeatable. Without it, the public catalogs are fetched.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), metavar="DIR", help="The overlay (default kb-refresh-DATE)."
)
@click.option(
    "--decisions", type=click.Path(path_type=Path), metavar="DIR", help="Revisit the saved decisions (*.json) in DIR."
)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@kb_option
@click.pass_context
def kb_refresh(
    ctx: click.Context,
    sources: tuple[str, ...],
    output: Path | None,
    decisions: Path | None,
    fmt: str,
    kb_dirs: tuple[Path, ...],
) -> None:
    """Compare public catalogs with the knowledge base; write a dated overlay and print a review.

    Exit 0 when nothing changed, 1 when changes were found, 2 on bad input or an unreachable catalog.
    Use the overlay with `advisor --kb DIR`.
    """
    from advisor.catalogs.values import CatalogError
    from advisor.cli.commands import emit
    from advisor.cli.refresh import render, run_refresh
    from advisor.clock import utc_now
    from advisor.domain.inputs.problems import InputError

    kb_ = load_kb(ctx, kb_dirs)
    layers = [*ctx.obj.get("kb_dirs", ()), *kb_dirs]
    try:
        review = run_refresh(kb_, layers, sources, output, decisions, utc_now())
    except CatalogError as exc:
        fail(str(exc))
    except InputError as exc:
        fail([str(p) for p in exc.problems])
    emit(render(review, fmt), None)
    sys.exit(1 if review.changed else 0)


def pdf_needs_a_file(fmt: str, output: str | None) -> None:
    """A PDF is written to a file only, never to a terminal or a pipe."""
    if fmt == "pdf" and output is None:
        fail("--format pdf writes a file: add -o FILE.pdf")


@main.command()
@click.option("--profile", "profile_path", required=True, type=click.Path(path_type=Path), help="The profile (YAML).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json", "html", "pdf"]),
    default="md",
    show_default=True,
    help="Report format (pdf needs -o and the pdf extra: pip install 'advisor[pdf]').",
)
@click.option("-o", "--output", help="Write here (atomically) instead of stdout.")
@click.option(
    "--sensitivity", is_flag=True, help="Add what would change it: the single answers that flip the first choice."
)
@kb_option
@click.pass_context
def recommend(
    ctx: click.Context, profile_path: Path, fmt: str, output: str | None, sensitivity: bool, kb_dirs: tuple[Path, ...]
) -> None:
    """Recommend a strategy and shortlist for a profile, headless."""
    from advisor.cli.commands import run_recommend
    from advisor.cli.process import settle
    from advisor.domain.inputs.problems import InputError

    pdf_needs_a_file(fmt, output)
    target = output_path(output, profile_path)
    settle()  # loading makes most of the objects the command keeps: no cyclic collection walks them from here
    kb_ = load_kb(ctx, kb_dirs)
    try:
        run_recommend(kb_, profile_path, fmt, target, sensitivity=sensitivity)
    except InputError as exc:
        fail([str(p) for p in exc.problems])


@main.command()
@click.argument("decision_path", metavar="DECISION.json", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["md", "json", "html", "pdf"]), default="md", show_default=True)
@click.option("-o", "--output", help="Write here (atomically) instead of stdout.")
@kb_option
@click.pass_context
def revisit(ctx: click.Context, decision_path: Path, fmt: str, output: str | None, kb_dirs: tuple[Path, ...]) -> None:
    """Re-evaluate a saved decision on today's knowledge and say what changed.

    Exit 0 when the decision still holds, 1 when something material changed, 2 on bad input.
    """
    from advisor.cli.commands import run_revisit
    from advisor.cli.process import settle
    from advisor.domain.inputs.problems import InputError

    pdf_needs_a_file(fmt, output)
    target = output_path(output, decision_path)
    settle()  # as in `recommend`
    kb_ = load_kb(ctx, kb_dirs)
    try:
        material = run_revisit(kb_, decision_path, fmt, target)
    except InputError as exc:
        fail([str(p) for p in exc.problems])
    sys.exit(1 if material else 0)


@main.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (the default: this machine only)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@kb_option
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, kb_dirs: tuple[Path, ...]) -> None:
    """Serve the wizard to a web browser (textual-serve); exports reach the browser as downloads."""
    from advisor.cli.commands import run_serve

    layers = [*ctx.obj.get("kb_dirs", ()), *kb_dirs]
    load_kb(ctx, kb_dirs)  # a broken knowledge directory is said here, not in each browser tab
    run_serve(layers, host, port)


def run() -> None:
    """The `advisor` script and `python -m advisor`: the command line above, in a process of its own."""
    from advisor.cli import process

    process.own()
    try:
        main()
    except SystemExit as exc:  # click's standalone mode always ends this way
        process.leave(exc.code)
    except OSError as exc:  # mostly output that cannot be written: a full disk behind a redirection ...
        try:
            sys.stdout.flush()
        except OSError:
            process.silence_stdout()
        from advisor.domain.inputs.controls import escape_controls

        where = f"{exc.filename}: " if exc.filename else ""
        print(escape_controls(f"advisor: {where}{exc.strerror or exc}"), file=sys.stderr)
        process.leave(2)
