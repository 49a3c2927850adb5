"""geomap.server over real HTTP: a uvicorn server on a free loopback port, talked to with httpx and raw sockets."""
from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

from geomap.models import Document, Extraction, Incident, Mention, Place, Zone

KYIV = Place("geonames:703448", "Kyiv", 50.45466, 30.5238, "P", "PPLC", "UA", "Kyiv City", population=2797553)
BALASHIKHA = Place("geonames:579464", "Balashikha", 55.8094, 37.9581, "P", "PPL", "RU", "Moscow Oblast", population=215494)
KNOWN = {"Kyiv": KYIV, "Balashikha": BALASHIKHA}
ORIGIN = "https://dash.example"


def sample_extraction() -> Extraction:
    """A small real Extraction (two incidents, two places, one zone) built from the frozen records."""
    doc = Document(id="doc-1", text="…", published=date(2025, 4, 25))
    incidents = [
        Incident("doc-1-1", "doc-1", "Explosions/Remote violence", "Remote explosive/landmine/IED", BALASHIKHA, "Balashikha",
                 1, date(2025, 4, 25), None, "day", 1, "killed by IED in Balashikha", 10, 38, fatalities=1),
        Incident("doc-1-2", "doc-1", "Battles", "Armed clash", KYIV, "Kyiv", 1, date(2025, 4, 24), None, "day", 1,
                 "clashes near Kyiv", 50, 67),
    ]
    mentions = [Mention("doc-1", "Balashikha", 30, 40, "GPE", BALASHIKHA, 0.9), Mention("doc-1", "Kyiv", 62, 66, "GPE", KYIV, 0.95)]
    ring = [[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0], [30.0, 50.0]]
    zones = [Zone("doc-1", "demilitarized zone", "proposed", "around Kyiv (point)", 30.0, {"type": "Polygon", "coordinates": [ring]})]
    return Extraction(documents=[doc], mentions=mentions, incidents=incidents, zones=zones)


class FakeGeoparser:
    """Stands in for Geoparser: marks every known place name in the text; records the threads it ran on."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.threads: set[str] = set()

    def extract(self, documents, *, errors=None) -> Extraction:
        self.threads.add(threading.current_thread().name)
        extraction = Extraction(errors=errors if errors is not None else [])
        for document in documents:
            self.calls.append(document.text)
            extraction.documents.append(document)
            for name, place in KNOWN.items():
                start = document.text.find(name)
                while start >= 0:
                    extraction.mentions.append(Mention(document.id, name, start, start + len(name), "GPE", place, 0.8))
                    start = document.text.find(name, start + 1)
        extraction.mentions.sort(key=lambda m: m.start)
        return extraction


class LiveServer:
    """uvicorn serving an app in a thread, on a port the OS picked."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            assert self.thread.is_alive(), "server thread died"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
        assert not self.thread.is_alive(), "server did not shut down"


@pytest.fixture(scope="module")
def fake() -> FakeGeoparser:
    return FakeGeoparser()


@pytest.fixture(scope="module")
def live(fake):
    from geomap.server import create_app

    app = create_app(sample_extraction().to_geojson(), extractor=fake, cors_origins=(ORIGIN,), max_body_bytes=4096)
    with LiveServer(app) as server:
        yield server


@pytest.fixture()
def client(live):
    with httpx.Client(base_url=live.url, timeout=10) as http:
        yield http


