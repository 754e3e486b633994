#!/usr/bin/env python3
"""Writes a park with every "model" removed (its machines, buildings and utilities drawn as
boxes): the baseline of the model benchmarks. Usage: boxes_park.py IN.json OUT.json"""
import json
import sys


def strip(node):
    if isinstance(node, dict):
        node.pop("model", None)
        for v in node.values():
            strip(v)
    elif isinstance(node, list):
        for v in node:
            strip(v)


park = json.load(open(sys.argv[1]))
strip(park)
json.dump(park, open(sys.argv[2], "w"))
