"""Render a geomap FeatureCollection as a layered, time-aware folium map (optionally fully offline)."""
from geomap.render.layers import layers
from geomap.render.legend import Legend
from geomap.render.map import build_map, render_fragment, render_html
from geomap.render.screenshot import screenshot
from geomap.render.style import EVENT_COLOURS, event_colour, feature_colour
from geomap.render.timeline import TimeSlider

__all__ = ["build_map", "layers", "render_html", "render_fragment", "screenshot", "Legend", "TimeSlider",
           "EVENT_COLOURS", "event_colour", "feature_colour"]
