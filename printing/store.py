"""Rendered files in Django's storage API (settings.STORAGES["pdfs"]).

The local file system by default, S3-compatible object storage in production
(django-storages, PDF_STORAGE=s3): every web and worker process, on any
machine, reads the same files. Names are content-addressed
("<key>/<sha256>.pdf"), so a file is never rewritten in place while someone
downloads it; the row in printing.models says which file is current.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import storages

LOGGER = logging.getLogger(__name__)
CHUNK = 64 * 1024

# sha256 values of stored files this process has read back and found intact.
_verified: set[tuple[str, str]] = set()


class StoredFileCorrupt(Exception):
    """A stored file is missing, or its length or hash is not what was recorded."""


@dataclass(frozen=True)
class StoredFile:
    name: str
    sha256: str
    size: int


def storage():
    return storages["pdfs"]


def file_name(key: str, sha256: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)
    return f"{safe}/{sha256}.pdf"


def save(key: str, content: bytes) -> StoredFile:
    """Store ``content``, read it back and check it; returns its name, hash and length."""
    sha = hashlib.sha256(content).hexdigest()
    name = file_name(key, sha)
    store = storage()
    stored = StoredFile(name=name, sha256=sha, size=len(content))
    if store.exists(name):
        try:
            verify(stored, full=True)
            return stored
        except StoredFileCorrupt:
            LOGGER.warning("replacing damaged stored file %s", name)
            store.delete(name)
    saved = store.save(name, ContentFile(content))
    stored = StoredFile(name=saved, sha256=sha, size=len(content))
    verify(stored, full=True)
    return stored


def verify(stored: StoredFile, *, full: bool = False) -> None:
    """Raise StoredFileCorrupt unless the file has its recorded length (and, once per process, hash)."""
    store = storage()
    try:
        size = store.size(stored.name)
    except (OSError, ValueError) as error:
        raise StoredFileCorrupt(f"{stored.name}: {error}") from error
    except Exception as error:  # an object store's own "not found"
        raise StoredFileCorrupt(f"{stored.name}: {error}") from error
    if size != stored.size:
        raise StoredFileCorrupt(f"{stored.name}: {size} bytes, recorded {stored.size}")
    if not full and (stored.name, stored.sha256) in _verified:
        return
    digest = hashlib.sha256()
    with store.open(stored.name, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    if digest.hexdigest() != stored.sha256:
        _verified.discard((stored.name, stored.sha256))
        raise StoredFileCorrupt(f"{stored.name}: content does not match its SHA-256")
    _verified.add((stored.name, stored.sha256))


def open_file(stored: StoredFile):
    return storage().open(stored.name, "rb")


def delete(name: str) -> None:
    try:
        storage().delete(name)
    except Exception:  # a file already gone is what we wanted
        LOGGER.warning("could not delete stored file %s", name, exc_info=True)
