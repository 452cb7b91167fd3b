"""Ingest: one reader per format, each turning a file's bytes into documents.

``read_file`` picks the reader by extension (see ``registry``); ``iter_files``
walks files and folders. Readers never touch the archive or the store.
"""

from __future__ import annotations

from sourcebook.ingest.files import iter_files, read_file
from sourcebook.ingest.registry import READERS, supported_extensions

__all__ = ["READERS", "iter_files", "read_file", "supported_extensions"]
