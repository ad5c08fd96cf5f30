#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora, made from the repository's own sample
dossier (samples/*.txt): the articles in every encoding the engine reads,
wrapped in hostile HTML, cut into pieces; and for the date grammar each line
of the samples with a language byte and a reference date in front.

Usage: fuzz/seeds.py OUT_DIR   (writes OUT_DIR/pipeline and OUT_DIR/dates)
"""
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def write(folder: pathlib.Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def html_page(text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
    return (
        "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>"
        "<script>window.x=1</script></head><body><nav><a href='/'>Start</a></nav>"
        f"<article><header><h1>Titel</h1></header>{paragraphs}"
        "<img src=x onerror=alert(1)><a href='javascript:alert(1)'>Link</a>"
        "<iframe src='about:blank'></iframe></article><footer>&copy; 2024</footer></body></html>"
    )


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    pipeline, dates = out / "pipeline", out / "dates"
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        write(pipeline, text.encode("utf-8"))
        write(pipeline, b"\xef\xbb\xbf" + text.encode("utf-8"))
        write(pipeline, b"\xff\xfe" + text.encode("utf-16-le"))
        write(pipeline, b"\xfe\xff" + text.encode("utf-16-be"))
        write(pipeline, text.encode("cp1252", errors="replace"))
        write(pipeline, text.replace("\n", "\r\n").encode("utf-8"))
        write(pipeline, html_page(text).encode("utf-8"))
        paragraphs = text.split("\n\n")
        for i in range(0, len(paragraphs), 3):
            write(pipeline, "\n\n".join(paragraphs[i : i + 3]).encode("utf-8"))
        for n, line in enumerate(l for l in text.splitlines() if l.strip()):
            language = 0 if "-de" in sample.stem else 1
            day = (45_000 + 37 * n) % 65_535
            write(dates, bytes([language, day >> 8, day & 0xFF]) + line.encode("utf-8"))


if __name__ == "__main__":
    main()
