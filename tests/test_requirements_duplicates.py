"""A requirements file that names one project twice for the same environments is refused with the file and line
(issue 15: "duplicate or conflicting specs are a clear error"); one pin per Python, by markers, is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockgen.errors import DockgenError
from dockgen.files.inputs import read_requirements
from tests.test_cli import run


@pytest.mark.parametrize(("text", "message"), [
    ("numpy==2.0.0\npandas==2.2.3\n# numpy 1 for the old code\nNumPy==1.26.4\n",
     "requirements.txt:4: NumPy==1.26.4 conflicts with numpy==2.0.0 on line 1; keep one"),
    ("numpy==2.0.0\n\nnumpy == 2.0.0\n", "requirements.txt:3: numpy is already required on line 1; name it once"),
    ("scikit_learn>=1.5\nscikit-learn\n", "requirements.txt:2: scikit-learn (any version) conflicts with "
                                          "scikit_learn>=1.5 on line 1; keep one"),
    ("pandas==2.2.3 \\\n    --hash=sha256:aa\npandas[excel]==2.2.3 \\\n    --hash=sha256:bb\n",
     "requirements.txt:3: pandas is already required on line 1; name it once"),
    ('numpy==2.0.0; python_version >= "3.12"\nnumpy==2.1.0; python_version >= "3.12"\n',
     "requirements.txt:2: numpy==2.1.0 conflicts with numpy==2.0.0 on line 1; keep one"),
])
def test_a_project_named_twice_is_refused_with_file_and_line(text: str, message: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("requirements.txt").write_text(text)
    with pytest.raises(DockgenError) as error:
        read_requirements(Path("requirements.txt"))
    assert str(error.value) == message


def test_one_pin_per_python_by_markers_is_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("requirements.txt").write_text('numpy==1.26.4; python_version < "3.12"\n'
                                        'numpy==2.5.5; python_version >= "3.12"\n')
    assert read_requirements(Path("requirements.txt")).names == ("numpy", "numpy")


def test_cli_exits_2_with_the_line(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "requirements.txt").write_text("spacy==3.8.18\nrequests==2.32.3\nspacy==3.8.7\n")
    result = run("new", "-r", "config/requirements.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("dockgen: error: config/requirements.txt:3: spacy==3.8.7 conflicts with spacy==3.8.18 on "
                             "line 1; keep one\n")
