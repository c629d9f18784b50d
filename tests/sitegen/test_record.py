"""The GPU record: made by running examples in child processes, shown as tabs, marked when stale."""

from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest

from sitegen import record, render, translate
from sitegen.cells import parse_script
from sitegen.translate import Translations

EXAMPLE = '''"""A tiny example."""

# %% setup
import _helper

# %% table
print("| a | b |\\n|---|---|\\n| 1 | 2 |")
'''


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "_helper.py").write_text("VALUE = 1\n")
    (folder / "good.py").write_text(EXAMPLE)
    (folder / "raises.py").write_text(
        '"""Fails."""\n\n# %% setup\nx = 1\n\n# %% boom\nraise RuntimeError("no kernel")\n'
    )
    (folder / "dies.py").write_text('"""Dies."""\n\n# %% setup\nimport os\n\n# %% crash\nos._exit(3)\n')
    return folder


def test_a_run_keeps_every_outcome_and_packs_one_archive(examples, tmp_path, monkeypatch):
    monkeypatch.setattr(record, "RECORDED", ("good.py",))
    paths = [examples / f"{name}.py" for name in ("good", "raises", "dies")]
    run = record.record_all(tmp_path / "out", paths, workers=2)
    good, raises, dies = (run.examples[p.name] for p in paths)
    assert good.status == "ok" and good.cells["table"].startswith("| a | b |")
    assert raises.status == "failed" and "(cell 'boom'): RuntimeError: no kernel" in raises.error
    assert raises.cells == {}  # not in RECORDED: status only
    assert dies.status == "failed" and "exited with status 3" in dies.error
    with tarfile.open(tmp_path / "out" / "gpu-record.tar.gz") as archive:
        names = archive.getnames()
        stored = json.load(archive.extractfile("cuda.json"))
    assert {"cuda.json", "logs/good.log", "logs/nvidia-smi.txt"} <= set(names)
    assert record.Record.from_json(stored).examples["good.py"].source == record.source_hash(paths[0])


def test_a_record_is_current_until_the_example_or_its_helpers_change(examples):
    good = examples / "good.py"
    run = record.Record({}, {"good.py": record.ExampleRecord(record.source_hash(good), "ok", 1.0)})
    assert run.is_current(good)
    (examples / "_helper.py").write_text("VALUE = 2\n")
    assert not run.is_current(good)
    assert not run.is_current(examples / "raises.py")  # no entry at all


def test_a_damaged_record_fails_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(record, "ROOT", tmp_path)
    broken = tmp_path / "cuda.json"
    broken.write_text('{"provenance": {}}')
    with pytest.raises(ValueError, match="cuda.json: not a valid record"):
        record.load(broken)


@pytest.mark.parametrize("current", [True, False])
def test_recorded_output_sits_in_a_tab_beside_this_builds(examples, current):
    script = parse_script(examples / "good.py")
    directive = render.Directive("good.py", "table", output="markdown")
    entry = record.ExampleRecord("x", "ok", 1.0, cells={"table": "| gpu | <b> |\n|---|---|\n"})
    provenance = {"gpu": "NVIDIA H200", "torch": "2.11.0+cu130"}
    recorded = render.Recorded(entry, provenance, current)
    markdown = render.recorded_tabs(
        directive, "THIS BUILD", recorded, {"device": "cpu", "torch": "2.13.0"}, "en", Translations()
    )
    this_tab, gpu_tab = markdown.split('=== "Recorded on NVIDIA H200 (torch 2.11.0+cu130)"')
    assert this_tab.startswith('=== "This build (cpu, torch 2.13.0)"') and "    THIS BUILD" in this_tab
    assert "&lt;b&gt;" in gpu_tab and "<b>" not in gpu_tab and "<table>" in gpu_tab  # rendered like this build's output
    assert ("has changed since this record was made" in gpu_tab) is not current
    assert script.cell("table")  # the directive names a real cell


def test_an_update_replaces_only_the_examples_run_again_on_the_same_setup():
    setup = {"gpu": "NVIDIA H200", "torch": "2.11.0+cu130", "recorded_on": "2026-11-30"}
    earlier = record.Record(setup, {n: record.ExampleRecord(n, "failed", 1.0) for n in ("a.py", "b.py")})
    later = record.Record({**setup, "recorded_on": "2026-12-01"}, {"b.py": record.ExampleRecord("b2", "ok", 2.0)})
    both = record.merged(earlier, later)
    assert both.examples["a.py"].status == "failed" and both.examples["b.py"].status == "ok"
    assert both.provenance["recorded_on"] == "2026-12-01"
    with pytest.raises(SystemExit, match="cannot update"):
        record.merged(earlier, record.Record({**setup, "torch": "2.12.0"}, {}))


@pytest.mark.parametrize("current", [True, False])
def test_a_current_record_is_translated_and_a_stale_one_shown_as_recorded(examples, current):
    directive = render.Directive("good.py", "table", output="markdown")
    entry = record.ExampleRecord("x", "ok", 1.0, cells={"table": "| fastest |\n|---|\n"})
    recorded = render.Recorded(entry, {"gpu": "NVIDIA H200", "torch": "2.11.0+cu130"}, current)
    tables = Translations({"zh": {"fastest": "最快"}})
    markdown = render.recorded_tabs(directive, "本次", recorded, {"device": "cpu", "torch": "2.14.1"}, "zh", tables)
    gpu_tab = markdown.split("在 NVIDIA H200 上的记录")[1]
    assert ("<th>最快</th>" in gpu_tab) is current and ("<th>fastest</th>" in gpu_tab) is not current
    with pytest.raises(translate.Untranslated):  # a current record's phrases must be translated
        render.recorded_tabs(
            directive, "本次", render.Recorded(entry, recorded.provenance, True), {}, "zh", Translations({"zh": {}})
        )
