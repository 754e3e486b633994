#!/usr/bin/python3
"""The scene's look, checked on real screenshots (issue 18, item 4), with PIL as the oracle.

For one park and one mode (day or night) this renders, under its own Xvfb at 1600x900, the park
as shipped and a copy of it with every "model" removed (boxes only), from the same camera, and
checks the 3D view of the shipped picture:
  * many colours (over 400 distinct after dropping the lowest 3 bits of each channel);
  * no colour (same quantisation) covers more than 60 % of the view;
  * day: not dark, not washed out (mean luminance 70-215), under 3 % clipped white;
    night: dark overall (mean luminance under 90) with lit windows and lamps (warm bright
    pixels);
  * the models are visible: around the buildings holding modelled machines, the picture
    differs from the boxes-only one (share of changed pixels over
    the building's projected neighbourhood), with the camera flown to the first such building:
    over 1 % of the pixels there change by more than 16 levels (0 % when the models fail to load).
    16, not more: machine models are unlit with the sun's light baked per face exactly as the
    boxes are shaded, so a model differs from its box by its shape's shading (16-24 levels), not
    by a colour of its own.
Usage: check_scene_look.py APP PARK_JSON OUT_DIR day|night
"""
import json
import os
import subprocess
import sys

from PIL import Image, ImageChops, ImageStat


def render(app, park, out, night, select):
    args = ["xvfb-run", "-a", "-s", "-screen 0 1600x900x24", app, "--park", park, "--size", "1600x900",
            "--screenshot", out + ".png", "--screenshot-info", out + ".json", "--select", select]
    if night:
        args.append("--night")
    done = subprocess.run(args, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr}")
    with open(out + ".json") as f:
        return Image.open(out + ".png").convert("RGB"), json.load(f)


def view_crop(image, info):
    v = info["view"]
    return image.crop((round(v["x"]), round(v["y"]), round(v["x"] + v["width"]), round(v["y"] + v["height"])))


def colour_stats(view):
    quantised = view.point(lambda c: c & 0xF8)
    counts = quantised.getcolors(maxcolors=1 << 20)
    total = view.width * view.height
    return len(counts), max(n for n, _ in counts) / total


def luminance(view):
    return ImageStat.Stat(view.convert("L")).mean[0]


def boxes_only(park_path, out_path):
    with open(park_path) as f:
        park = json.load(f)
    modelled = set()
    def strip(node, building=None):
        if isinstance(node, dict):
            if "model" in node:
                del node["model"]
                if building:
                    modelled.add(building)
            for value in node.values():
                strip(value, node.get("building", building))
        elif isinstance(node, list):
            for value in node:
                strip(value, building)
    strip(park)
    with open(out_path, "w") as f:
        json.dump(park, f)
    return modelled


def main():
    app, park, out_dir, mode = sys.argv[1:5]
    night = mode == "night"
    os.makedirs(out_dir, exist_ok=True)
    name = os.path.splitext(os.path.basename(park))[0]
    boxes_park = os.path.join(out_dir, f"{name}-boxes.json")  # no model left, so no relative path to keep
    modelled = boxes_only(park, boxes_park)
    # Close enough to a modelled building for its models to be drawn (the level of detail
    # draws boxes where a machine would be a few pixels): both pictures fly to it.
    select = sorted(modelled)[0]
    shipped, info = render(app, park, os.path.join(out_dir, f"{name}-{mode}"), night, select)
    boxes, _ = render(app, boxes_park, os.path.join(out_dir, f"{name}-{mode}-boxes"), night, select)
    view = view_crop(shipped, info)
    colours, dominant = colour_stats(view)
    light = luminance(view)
    clipped = sum(1 for p in view.getdata() if p[0] > 250 and p[1] > 250 and p[2] > 250) / (view.width * view.height)
    warm = sum(1 for r, g, b in view.getdata() if r > 200 and g > 150 and b < 170 and r > b + 60)
    print(f"{name} {mode}: {colours} colours, dominant {dominant:.1%}, luminance {light:.0f}, "
          f"clipped {clipped:.2%}, warm lit pixels {warm}, modelled buildings {sorted(modelled)}")
    failures = []
    if colours <= 400:
        failures.append(f"only {colours} colours")
    if dominant > 0.6:
        failures.append(f"one colour covers {dominant:.0%} of the view")
    if night:
        if light >= 90:
            failures.append(f"night is not dark (luminance {light:.0f})")
        if warm < 300:
            failures.append(f"no lit windows or lamps at night ({warm} warm pixels)")
    else:
        if not 70 <= light <= 215:
            failures.append(f"day luminance {light:.0f} outside 70-215 (dark or washed out)")
        if clipped > 0.03:
            failures.append(f"{clipped:.1%} clipped white")
    # Models against boxes, around each building that holds modelled machines.
    differences = []
    diff = ImageChops.difference(shipped, boxes)
    for b in info["buildings"]:
        if b["id"] not in modelled or not b["inFront"]:
            continue
        x, y = b["x"], b["y"]
        # The roof's centre and the hall below it, where its machines stand.
        box = (max(0, round(x - 150)), max(0, round(y - 20)), min(shipped.width, round(x + 150)), min(shipped.height, round(y + 250)))
        if box[2] - box[0] < 20 or box[3] - box[1] < 20:
            continue
        region = diff.crop(box).convert("L")
        changed = sum(1 for v in region.getdata() if v > 16) / (region.width * region.height)
        differences.append((changed, b["id"]))
    print("models vs boxes, share of pixels changed per building:", ", ".join(f"{i} {d:.1%}" for d, i in differences))
    if modelled and (not differences or max(differences)[0] < 0.01):
        failures.append(f"the models do not show against the boxes: {differences}")
    if failures:
        sys.exit(f"{name} {mode}: " + "; ".join(failures))


if __name__ == "__main__":
    main()
