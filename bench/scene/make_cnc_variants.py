#!/usr/bin/env python3
"""The bundled CNC's GLB three ways, each in its own folder under OUT, for bench-glb-instances
(docs/scene.md, "Pixels, 6 Dec 2026 evening"):
  OUT/no-normals    the same, without the NORMAL attribute its unlit material never reads;
  OUT/vertex-colour the palette texel of each vertex as COLOR_0, no texture (nor normals);
  OUT/one-colour    no texture nor normals, one colour for the whole model (a bound, not a look).
Usage: make_cnc_variants.py MODELS-DIR OUT"""
import copy
import json
import pathlib
import struct
import sys
import zlib


def read_glb(path):
    data = path.read_bytes()
    json_length = struct.unpack("<I", data[12:16])[0]
    doc = json.loads(data[20:20 + json_length])
    at = 20 + json_length
    bin_length = struct.unpack("<I", data[at:at + 4])[0]
    return doc, bytearray(data[at + 8:at + 8 + bin_length])


def write_glb(path, doc, binary):
    binary = bytes(binary) + b"\0" * (-len(binary) % 4)
    doc["buffers"][0]["byteLength"] = len(binary)
    text = json.dumps(doc, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)
    total = 12 + 8 + len(text) + 8 + len(binary)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(struct.pack("<III", 0x46546C67, 2, total) + struct.pack("<II", len(text), 0x4E4F534A) + text
                     + struct.pack("<II", len(binary), 0x004E4942) + binary)


def palette_row(doc, binary):
    """The first row of the palette PNG (8-bit RGB, filter 0, as scripts/make-models writes it)."""
    view = doc["bufferViews"][doc["images"][0]["bufferView"]]
    png = bytes(binary[view.get("byteOffset", 0):view.get("byteOffset", 0) + view["byteLength"]])
    at, idat, width = 8, b"", 0
    while at < len(png):
        length = struct.unpack(">I", png[at:at + 4])[0]
        kind, chunk = png[at + 4:at + 8], png[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width = struct.unpack(">I", chunk[:4])[0]
        elif kind == b"IDAT":
            idat += chunk
        at += 12 + length
    raw = zlib.decompress(idat)
    assert raw[0] == 0, "palette row filtered"
    return [tuple(raw[1 + 3 * i:4 + 3 * i]) for i in range(width)]


def untextured(doc):
    out = copy.deepcopy(doc)
    primitive = out["meshes"][0]["primitives"][0]
    for attribute in ("TEXCOORD_0", "NORMAL"):
        primitive["attributes"].pop(attribute, None)
    out["materials"][0]["pbrMetallicRoughness"].pop("baseColorTexture", None)
    return out, primitive


def main():
    models, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    doc, binary = read_glb(models / "cnc-machine.glb")
    primitive = doc["meshes"][0]["primitives"][0]

    no_normals = copy.deepcopy(doc)
    del no_normals["meshes"][0]["primitives"][0]["attributes"]["NORMAL"]
    write_glb(out / "no-normals" / "cnc-machine.glb", no_normals, binary)

    one_colour, _ = untextured(doc)
    one_colour["materials"][0]["pbrMetallicRoughness"]["baseColorFactor"] = [0.3, 0.45, 0.7, 1.0]
    write_glb(out / "one-colour" / "cnc-machine.glb", one_colour, binary)

    palette = palette_row(doc, binary)
    uv = doc["accessors"][primitive["attributes"]["TEXCOORD_0"]]
    uv_at = doc["bufferViews"][uv["bufferView"]].get("byteOffset", 0)
    colours = bytearray()
    for i in range(uv["count"]):
        u = struct.unpack("<2f", binary[uv_at + 8 * i:uv_at + 8 * i + 8])[0]
        texel = min(int(u * len(palette)), len(palette) - 1)  # u = 1.0 is the last texel's far edge
        colours += struct.pack("<3f", *(c / 255 for c in palette[texel]))
    vertex_colour, coloured = untextured(doc)
    vertex_binary = bytearray(binary)
    vertex_colour["bufferViews"].append({"buffer": 0, "byteOffset": len(vertex_binary), "byteLength": len(colours), "target": 34962})
    vertex_binary += colours
    vertex_colour["accessors"].append({"bufferView": len(vertex_colour["bufferViews"]) - 1, "componentType": 5126,
                                       "count": uv["count"], "type": "VEC3"})
    coloured["attributes"]["COLOR_0"] = len(vertex_colour["accessors"]) - 1
    write_glb(out / "vertex-colour" / "cnc-machine.glb", vertex_colour, vertex_binary)


if __name__ == "__main__":
    main()
