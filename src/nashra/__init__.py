"""nashra (نشرة): an Arabic-first news platform."""

__version__ = "0.1.0"
