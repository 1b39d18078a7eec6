"""The plan's name for the shared conflict stamps (documents/stamp.py)."""

from ..documents.stamp import Stamp, changed_on_disk, file_stamp

__all__ = ["Stamp", "changed_on_disk", "file_stamp"]
