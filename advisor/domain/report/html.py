"""Render a report document as one self-contained HTML file: no scripts, no network, readable printed.

Every string is escaped (control characters shown as `\u001b`); links are kept only for http(s) URLs;
a Content-Security-Policy forbids scripts, connections and any resource but the inline style.
"""

from __future__ import annotations

import html

from advisor.domain.inputs.controls import escape_controls
from advisor.domain.report.document import Block, Bullets, Document, Heading, Inline, Paragraph, Quote, Table

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
"""Defence in depth: were escaping ever to fail, the page could still run nothing and fetch nothing."""


def escape(text: str, quote: bool = True) -> str:
    """`text` as HTML text or an attribute value, control characters shown escaped."""
    return html.escape(escape_controls(text), quote=quote)


STYLE = """
:root { color-scheme: light; --ink: #1d1f24; --muted: #5b6270; --rule: #d9dce3; --accent: #2f5fb3; --warn: #8a4b00; }
* { box-sizing: border-box; }
body { font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .3rem; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
p.small { color: var(--muted); font-size: .88rem; margin-top: .2rem; }
p.lead { font-size: 1.08rem; }
p.notice { border-left: 4px solid var(--warn); background: #fff7ec; padding: .6rem .9rem; }
blockquote { margin: .3rem 0 .3rem 1rem; padding: .2rem .8rem; border-left: 3px solid var(--rule); color: #333a45; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { background: #f3f5f9; }
td.num, th.num { text-align: right; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; background: #f3f5f9; padding: 0 .25em; border-radius: 3px; }
a { color: var(--accent); }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); word-break: break-all; }
  h2, h3, p.keep { break-after: avoid; }
  blockquote { break-inside: avoid; break-after: avoid; }
  tr { break-inside: avoid; }
  td, th { overflow-wrap: break-word; }
}
"""
PAGED = """
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-left { content: FOOTER; font: 8pt sans-serif; color: #5b6270; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #5b6270; } }
"""


def _inline(run: Inline) -> str:
    text = escape(run.text)
    if run.kind == "strong":
        return f"<strong>{text}</strong>"
    if run.kind == "em":
        return f"<em>{text}</em>"
    if run.kind == "code":
        return f"<code>{text}</code>"
    if run.kind == "link" and run.url and run.url.startswith(("https://", "http://")):
        return f'<a href="{escape(run.url, quote=True)}">{text}</a>'
    return text


def _inlines(runs: list[Inline]) -> str:
    return "".join(_inline(r) for r in runs)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{escape(block.anchor, quote=True)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        role = f' class="{block.role}"' if block.role != "normal" else ""
        return f"<p{role}>{_inlines(block.content)}</p>"
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_inlines(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Quote):
        return f"<blockquote>{_inlines(block.content)}</blockquote>"
    assert isinstance(block, Table)

    def cls(i: int) -> str:
        return ' class="num"' if i in block.numeric else ""

    head = "".join(f"<th{cls(i)}>{escape(h)}</th>" for i, h in enumerate(block.headers))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{_inlines(cell)}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in block.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _css_string(text: str) -> str:
    """`text` as a CSS string literal (quotes, backslashes and line breaks escaped; no `</style>` way out)."""
    return '"' + "".join(c if c.isalnum() or c in " .,:;-_()/…·" else f"\\{ord(c):x} " for c in text) + '"'


def render_html(doc: Document, *, paged: bool = False) -> str:
    """The document as a self-contained HTML page; `paged`: with page size, page numbers and the footer (PDF)."""
    body = "\n".join(_block(block) for block in doc.blocks)
    style = STYLE + (PAGED.replace("FOOTER", _css_string(doc.footer)) if paged else "")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f"<h1>{escape(doc.title)}</h1>\n{body}\n</body>\n</html>\n"
    )
