"""One small error tree, as in geopy: the CLI turns any GeomapError into a one-line message."""


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class ConfigurationError(GeomapError, ValueError):
    """A setting or argument that cannot work (bad date, unknown option value)."""


class InputError(GeomapError):
    """An input document or file that cannot be read; names the input (and line)."""

    def __init__(self, source: str, message: str, line: int | None = None):
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


class GazetteerError(GeomapError):
    """The gazetteer store is missing, corrupt or outdated; the message says how to fix it."""


class ModelError(GeomapError):
    """No usable spaCy pipeline could be loaded."""
