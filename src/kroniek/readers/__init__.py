"""Readers: turn files, folders, standard input and URLs into `Article`s.

Every reader is a generator (streaming: memory does not grow with the input) and raises a
typed `InputError` naming the input (and line) for what it cannot read. Readers for a
collection (JSONL, feeds, WARC) report a broken item through `on_error` and go on, so one
bad line does not stop a run.

`read_inputs(paths)` picks the reader by content and extension.
"""

from __future__ import annotations

from kroniek.readers.base import Article, ItemError, read_inputs
from kroniek.readers.text import (
    MAX_BYTES,
    decode_text,
    parse_dated_text,
    read_jsonl,
    read_text_file,
)

__all__ = [
    "MAX_BYTES",
    "Article",
    "ItemError",
    "decode_text",
    "parse_dated_text",
    "read_inputs",
    "read_jsonl",
    "read_text_file",
]
