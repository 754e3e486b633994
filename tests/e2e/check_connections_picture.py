#!/usr/bin/python3
"""Checks a picture of the Data dialog's Connections part (connections_picture.sh) with Pillow,
apart from the app: the dialog is drawn (a large light area over the window), and the running
source's state dot is green (qml/panels/ConnectionsPart.qml), not red.

usage: check_connections_picture.py PNG [WIDTHxHEIGHT, default 1280x720]"""
import sys

from PIL import Image

CONNECTED = (0x2E, 0x9D, 0x57)
NOT_CONNECTED = (0xC0, 0x39, 0x2B)


def near(a, b, tolerance=10):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def main(path, size="1280x720"):
    image = Image.open(path).convert("RGB")
    width, height = image.size
    pixels = [image.getpixel((x, y)) for y in range(0, height, 2) for x in range(0, width, 2)]
    green = sum(near(p, CONNECTED) for p in pixels)
    red = sum(near(p, NOT_CONNECTED) for p in pixels)
    light = sum(min(p) >= 235 for p in pixels)
    print(f"{path}: {width}x{height}, connected-dot pixels {green}, not-connected {red}, light {light / len(pixels):.0%}")
    if f"{width}x{height}" != size:
        return "not the size asked for"
    if light < len(pixels) // 5:
        return "no dialog drawn over the window (too little light area)"
    if green < 6:
        return "no green state dot: the source is not shown connected"
    return None


if __name__ == "__main__":
    problem = main(*sys.argv[1:3])
    if problem:
        print("FAIL: " + problem)
        sys.exit(1)
