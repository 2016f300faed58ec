"""The data contract: one declarative schema per file kind, with field docs.

Which schema reads which item folder is the kind registry's business
(generator.content.kinds); `almanac schema` lists every file kind.
"""

from generator.schema.client import Client
from generator.schema.items import Contest, Curated, Post
from generator.schema.month import MonthNotes
from generator.schema.settings import Settings

__all__ = ["Client", "Contest", "Curated", "MonthNotes", "Post", "Settings"]
