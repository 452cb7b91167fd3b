"""Finding files: recursion, skipping, loops, missing paths, the size limit."""

from __future__ import annotations

import gzip
import io
import os
import random
from pathlib import Path

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import iter_files, read_file, supported_extensions
from sourcebook.ingest.files import read_bytes
from sourcebook.ingest.registry import extension_of, reader_for
from tests.helpers import Make, prose


def _found(paths: list[Path]) -> dict[str, str | None]:
    return {f.path.name: (f.error.reason if f.error else None) for f in iter_files(paths)}


def test_walks_folders_recursively_in_order(make: Make) -> None:
    make.text("b.txt")
    make.text("a/one.txt")
    make.text("a/deeper/two.md")
    make.text("a/.hidden.txt")
    make.text("a/one.txt.meta.json", "{}")
    names = [f.path.relative_to(make.root).as_posix() for f in iter_files([make.root])]
    assert names == ["b.txt", "a/one.txt", "a/deeper/two.md"]


def test_unsupported_files_in_folders_are_skipped_quietly(make: Make) -> None:
    make.text("photo.jpg")
    found = list(iter_files([make.root]))
    assert len(found) == 1 and not found[0].explicit
    assert found[0].error is not None and "unsupported" in found[0].error.reason


def test_a_file_given_twice_is_read_once(make: Make) -> None:
    path = make.text("a.txt")
    os.link(path, make.path("hardlink.txt"))
    assert len(list(iter_files([path, path, make.root]))) == 1


def test_missing_path(tmp_path: Path) -> None:
    assert _found([tmp_path / "nope.txt"]) == {"nope.txt": "no such file or folder"}


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert _found([tmp_path / "dangling.txt"]) == {"dangling.txt": "broken symbolic link"}


def test_self_symlink(tmp_path: Path) -> None:
    loop = tmp_path / "a"
    loop.symlink_to("a")
    reason = _found([loop])["a"]
    assert reason is not None and "symbolic links" in reason


def test_folder_symlink_to_its_parent(make: Make) -> None:
    make.text("top.txt")
    make.text("sub/inner.txt")
    (make.root / "sub" / "up").symlink_to("..", target_is_directory=True)
    found = list(iter_files([make.root]))
    read = [f.path.name for f in found if f.error is None]
    assert read == ["top.txt", "inner.txt"]
    [loop] = [f for f in found if f.error is not None]
    assert loop.explicit and loop.path == make.root / "sub" / "up"
    assert "symbolic link loop" in loop.error.reason  # type: ignore[union-attr]


def test_second_link_to_a_folder_is_not_a_loop(make: Make) -> None:
    make.text("real/a.txt")
    (make.root / "alias").symlink_to("real", target_is_directory=True)
    found = list(iter_files([make.root]))
    assert [(f.path.name, f.error) for f in found] == [("a.txt", None)]


def test_registry() -> None:
    assert extension_of(Path("x.WARC.GZ")) == ".warc.gz"
    assert reader_for(Path("x.tar.gz")) is None
    assert {".txt", ".html", ".pdf", ".docx", ".eml", ".warc", ".rss", ".atom"} <= set(
        supported_extensions()
    )


def test_unsupported_extension_names_the_choices(make: Make) -> None:
    with pytest.raises(IngestError) as info:
        read_file(make.text("notes.odt"))
    assert "unsupported format '.odt'" in info.value.reason
    assert info.value.hint is not None and ".docx" in info.value.hint


def test_size_limit_in_megabytes(make: Make) -> None:
    mb = 1024 * 1024
    path = make.bytes("big.txt", b"a" * (2 * mb + 1))
    with pytest.raises(IngestError) as info:
        read_bytes(path, 2 * mb)
    assert info.value.reason == "too large: 2.0 MB, the limit is 2 MB"
    assert "SOURCEBOOK_MAX_FILE_MB" in str(info.value)
    assert read_bytes(make.bytes("fits.txt", b"a" * 2 * mb), 2 * mb) == b"a" * 2 * mb


def test_folder_given_as_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a folder"):
        read_bytes(tmp_path, 1024 * 1024)


def test_empty_file(make: Make) -> None:
    with pytest.raises(IngestError, match="empty file"):
        read_file(make.bytes("empty.txt", b""))


def test_white_space_only(make: Make) -> None:
    with pytest.raises(IngestError, match="only white space"):
        read_file(make.text("blank.txt", " \n\t\n  "))


@pytest.mark.parametrize("seed", range(3))
def test_binary_garbage_named_txt(make: Make, seed: int) -> None:
    data = bytes((i * 7919 + seed * 104729) % 256 for i in range(8192))
    with pytest.raises(IngestError) as info:
        read_file(make.bytes("garbage.txt", random.Random(seed).randbytes(4096) + data))
    assert info.value.reason.startswith("not text")


def test_mostly_text_with_a_nul_byte_is_still_text(make: Make) -> None:
    [doc] = read_file(make.bytes("nul.txt", prose().encode() * 20 + b"\x00"))
    assert doc.text.startswith("Report 0.")


@pytest.mark.parametrize("kind", ["png", "gzip"])
def test_real_binary_files_named_txt(make: Make, kind: str) -> None:
    if kind == "png":
        from PIL import Image

        buffer = io.BytesIO()
        Image.effect_noise((64, 64), 80).save(buffer, format="PNG")
        data = buffer.getvalue()
    else:
        data = gzip.compress(prose().encode() * 50)
    with pytest.raises(IngestError) as info:
        read_file(make.bytes("misnamed.txt", data))
    assert info.value.reason.startswith("not text")
