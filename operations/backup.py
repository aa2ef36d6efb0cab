"""Backup and restore of the whole portal as one file: every row and every uploaded file.

The file is a ZIP holding ``manifest.json`` (format, time, row counts, the hash of
every member), ``data.json`` (Django's own JSON serialisation of every table, times to the
microsecond, so a copy from SQLite restores into PostgreSQL and back) and ``media/...``. Content types and
permissions are not copied: migrate makes them, and rows refer to them by natural
key (app label and model name), which is what keeps django-reversion's history
attached to the right models after a restore.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from zipfile import ZIP_DEFLATED, ZipFile

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

FORMAT = "thaimuang-portal-backup/1"
# Django's JSON, with times to the microsecond (operations/serializers.py).
SERIAL_FORMAT = "fulljson"
# Made by migrate on the target; rows point at them by natural key.
NOT_COPIED = ["contenttypes", "auth.permission", "sessions"]
# A database that holds any of these is not empty: a restore would mix two portals.
CONTENT_MODELS = ["auth.User", "plans.Organization", "plans.Edition"]

NOT_EMPTY = "ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว การกู้คืนต้องทำในฐานข้อมูลว่างเท่านั้น (The target database is not empty.)"
NOT_A_BACKUP = "ไฟล์นี้ไม่ใช่ไฟล์สำรองข้อมูลของระบบ หรือไฟล์เสียหาย (Not a portal backup, or damaged.)"


class BackupError(Exception):
    pass


@dataclass
class Summary:
    rows: int
    media_files: int


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _copied_models():
    excluded_apps = {label for label in NOT_COPIED if "." not in label}
    excluded = {label.lower() for label in NOT_COPIED if "." in label}
    for model in apps.get_models():
        if model._meta.app_label in excluded_apps or model._meta.label_lower in excluded:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        yield model


def _media_files(root: Path):
    if not root.exists():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path, PurePosixPath("media", *path.relative_to(root).parts)


def create_backup(target: Path, *, using: str = DEFAULT_DB_ALIAS) -> Summary:
    """Write the whole portal to ``target`` (a .zip). Reads only; runs in one transaction for a consistent copy."""
    data = io.StringIO()
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if outermost and connection.vendor == "postgresql":
            # One snapshot for every table, while editors keep working.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            *[f"--exclude={label}" for label in NOT_COPIED],
            natural_foreign=True,
            format=SERIAL_FORMAT,
            indent=None,
            database=using,
            stdout=data,
        )
        counts = {m._meta.label: m._default_manager.using(using).count() for m in _copied_models()}
    payload = data.getvalue().encode("utf-8")
    members = {"data.json": _sha256(payload)}
    media_root = Path(settings.MEDIA_ROOT)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with ZipFile(partial, "w", compression=ZIP_DEFLATED) as archive:
        archive.writestr("data.json", payload)
        for path, name in _media_files(media_root):
            content = path.read_bytes()
            archive.writestr(str(name), content)
            members[str(name)] = _sha256(content)
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "database": connections[using].vendor,
            "migrations": _applied_leaves(using),
            "rows": counts,
            "members": members,
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    # Renamed only when complete, so a crash never leaves a half file under the real name.
    partial.replace(target)
    return Summary(rows=sum(counts.values()), media_files=len(members) - 1)


def _applied_leaves(using: str) -> dict[str, str]:
    applied = MigrationExecutor(connections[using]).loader.applied_migrations
    leaves: dict[str, str] = {}
    for app_label, name in sorted(applied):
        leaves[app_label] = max(leaves.get(app_label, ""), name)
    return leaves


def read_manifest(archive: ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise BackupError(NOT_A_BACKUP) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(NOT_A_BACKUP)
    for name, digest in manifest["members"].items():
        if _sha256(archive.read(name)) != digest:
            raise BackupError(f"{NOT_A_BACKUP} ({name})")
    return manifest


def is_empty(using: str = DEFAULT_DB_ALIAS) -> bool:
    return not any(apps.get_model(label)._default_manager.using(using).exists() for label in CONTENT_MODELS)


def restore_backup(source: Path, *, using: str = DEFAULT_DB_ALIAS) -> Summary:
    """Load ``source`` into an empty database (migrating it first) and put the media files back."""
    with ZipFile(source) as archive:
        manifest = read_manifest(archive)
        connection = connections[using]
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            call_command("migrate", database=using, interactive=False, verbosity=0)
        if not is_empty(using):
            raise BackupError(NOT_EMPTY)
        # Natural keys are resolved through this per-process cache; the target's ids may differ.
        ContentType.objects.clear_cache()
        media_root = Path(settings.MEDIA_ROOT).resolve()
        media = [name for name in manifest["members"] if name.startswith("media/")]
        for name in media:
            destination = (media_root / PurePosixPath(name).relative_to("media")).resolve()
            if not destination.is_relative_to(media_root):
                raise BackupError(f"{NOT_A_BACKUP} ({name})")
        with tempfile.TemporaryDirectory() as scratch:
            # loaddata picks the format from the extension.
            fixture = Path(scratch) / f"data.{SERIAL_FORMAT}"
            fixture.write_bytes(archive.read("data.json"))
            with transaction.atomic(using=using):
                # Rows that migrate itself made (the roles' groups) come back from the copy with their own keys.
                for model in _copied_models():
                    model._default_manager.using(using).all().delete()
                call_command("loaddata", str(fixture), database=using, verbosity=0)
                restored = {m._meta.label: m._default_manager.using(using).count() for m in _copied_models()}
                expected = {label: n for label, n in manifest["rows"].items() if label in restored}
                if {k: restored.get(k, 0) for k in expected} != expected:
                    raise BackupError(f"{NOT_A_BACKUP} (row counts differ after loading)")
        for name in media:
            destination = media_root / PurePosixPath(name).relative_to("media")
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(archive.read(name))
    return Summary(rows=sum(manifest["rows"].values()), media_files=len(media))
