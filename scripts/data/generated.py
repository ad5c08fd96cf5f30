"""Writing a generated data file, or checking that the committed one is current.

Shared by the generators in this folder: each builds its file's text and
hands it here with the `--check` flag it was given.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_output_arguments(parser: argparse.ArgumentParser, default_out: Path) -> None:
    """The generators' `--out` and `--check` options, which `write_or_check` reads."""
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the output file is not what would be generated")


def write_or_check(out: Path, text: str, check: bool, generator: str, summary: str) -> int:
    """Writes `text` to `out`, or with `check` only compares them; the exit status."""
    if check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is out of date: run {Path(generator).name}", file=sys.stderr)
            return 1
        print(f"{out} is up to date")
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({summary})")
    return 0
