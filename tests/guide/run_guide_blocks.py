#!/usr/bin/env python3
"""Runs the code blocks of a user guide against the built parktwin-cli, so the guide cannot rot.

Usage: run_guide_blocks.py GUIDE.md --cli PATH/TO/parktwin-cli

Every ```sh block runs with bash -e in one scratch folder, in the order of the guide, with
`parktwin-cli` on PATH; every ```json block must parse. A marker comment on the line before a
fence says otherwise, and says why (the comment is invisible in the rendered guide):

  <!-- guide-test: file NAME -->       the block is saved as NAME in the scratch folder
                                        (the guide says "saved as NAME"), before later blocks run
  <!-- guide-test: skip: REASON -->     not run (needs a display, a broker, a package install)
  <!-- guide-test: cli-only: REASON --> only its `parktwin-cli ...` lines run; the others (the
                                        3D window) are listed as not run

Exit status 0 when every block that runs succeeds; each failure names the block's line.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

MARKER = re.compile(r"<!--\s*guide-test:\s*(file|skip|cli-only)\s*:?\s*(.*?)\s*-->")
FENCE = re.compile(r"^```(\w*)\s*$")
BLOCK_TIMEOUT_S = 300


def blocks(path):
    """(line number, language, text, marker kind, marker argument) for each fenced block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening or not opening.group(1):
            i += 1
            continue
        previous = lines[i - 1] if i > 0 else ""
        marker = MARKER.search(previous)
        start, i = i + 1, i + 1
        while i < len(lines) and not lines[i].startswith("```"):
            i += 1
        kind, argument = (marker.group(1), marker.group(2)) if marker else (None, "")
        out.append((start, opening.group(1), "\n".join(lines[start:i]) + "\n", kind, argument))
        i += 1
    return out


def run_shell(script, folder, env):
    done = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=folder, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=BLOCK_TIMEOUT_S)
    return done.returncode, done.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("guide")
    parser.add_argument("--cli", required=True)
    args = parser.parse_args()
    name = os.path.basename(args.guide)
    failures, ran, skipped = 0, 0, 0
    with tempfile.TemporaryDirectory(prefix="guide-") as folder:
        bin_dir = os.path.join(folder, ".bin")
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(args.cli), os.path.join(bin_dir, "parktwin-cli"))
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
        for line, language, text, kind, argument in blocks(args.guide):
            where = f"{name}:{line}"
            if kind == "skip":
                if not argument:
                    print(f"FAIL {where}: a skip marker must say why")
                    failures += 1
                skipped += 1
                continue
            if kind == "file":
                with open(os.path.join(folder, argument), "w", encoding="utf-8") as f:
                    f.write(text)
            if language == "json":
                try:
                    json.loads(text)
                except json.JSONDecodeError as e:
                    print(f"FAIL {where}: the JSON does not parse: {e}")
                    failures += 1
                continue
            if language != "sh":
                continue
            script = text
            if kind == "cli-only":
                kept = [l for l in text.split("\n") if l.strip().startswith("parktwin-cli ")]
                skipped += 1 if len(kept) < len([l for l in text.split("\n") if l.strip()]) else 0
                script = "\n".join(kept) + "\n"
            try:
                status, output = run_shell(script, folder, env)
            except subprocess.TimeoutExpired:
                status, output = -1, f"timed out after {BLOCK_TIMEOUT_S} s"
            ran += 1
            if status != 0:
                print(f"FAIL {where}: exit status {status}\n--- block ---\n{script}--- output (last 40 lines) ---")
                print("\n".join(output.rstrip().split("\n")[-40:]))
                failures += 1
            elif "warning:" in output:
                print(f"FAIL {where}: the commands print warnings\n{output}")
                failures += 1
    print(f"{name}: {ran} blocks ran, {skipped} not run (marked), {failures} failed")
    return 1 if failures or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
