"""
AISimulation from Python: report a run from any script (`start_run`), or the
run a worker started this program as (`current_run`); read, search and
compare runs (`Client`). docs/clients.md is the guide.
"""

from .client import Client
from .errors import AisimError, ApiError, ConfigError, RunStopped, ServiceUnavailable
from .run import Run, current_run, start_run

__all__ = [
    "AisimError",
    "ApiError",
    "Client",
    "ConfigError",
    "Run",
    "RunStopped",
    "ServiceUnavailable",
    "current_run",
    "start_run",
]
__version__ = "0.1.0"
