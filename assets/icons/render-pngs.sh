#!/usr/bin/env bash
# Renders the PNG icons the package installs (48, 128, 256 px) from parktwin.svg.
# Run after editing the SVG; needs rsvg-convert (librsvg2-bin). The PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")"
for size in 48 128 256; do
  rsvg-convert -w "$size" -h "$size" parktwin.svg -o "parktwin-$size.png"
done
