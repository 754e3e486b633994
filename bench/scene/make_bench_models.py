#!/usr/bin/python3
"""Writes the parks and the large model of bench/scene/bench-models into OUT (not committed):
  open-10k-models.json / open-10k-boxes.json: 10 lines of 1,000 machines (MODEL.glb at scale 1,
      4 m pitch, 400 m x 400 m) on a 0.5 m yard slab, so no hall roof covers them; the second
      is the same park without "model";
  million.json / million-none.json: a small park whose hall carries models/million.glb, a
      1,002,528-triangle terrain (a 708 x 708 grid of quads, one material), and the same park
      without the model;
  models/million.glb.
Standard library only. Usage: make_bench_models.py OUT MODEL"""
import array
import json
import math
import os
import struct
import sys

out, machine = sys.argv[1], sys.argv[2]
GRID = 708  # quads per side: 2 * 708^2 = 1,002,528 triangles


def name(en):
    return {"en": en, "zh": en}


def park(park_id, buildings, lines):
    return {"format": "parktwin-park/1", "id": park_id, "name": name(park_id), "latitude_deg": 29.5,
            "longitude_deg": 106.5, "land_area_mu": 100, "grid_emission_t_per_mwh": 0.57,
            "buildings": buildings, "lines": lines,
            "utilities": [{"id": "grid", "name": name("Grid"), "kind": "grid_tie",
                           "position": {"x_m": -260, "y_m": 0}, "power_kw": 10000}]}


def open_10k(with_models):
    lines = []
    for i in range(10):
        group = {"id": f"cells-{i}", "name": name(f"Cells {i}"), "kind": "cnc_machine", "count": 1000, "rows": 10,
                 "pitch_x_m": 4, "pitch_y_m": 4, "offset": {"x_m": 0, "y_m": -180 + 40 * i},
                 "width_m": 3, "depth_m": 3, "height_m": 2.5}
        if with_models:
            group["model"] = {"uri": f"models/{machine}.glb"}
        lines.append({"id": f"line-{i}", "name": name(f"Line {i}"), "kind": "machining", "building": "yard",
                      "machines": [group]})
    yard = {"id": "yard", "name": name("Open yard"), "kind": "port", "position": {"x_m": 0, "y_m": 0},
            "width_m": 404, "depth_m": 404, "height_m": 0.5}
    return park("open-10k", [yard], lines)


def million(with_model):
    hall = {"id": "hall", "name": name("Hall"), "kind": "plant", "position": {"x_m": 0, "y_m": 0},
            "width_m": 120, "depth_m": 120, "height_m": 12}
    if with_model:
        hall["model"] = {"uri": "models/million.glb"}
    return park("million", [hall], [])


def terrain_glb(path):
    """A 120 m x 120 m rolling surface, up to 12 m high, as GRID x GRID quads (indexed)."""
    n = GRID + 1
    positions, normals = array.array("f"), array.array("f")
    for j in range(n):
        for i in range(n):
            x, z = 120 * i / GRID - 60, 120 * j / GRID - 60
            y = 6 + 3 * math.sin(x / 9) + 3 * math.cos(z / 7)
            dx, dz = 3 / 9 * math.cos(x / 9), -3 / 7 * math.sin(z / 7)
            length = math.sqrt(dx * dx + 1 + dz * dz)
            positions.extend((x, y, z))
            normals.extend((-dx / length, 1 / length, -dz / length))
    indices = array.array("I")
    for j in range(GRID):
        for i in range(GRID):
            a = j * n + i
            indices.extend((a, a + n, a + 1, a + 1, a + n, a + n + 1))
    blobs = [positions.tobytes(), normals.tobytes(), indices.tobytes()]
    offsets = [0, len(blobs[0]), len(blobs[0]) + len(blobs[1])]
    ys = positions[1::3]
    doc = {"asset": {"version": "2.0", "generator": "ParkTwin bench/scene/make_bench_models.py"}, "scene": 0,
           "scenes": [{"nodes": [0]}], "nodes": [{"name": "terrain", "mesh": 0}],
           "meshes": [{"primitives": [{"attributes": {"POSITION": 0, "NORMAL": 1}, "indices": 2, "material": 0}]}],
           "materials": [{"name": "grass", "pbrMetallicRoughness": {"baseColorFactor": [0.35, 0.5, 0.3, 1],
                                                                     "metallicFactor": 0, "roughnessFactor": 0.9}}],
           "bufferViews": [{"buffer": 0, "byteOffset": offsets[0], "byteLength": len(blobs[0]), "target": 34962},
                           {"buffer": 0, "byteOffset": offsets[1], "byteLength": len(blobs[1]), "target": 34962},
                           {"buffer": 0, "byteOffset": offsets[2], "byteLength": len(blobs[2]), "target": 34963}],
           "accessors": [{"bufferView": 0, "componentType": 5126, "count": n * n, "type": "VEC3",
                          "min": [-60, min(ys), -60], "max": [60, max(ys), 60]},
                         {"bufferView": 1, "componentType": 5126, "count": n * n, "type": "VEC3"},
                         {"bufferView": 2, "componentType": 5125, "count": len(indices), "type": "SCALAR"}],
           "buffers": [{"byteLength": sum(len(b) for b in blobs)}]}
    text = json.dumps(doc).encode()
    text += b" " * (-len(text) % 4)
    binary = b"".join(blobs)
    with open(path, "wb") as f:
        f.write(struct.pack("<4sII", b"glTF", 2, 28 + len(text) + len(binary)))
        f.write(struct.pack("<II", len(text), 0x4E4F534A) + text)
        f.write(struct.pack("<II", len(binary), 0x004E4942) + binary)


for file, content in (("open-10k-models.json", open_10k(True)), ("open-10k-boxes.json", open_10k(False)),
                      ("million.json", million(True)), ("million-none.json", million(False))):
    with open(os.path.join(out, file), "w") as f:
        json.dump(content, f)
terrain_glb(os.path.join(out, "models", "million.glb"))
