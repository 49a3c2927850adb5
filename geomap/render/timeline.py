"""The time slider: a Leaflet control over every timed geomap layer of its map.

folium's Timeline compares every shown feature with every active one on each step (quadratic at 100k points)
and never shows undated features, so geomap filters its own layers: an incident is shown when its window
(date..date_end, the whole week/month for coarse dates) overlaps the chosen range; undated ones always are.
"""
from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from folium.template import Template

from geomap.render.layers import include_runtime


class TimeSlider(MacroElement):
    """From/to range inputs; add it to the map after the layers it should filter."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.timeSlider({{ this._parent.get_name() }}, {{ this.options|tojavascript }});
        {% endmacro %}
        """
    )

    def __init__(self, position: str = "bottomleft"):
        super().__init__()
        self._name = "TimeSlider"
        self.options = {"position": position}

    def render(self, **kwargs: Any) -> None:
        include_runtime(self)
        super().render(**kwargs)
