#!/usr/bin/python3
"""Writes OUT/cnc-machine-shared.glb for bench/scene/bench-lean-instances: scripts/make-models'
CNC with every corner shared by the faces of its part (keyed by place and part, no normal, the
palette texel unshaded): 28 vertices instead of 64, the same 32 triangles. Drawn by Qt's own
material it would be flat; bench/scene/shared_shade.frag bakes the face's shade per pixel.
Usage: make_shared_cnc.py OUT"""
import importlib.machinery
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
loader = importlib.machinery.SourceFileLoader("make_models", os.path.join(ROOT, "scripts", "make-models"))
spec = importlib.util.spec_from_loader("make_models", loader)
models = importlib.util.module_from_spec(spec)
loader.exec_module(models)
models.baked_shade = lambda normal: 1.0  # the shader bakes it


class SharedCorners:
    """A mesh's parts with one normal for every corner, so the GLB writer merges a part's corners."""
    def __init__(self, mesh):
        self.parts = {part: [(corner[0], (0.0, 1.0, 0.0)) for corner in corners] for part, corners in mesh.parts.items()}


mesh = models.Mesh()
models.cnc_machine(mesh)
with open(os.path.join(sys.argv[1], "cnc-machine-shared.glb"), "wb") as f:
    f.write(models.glb(SharedCorners(mesh), "cnc-machine-shared", lit=False))
