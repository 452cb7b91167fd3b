"""Finding input files and reading one file into documents, with every failure named."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sourcebook.errors import IngestError
from sourcebook.ingest.registry import reader_for, supported_extensions
from sourcebook.model import Document


@dataclass(frozen=True)
class Found:
    """A path given or found, with the error that stops it from being read (if any)."""

    path: Path
    error: IngestError | None = None
    explicit: bool = True


def iter_files(paths: Iterable[str | Path]) -> Iterator[Found]:
    """Every file under the given paths, recursively, each once, loops and all.

    Files with an unsupported extension inside folders are skipped quietly
    (a folder may hold notes and images); named explicitly, they are errors.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        try:
            st = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                yield Found(path, IngestError(path, "broken symbolic link"))
            else:
                yield Found(path, IngestError(path, "no such file or folder"))
            continue
        except OSError as exc:  # ELOOP for a symlink loop, EACCES, …
            yield Found(path, IngestError(path, f"cannot be opened ({exc.strerror or exc})"))
            continue
        if path.is_dir():
            yield from _walk(path, seen_dirs, seen_files)
        elif (st.st_dev, st.st_ino) not in seen_files:
            seen_files.add((st.st_dev, st.st_ino))
            yield Found(path)


def _walk(
    root: Path, seen_dirs: set[tuple[int, int]], seen_files: set[tuple[int, int]]
) -> Iterator[Found]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen_dirs:
            dirnames[:] = []  # walked already: a second link to it, or a link back up the tree
            target = os.path.realpath(dirpath)
            if os.path.commonpath([target, os.path.realpath(os.path.dirname(dirpath))]) == target:
                yield Found(
                    Path(dirpath),
                    IngestError(
                        dirpath, f"symbolic link loop: leads back to {target}; not followed"
                    ),
                )
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if name.startswith(".") or name.endswith(".meta.json"):
                continue
            try:
                fst = path.stat()
            except OSError as exc:
                yield Found(path, IngestError(path, f"cannot be opened ({exc.strerror or exc})"))
                continue
            if reader_for(path) is None:
                yield Found(path, explicit=False, error=IngestError(path, "unsupported format"))
                continue
            if (fst.st_dev, fst.st_ino) not in seen_files:
                seen_files.add((fst.st_dev, fst.st_ino))
                yield Found(path)
    for problem in errors:
        yield Found(
            Path(problem.filename or root),
            IngestError(
                problem.filename or root, f"cannot be read ({problem.strerror or problem})"
            ),
        )


_MB = 1024 * 1024  # the unit of SOURCEBOOK_MAX_FILE_MB


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                path,
                f"too large: {size / _MB:.1f} MB, the limit is {max_bytes / _MB:.0f} MB",
                hint="split the file, or raise SOURCEBOOK_MAX_FILE_MB",
            )
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise IngestError(path, "vanished before it could be read") from exc
    except PermissionError as exc:
        raise IngestError(path, "permission denied", hint="check the file's permissions") from exc
    except IsADirectoryError as exc:
        raise IngestError(path, "is a folder, not a file") from exc
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise IngestError(path, f"too large: over {max_bytes / _MB:.0f} MB")
    if not data:
        raise IngestError(path, "empty file")
    return data


def read_file(path: str | Path, max_bytes: int = 50 * 1024 * 1024) -> list[Document]:
    """All documents in one file; IngestError names the file and the reason."""
    path = Path(path)
    reader = reader_for(path)
    if reader is None:
        raise IngestError(
            path,
            f"unsupported format {path.suffix or '(no extension)'!r}",
            hint="supported: " + " ".join(supported_extensions()),
        )
    data = read_bytes(path, max_bytes)
    documents = reader(path, data)
    meta = load_sidecar(path)
    for doc in documents:
        for key, value in meta.items():
            setattr(doc, key, value)
    return documents


_SIDECAR_FIELDS = {"title", "outlet", "author", "published", "url", "language"}


def load_sidecar(path: Path) -> dict[str, str]:
    """Metadata a plain file cannot carry (outlet, date, URL), from ``NAME.meta.json`` beside it."""
    import json

    sidecar = path.with_name(path.name + ".meta.json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IngestError(sidecar, f"metadata file is not valid JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise IngestError(sidecar, "metadata file must hold a JSON object")
    unknown = set(meta) - _SIDECAR_FIELDS
    if unknown:
        raise IngestError(
            sidecar,
            f"unknown metadata fields: {', '.join(sorted(unknown))}",
            hint="allowed: " + ", ".join(sorted(_SIDECAR_FIELDS)),
        )
    return {k: str(v) for k, v in meta.items() if v is not None}
