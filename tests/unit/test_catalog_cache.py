"""The parsed-catalog cache: reused only while nothing changed, never changes the result."""

from __future__ import annotations

import os
import shutil

import pytest

from airoles_tui.catalog import cache as catalog_cache
from airoles_tui.catalog.cache import cache_dir, load_catalog_cached
from airoles_tui.catalog.loader import CatalogError, load_catalog
from airoles_tui.paths import data_dir


@pytest.fixture
def data(tmp_path):
    return shutil.copytree(data_dir(), tmp_path / "data")


def count_loads(monkeypatch) -> list[object]:
    calls: list[object] = []

    def counting(directory):
        calls.append(directory)
        return load_catalog(directory)

    monkeypatch.setattr(catalog_cache, "load_catalog", counting)
    return calls


def test_second_start_reuses_the_parse(data, monkeypatch, tmp_path):
    calls = count_loads(monkeypatch)
    first = load_catalog_cached(data)
    second = load_catalog_cached(data)
    assert len(calls) == 1
    assert second == first == load_catalog(data)
    assert [p.parent for p in cache_dir().iterdir()] == [tmp_path / "xdg-cache" / "airoles-tui"]


def test_an_edited_file_is_parsed_again(data, monkeypatch):
    calls = count_loads(monkeypatch)
    load_catalog_cached(data)
    roles = data / "roles.toml"
    roles.write_text(roles.read_text().replace('name = "ML Engineer"', 'name = "ML Eng."', 1))
    changed = load_catalog_cached(data)
    assert len(calls) == 2
    assert any(r.name == "ML Eng." for r in changed.roles)


def test_a_same_size_edit_with_a_new_mtime_is_parsed_again(data, monkeypatch):
    calls = count_loads(monkeypatch)
    load_catalog_cached(data)
    roles = data / "roles.toml"
    stat = roles.stat()
    os.utime(roles, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    load_catalog_cached(data)
    assert len(calls) == 2


def test_a_broken_catalog_still_fails_and_is_not_cached(data):
    load_catalog_cached(data)
    (data / "roles.toml").write_text("[[roles]\n")
    with pytest.raises(CatalogError):
        load_catalog_cached(data)


def test_a_torn_cache_file_means_a_normal_load(data, monkeypatch):
    load_catalog_cached(data)
    for f in cache_dir().iterdir():
        f.write_bytes(b"\x80\x05garbage")
    calls = count_loads(monkeypatch)
    assert load_catalog_cached(data) == load_catalog(data)
    assert len(calls) == 1
