#!/usr/bin/python3
"""Checks the pictures of files in the window (run_files_pictures.cmake) with Pillow, apart from
the app: the Problems panel shows one pink row per problem of the bad file under a park that is
still drawn, and the File menu is a white box of five rows below the header's File button.

usage: check_files_pictures.py problems PNG ROWS | menu PNG"""
import sys

from PIL import Image

PROBLEM_ROW = (0xFD, 0xEC, 0xEA)  # qml/panels/ProblemsPanel.qml, a row's fill


def near(a, b, tolerance=12):
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def bands(image, top, colour):
    """Runs of pixel lines below `top` with `colour` in them across the 3D view: one per row of
    a list. Every line of a row shows some of its fill (its margins, between words); rows are
    parted by their borders and the list's spacing, where none shows."""
    width, height = image.size
    xs = range(width // 4, 3 * width // 4)
    count, inside = 0, False
    for y in range(top, height):
        hit = sum(near(image.getpixel((x, y)), colour, 4) for x in xs) >= 20
        count += hit and not inside
        inside = hit
    return count


def check_problems(image, expected_rows):
    width, height = image.size
    # The panel spans the 3D view (between the asset tree and the inspector) at the bottom.
    rows = bands(image, height // 2, PROBLEM_ROW)
    print(f"problem rows {rows}, expected {expected_rows}")
    if rows != expected_rows:
        return "the Problems panel does not show one row per problem"
    # Above the panel the park is still drawn: many colours, not a blank view.
    colours = {image.getpixel((x, y))[:3] for x in range(width // 4, 3 * width // 4, 3) for y in range(60, height // 2, 3)}
    print(f"distinct colours above the panel {len(colours)}")
    if len(colours) < 200:
        return "the park is not drawn above the Problems panel"
    return None


def check_menu(image):
    width, _ = image.size
    # The menu drops from the File button (x 12-25% of 1280) over the 3D view's left edge;
    # where it covers the view (25%-30%), the view's ground shows only if the menu is missing.
    left, right = int(width * 0.245), int(width * 0.31)
    white = total = 0
    for y in range(50, 240, 2):
        for x in range(left, right, 2):
            total += 1
            white += near(image.getpixel((x, y))[:3], (255, 255, 255), 6)
    share = white / total
    print(f"white share where the menu should be {share:.2f}")
    return None if share > 0.8 else "no open menu below the File button"


def main():
    image = Image.open(sys.argv[2]).convert("RGB")
    problem = check_problems(image, int(sys.argv[3])) if sys.argv[1] == "problems" else check_menu(image)
    if problem:
        print(f"FAIL: {sys.argv[2]}: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
