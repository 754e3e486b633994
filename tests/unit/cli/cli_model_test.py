#!/usr/bin/python3
"""parktwin-cli model convert / model info / check on models (issue 18).

The oracle is the OBJ this test writes: its vertices give the bounds; the converted GLB is read
here with the standard library (container, JSON chunk, and the BIN chunk's float positions),
not with ParkTwin's reader. Also: model info on every bundled model gives the triangle count counted here from its file.
Usage: cli_model_test.py PATH/TO/parktwin-cli SOURCE_DIR
"""
import json
import math
import os
import random
import struct
import subprocess
import sys
import tempfile

cli = sys.argv[1]
source_dir = sys.argv[2]
failures = []


def expect(what, ok, detail=""):
    if not ok:
        failures.append(f"{what}: {detail}")


def glb_positions(path):
    data = open(path, "rb").read()
    magic, version, length = struct.unpack_from("<4sII", data, 0)
    assert magic == b"glTF" and version == 2 and length == len(data), "bad GLB container"
    json_length, json_type = struct.unpack_from("<II", data, 12)
    assert json_type == 0x4E4F534A
    doc = json.loads(data[20:20 + json_length])
    bin_at = 20 + json_length
    bin_length, bin_type = struct.unpack_from("<II", data, bin_at)
    assert bin_type == 0x004E4942
    binary = data[bin_at + 8:bin_at + 8 + bin_length]
    points = []
    for mesh in doc["meshes"]:
        for primitive in mesh["primitives"]:
            accessor = doc["accessors"][primitive["attributes"]["POSITION"]]
            view = doc["bufferViews"][accessor["bufferView"]]
            start = view.get("byteOffset", 0) + accessor.get("byteOffset", 0)
            for i in range(accessor["count"]):
                points.append(struct.unpack_from("<fff", binary, start + 12 * i))
    return doc, points


