"""Shared test setup: Luigi reads the project's config, and paths to the shared eval sets."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("LUIGI_CONFIG_PATH", str(ROOT / "config" / "luigi.cfg"))
# the language lexicon's cache file (pipeline/language/_lexicon.py) goes to a folder of this
# test session, not the user's ~/.cache; subprocess runs inherit it
if "REINSCHRIFT_CACHE" not in os.environ:
    import tempfile

    os.environ["REINSCHRIFT_CACHE"] = tempfile.mkdtemp(prefix="reinschrift-test-cache-")

SHARED_EVAL = ROOT.parent / "shared" / "eval"
SAMPLES = ROOT / "samples"


def shared_set(name: str) -> Path:
    """A ../shared/eval set, or skip: the project must pass its tests without ../shared."""
    path = SHARED_EVAL / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path
