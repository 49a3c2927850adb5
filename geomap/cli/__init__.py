"""Command line: one module per subcommand (filled in by the foundation)."""


def main() -> None:  # replaced when the CLI lands
    raise SystemExit("geomap CLI not built yet")
