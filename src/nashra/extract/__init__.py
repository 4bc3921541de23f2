"""bytes, files or URLs → Documents. Imports only ``nashra.text``."""

from nashra.extract.document import Document, ExtractError, Rejection

__all__ = ["Document", "ExtractError", "Rejection"]
