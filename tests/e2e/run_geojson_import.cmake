# GeoJSON to a park in the window, end to end: a GeoJSON file written here -> parktwin-cli park
# import-geojson -> parktwin-cli check passes -> parktwin --open FILE --screenshot under Xvfb.
# The same site without its three buildings is imported and pictured too (the same land-use
# zone, road and gatehouse, so the same origin and framing; the gatehouse keeps the empty park's
# hint, shown only in a park without buildings, out of the picture); check_geojson_pictures.py,
# with Pillow, finds the buildings as what differs between the two pictures, at each roof's place
# on screen.
set(zone "{\"type\": \"Feature\", \"properties\": {\"landuse\": \"industrial\", \"name\": \"Works\", \"name:zh\": \"厂区\"},
  \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[106.6490, 28.9690], [106.6530, 28.9690], [106.6530, 28.9715],
  [106.6490, 28.9715], [106.6490, 28.9690]]]}}")
set(road "{\"type\": \"Feature\", \"properties\": {\"width\": 10, \"name\": \"Works road\"},
  \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[106.6490, 28.9693], [106.6530, 28.9693]]}}")
function(footprint out name lon lat dlon dlat height)
  set(${out} "{\"type\": \"Feature\", \"properties\": {\"name\": \"${name}\", \"height\": ${height}},
    \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[${lon}, ${lat}], [${dlon}, ${lat}], [${dlon}, ${dlat}],
    [${lon}, ${dlat}], [${lon}, ${lat}]]]}}" PARENT_SCOPE)
endfunction()
footprint(hall "Hall" 106.6495 28.9700 106.6505 28.9705 14)
# Apart on screen, with ground between them: the zone name, which keeps clear of buildings
# (model::zoneNameSpots), stands elsewhere in each picture and must not join them into one blob.
footprint(store "Store" 106.6514 28.9697 106.6520 28.9700 10)
footprint(office "Office" 106.6520 28.9706 106.6524 28.9711 20)
footprint(gate "Gate" 106.6526 28.9696 106.6529 28.9698 5)
file(WRITE ${WORK}/site.geojson "{\"type\": \"FeatureCollection\", \"features\": [${zone}, ${road}, ${hall}, ${store}, ${office}, ${gate}]}")
file(WRITE ${WORK}/site-empty.geojson "{\"type\": \"FeatureCollection\", \"features\": [${zone}, ${road}, ${gate}]}")

foreach(name IN ITEMS site site-empty)
  set(park ${WORK}/${name}.park.json)
  file(REMOVE ${park})
  execute_process(COMMAND ${CLI} park import-geojson ${WORK}/${name}.geojson --id ${name} --out ${park}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "import-geojson ${name} failed (${rc})")
  endif()
  execute_process(COMMAND ${CLI} check ${park} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "check ${name} failed (${rc}): ${out}${err}")
  endif()
  execute_process(COMMAND ${APP} --lang en --size 1280x720 --open ${park} --screenshot ${WORK}/${name}.png
                    --screenshot-info ${WORK}/${name}.json
                  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "parktwin --open ${name} --screenshot failed (${rc}): ${err}")
  endif()
endforeach()
execute_process(COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_geojson_pictures.py
                  ${WORK}/site.png ${WORK}/site-empty.png ${WORK}/site.json ${WORK}/site-empty.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${err}")
endif()
