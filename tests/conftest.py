from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("NASHRA_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seeds" / "000_3bfc12c5c14cef6f.txt"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed page not present at {SEED}")
    return SEED
