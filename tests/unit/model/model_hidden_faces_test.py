#!/usr/bin/python3
"""scripts/make-models leaves out the faces of a model that nobody sees (Mesh.hidden: a face
against another part's box, inside it, or on the ground). Checked here independently of that
rule, by casting rays: from points just in front of every face left out, rays in every
direction of its hemisphere must hit the model as drawn without that rule, or go below the
ground; a ray that escapes means a visible face went missing. Full models and mid levels. Plus
two hand-counted cases.
Usage: model_hidden_faces_test.py SOURCE_DIR"""
import importlib.machinery
import math
import os
import sys

src = sys.argv[1]
models = importlib.machinery.SourceFileLoader("make_models", os.path.join(src, "scripts", "make-models")).load_module()
failures = []


class EveryFace(models.Mesh):
    """The same model with no face left out: what the rays hit."""

    def hidden(self, corners, normal):
        return False


def triangles_of(faces):
    return [(i, (c[0], c[k], c[k + 1])) for i, (_, c) in enumerate(faces) for k in range(1, len(c) - 1)]


def sub(a, b):
    return tuple(a[i] - b[i] for i in range(3))


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def dot(a, b):
    return sum(a[i] * b[i] for i in range(3))


def hits(origin, direction, triangle):
    """Möller-Trumbore, either side of the triangle."""
    a, b, c = triangle
    e1, e2 = sub(b, a), sub(c, a)
    p = cross(direction, e2)
    det = dot(e1, p)
    if abs(det) < 1e-12:
        return False
    s = sub(origin, a)
    u = dot(s, p) / det
    if u < -1e-9 or u > 1 + 1e-9:
        return False
    q = cross(s, e1)
    v = dot(direction, q) / det
    return v >= -1e-9 and u + v <= 1 + 1e-9 and dot(e2, q) / det > 0


def hemisphere(normal):
    """Directions on the face's side: the normal and rings at 30 and 65 degrees from it."""
    helper = (1, 0, 0) if abs(normal[0]) < 0.9 else (0, 1, 0)
    u = cross(normal, helper)
    u = tuple(x / math.sqrt(dot(u, u)) for x in u)
    v = cross(normal, u)
    directions = [normal]
    for tilt in (math.radians(30), math.radians(65)):
        for k in range(8):
            a = 2 * math.pi * k / 8
            directions.append(tuple(math.cos(tilt) * normal[i] + math.sin(tilt) * (math.cos(a) * u[i] + math.sin(a) * v[i])
                                    for i in range(3)))
    return directions


def escaping_ray(face, others):
    """A ray from just in front of `face` that meets nothing and stays above the ground, if any."""
    corners = face[1]
    normal = models.face_normal(corners)
    centre = tuple(sum(p[i] for p in corners) / len(corners) for i in range(3))
    samples = [centre] + [tuple(p[i] + 0.1 * (centre[i] - p[i]) for i in range(3)) for p in corners]
    for sample in samples:
        origin = tuple(sample[i] + 1e-4 * normal[i] for i in range(3))
        for direction in hemisphere(normal):
            if direction[1] < -1e-9 or origin[1] < 0:
                continue  # into the ground: the camera stays above it
            if not any(hits(origin, direction, t) for t in others):
                return origin, direction
    return None


class EveryFaceMid(models.MidDetailMesh):
    """The mid level as drawn with its own cut (small faces) but no face left out as hidden."""

    def hidden(self, corners, normal):
        return False


# The bundled models, full and mid level: every face left out as hidden is enclosed by what that
# level draws (at the mid level, a face behind a part whose small faces are cut would show).
levels = []
for name, build in models.MODELS.items():
    full = models.Mesh()
    build(full)
    levels.append((name, build, EveryFace(), models.Mesh()))
    if name not in models.LIT:
        levels.append((name + "-lod1", build, EveryFaceMid(full.bounds()), models.MidDetailMesh(full.bounds())))
for name, build, every, drawn in levels:
    build(every)
    build(drawn)
    kept = {tuple(c) for _, c in drawn.faces if not drawn.hidden(c, models.face_normal(c))}
    for face in every.faces:
        if tuple(face[1]) in kept:
            continue
        others = [t for i, t in triangles_of(every.faces) if every.faces[i] is not face]
        ray = escaping_ray(face, others)
        if ray:
            failures.append(f"{name}: a left-out {face[0]} face at {face[1][0]} is seen along {ray[1]} from {ray[0]}")

# By hand: a 2 x 1 x 2 box on the ground with a 1 m cube on top shows 5 + 5 faces (the bottom on
# the ground and the cube's bottom on the box go); a cube half over the box's edge keeps its bottom.
stacked = models.Mesh()
stacked.box("steel", 0, 0, 0, 2, 1, 2)
stacked.box("steel", 0, 1, 0, 1, 1, 1)
if stacked.triangles() != 20:
    failures.append(f"stacked boxes: {stacked.triangles()} triangles, expected 20 (10 faces)")
overhanging = models.Mesh()
overhanging.box("steel", 0, 0, 0, 2, 1, 2)
overhanging.box("steel", 1, 1, 0, 1, 1, 1)
if overhanging.triangles() != 22:
    failures.append(f"overhanging cube: {overhanging.triangles()} triangles, expected 22 (its bottom stays)")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: {len(levels)} models and mid levels, every face left out is enclosed")
