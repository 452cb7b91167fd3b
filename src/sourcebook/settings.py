"""Settings, read from ``SOURCEBOOK_*`` environment variables.

``SOURCEBOOK_DATA``          data directory (default ``./sourcebook-data``)
``SOURCEBOOK_DATABASE_URL``  any SQLAlchemy URL (default: SQLite file in the data directory)
``SOURCEBOOK_USER``          who is recorded in the custody log (default: the login name)
``SOURCEBOOK_MAX_FILE_MB``   largest file ``add`` accepts (default 50)
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

from sourcebook.errors import ConfigError

DEFAULT_DATA_DIR = "sourcebook-data"


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a bare container
        return f"uid-{os.getuid()}"


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=lambda: Path(DEFAULT_DATA_DIR))
    database_url: str | None = None
    user: str = field(default_factory=_default_user)
    max_file_bytes: int = 50 * 1024 * 1024

    @classmethod
    def from_env(cls, data_dir: str | Path | None = None) -> Settings:
        env = os.environ
        data = Path(data_dir or env.get("SOURCEBOOK_DATA") or DEFAULT_DATA_DIR)
        raw_max = env.get("SOURCEBOOK_MAX_FILE_MB", "50")
        try:
            max_mb = float(raw_max)
        except ValueError:
            raise ConfigError(
                f"SOURCEBOOK_MAX_FILE_MB={raw_max!r} is not a number",
                hint="give the limit in megabytes, e.g. 50",
            ) from None
        if max_mb <= 0:
            raise ConfigError(f"SOURCEBOOK_MAX_FILE_MB={raw_max!r} must be above 0")
        return cls(
            data_dir=data,
            database_url=env.get("SOURCEBOOK_DATABASE_URL") or None,
            user=env.get("SOURCEBOOK_USER") or _default_user(),
            max_file_bytes=int(max_mb * 1024 * 1024),
        )

    @property
    def archive_dir(self) -> Path:
        return self.data_dir / "archive"

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'sourcebook.db').resolve()}"
