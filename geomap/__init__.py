"""geomap: news articles → places, ACLED-coded incidents and zones → layered, offline Folium maps."""
__version__ = "0.1.0"
