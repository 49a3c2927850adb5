"""Streamlit dashboard: the incidents, places and zones of a folder of articles on a layered map.

Run:  streamlit run examples/streamlit_app.py   (folder from the text box, else $GEOMAP_ARTICLES, else seeds/)

The folder may hold articles (.txt/.md/.html/.jsonl/.csv, read by ``geomap.read_documents``) and saved geomap
layers (.geojson), which are drawn without re-extracting. The Geoparser (spaCy model + gazetteer) is loaded once
per server process with ``st.cache_resource``; results are cached per folder content with ``st.cache_data``.
The map is drawn by streamlit-folium (which loads Leaflet from a CDN) or, with the "self-contained" toggle
(default on when $GEOMAP_OFFLINE=1), as geomap's self-contained page, which makes no network request.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit_folium import st_folium

import geomap
from geomap.documents import is_collection
from geomap.errors import InputError
from geomap.export import LAYERS, dumps, merge_collections, read_collection

DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "seeds"
MAP_HEIGHT = 560
TABLE_COLUMNS = ("date", "event_type", "sub_event_type", "place", "country_code", "admin1", "fatalities", "actors", "quote", "doc")


@st.cache_resource(show_spinner="Loading the spaCy model and the gazetteer…")
def geoparser() -> tuple[geomap.Geoparser, threading.Lock]:
    """One Geoparser for every session of this server, and a lock so sessions take turns with it."""
    return geomap.Geoparser(), threading.Lock()


def folder_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times: a new or edited article invalidates the cached result."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    return tuple((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


@st.cache_data(show_spinner="Extracting incidents…", max_entries=16)
def collect(folder: str, signature: tuple[tuple[str, int, int], ...]) -> tuple[dict[str, Any], list[str]]:
    """Saved .geojson layers read back, plus everything extracted from the articles, as one collection."""
    errors: list[str] = []
    collections = []
    for name, _, _ in signature:
        path = Path(folder) / name
        if is_collection(path):
            try:
                collections.append(read_collection(path))
            except InputError as exc:
                errors.append(str(exc))
    documents = list(geomap.read_documents([folder], on_error=lambda exc: errors.append(str(exc))))
    if documents:
        parser, lock = geoparser()
        with lock:
            collections.append(parser.extract(documents, errors=errors).to_geojson())
    return merge_collections(collections), errors


def incident_rows(collection: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for feature in collection["features"]:
        props = feature["properties"]
        if props.get("layer") == "incidents":
            row = {column: props.get(column) for column in TABLE_COLUMNS}
            row["actors"] = ", ".join(props.get("actors") or [])
            rows.append(row)
    return rows


def embed_page(html: str) -> None:
    """A whole HTML page in an iframe: ``st.iframe`` where it exists (Streamlit ≥ 1.5x), else components.html."""
    if hasattr(st, "iframe"):
        st.iframe(html, height=MAP_HEIGHT)
    else:
        import streamlit.components.v1 as components

        components.html(html, height=MAP_HEIGHT)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def main() -> None:
    st.set_page_config(page_title="geomap incidents", layout="wide")
    st.title("Incidents in a folder of articles")
    folder_text = st.text_input("Folder of articles", value=os.environ.get("GEOMAP_ARTICLES", str(DEFAULT_FOLDER)))
    folder = Path(folder_text).expanduser()
    if not folder.is_dir():
        st.error(f"{folder} is not a folder")
        st.stop()

    collection, errors = collect(str(folder.resolve()), folder_signature(folder))
    for line in errors:
        st.warning(line)
    counts = {layer: sum(f["properties"]["layer"] == layer for f in collection["features"]) for layer in LAYERS}
    st.markdown(f"**{plural(counts['incidents'], 'incident')}**, {plural(counts['places'], 'place')} and "
                f"{plural(counts['zones'], 'zone')} in `{folder}`")

    shown = st.multiselect("Layers", list(LAYERS), default=list(LAYERS))
    visible = {"type": "FeatureCollection", "features": [f for f in collection["features"] if f["properties"]["layer"] in shown]}
    offline = st.toggle("Self-contained map (no CDN, no tiles: works offline)", value=os.environ.get("GEOMAP_OFFLINE") == "1")
    if offline:  # st_folium loads Leaflet from a CDN; the self-contained page inlines every asset
        embed_page(geomap.render_html(visible, self_contained=True))
    else:
        st_folium(geomap.build_map(visible), height=MAP_HEIGHT, use_container_width=True, returned_objects=[], key="map")

    st.subheader("Incidents")
    rows = incident_rows(collection)
    if rows:
        st.dataframe(rows, width="stretch", hide_index=True)
    else:
        st.info("No incidents found.")
    st.download_button("Download GeoJSON", dumps(collection), file_name="geomap.geojson", mime="application/geo+json")


main()
