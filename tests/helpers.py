"""Test helpers: builders for every input format, CLI results, snapshots of a case file.

Every format file is built for real here (fpdf2, python-docx, the email package,
warcio, hand-written feeds), so the readers are tested on genuine files, never mocks.
"""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

from sourcebook.casefile import CaseFile

USER = "tester"
ENV_VARS = (
    "SOURCEBOOK_DATA",
    "SOURCEBOOK_DATABASE_URL",
    "SOURCEBOOK_USER",
    "SOURCEBOOK_MAX_FILE_MB",
)
SOURCEBOOK_BIN = Path(sys.executable).with_name("sourcebook")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

# Sentences of the kind the evidence base holds; articles are built from them.
SENTENCES = [
    "Former detainees described detention camps where thousands of people were held "
    "without charge.",
    "The government called the facilities vocational training centres and denied any abuse.",
    "Satellite images show new walls, watchtowers and fences around the compounds.",
    "Families said they had not heard from their relatives for more than a year.",
    "Twenty-two countries signed a letter urging an end to the mass detention.",
    "Officials said the programme had ended and that all trainees had graduated.",
    "Researchers matched leaked documents with testimony from people who had fled.",
    "A court sentenced the teacher to ten years in prison after a closed trial.",
    "Factory workers were moved to other provinces under a labour transfer scheme.",
    "The ministry did not respond to repeated requests for comment.",
]


def prose(seed: int = 0, sentences: int = 6) -> str:
    """A paragraph of plausible reporting, different for each seed."""
    picked = [SENTENCES[(seed + i * 3) % len(SENTENCES)] for i in range(sentences)]
    return f"Report {seed}. " + " ".join(picked)


