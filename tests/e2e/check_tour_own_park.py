#!/usr/bin/python3
"""A tour for one's own park (QA, 6 Dec): `parktwin --present --tour TOUR` with no --park opened
Beidu and refused the tour ("expected beidu"). Now a tour opens the park it names: a bundled
one, or the park file of that id beside the tour; with none it says to give --park FILE, and
with several it names them. The oracle is the park file copied here (its id and buildings).
Usage: check_tour_own_park.py APP PARK_JSON OUT_DIR
"""
import json
import os
import shutil
import subprocess
import sys

app, park_file, out = sys.argv[1:4]
with open(park_file) as f:
    park = json.load(f)
own = os.path.join(out, "own")
alone = os.path.join(out, "alone")
for folder in (own, alone):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
shutil.copy(park_file, os.path.join(own, "site.json"))
tour = {"format": "parktwin-tour/1", "park": park["id"], "name": {"zh": "自有", "en": "Own"},
        "stops": [{"position": {"x_m": 0, "y_m": 0}, "distance_m": 400, "yaw_deg": 0, "pitch_deg": 45, "fly_s": 0,
                   "hold_s": 5, "caption": {"zh": "我们的园区", "en": "Our park"}}]}
for folder in (own, alone):
    with open(os.path.join(folder, "tour.json"), "w") as f:
        json.dump(tour, f)


def present(tour_file, info=None):
    args = ["xvfb-run", "-a", "-s", "-screen 0 1600x900x24", app, "--present", "--tour", tour_file, "--size", "1600x900",
            "--screenshot", os.path.join(out, "tour.png")] + (["--screenshot-info", info] if info else [])
    return subprocess.run(args, capture_output=True, text=True, timeout=180)


info = os.path.join(out, "own.json")
done = present(os.path.join(own, "tour.json"), info)
if done.returncode != 0:
    sys.exit(f"the tour beside its park did not present ({done.returncode}): {done.stderr}")
with open(info) as f:
    shown = {b["id"] for b in json.load(f)["buildings"]}
expected = {b["id"] for b in park["buildings"]}
if shown != expected:
    sys.exit(f"the window showed the buildings {sorted(shown)}, the park file has {sorted(expected)}")

done = present(os.path.join(alone, "tour.json"))
wanted = f'is written for the park "{park["id"]}", which is neither bundled nor a park file beside the tour: give its park file with --park FILE'
if done.returncode == 0 or wanted not in done.stderr:
    sys.exit(f"a tour without its park: exit {done.returncode}, stderr: {done.stderr}")

shutil.copy(park_file, os.path.join(own, "site-copy.json"))
done = present(os.path.join(own, "tour.json"))
if done.returncode == 0 or "several park files beside it" not in done.stderr or "site-copy.json" not in done.stderr:
    sys.exit(f"two park files of the id: exit {done.returncode}, stderr: {done.stderr}")
print("ok: beside its park it presents that park; alone or with two candidates it says what to give")
