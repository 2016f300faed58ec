"""Media files as the networks see them: kind, pixels, duration and bytes, measured once."""

from generator.media_files.cache import MediaCache
from generator.media_files.probe import (
    DOCUMENT,
    IMAGE,
    UNREADABLE,
    VIDEO,
    Measurement,
    measure,
)

__all__ = ["DOCUMENT", "IMAGE", "UNREADABLE", "VIDEO", "MediaCache", "Measurement", "measure"]
