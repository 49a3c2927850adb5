"""How the CLI fails: one ``geomap: error:`` line per problem, exit 0/1/2, never a traceback unless --debug."""
from __future__ import annotations

import errno
import json
import logging
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from geomap.cli.common import configure_logging, one_line, report_failures, translate_errors
from geomap.errors import ConfigurationError, GazetteerError, InputError

ROOT = Path(__file__).resolve().parents[1]
GOOD_TEXT = "Russian shelling hit Kharkiv and Odesa on Monday, officials in Kyiv said."


def _command(exc: BaseException | None, *, debug: bool = False) -> click.Command:
    @click.command()
    @click.pass_context
    def command(ctx: click.Context) -> None:
        ctx.obj = {"debug": debug}
        with translate_errors(ctx):
            if exc is not None:
                raise exc
            click.echo("ok")

    return command


def run(exc: BaseException | None, **kwargs):
    return CliRunner().invoke(_command(exc, **kwargs), [])


def test_library_error_is_one_line_exit_1():
    result = run(GazetteerError("gazetteer /x is corrupt: run `geomap gazetteer build`"))
    assert result.exit_code == 1
    assert result.stderr == "geomap: error: gazetteer /x is corrupt: run `geomap gazetteer build`\n"


def test_input_error_names_input_and_line():
    result = run(InputError("feed.jsonl", "malformed JSON", 7))
    assert result.stderr == "geomap: error: feed.jsonl:7: malformed JSON\n"


def test_configuration_error_is_a_usage_error_exit_2():
    result = run(ConfigurationError("--country must be two letters"))
    assert result.exit_code == 2
    assert "--country must be two letters" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_file_is_one_line_naming_it():
    result = run(PermissionError(errno.EACCES, "Permission denied", "/srv/out/map.html"))
    assert result.exit_code == 1
    assert result.stderr == "geomap: error: /srv/out/map.html: Permission denied\n"


def test_full_disk_is_one_line():
    result = run(OSError(errno.ENOSPC, "No space left on device", "out.geojson"))
    assert result.stderr == "geomap: error: out.geojson: No space left on device\n"


def test_broken_pipe_ends_quietly_with_exit_1():
    result = run(BrokenPipeError(errno.EPIPE, "Broken pipe"))
    assert result.exit_code == 1 and result.stderr == ""


def test_unexpected_exception_is_one_line_with_a_debug_hint():
    result = run(RuntimeError("boom\nsecond line"))
    assert result.exit_code == 1
    assert result.stderr == "geomap: error: internal error: RuntimeError: boom\\nsecond line (run with --debug for the traceback)\n"


def test_debug_lets_the_traceback_through():
    result = run(RuntimeError("boom"), debug=True)
    assert isinstance(result.exception, RuntimeError)


def test_keyboard_interrupt_is_not_swallowed():
    result = run(KeyboardInterrupt())
    assert result.exit_code == 1 and "Aborted" in result.stderr


def test_hostile_message_cannot_forge_lines_or_colours():
    result = run(InputError("evil\n\x1b[31mgeomap: error: fake.txt\u202e", "empty document (no text)"))
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert lines[0] == "geomap: error: evil\\n\\x1b[31mgeomap: error: fake.txt\\u202e: empty document (no text)"


def test_one_line_keeps_ordinary_unicode():
    assert one_line("Київ — Ελλάδα 東京") == "Київ — Ελλάδα 東京"
    assert one_line("a\tb\r\nc") == "a\\tb\\r\\nc"


def test_report_failures_prints_each_and_exits_1():
    @click.command()
    def command() -> None:
        report_failures(["a.txt: empty document (no text)", "b.jsonl:3: record\nhas no text"])

    result = CliRunner().invoke(command, [])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "geomap: error: a.txt: empty document (no text)",
        "geomap: error: b.jsonl:3: record\\nhas no text",
    ]