@dataclass
class Make:
    """Builds input files of every supported format under ``root``."""

    root: Path

    def path(self, name: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def bytes(self, name: str, data: bytes) -> Path:
        path = self.path(name)
        path.write_bytes(data)
        return path

    def text(self, name: str, text: str | None = None, encoding: str = "utf-8") -> Path:
        return self.bytes(name, (text if text is not None else prose()).encode(encoding))

    @staticmethod
    def html_page(
        title: str,
        paragraphs: Sequence[str],
        *,
        author: str | None = None,
        date: str | None = None,
        site: str | None = None,
    ) -> str:
        """A saved news page: the article wrapped in navigation, scripts and a footer."""
        meta = [f'<meta property="og:title" content="{escape(title)}">']
        if site:
            meta.append(f'<meta property="og:site_name" content="{escape(site)}">')
        if author:
            meta.append(f'<meta name="author" content="{escape(author)}">')
        if date:
            meta.append(f'<meta property="article:published_time" content="{date}">')
        body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)}{" | " + escape(site) if site else ""}</title>
{chr(10).join(meta)}
<script>window.dataLayer = window.dataLayer || []; function track() {{}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav>
<main><article><h1>{escape(title)}</h1>
{body}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets rally</a></li></ul></aside>
<footer>All rights reserved. <a href="/privacy">Privacy</a></footer>
<script>track('pageview');</script>
</body></html>
"""

    def html(
        self,
        name: str,
        title: str = "Camps exposed",
        paragraphs: Sequence[str] = (),
        **meta: str | None,
    ) -> Path:
        paragraphs = list(paragraphs) or [prose(i) for i in range(4)]
        return self.text(name, self.html_page(title, paragraphs, **meta))

    def pdf(
        self,
        name: str,
        paragraphs: Sequence[str] = (),
        *,
        title: str | None = None,
        author: str | None = None,
    ) -> Path:
        from fpdf import FPDF

        pdf = FPDF()
        if title:
            pdf.set_title(title)
        if author:
            pdf.set_author(author)
        pdf.set_creation_date(datetime(2020, 7, 17, tzinfo=UTC))
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for para in list(paragraphs) or [prose(i) for i in range(3)]:
            pdf.multi_cell(0, 6, para)
            pdf.ln(3)
        path = self.path(name)
        pdf.output(str(path))
        return path

    def image_pdf(self, name: str) -> Path:
        """A 'scan': one page holding only a picture, no text layer."""
        from fpdf import FPDF
        from PIL import Image

        picture = io.BytesIO()
        Image.new("RGB", (300, 400), (230, 225, 210)).save(picture, format="PNG")
        pdf = FPDF()
        pdf.add_page()
        pdf.image(picture, x=10, y=10, w=150)
        path = self.path(name)
        pdf.output(str(path))
        return path

    def encrypted_pdf(self, name: str, password: str = "s3cret") -> Path:
        from pypdf import PdfWriter

        plain = self.pdf(f".plain-{name}")
        writer = PdfWriter(clone_from=plain)
        # RC4 needs no crypto library; the password is what matters here.
        writer.encrypt(
            user_password=password, owner_password=password + "-owner", algorithm="RC4-128"
        )
        path = self.path(name)
        with path.open("wb") as fh:
            writer.write(fh)
        plain.unlink()
        return path

    def docx(
        self,
        name: str,
        paragraphs: Sequence[str] = (),
        *,
        title: str | None = None,
        author: str | None = None,
        table: Sequence[Sequence[str]] = (),
    ) -> Path:
        import docx

        document = docx.Document()
        if title:
            document.core_properties.title = title
        if author:
            document.core_properties.author = author
        document.core_properties.created = datetime(2021, 3, 4, 12, 0)
        for para in list(paragraphs) or [prose(i) for i in range(3)]:
            document.add_paragraph(para)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
        path = self.path(name)
        document.save(str(path))
        return path

    def zip(self, name: str, members: dict[str, bytes]) -> Path:
        path = self.path(name)
        with zipfile.ZipFile(path, "w") as archive:
            for member, data in members.items():
                archive.writestr(member, data)
        return path

    def eml(
        self,
        name: str,
        *,
        subject: str = "Testimony from a former detainee",
        sender: str = "Field Researcher <field@example.org>",
        date: datetime | None = datetime(2020, 3, 4, 10, 30, tzinfo=UTC),
        body: str | None = None,
        html_body: str | None = None,
    ) -> Path:
        message = EmailMessage()
        message["From"] = sender
        message["To"] = "desk@example.org"
        message["Subject"] = subject
        if date:
            message["Date"] = format_datetime(date)
        if body is not None:
            message.set_content(body)
            if html_body is not None:
                message.add_alternative(html_body, subtype="html")
        elif html_body is not None:
            message.set_content(html_body, subtype="html")
        return self.bytes(name, bytes(message))

    def warc(
        self,
        name: str,
        records: Sequence[tuple[str, bytes, str]],
        captured: str = "2021-05-06T07:08:09Z",
        gzip: bool = True,
    ) -> Path:
        """Response records of (url, payload, content type), all captured at ``captured``."""
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        out = io.BytesIO()
        writer = WARCWriter(out, gzip=gzip)
        for url, payload, ctype in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": captured},
            )
            writer.write_record(record)
        return self.bytes(name, out.getvalue())

    def rss(self, name: str, items: Sequence[dict[str, str]], title: str = "Example Wire") -> Path:
        parts = []
        for item in items:
            fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items())
            parts.append(f"<item>{fields}</item>")
        return self.text(
            name,
            f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title>
<link>https://wire.example.org/</link><description>News</description>
{"".join(parts)}
</channel></rss>
""",
        )

    def atom(
        self, name: str, entries: Sequence[dict[str, str]], title: str = "Example Atom"
    ) -> Path:
        parts = []
        for i, entry in enumerate(entries):
            content = (
                f'<content type="html">{escape(entry["content"])}</content>'
                if "content" in entry
                else ""
            )
            author = (
                f"<author><name>{escape(entry['author'])}</name></author>"
                if "author" in entry
                else ""
            )
            parts.append(
                f"<entry><title>{escape(entry['title'])}</title><id>urn:entry:{i}</id>"
                f'<link href="{entry.get("link", f"https://atom.example.org/{i}")}"/>'
                f"<updated>{entry.get('updated', '2020-02-03T00:00:00Z')}</updated>"
                f"{author}{content}</entry>"
            )
        return self.text(
            name,
            f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title><id>urn:feed</id>
<updated>2020-02-03T00:00:00Z</updated>
{"".join(parts)}
</feed>
""",
        )


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def plain(text: str) -> str:
    return _ANSI.sub("", text)


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    env.update({"SOURCEBOOK_USER": USER, "COLUMNS": "1000", "NO_COLOR": "1"}, **extra)
    return env


def snapshot(case: CaseFile) -> dict[str, Any]:
    docs = {d.id: d for d in case.store.documents()}
    return {
        "documents": docs,
        "texts": {doc_id: case.store.text(doc_id) for doc_id in docs},
        "custody": list(case.store.custody()),
        "blobs": {doc_id: case.blobs.path_of(doc_id).read_bytes() for doc_id in docs},
    }


def assert_unchanged(case: CaseFile, before: dict[str, Any]) -> None:
    """Everything stored before is still there, byte for byte, and verify passes."""
    after = snapshot(case)
    for doc_id, info in before["documents"].items():
        assert after["documents"][doc_id] == info
        assert after["texts"][doc_id] == before["texts"][doc_id]
        assert after["blobs"][doc_id] == before["blobs"][doc_id]
    assert after["custody"][: len(before["custody"])] == before["custody"]
    report = case.verify()
    assert report.ok, report.problems
