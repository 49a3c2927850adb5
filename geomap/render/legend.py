"""Legend and title controls: small MacroElements whose HTML is built and escaped here, in Python."""
from __future__ import annotations

import re
from typing import Any

import jinja2
from branca.element import MacroElement
from folium.template import Template

from geomap.render.layers import include_runtime

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")
_ENV = jinja2.Environment(autoescape=True)
_LEGEND_HTML = _ENV.from_string(
    "{% if title %}<div class=\"geomap-legend-head\">{{ title }}</div>{% endif %}"
    "{% for label, colour in points %}<div><i style=\"background:{{ colour }}\"></i>{{ label }}</div>{% endfor %}"
    "{% if lines %}<div class=\"geomap-legend-head\">{{ lines_title }}</div>{% endif %}"
    "{% for label, colour, dash in lines %}<div><i class=\"geomap-line\" "
    "style=\"border-top:3px {{ dash }} {{ colour }}\"></i>{{ label }}</div>{% endfor %}"
)


def _colour(value: str) -> str:
    """Only plain colour names or hex codes reach the style attribute."""
    return value if isinstance(value, str) and _COLOUR.match(value) else "#7f7f7f"


class _HtmlControl(MacroElement):
    """A Leaflet control showing HTML that was escaped when built."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = geomap.htmlControl({{ this._parent.get_name() }}, {{ this.html|tojavascript }},
                {{ this.position|tojavascript }}, {{ this.css_class|tojavascript }});
        {% endmacro %}
        """
    )

    css_class = ""

    def __init__(self, html: str, position: str):
        super().__init__()
        # folium re-parses rendered scripts as Jinja: braces from data are written as HTML entities
        self.html = html.replace("{", "&#123;").replace("}", "&#125;")
        self.position = position

    def render(self, **kwargs: Any) -> None:
        include_runtime(self)
        super().render(**kwargs)


class Legend(_HtmlControl):
    """Legend from ``{category: colour}`` (filled dots) and optional ``{category: (colour, dash)}`` lines."""

    css_class = "geomap-legend"

    def __init__(self, points: dict[str, str], *, lines: dict[str, tuple[str, str]] | None = None,
                 title: str | None = None, lines_title: str = "Zones", position: str = "bottomright"):
        body = _LEGEND_HTML.render(
            title=title, lines_title=lines_title,
            points=[(str(label), _colour(colour)) for label, colour in points.items()],
            lines=[(str(label), _colour(colour), dash if dash in ("solid", "dashed", "dotted") else "solid")
                   for label, (colour, dash) in (lines or {}).items()],
        )
        super().__init__(body, position)
        self._name = "Legend"


class TitleBox(_HtmlControl):
    """The map's title, shown on the map (escaped)."""

    css_class = "geomap-title"

    def __init__(self, title: str, position: str = "topleft"):
        super().__init__(_ENV.from_string("{{ t }}").render(t=title), position)
        self._name = "TitleBox"
