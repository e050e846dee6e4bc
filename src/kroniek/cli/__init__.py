"""The `kroniek` command line.

The library raises typed errors; this layer turns them into one line on stderr and an
exit code:

    0  success
    1  some items failed (ingest/batch went on and reported them)
    2  bad input (the file, line or argument named in the message)
    3  bad configuration
    4  a missing or broken resource (model, gazetteer, store)
    130 interrupted (Ctrl-C); what was stored so far is kept

Each command group lives in its own module exposing `register(app)`; heavy imports happen
inside the commands so `kroniek --help` and `kroniek analyze` start fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from typing import Any

import typer

from kroniek.errors import KroniekError

__all__ = ["app", "fail", "main"]

# One BLAS thread, set before numpy loads (nothing above imports it). kroniek's matrices
# are small: a second OpenBLAS thread only spins, and `kroniek bench` measured 24.4 →
# 26.8 articles per CPU second with it off. Parallelism is Dask workers (`kroniek batch`),
# which inherit this. A value the user set is kept.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

app = typer.Typer(
    name="kroniek",
    help="Turn news articles about armed conflict into a sourced, mapped chronicle.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"kroniek {version('kroniek')}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version,
                                 is_eager=True, help="Print the version and exit."),
) -> None:
    """Turn news articles about armed conflict into a sourced, mapped chronicle.

    Example:  kroniek ingest news.jsonl && kroniek events --place Oekraïne
    """

# Modules under kroniek.cli that add commands with `register(app)`.
_COMMAND_MODULES = (
    "analyze",
    "store_commands",
    "query",
    "eval",
    "gazetteer",
    "serve",
    "export",
    "batch",
    "bench",
)


def fail(message: str, *, code: int = 2, hint: str | None = None) -> typer.Exit:
    """Print `Error: message` (and a hint) on stderr; return the Exit to raise."""
    text = f"Error: {message}"
    if hint:
        text += f" (hint: {hint})"
    print(text, file=sys.stderr)
    return typer.Exit(code)


def _register_all() -> None:
    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kroniek.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"kroniek.cli.{name}":
                continue  # a command group not built yet
            raise
        register: Callable[[typer.Typer], Any] = module.register
        register(app)


_register_all()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `kroniek` script: runs the app, translating errors."""
    try:
        # Without standalone mode click returns (not raises) the code of `typer.Exit(n)`.
        code = app(args=argv, standalone_mode=False)
    except KroniekError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("Interrupted: what was stored so far is kept; run again to resume.",
              file=sys.stderr)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        code = 130
    except Exception as exc:
        # Usage errors of the command-line parser (Typer ships its own click).
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        raise
    if code == 130:  # Typer turns Ctrl-C inside a command into Exit(130) or Abort
        print("Interrupted: what was stored so far is kept; run again to resume.",
              file=sys.stderr)
    sys.exit(code if isinstance(code, int) else 0)
