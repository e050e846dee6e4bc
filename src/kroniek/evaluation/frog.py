"""Frog (the Dutch NLP suite of CLST/ILK) as a peer NER system, run in server mode.

`FrogServer` starts `frog -S PORT -n` with the tokenizer, lemmatizer, morphology, chunker,
multi-word units and parser skipped (`--skip=tmpcla`), so its tokens are the gold tokens.
In `-n` mode every line sent is one sentence, answered by one tab-separated row per token
and `READY`; a batch of sentences goes over one connection (Frog forks a worker per
connection, so one connection per sentence would be slow). Frog's NER types (per, loc,
org, pro, eve, misc) are mapped to CoNLL's PER, LOC, ORG and MISC.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
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
        cmd = ["frog", "-S", str(self.port), "-n", "--skip=tmpcla"]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
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
        if self.proc is not None:
            # Frog ignores SIGTERM while busy and leaves forked workers: end its whole
            # process group (its own session, started above).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def tag(self, sentences: Sequence[Sequence[str]], *, batch: int = 100) -> list[list[str]]:
        """NER tags (IOB, CoNLL types) for each pre-tokenised sentence."""
        out: list[list[str]] = []
        for i in range(0, len(sentences), batch):
            out += self._tag_batch(sentences[i : i + batch])
        return out

    def _tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        payload = "".join(" ".join(words) + "\n" for words in sentences)
        with socket.create_connection(("127.0.0.1", self.port), timeout=600) as conn:
            conn.sendall(payload.encode("utf-8"))
            buf = b""
            while buf.count(b"\nREADY\n") + buf.startswith(b"READY\n") < len(sentences):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                buf += chunk
        answers = buf.decode("utf-8").split("READY\n")
        out = []
        for words, answer in zip(sentences, answers, strict=False):
            tags = [_ner_column(line.split("\t")) for line in answer.splitlines() if "\t" in line]
            out.append((tags + ["O"] * len(words))[: len(words)])
        return out + [["O"] * len(w) for w in sentences[len(out) :]]


def _ner_column(cols: list[str]) -> str:
    """The NER column of a Frog row (the 8th in Frog 0.20), mapped to CoNLL types."""
    tag = next((c for c in cols[6:] if c == "O" or c[:2] in ("B-", "I-")), "O")
    prefix, _, typ = tag.partition("-")
    return f"{prefix}-{_TYPES.get(typ.upper(), 'MISC')}" if typ else "O"


def predict_frog(sentences: Sequence[GoldSentence]) -> list[list[Span]]:
    """Frog's entity spans for gold sentences (one server for the whole set)."""
    with FrogServer() as frog:
        return [iob_spans(tags) for tags in frog.tag([s.words for s in sentences])]
