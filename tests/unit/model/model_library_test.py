#!/usr/bin/python3
"""The bundled model library (assets/models, issue 18) checked against the glTF 2.0 essentials
with the standard library only, independent of ParkTwin's reader: the GLB container, asset
version, PBR metallic-roughness materials, one primitive (one draw) per model with its parts'
colours in a palette texture stored in the file, at most 3,000 triangles, accessor min/max equal to
the positions actually stored, standing on the ground (y up, lowest point at 0) around the
footprint centre; each machine's mid level of detail (NAME-lod1.glb) with fewer triangles than
its full model. Also: scripts/make-models writes the committed files byte for byte.
Usage: model_library_test.py SOURCE_DIR"""
import filecmp
import json
import os
import struct
import subprocess
import sys
import tempfile

src = sys.argv[1]
models = os.path.join(src, "assets", "models")
failures = []
expected = {"electrolytic-pot", "holding-furnace", "casting-machine", "extrusion-press", "cnc-machine", "die-bonder",
            "robot-cell", "rack", "gantry-crane", "container-crane", "transformer", "pv-array", "battery-container",
            "charger", "hydrogen-tank", "hall-gable-roof", "hall-sawtooth-roof", "hall-flat-roof"}
# Every instanced model has a mid level of detail beside it (NAME-lod1.glb); the halls do not.
expected |= {name + "-lod1" for name in expected if not name.startswith("hall-")}
triangle_counts = {}
found = {f[:-4] for f in os.listdir(models) if f.endswith(".glb")}
if found != expected:
    failures.append(f"library: missing {sorted(expected - found)}, unexpected {sorted(found - expected)}")

for name in sorted(found):
    data = open(os.path.join(models, name + ".glb"), "rb").read()
    magic, version, length = struct.unpack_from("<4sII", data, 0)
    if magic != b"glTF" or version != 2 or length != len(data):
        failures.append(f"{name}: bad GLB header")
        continue
    json_length, _ = struct.unpack_from("<II", data, 12)
    doc = json.loads(data[20:20 + json_length])
    binary = data[20 + json_length + 8:]
    if doc["asset"]["version"] != "2.0":
        failures.append(f"{name}: asset.version {doc['asset']['version']}")
    for m in doc["materials"]:
        pbr = m.get("pbrMetallicRoughness", {})
        if not {"baseColorFactor", "metallicFactor", "roughnessFactor"} <= pbr.keys():
            failures.append(f"{name}: material {m.get('name')} lacks PBR metallic-roughness factors")
    primitives = doc["meshes"][0]["primitives"]
    if len(doc["meshes"]) != 1 or len(primitives) != 1:
        failures.append(f"{name}: {len(primitives)} primitives, expected one (one draw per model)")
    for texture in doc.get("textures", []):
        image = doc["images"][texture["source"]]
        view = doc["bufferViews"][image["bufferView"]]
        if binary[view["byteOffset"]:view["byteOffset"] + 8] != b"\x89PNG\r\n\x1a\n":
            failures.append(f"{name}: texture image is not a PNG in the file")
    triangles = 0
    lo, hi = [1e30] * 3, [-1e30] * 3
    for primitive in doc["meshes"][0]["primitives"]:
        accessor = doc["accessors"][primitive["attributes"]["POSITION"]]
        view = doc["bufferViews"][accessor["bufferView"]]
        points = [struct.unpack_from("<3f", binary, view["byteOffset"] + 12 * i) for i in range(accessor["count"])]
        if "indices" in primitive:  # indexed: the triangles are the indices' count / 3
            triangles += doc["accessors"][primitive["indices"]]["count"] // 3
        else:
            triangles += accessor["count"] // 3
        for axis in range(3):
            stored = (min(p[axis] for p in points), max(p[axis] for p in points))
            if abs(stored[0] - accessor["min"][axis]) > 1e-6 or abs(stored[1] - accessor["max"][axis]) > 1e-6:
                failures.append(f"{name}: accessor min/max on axis {axis} is not the data's {stored}")
            lo[axis], hi[axis] = min(lo[axis], stored[0]), max(hi[axis], stored[1])
    if not 0 < triangles <= 3000:
        failures.append(f"{name}: {triangles} triangles")
    triangle_counts[name] = triangles
    # A mid level leaves out slim faces, e.g. the sides of a 0.1 m slab: it may start a little
    # above the ground, at most 10 % of its height (the PV array: 0.1 m of 1.45 m).
    allowed = 0.1 * hi[1] if name.endswith("-lod1") else 1e-6
    if not -1e-6 <= lo[1] <= allowed:
        failures.append(f"{name}: lowest point at y = {lo[1]}, expected the ground (0)")
    for axis, label in ((0, "x"), (2, "z")):
        centre, size = (lo[axis] + hi[axis]) / 2, hi[axis] - lo[axis]
        if abs(centre) > 0.1 * size:
            failures.append(f"{name}: footprint centre {label} = {centre:.2f} m, more than 10% of {size:.1f} m off the origin")

for name in sorted(found):
    full = name[:-len("-lod1")] if name.endswith("-lod1") else None
    if full in triangle_counts and not triangle_counts[name] < triangle_counts[full]:
        failures.append(f"{name}: {triangle_counts[name]} triangles, not fewer than {full}'s {triangle_counts[full]}")

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, os.path.join(src, "scripts", "make-models"), tmp], check=True, capture_output=True)
    for name in sorted(expected):
        if not filecmp.cmp(os.path.join(tmp, name + ".glb"), os.path.join(models, name + ".glb"), shallow=False):
            failures.append(f"{name}: scripts/make-models writes different bytes than the committed file")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: {len(found)} models")
