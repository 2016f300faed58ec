"""Reading the workspace into typed, validated objects (the `load` stage)."""

from generator.content.loader import find_workspace, load_workspace
from generator.content.model import ClientData, Item, MonthNote, Workspace

__all__ = ["ClientData", "Item", "MonthNote", "Workspace", "find_workspace", "load_workspace"]