with tempfile.TemporaryDirectory() as tmp:
    rng = random.Random(18)
    # A closed box with jittered corners, so the bounds are not round numbers.
    corners = [(rng.uniform(-7, -2) if x else rng.uniform(3, 9), rng.uniform(0, 0.5) if not y else rng.uniform(4, 6),
                rng.uniform(-5, -1) if z else rng.uniform(2, 8)) for x in (0, 1) for y in (0, 1) for z in (0, 1)]
    faces = [(1, 2, 4), (1, 4, 3), (5, 7, 8), (5, 8, 6), (1, 5, 6), (1, 6, 2),
             (3, 4, 8), (3, 8, 7), (1, 3, 7), (1, 7, 5), (2, 6, 8), (2, 8, 4)]
    obj = os.path.join(tmp, "hall.obj")
    with open(obj, "w") as f:
        for c in corners:
            f.write("v %.6f %.6f %.6f\n" % c)
        for face in faces:
            f.write("f %d %d %d\n" % face)
    lo = [min(c[a] for c in corners) for a in range(3)]
    hi = [max(c[a] for c in corners) for a in range(3)]

    out = os.path.join(tmp, "converted")
    run = subprocess.run([cli, "model", "convert", obj, "--out", out], capture_output=True, text=True)
    expect("convert exit code", run.returncode == 0, run.stderr)
    glb = os.path.join(out, "hall.glb")
    expect("convert writes DIR/<name>.glb", os.path.isfile(glb), os.listdir(out) if os.path.isdir(out) else "no folder")
    if os.path.isfile(glb):
        doc, points = glb_positions(glb)
        got_lo = [min(p[a] for p in points) for a in range(3)]
        got_hi = [max(p[a] for p in points) for a in range(3)]
        for a in range(3):
            expect(f"min axis {a}", abs(got_lo[a] - lo[a]) < 1e-4, f"{got_lo[a]} vs OBJ {lo[a]}")
            expect(f"max axis {a}", abs(got_hi[a] - hi[a]) < 1e-4, f"{got_hi[a]} vs OBJ {hi[a]}")
        triangles = sum(doc["accessors"][p["indices"]]["count"] // 3 for m in doc["meshes"] for p in m["primitives"])
        expect("12 triangles", triangles == 12, triangles)
        info = subprocess.run([cli, "model", "info", glb], capture_output=True, text=True)
        expect("info exit code", info.returncode == 0, info.stderr)
        expect("info triangles", "triangles 12," in info.stdout, info.stdout)
        expect("info bounds", "x %.3f .. %.3f" % (lo[0], hi[0]) in info.stdout, info.stdout)

    # A DAE as CAD tools write them: Z up, in centimetres, its part placed by nested nodes
    # (moved, turned about the vertical, stretched). The oracle is COLLADA's own rule, worked
    # out here: a node's matrix is its transforms in order, a child's is its parent's times its
    # own; the unit scales to metres and Z up is stood up as Y up ((x, y, z) -> (x, z, -y)).
    def matmul(a, b):
        return [[sum(a[r][k] * b[k][c] for k in range(4)) for c in range(4)] for r in range(4)]

    def translate(x, y, z):
        return [[1, 0, 0, x], [0, 1, 0, y], [0, 0, 1, z], [0, 0, 0, 1]]

    def rotate_z(degrees):
        c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
        return [[c, -s, 0, 0], [s, c, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]

    def scale(x, y, z):
        return [[x, 0, 0, 0], [0, y, 0, 0], [0, 0, z, 0], [0, 0, 0, 1]]

    outer = translate(250, 40, 0)
    inner = matmul(rotate_z(30), scale(300, 100, 50))
    world = matmul(outer, inner)
    cube = [(x, y, z) for x in (0, 1) for y in (0, 1) for z in (0, 1)]
    placed = []
    for p in cube:
        x, y, z = (sum(world[r][c] * (list(p) + [1])[c] for c in range(4)) * 0.01 for r in range(3))
        placed.append((x, z, -y))
    dae_lo = [min(p[a] for p in placed) for a in range(3)]
    dae_hi = [max(p[a] for p in placed) for a in range(3)]
    dae = os.path.join(tmp, "press.dae")
    with open(dae, "w") as f:
        f.write(f"""<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset><unit name="centimeter" meter="0.01"/><up_axis>Z_UP</up_axis></asset>
  <library_geometries><geometry id="box" name="box"><mesh>
    <source id="box-pos"><float_array id="box-pos-array" count="24">{" ".join("%d %d %d" % c for c in cube)}</float_array>
      <technique_common><accessor source="#box-pos-array" count="8" stride="3">
        <param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/></accessor></technique_common></source>
    <vertices id="box-verts"><input semantic="POSITION" source="#box-pos"/></vertices>
    <triangles count="12"><input semantic="VERTEX" source="#box-verts" offset="0"/>
      <p>0 1 3 0 3 2 4 6 7 4 7 5 0 4 5 0 5 1 2 3 7 2 7 6 0 2 6 0 6 4 1 5 7 1 7 3</p></triangles>
  </mesh></geometry></library_geometries>
  <library_visual_scenes><visual_scene id="Scene" name="Scene">
    <node id="line" name="line"><translate>250 40 0</translate>
      <node id="press" name="press"><rotate>0 0 1 30</rotate><scale>300 100 50</scale>
        <instance_geometry url="#box"/></node></node>
  </visual_scene></library_visual_scenes>
  <scene><instance_visual_scene url="#Scene"/></scene>
</COLLADA>
""")
    run = subprocess.run([cli, "model", "convert", dae, "--out", out], capture_output=True, text=True)
    expect("convert the DAE", run.returncode == 0, run.stderr)
    if run.returncode == 0:
        _, points = glb_positions(os.path.join(out, "press.glb"))
        for a in range(3):
            got_lo, got_hi = min(p[a] for p in points), max(p[a] for p in points)
            expect(f"DAE min axis {a}", abs(got_lo - dae_lo[a]) < 1e-4, f"{got_lo} vs COLLADA {dae_lo[a]}")
            expect(f"DAE max axis {a}", abs(got_hi - dae_hi[a]) < 1e-4, f"{got_hi} vs COLLADA {dae_hi[a]}")

    # What convert refuses, each with a reason to act on and nothing written.
    again = subprocess.run([cli, "model", "convert", dae, "--out", out], capture_output=True, text=True)
    expect("an existing GLB is not replaced without --force", again.returncode == 2 and "--force" in again.stderr, again.stderr)
    forced = subprocess.run([cli, "model", "convert", dae, "--out", out, "--force"], capture_output=True, text=True)
    expect("--force replaces it", forced.returncode == 0, forced.stderr)
    itself = subprocess.run([cli, "model", "convert", os.path.join(out, "press.glb"), "--out", out, "--force"],
                            capture_output=True, text=True)
    expect("the input is never overwritten", itself.returncode == 2 and "is the input itself" in itself.stderr, itself.stderr)
    not_folder = subprocess.run([cli, "model", "convert", obj, "--out", dae], capture_output=True, text=True)
    expect("--out naming a file", not_folder.returncode == 2 and "is not a folder" in not_folder.stderr, not_folder.stderr)
    empty = os.path.join(tmp, "empty.obj")
    open(empty, "w").close()
    work = os.path.join(tmp, "work")  # the converter's temporary folder goes here (TMPDIR)
    os.makedirs(work)
    unreadable = subprocess.run([cli, "model", "convert", empty, "--out", os.path.join(tmp, "e")], capture_output=True, text=True,
                                env=dict(os.environ, TMPDIR=work))
    expect("an empty OBJ: balsam's reason, no plugin hint, no folder made, no work folder left",
           unreadable.returncode == 1 and "too small" in unreadable.stderr and "plugin" not in unreadable.stderr
           and not os.path.exists(os.path.join(tmp, "e")) and os.listdir(work) == [], unreadable.stderr + str(os.listdir(work)))

    # Colours: each material's from the MTL; a white one stays white (balsam leaves Qt's
    # default colour out of its scene, which once came out grey).
    with open(os.path.join(tmp, "two.mtl"), "w") as f:
        f.write("newmtl rust\nKd 0.5 0.2 0.1\nnewmtl snow\nKd 1 1 1\n")
    with open(os.path.join(tmp, "two.obj"), "w") as f:
        f.write("mtllib two.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nusemtl rust\nf 1 2 3\nusemtl snow\nf 1 3 4\n")
    coloured = subprocess.run([cli, "model", "convert", os.path.join(tmp, "two.obj"), "--out", out], capture_output=True, text=True)
    expect("convert the two-material OBJ", coloured.returncode == 0, coloured.stderr)
    if coloured.returncode == 0:
        doc, _ = glb_positions(os.path.join(out, "two.glb"))
        factors = sorted(tuple(round(c, 2) for c in m["pbrMetallicRoughness"]["baseColorFactor"]) for m in doc["materials"])
        expect("the MTL's colours", factors == [(0.5, 0.2, 0.1, 1.0), (1.0, 1.0, 1.0, 1.0)], factors)

    # A broken GLB: check names the JSON path of the model that names it.
    os.makedirs(os.path.join(tmp, "models"))
    with open(os.path.join(tmp, "models", "broken.glb"), "wb") as f:
        f.write(b"glTF" + struct.pack("<II", 1, 20) + b"\0" * 8)
    park = {"format": "parktwin-park/1", "id": "mini", "name": {"zh": "小", "en": "Mini"}, "latitude_deg": 29.5,
            "longitude_deg": 106.5, "land_area_mu": 10, "grid_emission_t_per_mwh": 0.5,
            "buildings": [{"id": "hall", "name": {"zh": "车间", "en": "Hall"}, "kind": "plant",
                           "position": {"x_m": 0, "y_m": 0}, "width_m": 20, "depth_m": 10, "height_m": 8,
                           "model": {"uri": "models/broken.glb"}}]}
    with open(os.path.join(tmp, "park.json"), "w") as f:
        json.dump(park, f)
    check = subprocess.run([cli, "check", os.path.join(tmp, "park.json")], capture_output=True, text=True)
    expect("check exit code", check.returncode == 2, check.returncode)
    expect("check names the path", "/buildings/0/model/uri: " in check.stderr and "expected version 2, got 1" in check.stderr,
           check.stderr)

library = os.path.join(source_dir, "assets", "models")
for name in sorted(os.listdir(library)):
    doc, _ = glb_positions(os.path.join(library, name))
    # Indexed primitives (the library's, since its mid levels) count their indices, others their vertices.
    triangles = sum(doc["accessors"][p["indices"] if "indices" in p else p["attributes"]["POSITION"]]["count"] // 3
                    for m in doc["meshes"] for p in m["primitives"])
    info = subprocess.run([cli, "model", "info", os.path.join(library, name)], capture_output=True, text=True)
    expect(f"model info {name}", info.returncode == 0 and f"triangles {triangles}," in info.stdout and "warning" not in info.stdout,
           info.stdout + info.stderr)

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
