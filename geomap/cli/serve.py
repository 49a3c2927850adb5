"""`geomap serve INPUT...`: serve the map and its layers over HTTP for dashboards, and extract posted articles."""
from __future__ import annotations

import logging
import socket

import click

from geomap.cli.common import gazetteer_option, is_debug, model_option, one_line, published_option
from geomap.cli.runner import extract_inputs

log = logging.getLogger("geomap.cli.serve")


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port); port 0 picks a free port, read back with getsockname()."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)  # listening before the address is printed: early clients wait in the backlog
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from None
    sock.set_inheritable(True)
    return sock


@click.command("serve")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on. Anything but loopback exposes /api/extract to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port (0 picks a free one; the address is printed).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN", help="Origin allowed to read responses from a browser (repeatable; '*' for any). Default: none.")
@click.option("--max-body-bytes", default=1_000_000, show_default=True, type=click.IntRange(min=1), help="Largest request body accepted (413 above).")
@click.option("--tiles", default=None, help="Base map of /map.html, as for `geomap map` (provider name, tile URL or 'none').")
@click.option("--self-contained", is_flag=True, help="/map.html inlines every script and style: it makes no network request.")
@published_option
@gazetteer_option
@model_option
def command(inputs, host, port, cors_origins, max_body_bytes, tiles, self_contained, published, gazetteer_path, model) -> None:
    """Serve the incidents, places and zones of INPUTS (articles or saved .geojson) as a map and GeoJSON layers.

    Routes: /map.html, /layers/{incidents,places,zones,all}.geojson, POST /api/extract, /healthz, /docs.
    """
    import uvicorn

    from geomap.pipeline import Geoparser
    from geomap.server import create_app, is_loopback

    options = {"gazetteer_path": gazetteer_path, "model": model}
    geoparser = Geoparser(**{k: v for k, v in options.items() if v is not None})
    collection, errors = extract_inputs(inputs, published=published, geoparser=geoparser)
    for line in errors:
        click.echo(f"geomap: error: {one_line(line)}", err=True)
    map_options = {"self_contained": self_contained, **({"tiles": tiles} if tiles is not None else {})}
    app = create_app(collection, extractor=geoparser, cors_origins=cors_origins, max_body_bytes=max_body_bytes,
                     map_options=map_options)

    if not is_loopback(host):
        log.warning("listening on %s: anyone who can reach this address can read the layers and run extractions", host)
    sock = bind(host, port)
    bound_host, bound_port = sock.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    click.echo(f"geomap: serving http://{shown}:{bound_port}/map.html (layers: /layers/all.geojson, API: /docs)", err=True)
    config = uvicorn.Config(app, log_level="debug" if is_debug() else "warning", access_log=is_debug(), lifespan="on")
    try:
        # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal: Ctrl-C is a normal stop
        # (exit 0), while SIGTERM keeps its conventional "terminated by signal" status for process managers.
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        click.echo("geomap: stopped", err=True)
    finally:
        sock.close()