def raw_get(port: int, target: str, extra: str = "") -> tuple[int, bytes]:
    """Send a request line exactly as written (httpx would normalise '..' away); return (status, whole response)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{extra}\r\n".encode("latin-1"))
        chunks = []
        while True:
            data = conn.recv(65536)
            if not data:
                break
            chunks.append(data)
    response = b"".join(chunks)
    return int(response.split(b" ", 2)[1]), response


def test_each_layer_is_a_geojson_feature_collection_of_that_layer(client):
    sizes = {}
    for name in ("incidents", "places", "zones", "all"):
        response = client.get(f"/layers/{name}.geojson")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/geo+json"
        body = response.json()
        assert body["type"] == "FeatureCollection"
        sizes[name] = len(body["features"])
        if name != "all":
            assert {f["properties"]["layer"] for f in body["features"]} == {name}
    assert sizes == {"incidents": 2, "places": 2, "zones": 1, "all": 5}


def test_features_carry_the_map_colours_for_grafana(client):
    from geomap.render.style import event_colour, zone_style

    incidents = client.get("/layers/incidents.geojson").json()["features"]
    for feature in incidents:
        assert feature["properties"]["marker-color"] == event_colour(feature["properties"]["event_type"])
    zone = client.get("/layers/zones.geojson").json()["features"][0]["properties"]
    assert zone["fill"] == zone_style("proposed")["color"] and zone["fill-opacity"] == zone_style("proposed")["fillOpacity"]


def test_etag_and_304(client):
    first = client.get("/layers/all.geojson")
    etag = first.headers["etag"]
    assert etag.startswith('"') and "max-age" in first.headers["cache-control"]
    again = client.get("/layers/all.geojson", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert client.get("/layers/all.geojson", headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304
    assert client.get("/layers/all.geojson", headers={"If-None-Match": '"stale"'}).status_code == 200
    assert client.get("/layers/places.geojson").headers["etag"] != etag
    head = client.head("/layers/all.geojson")
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == etag


def test_cors_preflight_and_headers(client):
    preflight = client.options("/api/extract", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in preflight.headers["access-control-allow-methods"]
    simple = client.get("/layers/incidents.geojson", headers={"Origin": ORIGIN})
    assert simple.headers["access-control-allow-origin"] == ORIGIN
    assert "etag" in simple.headers["access-control-expose-headers"].lower()
    other = client.get("/layers/incidents.geojson", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers
    refused = client.options("/api/extract", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert refused.status_code == 400


def test_no_cors_headers_unless_configured(fake):
    from geomap.server import create_app

    with LiveServer(create_app(sample_extraction().to_geojson(), extractor=fake)) as server:
        response = httpx.get(f"{server.url}/layers/all.geojson", headers={"Origin": ORIGIN}, timeout=10)
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers


def test_extract_runs_the_one_extractor_off_the_event_loop(client, fake):
    text = "Explosion in Balashikha; later strikes on Kyiv and Kyiv again."
    response = client.post("/api/extract", json={"text": text, "published": "2025-04-25", "title": "t"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    names = [f["properties"]["mention"] for f in response.json()["features"]]
    assert names == ["Balashikha", "Kyiv", "Kyiv"]
    assert fake.threads and all(name.startswith("geomap-extract") for name in fake.threads)
    assert client.post("/api/extract", json={"text": text, "published": "2025-04-25", "title": "t"}).content == response.content


@pytest.mark.parametrize("body", [
    {}, {"text": ""}, {"text": "   "}, {"text": 3}, {"text": "Kyiv", "published": "yesterday"},
    {"text": "Kyiv", "unknown": 1}, [1, 2],
])
def test_extract_rejects_bad_input_with_422(client, body):
    assert client.post("/api/extract", json=body).status_code == 422


def test_extract_rejects_malformed_json(client):
    response = client.post("/api/extract", content=b'{"text": ', headers={"Content-Type": "application/json"})
    assert response.status_code == 422


def test_oversized_body_with_content_length_is_refused_before_it_is_read(live, fake):
    before = len(fake.calls)
    with socket.create_connection(("127.0.0.1", live.port), timeout=5) as conn:
        conn.sendall(b"POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 50000000\r\n\r\n")  # headers only: a server waiting for the body would time out
        head = conn.recv(4096)
    assert head.startswith(b"HTTP/1.1 413")
    response = httpx.post(f"{live.url}/api/extract", json={"text": "Kyiv " * 2000}, timeout=10)
    assert response.status_code == 413
    assert len(fake.calls) == before


def test_oversized_chunked_body_is_refused(live, fake):
    before = len(fake.calls)

    def chunks():
        yield b'{"text": "'
        for _ in range(100):
            yield b"Kyiv " * 20
        yield b'"}'

    response = httpx.post(f"{live.url}/api/extract", content=chunks(), headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 413
    assert len(fake.calls) == before

    def small():
        yield b'{"text": "strike on '
        yield b'Kyiv"}'

    ok = httpx.post(f"{live.url}/api/extract", content=small(), headers={"Content-Type": "application/json"}, timeout=10)
    assert ok.status_code == 200 and len(fake.calls) == before + 1


TRAVERSALS = [
    "/layers/../../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/layers/%2e%2e/%2e%2e/etc/passwd",
    "/layers/..%2f..%2f..%2fetc%2fpasswd", "/layers/%252e%252e/etc/passwd", "/layers/..\\..\\etc\\passwd",
    "/layers/incidents.geojson/../../../etc/passwd", "//etc/passwd", "/etc/passwd", "/layers/", "/layers/incidents",
    "/layers/incidents.geojson/", "/map.html/../../etc/passwd", "/static/../etc/passwd",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_paths_outside_the_routes_are_404_and_never_files(live, target):
    status, response = raw_get(live.port, target)
    assert status == 404
    assert b"root:" not in response and b"geomap" not in response.split(b"\r\n\r\n", 1)[1]


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/layers/incidents.geojson", "/layers/all.geojson", "/api/extract", "/map.html", "/healthz"} <= set(spec["paths"])
    assert "ExtractRequest" in json.dumps(spec["components"])
    assert client.get("/docs").status_code == 200


def test_healthz(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["features"] == {"incidents": 2, "places": 2, "zones": 1}


def test_map_html_is_the_rendered_map_with_an_etag(client):
    render = pytest.importorskip("geomap.render")
    if not hasattr(render, "render_html"):
        pytest.skip("geomap.render.render_html is not available yet")
    response = client.get("/map.html")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Balashikha" in response.text and "leaflet" in response.text.lower()
    assert client.get("/map.html", headers={"If-None-Match": response.headers["etag"]}).status_code == 304


def test_is_loopback():
    from geomap.server import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.4", "example.org"))


# ---- the CLI: `geomap serve` in a subprocess -------------------------------------------------------------------

def start_cli(args: list[str], cwd: Path) -> tuple[subprocess.Popen, str]:
    """Run `geomap serve ... --port 0`; return the process and the base URL it printed."""
    code = "from geomap.cli import main; main()"
    process = subprocess.Popen([sys.executable, "-c", code, "serve", *args, "--port", "0"], cwd=cwd,
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline, seen = time.monotonic() + 120, b""
    while b"serving http://" not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or process.poll() is not None:
            process.kill()
            pytest.fail(f"geomap serve did not start: {seen.decode(errors='replace')}")
        if selector.select(timeout=min(remaining, 1.0)):
            seen += os.read(process.stderr.fileno(), 4096)
    line = next(l for l in seen.decode().splitlines() if "serving http://" in l)
    url = line.split("serving ", 1)[1].split("/map.html", 1)[0]
    return process, url


def stop_cli(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()


def test_cli_serves_a_saved_collection_and_shuts_down_cleanly(tmp_path):
    from geomap.export import write_geojson

    saved = write_geojson(tmp_path / "layers.geojson", sample_extraction().to_geojson())
    process, url = start_cli([str(saved), "--cors-origin", ORIGIN, "--max-body-bytes", "1000", "--self-contained"], tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=url, timeout=10) as http:
            assert http.get("/healthz").json()["features"] == {"incidents": 2, "places": 2, "zones": 1}
            layer = http.get("/layers/incidents.geojson", headers={"Origin": ORIGIN})
            assert layer.status_code == 200 and layer.headers["access-control-allow-origin"] == ORIGIN
            assert http.post("/api/extract", json={"text": "x" * 2000}).status_code == 413
            page = http.get("/map.html")
            assert page.status_code == 200 and "Balashikha" in page.text
            assert '<script src="http' not in page.text  # --self-contained: no CDN
        port = int(url.rsplit(":", 1)[1])
        assert raw_get(port, "/layers/../../etc/passwd")[0] == 404
    finally:
        code = stop_cli(process)
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["layers.geojson"]


@pytest.mark.e2e
def test_cli_serves_articles_and_extracts_a_posted_one_with_the_real_pipeline(tmp_path, seed_path):
    process, url = start_cli([str(seed_path)], tmp_path)
    try:
        with httpx.Client(base_url=url, timeout=300) as http:
            served = http.get("/layers/incidents.geojson").json()["features"]
            assert served and all(f["properties"]["marker-color"].startswith("#") for f in served)
            assert http.get("/healthz").json()["extractor_loaded"] is False  # the API model loads on first use
            text = seed_path.read_text(encoding="utf-8")
            response = http.post("/api/extract", json={"text": text, "published": "2025-04-25"})
            assert response.status_code == 200, response.text
            features = response.json()["features"]
            places = {f["properties"]["name"] for f in features if f["properties"]["layer"] == "places"}
            assert "Balashikha" in places
            posted = sorted((f["properties"]["event_type"], f["properties"]["place"]) for f in features
                            if f["properties"]["layer"] == "incidents")
            assert posted == sorted((f["properties"]["event_type"], f["properties"]["place"]) for f in served)
            assert http.get("/healthz").json()["extractor_loaded"] is True
    finally:
        assert stop_cli(process) == 0
    assert list(tmp_path.iterdir()) == []


class BlockingGeoparser(FakeGeoparser):
    """Holds every extraction until released, to show the server keeps answering meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.entered = threading.Event()
        self.release = threading.Event()

    def extract(self, documents, *, errors=None) -> Extraction:
        self.entered.set()
        assert self.release.wait(timeout=30)
        return super().extract(documents, errors=errors)


