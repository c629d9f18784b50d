"""The hook and the cache under faults: nothing finished is lost, a damaged cache heals (R9, R11-R18)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from helpers import ROOT
from sitegen import cache

SECOND = '"""Second."""\n\n# %% setup\nimport os\n\n# %% work\nprint("OK")\n'


def add_example(project, name: str, cells: str) -> None:
    project.write(f"examples/{name}", f'"""{name}."""\n\n# %% setup\nimport os\n\n{cells}')
    stem = name.removesuffix(".py")
    project.page(f"# P\n\n::: example tiny.py#show output=markdown\n\n::: example {name}#{cells.split()[2]}\n")
    return stem


def test_a_warm_build_runs_nothing_and_logs_the_hits(project):
    built = project.build()
    assert built.ok, built.log
    assert "examples/tiny.py: cache hit" in built.log and "running examples/" not in built.log


def test_a_worker_that_dies_names_example_and_cell_and_keeps_what_finished(project):
    project.write("examples/a_first.py", SECOND)
    project.write("examples/b_dies.py", '"""Dies."""\n\n# %% setup\nimport os\n\n# %% die\nos._exit(0)\n')
    project.page("# P\n\n::: example a_first.py#work\n\n::: example b_dies.py#die\n")
    built = project.build()
    assert not built.ok
    assert "the example worker died (exit status 0) while running examples/b_dies.py (cell 'die')" in built.log
    assert "running examples/a_first.py" in built.log and "examples/a_first.py finished in" in built.log
    assert (project.cache / "a_first" / "result.json").is_file()  # stored before the worker died
    assert not list(project.cache.glob(".staging-*cwd*"))


def test_a_hang_the_worker_cannot_interrupt_is_stopped_from_outside(project):
    # The example turns off the worker's own timer; the hook still stops it, naming the cell.
    cells = "# %% hang\nimport signal, time\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\ntime.sleep(600)\n"
    add_example(project, "hangs.py", cells)
    started = time.monotonic()
    built = project.build(SITEGEN_TIMEOUT="1")
    # far below the example's 600 s sleep, with room for a loaded machine's slow mkdocs start
    assert not built.ok and time.monotonic() - started < 300
    assert "running examples/hangs.py" in built.log
    assert "examples/hangs.py (cell 'hang'): timed out after 1 s (SITEGEN_TIMEOUT); stopped" in built.log
    project.page("# P\n\n::: example tiny.py#show output=markdown\n")
    (project.root / "examples" / "hangs.py").unlink()
    assert project.build().ok
    assert not list(project.cache.glob(".staging-*")), "staging folders of the stopped run are removed"


def test_output_over_the_limit_fails_naming_the_example(project):
    add_example(project, "loud.py", '# %% loud\nprint("x" * 5000)\n')
    built = project.build(SITEGEN_MAX_OUTPUT="1000")
    assert not built.ok
    assert "examples/loud.py:7 (cell 'loud'): printed more than 1000 bytes (SITEGEN_MAX_OUTPUT)" in built.log


def test_examples_run_in_a_scratch_directory_and_still_import_helpers(project):
    project.write("examples/_helper.py", "VALUE = 42\n")
    add_example(
        project, "writes.py", '# %% write\nfrom _helper import VALUE\nopen("out.txt", "w").write("x")\nprint(VALUE)\n'
    )
    built = project.build()
    assert built.ok, built.log
    assert not (project.root / "out.txt").exists() and not list(project.root.rglob("out.txt"))
    assert (
        json.loads((project.cache / "writes" / "result.json").read_text(encoding="utf-8"))["cells"]["write"]["stdout"]
        == "42\n"
    )


def test_a_truncated_result_is_reported_and_run_again(project):
    result = project.cache / "tiny" / "result.json"
    result.write_text(result.read_text(encoding="utf-8")[:100])
    built = project.build()
    assert built.ok, built.log
    assert "examples/tiny.py: damaged cache entry (tiny/result.json is unreadable" in built.log
    assert "running examples/tiny.py" in built.log


def test_a_missing_figure_counts_as_incomplete(project):
    (project.cache / "tiny" / "show-1.zh.png").unlink()
    built = project.build()
    assert built.ok, built.log
    assert "examples/tiny.py: damaged cache entry (tiny/ lacks show-1.zh.png)" in built.log
    assert (built.site / "assets" / "examples" / "tiny" / "show-1.zh.png").is_file()


def test_a_missing_notebook_is_rendered_again_without_running_the_example(project):
    (project.cache / "tiny" / "tiny.html").unlink()
    built = project.build()
    assert built.ok, built.log
    assert "examples/tiny.py: rendering its notebook again" in built.log and "running examples/" not in built.log
    assert (built.site / "assets" / "examples" / "tiny" / "tiny.html").is_file()


def test_a_changed_notebook_template_renders_notebooks_but_runs_nothing(project, monkeypatch, tmp_path):
    template = tmp_path / "notebook.py"
    template.write_text("# another template\n")
    keys = {"exec": cache.cache_key(project.root / "examples" / "tiny.py", ["en", "zh"])}
    monkeypatch.setattr(cache, "NOTEBOOK_SOURCES", (str(template),))
    assert cache.cache_key(project.root / "examples" / "tiny.py", ["en", "zh"]) == keys["exec"]
    built = project.build()
    assert built.ok, built.log
    assert "examples/tiny.py: rendering its notebook again" in built.log and "running examples/" not in built.log


def test_the_languages_are_part_of_the_key(project):
    example = project.root / "examples" / "tiny.py"
    assert cache.cache_key(example, ["en", "zh"]) != cache.cache_key(example, ["en", "zh", "ja"])


def test_a_second_build_waits_for_the_lock_and_stale_staging_is_removed(project):
    (project.cache / ".staging-old-123").mkdir()
    holder = "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); print(1, flush=True); time.sleep(2)"
    other = subprocess.Popen([sys.executable, "-c", holder, str(project.cache / ".lock")], stdout=subprocess.PIPE)
    other.stdout.readline()
    built = project.build()
    other.wait()
    assert built.ok, built.log
    assert "waiting for another build" in built.log
    assert "removed .staging-old-123 from the cache" in built.log and not (project.cache / ".staging-old-123").exists()


def test_store_replaces_a_result_whole(tmp_path):
    root = tmp_path / "cache"
    for value in ("first", "second"):
        staging = cache.staging_dir(root, "ex")
        (staging / "f.png").write_text(value)
        cells = {"c": cache.CellResult(value, [cache.Figure({"en": "f.png"})])}
        cache.store(root, staging, cache.Result("examples/ex.py", "k", 1.0, {}, cells))
    loaded = cache.load(root, tmp_path / "ex.py", "k")
    assert loaded.cells["c"].stdout == "second" and (root / "ex" / "f.png").read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in root.iterdir()) == ["ex"]


def slow_examples(project, pid_file):
    project.write("examples/a_first.py", SECOND)
    sleeper = f'"""Sleeps."""\n\n# %% setup\nimport os, time\n\n# %% wait\nopen({str(pid_file)!r}, "w").write(str(os.getpid()))\ntime.sleep(600)\n'
    project.write("examples/b_sleeps.py", sleeper)
    project.page("# P\n\n::: example a_first.py#work\n\n::: example b_sleeps.py#wait\n")


def gone(pid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_ctrl_c_stops_the_worker_and_keeps_the_finished_examples(project, monkeypatch, tmp_path):
    pid_file = tmp_path / "worker.pid"
    slow_examples(project, pid_file)
    real_sleep = time.sleep

    def sleep_until_the_sleeper_runs(seconds):
        if pid_file.exists():
            raise KeyboardInterrupt
        real_sleep(seconds)

    monkeypatch.setattr(time, "sleep", sleep_until_the_sleeper_runs)
    with pytest.raises(KeyboardInterrupt):
        project.build()
    monkeypatch.setattr(time, "sleep", real_sleep)
    assert gone(int(pid_file.read_text(encoding="utf-8")))
    assert (project.cache / "a_first" / "result.json").is_file()
    assert not list(project.cache.glob(".staging-*"))
    built = project.build(SITEGEN_TIMEOUT="1")
    assert "running examples/a_first.py" not in built.log and "running examples/b_sleeps.py" in built.log


def test_a_killed_mkdocs_takes_its_worker_with_it(project, tmp_path):
    pid_file = tmp_path / "worker.pid"
    slow_examples(project, pid_file)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project.root / "site")]
    mkdocs = subprocess.Popen(command, cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    deadline = time.monotonic() + 300
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    mkdocs.kill()
    mkdocs.wait()
    assert gone(int(pid_file.read_text(encoding="utf-8")))


def test_threads_and_processes_an_example_leaves_behind_do_not_hold_the_build(project, tmp_path):
    pid_file = tmp_path / "child.pid"
    cells = (
        "# %% leave\nimport subprocess, sys, threading, time\n"
        "threading.Thread(target=time.sleep, args=(600,)).start()\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(child.pid))\nprint('LEFT')\n"
    )
    add_example(project, "leaves.py", cells)
    started = time.monotonic()
    built = project.build()
    assert built.ok, built.log
    assert time.monotonic() - started < 300  # the leftovers sleep 600 s
    assert gone(int(pid_file.read_text(encoding="utf-8")))


def test_an_example_that_reads_input_fails_instead_of_waiting(project):
    add_example(project, "asks.py", "# %% ask\nanswer = input()\n")
    built = project.build()
    assert not built.ok
    assert "examples/asks.py:7 (cell 'ask'): EOFError: EOF when reading a line" in built.log


def test_an_example_edited_while_it_runs_is_not_stored_under_the_old_key(project):
    path = project.root / "examples" / "edits.py"
    add_example(project, "edits.py", f"# %% edit\nopen({str(path)!r}, 'a').write('\\n# edited\\n')\nprint(1)\n")
    built = project.build()
    assert not built.ok
    assert "examples/edits.py (or a module it imports) changed while it ran: build again" in built.log
    assert not (project.cache / "edits").exists()


def test_the_worker_accepts_a_relative_cache_path(project, tmp_path):
    add_example(
        project, "draws.py", "# %% draw\nimport matplotlib.pyplot as plt\nplt.plot([1])\nplt.show()\nprint(1)\n"
    )
    from sitegen.cache import cache_key

    key = cache_key(project.root / "examples" / "draws.py", ["en", "zh"])
    command = [sys.executable, "-m", "sitegen.execute", "--root", ".", "--cache", ".cache/sitegen",
               "--translations", "docs/translations.yml", "--languages", "en,zh", "--events", str(tmp_path / "ev"),
               f"examples/draws.py={key}"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    completed = subprocess.run(command, cwd=project.root, capture_output=True, text=True, env=env, timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert (project.cache / "draws" / "draw-1.en.png").is_file()
