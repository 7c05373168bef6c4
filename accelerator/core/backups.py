"""Backups of the database and the uploaded files, and restoring them (`make backup`,
`make restore`; the management commands of the same names).

A backup is a folder `var/backups/<UTC time>/` holding:
- `database.dump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite, copied
  with SQLite's own backup API, consistent while the site runs);
- `media.tar.gz` (MEDIA_ROOT: page images, documents) and `private.tar.gz` (applicants' and
  coaches' files, outside any public URL);
- `manifest.json`: when, which database engine, which files.

Restoring refuses to write over a database that already holds tables unless forced: a restore
replaces everything, and a mistyped command must not wipe a live site.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
ARCHIVES = {"media": "media.tar.gz", "private": "private.tar.gz"}


class BackupError(Exception):
    pass


def backups_root():
    return Path(settings.VAR_DIR) / "backups"


def file_roots():
    """Local folders of uploaded files by archive name; files kept on S3 are not ours to copy."""
    roots = {}
    for name, alias in (("media", "default"), ("private", "private")):
        storage = settings.STORAGES[alias]
        if storage["BACKEND"].startswith("storages."):
            continue
        location = storage.get("OPTIONS", {}).get("location")
        if location is None:
            location = settings.MEDIA_ROOT if name == "media" else settings.PRIVATE_MEDIA_ROOT
        roots[name] = Path(location)
    return roots


def _database():
    # The connection's own settings: under tests, the test database's name.
    return connection.settings_dict


def _pg_env(database):
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    return env


def _pg_args(database):
    args = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        args += ["--host", database["HOST"]]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    return args


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(root=None):
    """Write a new backup folder under `root` (default var/backups) and return its path."""
    created = timezone.now()
    folder = Path(root or backups_root()) / created.strftime("%Y%m%dT%H%M%S%fZ")
    folder.mkdir(parents=True)
    database = _database()
    engine = database["ENGINE"]
    if engine == POSTGRESQL:
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(folder / "database.dump"),
                *_pg_args(database),
            ],
            env=_pg_env(database),
        )
    elif engine == SQLITE:
        source = sqlite3.connect(database["NAME"])
        target = sqlite3.connect(folder / "database.sqlite3")
        with target:
            source.backup(target)
        source.close()
        target.close()
    else:
        raise BackupError(f"No backup for the database engine {engine}.")
    archived = {}
    for name, root_dir in file_roots().items():
        with tarfile.open(folder / ARCHIVES[name], "w:gz") as archive:
            if root_dir.is_dir():
                archive.add(root_dir, arcname=".")
        archived[name] = str(root_dir)
    manifest = {"created_at": created.isoformat(), "engine": engine, "files": archived}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return folder


def latest(root=None):
    folders = sorted(
        path for path in Path(root or backups_root()).glob("*") if (path / "manifest.json").exists()
    )
    if not folders:
        raise BackupError("No backup found.")
    return folders[-1]


def database_is_empty():
    return not connection.introspection.table_names()


def restore(folder, *, force=False):
    """Put the backup's database and files back. BackupError when the database already holds
    tables and `force` is not given, or when the backup was made from another engine."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    database = _database()
    if manifest["engine"] != database["ENGINE"]:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; the configured one is "
            f"{database['ENGINE']}."
        )
    if not force and not database_is_empty():
        raise BackupError(
            "The configured database is not empty: run again with FORCE=1 (make) or --force "
            "to replace everything in it."
        )
    connection.close()
    if database["ENGINE"] == POSTGRESQL:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                *_pg_args(database),
                str(folder / "database.dump"),
            ],
            env=_pg_env(database),
        )
    else:
        source = sqlite3.connect(folder / "database.sqlite3")
        target = sqlite3.connect(database["NAME"])
        with target:
            source.backup(target)
        source.close()
        target.close()
    for name, root_dir in file_roots().items():
        archive_path = folder / ARCHIVES[name]
        if not archive_path.exists():
            continue
        if force and root_dir.is_dir():
            shutil.rmtree(root_dir)
        root_dir.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(root_dir, filter="data")
    return manifest
