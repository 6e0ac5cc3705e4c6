"""A copy of the dbt project: what `diff` and the X Education benchmark build in."""

from __future__ import annotations

import shutil
from pathlib import Path

# what a copy of the project needs to build
PROJECT = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests/dbt")


def copy_project(source: Path, target: Path) -> None:
    """The files of the project that a build needs, into `target` (replaced)."""
    if target.exists():
        shutil.rmtree(target)
    ignore = shutil.ignore_patterns("target", "logs", "dbt_packages", "__pycache__", ".user.yml")
    for name in PROJECT:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, ignore=ignore)
        elif (source / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)
