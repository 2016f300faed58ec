"""Veille: the sources a client's team watches, and their feeds read into the curation inbox."""
