#!/usr/bin/python3
"""--present opens on the tour's first stop (docs/tour-format.md: the first stop has no flight
before it). QA, 6 Dec: the window opened on the fitted park with stop 1's caption over it, because
the tour's camera was set before the window existed. A tour whose first stop looks closely at
the casthouse is presented and screenshot; --screenshot-info gives where each building is in the
picture. The casthouse must be near the middle of the 3D view and larger than in the fitted
park's picture of the same window (the oracle: the same building, the camera the tour names).
Usage: check_present_first_stop.py APP OUT_DIR
"""
import json
import os
import subprocess
import sys

app, out = sys.argv[1:3]
os.makedirs(out, exist_ok=True)
tour = os.path.join(out, "close-first.json")
with open(tour, "w") as f:
    json.dump({"format": "parktwin-tour/1", "park": "beidu", "name": {"zh": "近看", "en": "Close look"},
               "stops": [{"focus": "casthouse", "distance_m": 250, "yaw_deg": 0, "pitch_deg": 40, "fly_s": 0, "hold_s": 5,
                          "caption": {"zh": "铸造车间", "en": "The casthouse"}},
                         {"position": {"x_m": 0, "y_m": 380}, "distance_m": 2300, "yaw_deg": -25, "pitch_deg": 50,
                          "fly_s": 4, "hold_s": 5, "caption": {"zh": "全园", "en": "The park"}}]}, f)


def casthouse(name, extra):
    info = os.path.join(out, name + ".json")
    args = ["xvfb-run", "-a", "-s", "-screen 0 1600x900x24", app, "--park", "beidu", "--size", "1600x900",
            "--screenshot", os.path.join(out, name + ".png"), "--screenshot-info", info, *extra]
    done = subprocess.run(args, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr}")
    with open(info) as f:
        shown = json.load(f)
    building = next((b for b in shown["buildings"] if b["id"] == "casthouse"), None)
    if building is None:
        sys.exit(f"{name}: no casthouse in {info}")
    return shown["view"], building


view, presented = casthouse("present", ["--present", "--tour", tour])
_, fitted = casthouse("fitted", [])
centre_x, centre_y = view["x"] + view["width"] / 2, view["y"] + view["height"] / 2
off = max(abs(presented["x"] - centre_x) / view["width"], abs(presented["y"] - centre_y) / view["height"])
print(f"presented: casthouse at ({presented['x']:.0f}, {presented['y']:.0f}), {off:.1%} of the view from its middle; "
      f"fitted park: at ({fitted['x']:.0f}, {fitted['y']:.0f})")
if off > 0.1:
    sys.exit(f"the first stop's focus is {off:.1%} of the view from its middle: the tour's camera was not applied")
