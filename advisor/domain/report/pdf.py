"""Render a report document as PDF: the HTML report laid out in pages by WeasyPrint (the optional `pdf` extra).

WeasyPrint is imported only here and only when a PDF is asked for, so nothing else pays for it; when it
is missing (or the system's Pango is), the founder is told how to install it.
"""

from __future__ import annotations

from advisor.domain.inputs.problems import InputError, Problem
from advisor.domain.report.document import Document
from advisor.domain.report.html import render_html

INSTALL_HINT = "PDF reports need WeasyPrint: pip install 'advisor[pdf]' (and the system's Pango library)"


def render_pdf(doc: Document) -> bytes:
    """The document as PDF bytes: A4 pages, numbered, with the document's footer on each."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint is there but cannot load Pango
        raise InputError([Problem("--format pdf", 0, f"{INSTALL_HINT} ({exc})")]) from None
    pdf: bytes = HTML(string=render_html(doc, paged=True)).write_pdf()
    return pdf
