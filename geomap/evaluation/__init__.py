"""Measure toponym finding and resolution against annotated corpora (Gritta et al. 2018 metrics)."""
from geomap.evaluation.corpora import GoldArticle, GoldToponym, read_corpus
from geomap.evaluation.toponyms import geotagging_scores, resolution_scores

__all__ = ["GoldArticle", "GoldToponym", "read_corpus", "geotagging_scores", "resolution_scores"]