def test_a_running_extraction_does_not_block_other_requests():
    from geomap.server import create_app

    blocking = BlockingGeoparser()
    with LiveServer(create_app(sample_extraction().to_geojson(), extractor=blocking)) as server:
        results: list[httpx.Response] = []
        poster = threading.Thread(target=lambda: results.append(
            httpx.post(f"{server.url}/api/extract", json={"text": "Kyiv"}, timeout=30)))
        poster.start()
        try:
            assert blocking.entered.wait(timeout=10)
            # the extraction holds until released below: a blocked event loop would time these out
            assert httpx.get(f"{server.url}/layers/all.geojson", timeout=10).status_code == 200
            assert httpx.get(f"{server.url}/healthz", timeout=10).status_code == 200
            assert not results, "the extraction should still be waiting"
        finally:
            blocking.release.set()
            poster.join(timeout=30)
    assert results and results[0].status_code == 200


def test_cli_warns_when_listening_beyond_loopback(tmp_path, monkeypatch):
    """--host 0.0.0.0 logs a warning; the socket is swapped for a loopback one so the test never listens outside."""
    import uvicorn
    from click.testing import CliRunner

    import geomap.cli.serve as serve_cli
    from geomap.cli import cli
    from geomap.export import write_geojson

    saved = write_geojson(tmp_path / "layers.geojson", sample_extraction().to_geojson())
    real_bind, seen = serve_cli.bind, {}

    def loopback_bind(host, port):
        seen["host"] = host
        return real_bind("127.0.0.1", 0)

    monkeypatch.setattr(serve_cli, "bind", loopback_bind)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: seen.setdefault("app", self.config.app))
    result = CliRunner().invoke(cli, ["serve", str(saved), "--host", "0.0.0.0", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "0.0.0.0" and seen["app"] is not None
    assert "anyone who can reach this address" in result.stderr
    quiet = CliRunner().invoke(cli, ["serve", str(saved), "--port", "0"])
    assert quiet.exit_code == 0 and "anyone who can reach" not in quiet.stderr


def test_extractions_past_the_queue_get_503_and_the_queue_drains():
    from geomap.server import create_app

    blocking = BlockingGeoparser()
    app = create_app(sample_extraction().to_geojson(), extractor=blocking, max_pending=1)
    with LiveServer(app) as server:
        first: list[httpx.Response] = []
        poster = threading.Thread(target=lambda: first.append(
            httpx.post(f"{server.url}/api/extract", json={"text": "Kyiv"}, timeout=30)))
        poster.start()
        try:
            assert blocking.entered.wait(timeout=10)
            busy = httpx.post(f"{server.url}/api/extract", json={"text": "Kyiv"}, timeout=10)
            assert busy.status_code == 503 and busy.headers["retry-after"]
        finally:
            blocking.release.set()
            poster.join(timeout=30)
        assert first[0].status_code == 200
        assert httpx.post(f"{server.url}/api/extract", json={"text": "Kyiv"}, timeout=10).status_code == 200


def test_any_origin_when_asked(fake):
    from geomap.server import create_app

    with LiveServer(create_app(sample_extraction().to_geojson(), extractor=fake, cors_origins=("*",))) as server:
        response = httpx.get(f"{server.url}/layers/zones.geojson", headers={"Origin": "https://anywhere.example"}, timeout=10)
    assert response.headers["access-control-allow-origin"] == "*"
