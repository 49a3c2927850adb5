"""`geomap geocode NAME`: look a place name up in the local gazetteer; --explain shows why it ranked so."""
from __future__ import annotations

import json

import click

from geomap.cli.common import EXIT_FAILURES, gazetteer_option


def _context_mentions(text: str, store) -> list:
    """Places the gazetteer matcher finds in --context text (no statistical model: fast and deterministic)."""
    import spacy

    from geomap.nlp.pipeline import MATCHER, SPAN_KEY, register_extensions
    from geomap.nlp import toponyms  # noqa: F401  (registers the matcher factory)
    from geomap.resolve import MentionSpan

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(MATCHER).store = store
    doc = nlp(text)
    return [MentionSpan(s.text, s.label_, s.start_char, s.end_char) for s in doc.spans[SPAN_KEY]]


def _record(scored, geocoder, confidence: float | None = None) -> dict:
    place = scored.place
    out = {"name": place.name, "address": geocoder.address(place), "lat": place.lat, "lon": place.lon,
           "gazetteer_id": place.gazetteer_id, "feature_class": place.feature_class,
           "feature_code": place.feature_code, "country_code": place.country_code, "admin1": place.admin1,
           "population": place.population, "score": round(scored.score, 4), "matched_name": scored.matched_name,
           "match": scored.match}
    if confidence is not None:
        out["confidence"] = round(confidence, 4)
    return out


@click.command("geocode")
@click.argument("name")
@click.option("--country", metavar="CC", help="Prefer places in this country (ISO 3166-1 alpha-2).")
@click.option("--limit", type=click.IntRange(min=1, max=10), default=1, show_default=True,
              help="How many ranked candidates to show.")
@click.option("--context", "context_text", metavar="TEXT",
              help="Text the name appeared in: its other places count as context (e.g. 'Idaho police said').")
@click.option("--explain", is_flag=True, help="Show every candidate's score and each feature's contribution.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@gazetteer_option
def command(name: str, country: str | None, limit: int, context_text: str | None, explain: bool, as_json: bool,
            gazetteer_path) -> None:
    """Geocode NAME ("Kyiv", "Moscow, Idaho", "Long Beach, CA") against the local gazetteer."""
    from geomap.geocoding.geocoder import LocalGazetteer
    from geomap.geocoding.store import open_store
    from geomap.resolve import Bias, MentionSpan, decide, resolve_doc_mentions

    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise click.BadParameter(f"{country!r} is not an ISO 3166-1 alpha-2 code", param_hint="--country")
    if not name.strip():
        raise click.BadParameter("the place name is empty", param_hint="NAME")
    store = open_store(gazetteer_path)
    geocoder = LocalGazetteer(store, country_bias=country)
    if context_text:
        text = f"{context_text}\n{name}"
        mentions = _context_mentions(context_text, store)
        target = MentionSpan(name, None, len(context_text) + 1, len(text))
        bias = Bias(country=country.upper()) if country else None
        ranked = list(resolve_doc_mentions([*mentions, target], text, store, bias=bias)[-1].ranked)
    else:
        ranked = geocoder.rank(name)
    place, confidence = decide(ranked)
    shown = ranked[: max(limit, 5 if explain else limit)]
    if as_json:
        payload = {"query": name, "best": _record(ranked[0], geocoder, confidence) if place else None,
                   "candidates": [_record(s, geocoder) | ({"features": {k: round(v, 4) for k, v in s.features.items()}}
                                                         if explain else {}) for s in shown]}
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        if place is None:
            click.echo(f"{name}: no place fits" + (" (best candidates below)" if ranked and explain else ""))
        for i, scored in enumerate(shown if (explain or limit > 1) else shown[:1] if place else []):
            p = scored.place
            mark = f" confidence {confidence:.2f}" if i == 0 and place is not None else ""
            click.echo(f"{geocoder.address(p)}\t{p.lat:.5f}, {p.lon:.5f}\t{p.feature_code}\t"
                       f"pop {p.population}\tscore {scored.score:.2f}{mark}")
            if explain:
                parts = sorted((kv for kv in scored.features.items() if kv[1]), key=lambda kv: -abs(kv[1]))
                click.echo("    " + "  ".join(f"{k} {v:+.2f}" for k, v in parts))
    if place is None:
        raise SystemExit(EXIT_FAILURES)
