"""kroniek's exceptions. The library raises these; the CLI turns them into one line.

    KroniekError                  every error kroniek raises on purpose (exit code 1)
    ├── InputError                the user's input is unusable (exit code 2)
    │   ├── EmptyInputError       nothing to analyse
    │   ├── BinaryInputError      not text (NUL bytes, an image, an archive)
    │   ├── EncodingError         not valid UTF-8 (or the declared encoding)
    │   ├── InputTooLargeError    over the size limit
    │   ├── DateHeaderError       a ` date ... ` header that is not a date
    │   ├── RecordError           a JSONL line / feed item / WARC record that is malformed
    │   └── UnsupportedFormatError
    ├── ConfigError               a pipeline or setting that cannot work (exit code 3)
    │   └── PipelineOrderError    a stage needs what no earlier stage assigns
    ├── ResourceError             a model, gazetteer or store that is missing or broken (4)
    │   └── StoreError
    └── SchemaError               a document that is not `kroniek/1`

Every error carries the input it is about (`source`), where in it (`line`, optional) and a
`hint` saying what to do. `str(error)` gives the full one-line message.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "DateHeaderError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "InputTooLargeError",
    "KroniekError",
    "PipelineOrderError",
    "RecordError",
    "ResourceError",
    "SchemaError",
    "StoreError",
    "UnsupportedFormatError",
    "env_choice",
]


class KroniekError(Exception):
    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}"
            if self.line is not None:
                where += f", line {self.line}"
            where += ": "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


class InputError(KroniekError):
    exit_code = 2


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class DateHeaderError(InputError):
    pass


class RecordError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class ConfigError(KroniekError):
    exit_code = 3


class PipelineOrderError(ConfigError):
    pass


def env_choice(value: str | None, *, env: str, choices: tuple[str, ...], default: str,
               what: str) -> str:
    """`value`, else `$env`, else `default`; a ConfigError naming where a value not in
    `choices` came from (the switches `$KRONIEK_MODE`, `$KRONIEK_EVENTS`, ...)."""
    import os

    chosen = value or os.environ.get(env) or default
    if chosen not in choices:
        raise ConfigError(f"unknown {what} {chosen!r}" + ("" if value else f" (from ${env})"),
                          hint="use one of: " + ", ".join(choices))
    return chosen


class ResourceError(KroniekError):
    exit_code = 4


class StoreError(ResourceError):
    pass


class SchemaError(KroniekError):
    exit_code = 2
