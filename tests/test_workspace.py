"""Learners never lose work: `make lab` copies the course into workspace/ and never overwrites."""

from __future__ import annotations

from tools import workspace
from tools.layout import student_notebook


def _course(tmp_path):
    """A course/ folder with one student notebook, laid out as the real one."""
    notebook = student_notebook("00-start", root=tmp_path)
    notebook.parent.mkdir(parents=True)
    notebook.write_text("original")
    return notebook.parent.parent


def test_first_sync_copies_the_course(tmp_path):
    course, mine = _course(tmp_path), tmp_path / "workspace"
    report = workspace.sync(course, mine)
    assert report["copied"] == ["00-start/00-start.ipynb"]
    assert (mine / "00-start" / "00-start.ipynb").read_text() == "original"


def test_a_learners_edits_survive_a_course_update(tmp_path):
    course, mine = _course(tmp_path), tmp_path / "workspace"
    workspace.sync(course, mine)
    (mine / "00-start" / "00-start.ipynb").write_text("my work")
    (course / "00-start" / "00-start.ipynb").write_text("updated by the authors")
    (course / "01-ai-ml-dl").mkdir()
    (course / "01-ai-ml-dl" / "01-ai-ml-dl.ipynb").write_text("new lesson")
    report = workspace.sync(course, mine)
    assert (mine / "00-start" / "00-start.ipynb").read_text() == "my work"
    assert report["updated_upstream"] == ["00-start/00-start.ipynb"]
    assert report["copied"] == ["01-ai-ml-dl/01-ai-ml-dl.ipynb"]


def test_a_deleted_copy_is_restored_and_a_corrupt_record_tolerated(tmp_path):
    course, mine = _course(tmp_path), tmp_path / "workspace"
    workspace.sync(course, mine)
    (mine / workspace.RECORD).write_text("{not json")
    (mine / "00-start" / "00-start.ipynb").unlink()
    report = workspace.sync(course, mine)
    assert report["copied"] == ["00-start/00-start.ipynb"]


def test_missing_course_folder_is_explained(tmp_path):
    import pytest
    with pytest.raises(FileNotFoundError, match="checkout of the course"):
        workspace.sync(tmp_path / "nope", tmp_path / "workspace")
