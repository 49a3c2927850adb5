"""Toponym resolution as a ranking with named features (see ``geomap.resolve`` for the public API)."""
