"""Keep the learner's own copies of the notebooks in `workspace/` (git-ignored).

    python -m tools.workspace [FOLDER]   # what `make lab` runs before starting JupyterLab

Copies each file of `course/` into `workspace/` only when the learner has no copy yet: a
learner's file is never overwritten, so an update of the course (`git pull`, `make course`)
cannot destroy their work. When the course version of a notebook changed after the learner
copied it, this says so and tells them how to get the new version next to theirs.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

from tools.layout import COURSE, ROOT, WORKSPACE

RECORD = ".course-versions.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sync(course: Path = COURSE, workspace: Path = WORKSPACE) -> dict[str, list[str]]:
    """Copy new course files into the workspace; never overwrite. Returns what happened."""
    if not course.is_dir():
        raise FileNotFoundError(f"{course} not found: run this from a checkout of the course")
    workspace.mkdir(parents=True, exist_ok=True)
    record_path = workspace / RECORD
    try:
        record: dict[str, str] = json.loads(record_path.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        record = {}
    report: dict[str, list[str]] = {"copied": [], "kept": [], "updated_upstream": []}
    for source in sorted(p for p in course.rglob("*") if p.is_file()):
        rel = source.relative_to(course).as_posix()
        target = workspace / rel
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
            record[rel] = _digest(source)
            report["copied"].append(rel)
            continue
        report["kept"].append(rel)
        if rel in record and record[rel] != _digest(source):
            report["updated_upstream"].append(rel)
    tmp = record_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(record, indent=1, sort_keys=True))
    tmp.replace(record_path)
    return report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = (ROOT / args[0]).resolve() if args else WORKSPACE
    if not target.is_relative_to(ROOT):
        raise SystemExit(f"the workspace must be inside the course folder {ROOT}, not {target}")
    report = sync(COURSE, target)
    where = target.relative_to(ROOT)
    if report["copied"]:
        print(f"Copied {len(report['copied'])} new notebook file(s) into {where}/.")
    print(f"Your work lives in {where}/ (kept: {len(report['kept'])} file(s), never overwritten).")
    for rel in report["updated_upstream"]:
        print(f"  Note: course/{rel} changed since you copied it. To get the new version, "
              f"rename your {where}/{rel} and run `make lab` again.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
