#!/usr/bin/python3
"""Checks the pictures of run_geojson_import.cmake with Pillow, apart from the app: the site
with its three buildings against the same site without them (same zone and road, so the same
framing). The buildings are what differs: enough pixels of the 3D view, in at least three
separate places (columns of difference with a gap between them), and the empty site's picture
is a drawn park, not a blank window. At each of the three roofs' places on screen (Qt's
projection, from --screenshot-info) the picture with buildings differs from the ground there.
A building in both sites (the gatehouse: at the same place on screen in both infos) is not one
of the three.

usage: check_geojson_pictures.py WITH.png WITHOUT.png WITH.json WITHOUT.json"""
import json
import sys

from PIL import Image, ImageChops


def differing_columns(diff, top, bottom):
    width = diff.size[0]
    columns = []
    for x in range(width):
        hits = sum(1 for y in range(top, bottom, 2) if max(diff.getpixel((x, y))) > 40)
        columns.append(hits >= 3)
    return columns


def runs(flags, min_gap=6):
    """Groups of set flags parted by at least min_gap unset ones."""
    groups, gap, inside = 0, min_gap, False
    for flag in flags:
        if flag:
            groups += gap >= min_gap and not inside
            inside, gap = True, 0
        else:
            gap += 1
            inside = inside and gap < min_gap
    return groups


def roofs_in_front(info_path):
    with open(info_path, encoding="utf-8") as f:
        return [b for b in json.load(f)["buildings"] if b["inFront"]]


def main(with_path, without_path, info_path, without_info_path):
    with_buildings = Image.open(with_path).convert("RGB")
    without = Image.open(without_path).convert("RGB")
    if with_buildings.size != without.size:
        return "the pictures differ in size"
    width, height = with_buildings.size
    # The 3D view: below the header, above the footer, left of the inspector.
    box = (width // 5, 60, width - 330, height - 60)
    empty_colours = {without.getpixel((x, y)) for x in range(box[0], box[2], 5) for y in range(box[1], box[3], 5)}
    print(f"distinct colours in the empty site's view {len(empty_colours)}")
    if len(empty_colours) < 20:
        return "the empty site is not drawn"
    diff = ImageChops.difference(with_buildings.crop(box), without.crop(box))
    changed = sum(1 for p in diff.getdata() if max(p) > 40)
    share = changed / (diff.size[0] * diff.size[1])
    groups = runs(differing_columns(diff, 0, diff.size[1]))
    print(f"pixels that differ: {changed} ({share:.2%} of the view), in {groups} separate column groups")
    if share < 0.003:
        return "the buildings do not show: the pictures hardly differ"
    if groups < 2:
        return "the difference is in one place, not at three buildings"
    shared = [(b["x"], b["y"]) for b in roofs_in_front(without_info_path)]
    roofs = [b for b in roofs_in_front(info_path)
             if not any(abs(b["x"] - x) < 3 and abs(b["y"] - y) < 3 for x, y in shared)]
    if len(roofs) != 3:
        return f"expected 3 buildings in front of the camera, got {len(roofs)}"
    for roof in roofs:
        x, y = round(roof["x"]), round(roof["y"])
        a, b = with_buildings.getpixel((x, y)), without.getpixel((x, y))
        print(f"{roof['id']} at ({x}, {y}): roof {a}, ground {b}")
        if max(abs(p - q) for p, q in zip(a, b)) <= 40:
            return f"{roof['id']}: nothing drawn at its place on screen"
    return None


if __name__ == "__main__":
    problem = main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4])
    if problem:
        print(problem, file=sys.stderr)
        sys.exit(1)
