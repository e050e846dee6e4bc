"""Frog (the Dutch NLP suite of CLST/ILK) as a peer NER system, run in server mode.

`FrogServer` starts `frog -S PORT` with the tokenizer, lemmatizer, morphology, chunker,
multi-word units and parser skipped (`--skip=tmpcla`), so its tokens are the gold tokens.
A request is one connection: a pre-tokenised sentence, then `EOT`; Frog answers with one
tab-separated row per token and `READY` (it reads one request per connection). Frog's NER types
(per, loc, org, pro, eve, misc) are mapped to CoNLL's PER, LOC, ORG and MISC.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from types import TracebackType

from kroniek.errors import ResourceError
from kroniek.evaluation.ner import GoldSentence, Span, iob_spans

__all__ = ["FrogServer", "frog_available", "predict_frog"]

_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "PRO": "MISC", "EVE": "MISC", "MISC": "MISC"}


def frog_available() -> bool:
    return shutil.which("frog") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class FrogServer:
    """A Frog server process for the lifetime of a `with` block."""

    def __init__(self, *, port: int | None = None, startup_timeout: float = 120.0) -> None:
        if not frog_available():
            raise ResourceError(
                "frog is not installed",
                source="frog",
                hint="apt-get install frog frogdata ucto uctodata",
            )
        self.port = port or _free_port()
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> FrogServer:
        cmd = ["frog", "-S", str(self.port), "--skip=tmpcla"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ResourceError("frog exited while starting", source=" ".join(cmd))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.5)
        self.__exit__(None, None, None)
        raise ResourceError("frog did not start listening in time", source=" ".join(cmd))

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """NER tags (IOB, CoNLL types) for each pre-tokenised sentence."""
        return [self._tag_one(words) for words in sentences]

    def _tag_one(self, words: Sequence[str]) -> list[str]:
        payload = " ".join(words) + "\nEOT\n"
        with socket.create_connection(("127.0.0.1", self.port), timeout=120) as conn:
            conn.sendall(payload.encode("utf-8"))
            buf = b""
            while b"READY" not in buf:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                buf += chunk
        tags = [
            _ner_column(line.split("\t"))
            for line in buf.decode("utf-8").splitlines()
            if "\t" in line
        ]
        return (tags + ["O"] * len(words))[: len(words)]


def _ner_column(cols: list[str]) -> str:
    """The NER column of a Frog row (the 8th in Frog 0.20), mapped to CoNLL types."""
    tag = next((c for c in cols[6:] if c == "O" or c[:2] in ("B-", "I-")), "O")
    prefix, _, typ = tag.partition("-")
    return f"{prefix}-{_TYPES.get(typ.upper(), 'MISC')}" if typ else "O"


def predict_frog(sentences: Sequence[GoldSentence]) -> list[list[Span]]:
    """Frog's entity spans for gold sentences (one server for the whole set)."""
    with FrogServer() as frog:
        return [iob_spans(tags) for tags in frog.tag([s.words for s in sentences])]
