"""Command line: a thin layer over the library, one module per subcommand.

Exit codes: 0 done; 1 done but some inputs failed (each named on stderr); 2 usage error.
"""
from __future__ import annotations

import importlib
import importlib.util

import click

from geomap import __version__

# subcommand name → module in geomap.cli exposing ``command``
_COMMANDS = {
    "map": "map_cmd",
    "extract": "extract",
    "geocode": "geocode",
    "gazetteer": "gazetteer",
    "info": "info",
    "eval": "eval_cmd",
    "eval-incidents": "eval_incidents",
    "serve": "serve",
}


class _LazyGroup(click.Group):
    """Imports a subcommand's module only when it runs, so `geomap --help` stays fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, module in _COMMANDS.items() if _available(module))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = _COMMANDS.get(name)
        if module is None or not _available(module):
            return None
        return importlib.import_module(f"geomap.cli.{module}").command

    def invoke(self, ctx: click.Context):
        from geomap.cli.common import translate_errors

        with translate_errors(ctx):
            return super().invoke(ctx)


def _available(module: str) -> bool:
    return importlib.util.find_spec(f"geomap.cli.{module}") is not None


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geomap")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Find places, incidents and zones in news articles and map them, offline."""
    from geomap.cli.common import configure_logging

    ctx.obj = {"debug": debug}
    configure_logging(debug)


def main() -> None:
    cli(prog_name="geomap")