def test_report_failures_without_errors_exits_0():
    @click.command()
    def command() -> None:
        report_failures([])
        click.echo("done")

    result = CliRunner().invoke(command, [])
    assert result.exit_code == 0 and result.stdout == "done\n"


def test_warnings_are_one_line_each(capsys):
    configure_logging(False)
    logging.getLogger("geomap.documents").warning("%s: invalid UTF-8", "bad\nname.txt")
    err = capsys.readouterr().err
    assert err == "geomap: bad\\nname.txt: invalid UTF-8\n"


# -- the real commands ----------------------------------------------------------------------------------------


def cli(args):
    from geomap.cli import cli as group

    return CliRunner().invoke(group, [str(a) for a in args])


def test_hostile_file_name_in_a_batch_error_stays_one_line(tmp_path):
    evil = tmp_path / "evil\n\x1b[2Jname.txt"
    evil.write_text("   ")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    result = cli(["map", evil, good, "--model", "none", "--tiles", "none", "-o", tmp_path / "m.html"])
    assert result.exit_code == 1, result.stderr
    assert "\x1b" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("geomap: error:")]
    assert len(errors) == 1 and "evil\\n\\x1b[2Jname.txt" in errors[0] and "empty document" in errors[0]


def test_output_under_a_file_is_one_line(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = cli(["map", good, "--model", "none", "--tiles", "none", "-o", blocker / "map.html"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("geomap: error:")]
    assert "blocker" in line


def test_map_where_nothing_could_be_read_keeps_the_previous_map(tmp_path):
    out = tmp_path / "map.html"
    out.write_text("previous map")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli(["map", empty, tmp_path / "missing.txt", "--model", "none", "-o", out])
    assert result.exit_code == 1
    assert out.read_text() == "previous map"
    errors = [line for line in result.stderr.splitlines() if line.startswith("geomap: error:")]
    assert len(errors) == 3 and "nothing written" in errors[-1]


def test_extract_where_nothing_could_be_read_keeps_the_previous_output(tmp_path):
    out = tmp_path / "out.geojson"
    out.write_text('{"previous": true}')
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = cli(["extract", empty, tmp_path / "missing.txt", "--model", "none", "-o", out])
    assert result.exit_code == 1
    assert out.read_text() == '{"previous": true}'


def test_saved_layers_with_bad_coordinates_are_named(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"layer": "places", "name": "X"}, "geometry": {"type": "Point", "coordinates": [30.5, 450.0]}}]}))
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    out = tmp_path / "map.html"
    result = cli(["map", bad, good, "--model", "none", "--tiles", "none", "-o", out])
    assert result.exit_code == 1, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("geomap: error:")]
    assert str(bad) in line and "feature 0" in line and "[lon, lat]" in line
    assert out.exists()


# -- as a real process: nothing but the documented lines on stderr ---------------------------------------------


def geomap(*args, stdin: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout, input=stdin)


def test_process_missing_input_exit_1_without_traceback(tmp_path):
    result = geomap("extract", tmp_path / "nope.txt", "--model", "none", "-o", tmp_path / "o.geojson")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"geomap: error: {tmp_path / 'nope.txt'}: no such file or directory" in result.stderr.splitlines()


def test_process_bad_date_exit_2_without_traceback(tmp_path):
    result = geomap("map", tmp_path / "x.txt", "--published", "2025-13-01")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "--published" in result.stderr


def test_process_unwritable_output_without_traceback(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    (tmp_path / "blocker").write_text("")
    result = geomap("map", good, "--model", "none", "--tiles", "none", "-o", tmp_path / "blocker" / "m.html")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("geomap: error:")


def test_process_closed_stdout_pipe_without_traceback(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT * 50)
    shell = f"{sys.executable} -m geomap extract {good} --model none | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode in (0, 1)


def test_process_stdin_input(tmp_path):
    result = geomap("extract", "-", "--model", "none", stdin=GOOD_TEXT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["type"] == "FeatureCollection"
