"""The exception tree. The library raises these; the CLI turns them into
messages and exit codes (see ``cli.py``), the API into HTTP statuses."""

from __future__ import annotations


class FrontwatchError(Exception):
    """Base class: every error frontwatch raises on purpose."""

    exit_code = 1


class InputError(FrontwatchError):
    """An input file or record cannot be read (empty, binary, too large,
    wrong encoding, unparseable). The batch goes on without it."""

    exit_code = 65  # EX_DATAERR

    def __init__(self, message: str, *, origin: str = "") -> None:
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)


class UnsupportedLanguageError(InputError):
    """The article is not in a language the pipeline handles."""


class ConfigError(FrontwatchError):
    """A setting is invalid or a required resource (model, data) is missing."""

    exit_code = 78  # EX_CONFIG


class ModelNotFoundError(ConfigError):
    """No installed spaCy pipeline matches the configured model name."""


class GazetteerError(FrontwatchError):
    """The gazetteer index is missing, corrupt, or cannot be built."""

    exit_code = 74  # EX_IOERR


class DownloadError(GazetteerError):
    """A gazetteer file could not be downloaded: offline, an HTTP error, or
    what came is not the expected zip."""

    exit_code = 69  # EX_UNAVAILABLE


class StoreError(FrontwatchError):
    """The store cannot be opened, is of an unknown schema version, or a
    write failed."""

    exit_code = 74


class NotFoundError(FrontwatchError):
    """A requested record (event, article) does not exist."""

    exit_code = 66  # EX_NOINPUT
