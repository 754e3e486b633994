#!/usr/bin/python3
"""Checks a picture of edit mode (run_edit_pictures.cmake) with Pillow, apart from the app: the
park is drawn in the 3D view, and the right column holds the editor panel above the inspector:
a light panel with text (the palette and the fields) where the 3D view would otherwise
show, not a dark or empty column.

usage: check_edit_pictures.py PNG"""
import sys

from PIL import Image


def main(path):
    image = Image.open(path).convert("RGB")
    width, height = image.size
    view = {image.getpixel((x, y)) for x in range(width // 4, 3 * width // 4, 3) for y in range(80, height - 80, 3)}
    print(f"distinct colours in the 3D view {len(view)}")
    if len(view) < 200:
        return "the park is not drawn"
    # The right column (the last 440 px of 1600 in edit mode): the editor panel's top half.
    left = width - 436
    light = dark = total = 0
    for y in range(60, height // 2, 2):
        for x in range(left, width - 10, 2):
            r, g, b = image.getpixel((x, y))
            total += 1
            light += min(r, g, b) > 200
            dark += max(r, g, b) < 110
    print(f"editor column: light {light / total:.2f}, text-dark {dark / total:.3f}")
    if light / total < 0.6:
        return "the editor panel is dark or missing"
    # 0.5 %: in the 440 px column the fields' white takes more of it than in the 320 px one
    # (0.8 % measured with the casthouse selected); an empty panel has none.
    if dark / total < 0.005:
        return "the editor panel shows no text"
    return None


if __name__ == "__main__":
    problem = main(sys.argv[1])
    if problem:
        print(problem, file=sys.stderr)
        sys.exit(1)
