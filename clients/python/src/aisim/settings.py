"""Where the service is, who is asking, where unsent reports wait: from arguments, then the environment."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from .errors import ConfigError

DEFAULT_URL = "http://127.0.0.1:8000"


def default_spool_root() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(cache) / "aisim" / "spool"


@dataclass(frozen=True)
class Settings:
    url: str
    access_token: Optional[str]
    spool_root: Path
    #: The project runs are created in and listed from; None: the token's own (docs/projects.md).
    project: Optional[str] = None

    @classmethod
    def resolve(
        cls,
        *,
        url: Optional[str] = None,
        token: Optional[str] = None,
        spool_dir: Optional[Union[str, Path]] = None,
        project: Optional[str] = None,
    ) -> "Settings":
        """Each setting from its argument, else AISIM_URL, AISIM_ACCESS_TOKEN, AISIM_SPOOL_DIR, AISIM_PROJECT."""
        env = os.environ
        resolved_url = (url or env.get("AISIM_URL") or DEFAULT_URL).rstrip("/")
        if not resolved_url.startswith(("http://", "https://")):
            raise ConfigError(f"the service's URL must start with http:// or https://, not {resolved_url!r}")
        spool = spool_dir or env.get("AISIM_SPOOL_DIR")
        return cls(
            url=resolved_url,
            access_token=token or env.get("AISIM_ACCESS_TOKEN"),
            spool_root=Path(spool) if spool else default_spool_root(),
            project=project or env.get("AISIM_PROJECT") or None,
        )

    def require_access_token(self) -> str:
        if not self.access_token:
            raise ConfigError(
                "no access token: pass token= or set AISIM_ACCESS_TOKEN "
                "(an operator's, from POST /auth/token or `npm run token -- --role operator`)"
            )
        return self.access_token

    def spool_for(self, run_id: int, attempt: Optional[int]) -> Path:
        """
        A directory of this process's own for one attempt: never one another
        process left (of another service whose ids repeat, or of the same run),
        which only `aisim sync` sends, with the sender it names.
        """
        return self.spool_root / f"run-{run_id}-attempt-{attempt if attempt is not None else 0}-{uuid.uuid4().hex[:8]}"
