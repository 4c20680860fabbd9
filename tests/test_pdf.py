"""PDF reports: the HTML report in pages (WeasyPrint), read back with pdftotext and looked at page by page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.clock import utc_now
from advisor.domain.engine import recommend
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import load_profile

EXAMPLES = Path(__file__).parent.parent / "examples"
pytest.importorskip("weasyprint", reason="the pdf extra is not installed (pip install -e '.[pdf]')")
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "r.pdf"
    result = CliRunner().invoke(
        main, ["recommend", "--profile", str(EXAMPLES / "eu-consumer-chat.yaml"), "--format", "pdf", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


@poppler
def test_the_pdf_holds_the_headline_the_shortlist_and_a_dated_numbered_footer(
    report_pdf: Path, kb: KnowledgeBase
) -> None:
    decision = recommend(load_profile(EXAMPLES / "eu-consumer-chat.yaml"), kb, utc_now())
    text = subprocess.run(["pdftotext", str(report_pdf), "-"], capture_output=True, text=True).stdout
    flat = "".join(text.split())  # pdftotext breaks lines where the page does
    assert report_pdf.read_bytes().startswith(b"%PDF-")
    assert "".join(decision.summary.split()) in flat
    assert len(decision.shortlist) == 5
    for candidate in decision.shortlist:
        assert "".join(candidate.name.split()) in flat
    info = subprocess.run(["pdfinfo", str(report_pdf)], capture_output=True, text=True).stdout
    pages = int(info.split("Pages:")[1].split()[0])
    assert f"Page {pages} of {pages}" in text
    assert f"knowledge {kb.fingerprint[:23]}" in text


@poppler
def test_no_page_has_anything_in_its_right_margin(report_pdf: Path, tmp_path: Path) -> None:
    """A table wider than the page would run into (or past) the right margin; every page's margin stays blank."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", str(report_pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) > 3
    for page in pages:
        image = Image.open(page).convert("L")
        width, height = image.size
        margin = image.crop((int(width * 0.955), 0, width, int(height * 0.93)))  # 16 mm of 210, above the footer
        darkest, _ = margin.getextrema()
        assert darkest > 200, f"{page.name}: something is drawn in the right margin"


def test_a_pdf_is_written_to_a_file_never_to_stdout() -> None:
    result = CliRunner().invoke(
        main, ["recommend", "--profile", str(EXAMPLES / "eu-consumer-chat.yaml"), "--format", "pdf"]
    )
    assert result.exit_code == 2
    assert "-o FILE.pdf" in result.output


@poppler
def test_revisit_writes_html_and_pdf_too(tmp_path: Path) -> None:
    record = tmp_path / "d.json"
    CliRunner().invoke(
        main, ["recommend", "--profile", str(EXAMPLES / "eu-consumer-chat.yaml"), "--format", "json", "-o", str(record)]
    )
    html = CliRunner().invoke(main, ["revisit", str(record), "--format", "html"])
    assert html.output.startswith("<!DOCTYPE html>") and "Does the decision still hold?" in html.output
    pdf = tmp_path / "revisit.pdf"
    result = CliRunner().invoke(main, ["revisit", str(record), "--format", "pdf", "-o", str(pdf)])
    assert result.exit_code in (0, 1), result.output
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Does the decision still hold?" in text
