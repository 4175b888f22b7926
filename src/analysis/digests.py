"""Digests of what can change a report's or a chart's bytes: files, tables, and the rendering
environment (Python, every installed distribution, the render epoch). Kept apart from the
rendering package, so that the pages and charts can use them without importing it."""

from __future__ import annotations

import hashlib
import platform
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from analysis import config

# Raise to re-render every report, e.g. after a change no hash can see.
RENDER_EPOCH = 1
# Installers change no byte of a report; every other installed distribution may.
_NOT_RENDERING = {"pip", "setuptools", "wheel", "cixi-sti-monitoring"}


def digest_of(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def files_digest(paths, root: Path = config.PROJECT_DIR) -> str:
    """Names (relative to the project where inside it) and contents of files, in a stable order."""
    parts = []
    for path in sorted(Path(p).resolve() for p in paths):
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        parts += [name, hashlib.sha256(path.read_bytes()).hexdigest()]
    return digest_of(*parts)


def installed_distributions() -> list[str]:
    """name==version of every installed distribution that takes part in rendering."""
    found = {}
    for dist in metadata.distributions():
        name, version = _name_and_version(dist)
        name = name.lower().replace("_", "-")
        if name and name not in _NOT_RENDERING:
            found[name] = version
    return [f"{name}=={version}" for name, version in sorted(found.items())]


def _name_and_version(dist: metadata.Distribution) -> tuple[str, str]:
    """The Name and Version fields of a distribution's metadata, read from its header lines:
    what dist.metadata gives, without parsing each package's whole description (ten times
    quicker, for the 260 distributions every run digests)."""
    # (an old-style *.egg-info file is the metadata itself, as importlib.metadata reads it)
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or dist.read_text("") or ""
    fields = {}
    for line in text.splitlines():
        if not line.strip():
            break  # the end of the header; the description follows
        key, _, value = line.partition(":")
        if key in ("Name", "Version") and key not in fields:
            fields[key] = value.strip()
    return fields.get("Name", ""), fields.get("Version", "")


def python_version() -> str:
    return f"{platform.python_implementation()} {'.'.join(map(str, sys.version_info[:3]))}"


@cache
def environment_digest() -> str:
    """Python, every installed distribution (Pillow, mistune, Jinja2, IPython, … included) and
    the render epoch."""
    return digest_of(f"epoch={RENDER_EPOCH}", python_version(), *installed_distributions())


def frame_digest(frame) -> str:
    """The rows a report can show (where in which file a row stood is not among them)."""
    shown = frame.drop(columns=[c for c in ("file", "line") if c in frame.columns])
    return digest_of(shown.to_csv(index=False, lineterminator="\n"))
