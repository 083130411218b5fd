"""The parsed-YAML cache: the same data as a parse, keyed by the text, never in the way."""

from __future__ import annotations

import datetime
import marshal
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from yusuan.reference import yaml_cache
from yusuan.reference.paths import ReferenceError, load_yaml
from yusuan.reference.profiles import TEMPLATES_ENV
from yusuan.reference.roles import shared_roles

ROOT = Path(__file__).resolve().parents[2]
TEXT = "name: 上海\nlist: &x [1, 2.5, '3', null, true]\nsame: *x\nnested: {a: {b: [x, y]}}\n"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("YUSUAN_NO_CACHE", raising=False)
    yaml_cache.forget()
    yield tmp_path / "cache"
    yaml_cache.forget()


def _parsed(text: str) -> object:
    return yaml.load(text, Loader=yaml.SafeLoader)


def test_a_text_parsed_once_comes_back_equal_from_the_file(cache_home: Path) -> None:
    first = load_yaml(TEXT)
    assert first == _parsed(TEXT)
    assert (cache_home / "yusuan" / yaml_cache.FILE_NAME).is_file()
    yaml_cache.forget()  # as a new process: read from the file
    found, data = yaml_cache.get(TEXT)
    assert found and data == first
    assert isinstance(data, dict) and data["same"] is data["list"]  # an alias stays one object


def test_each_use_gets_its_own_copy(cache_home: Path) -> None:
    load_yaml(TEXT)
    yaml_cache.forget()
    one = load_yaml(TEXT)
    one["list"].append("changed")
    assert load_yaml(TEXT) == _parsed(TEXT)


def test_another_text_is_another_entry(cache_home: Path) -> None:
    load_yaml(TEXT)
    other = TEXT.replace("上海", "山西")
    yaml_cache.forget()
    assert yaml_cache.get(other) == (False, None)
    assert load_yaml(other)["name"] == "山西"
    assert load_yaml(TEXT)["name"] == "上海"


def test_a_date_is_parsed_every_time_not_cached(cache_home: Path) -> None:
    text = "since: 2022-01-01\n"
    assert load_yaml(text) == {"since": datetime.date(2022, 1, 1)}
    yaml_cache.forget()
    assert yaml_cache.get(text) == (False, None)
    assert load_yaml(text) == {"since": datetime.date(2022, 1, 1)}


def test_a_file_of_another_version_or_damaged_is_ignored(cache_home: Path) -> None:
    load_yaml(TEXT)
    path = cache_home / "yusuan" / yaml_cache.FILE_NAME
    header, entries = marshal.loads(path.read_bytes())
    assert entries
    stale = (header[0], "0.0.0-other", *header[2:])
    path.write_bytes(marshal.dumps((stale, {TEXT: marshal.dumps({"name": "stale"})})))
    yaml_cache.forget()
    assert load_yaml(TEXT) == _parsed(TEXT)  # not the other version's entry
    path.write_bytes(b"\x00damaged")
    yaml_cache.forget()
    assert load_yaml(TEXT) == _parsed(TEXT)


def test_an_unwritable_place_or_no_cache_means_parsing(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache_home.write_text("a file where the cache folder would go", encoding="utf-8")
    assert load_yaml(TEXT) == _parsed(TEXT)  # cannot write: parsed, no error
    assert load_yaml(TEXT) == _parsed(TEXT)
    assert cache_home.read_text(encoding="utf-8").startswith("a file")
    monkeypatch.setenv("YUSUAN_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home.parent / "elsewhere"))
    yaml_cache.forget()
    assert load_yaml(TEXT) == _parsed(TEXT)
    assert yaml_cache.cache_file() is None and not (cache_home.parent / "elsewhere").exists()


def test_malformed_yaml_is_still_a_clear_error_and_not_kept(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "roles.yaml").write_text("income: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(tmp_path / "data"))
    shared_roles.cache_clear()
    try:
        for _ in range(2):
            with pytest.raises(ReferenceError, match=r"roles\.yaml"):
                shared_roles()
    finally:
        shared_roles.cache_clear()
    yaml_cache.forget()
    assert yaml_cache.get("income: [unclosed\n") == (False, None)


_PROBE = """
import sys
from yusuan.reference.profiles import load_profile
print(load_profile("demo_2030").name, "yaml" in sys.modules)
"""


def _probe(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_a_user_template_edited_between_runs_is_read_anew(tmp_path: Path) -> None:
    """$YUSUAN_TEMPLATES: an edit is seen by the next run, even with the same size and time."""
    folder = tmp_path / "templates" / "demo_2030"
    folder.mkdir(parents=True)
    template = folder / "template.yaml"
    template.write_text("extends: shanghai\nname: 演示甲\nyears: [2030, null]\n", encoding="utf-8")
    env = {
        **os.environ,
        TEMPLATES_ENV: str(tmp_path / "templates"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    env.pop("YUSUAN_NO_CACHE", None)
    assert _probe(env) == "演示甲 True"  # first run: parsed, and kept
    assert _probe(env) == "演示甲 False"  # second: every file from the cache, PyYAML not imported
    stat = template.stat()
    template.write_text("extends: shanghai\nname: 演示乙\nyears: [2030, null]\n", encoding="utf-8")
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    assert template.stat().st_size == stat.st_size
    assert _probe(env) == "演示乙 True"
    assert _probe(env) == "演示乙 False"
    assert _probe({**env, "YUSUAN_NO_CACHE": "1"}) == "演示乙 True"
