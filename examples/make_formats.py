"""Regenerate the HTML and PDF copies of the example articles (run by hand; outputs are committed).

    .venv/bin/python examples/make_formats.py

The HTML page wraps the article in the navigation, scripts and footer a saved
news page carries, so ingest has to find the main text. The PDF is set in
DejaVu Sans so curly quotes survive; it needs fpdf2 (a dev dependency).
"""

from __future__ import annotations

import html
from pathlib import Path

HERE = Path(__file__).parent / "xinjiang"


def make_html(src: Path, out: Path, title: str, published: str, site: str) -> None:
    body = src.read_text(encoding="utf-8")
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n") if p.strip())
    out.write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="Staff Reporter">
<meta property="article:published_time" content="{published}">
<script>window.dataLayer = window.dataLayer || []; function track(){{}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a>
<a href="/subscribe">Subscribe</a></nav>
<main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By Staff Reporter</p>
{paras}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets rally</a></li>
<li><a href="/b">Weather</a></li></ul></aside>
<footer>© {site}. All rights reserved. <a href="/privacy">Privacy</a></footer>
<script>track('pageview');</script>
</body></html>
""",
        encoding="utf-8",
    )


def make_pdf(src: Path, out: Path, title: str) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author("Sourcebook examples")
    pdf.set_creation_date(__import__("datetime").datetime(2020, 7, 17))
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    for para in src.read_text(encoding="utf-8").split("\n\n"):
        pdf.multi_cell(0, 6, para.strip())
        pdf.ln(3)
    pdf.output(str(out))


if __name__ == "__main__":
    # A reworded headline, as a reprint would carry, on the second seed article.
    make_html(
        HERE / "twenty-two-countries-call-on-china.txt",
        HERE / "uighur-detention-letter-web.html",
        "Twenty-two countries call on China to halt mass detention of Uighurs",
        "2019-07-11",
        "Example Daily",
    )
    make_pdf(
        HERE / "china-invites-pompeo-to-xinjiang.txt",
        HERE / "china-invites-pompeo-to-xinjiang-print.pdf",
        "China Invites Pompeo to Visit Xinjiang",
    )
