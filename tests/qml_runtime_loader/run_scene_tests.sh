#!/bin/sh
# Runs scene/ against the real qml/scene files and a stand-in ParkController, without building
# the app: copies them into a temporary ParkTwin module. Usage: run_scene_tests.sh SOURCE_DIR QMLTESTRUNNER
set -eu
src=$1
runner=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/ParkTwin"
cp "$src/tests/qml_runtime_loader/fake_module/"* "$dir/ParkTwin/"
for f in LoadedModel BuildingModel SelectionFrame UtilityModel ExternalMarker ModelProblems; do cp "$src/qml/scene/$f.qml" "$dir/ParkTwin/"; done
cp -r "$src/qml/scene/textures" "$dir/ParkTwin/"
"$runner" -import "$dir" -input "$src/tests/qml_runtime_loader/scene"
