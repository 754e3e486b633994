#pragma once
// How the 3D view lays out the park's roads: the height of each segment's surface, so that
// roads crossing or meeting never lie in one plane (QA: they flickered in stripes where they
// overlapped, each drawn through the other), and the spots where a road's name may go.
#include <QVariantList>

#include <string>
#include <vector>

namespace parktwin::model {
struct Road;
}

namespace parktwin::app {

// The top of a road segment that overlaps no other: as before, 1 m above the ground, over the
// zones (0.1 m) and water (0.4 m), under the selected road's band and the lamps' light pools.
inline constexpr double kRoadTopM = 1.0;
// Each level lies this much under the one above. A depth buffer of 24 bits with the camera's
// near plane at distance / 200 tells apart 0.15 m up to ~10 km away, farther than the view
// ever frames a park; nobody sees 0.15 m on a road 10 m or more wide.
inline constexpr double kRoadLevelStepM = 0.15;
inline constexpr int kRoadLevels = 4;  // the lowest top, 0.55 m, stays over water

// The top (metres above the ground) of every segment of `roads`, in order: road by road, segment
// by segment. Segments are drawn as in scene_items.cpp: as long as from point to point plus the
// road's width, so joints and crossings overlap. Overlapping segments get different heights; a
// wider road is placed first and takes the top (a lane meets an avenue, not the other way round).
std::vector<double> roadSegmentTops(const std::vector<model::Road>& roads);

// The scene's labels (SceneController::labels) of the named roads, in `language`: quiet names
// beside the road, along it (QA: roads were unnamed on the map), placed after every building
// and zone name, longer roads first. Each has `road` set and `spots`, where the name may go,
// best first, all on stretches clear of every other road (model::clearRoadStretches: a name at
// a crossing lay over the other road, QA): the middle of the longest stretch, then the middle
// of the others and the quarters of each, at most 9; a road crossed all along has no label. A
// spot is {position (scene: on the road's centre line), ahead (scene: 10 m farther along the
// road, for the name's angle on screen), edge (scene: the road's left edge beside the spot, for
// how far beside it the name goes), roomM (how far the clear stretch reaches on either side of
// the spot, metres: the name must fit along it)}.
QVariantList roadNameLabels(const std::vector<model::Road>& roads, const std::string& language);

}  // namespace parktwin::app
