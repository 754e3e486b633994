include(${CMAKE_CURRENT_LIST_DIR}/expect_exit_2.cmake)
file(WRITE ${WORK}/bad_park.json "{\"format\": \"parktwin-park/1\", \"id\": \"bad\", \"name\": {\"zh\": \"坏\", \"en\": \"Bad\"},
  \"latitude_deg\": 29, \"longitude_deg\": 106, \"land_area_mu\": 10, \"grid_emission_t_per_mwh\": 0.5,
  \"buildings\": [{\"id\": \"b\", \"name\": {\"zh\": \"楼\", \"en\": \"B\"}, \"kind\": \"plant\",
    \"position\": {\"x_m\": 0, \"y_m\": 0}, \"width_m\": 10, \"depth_m\": 10, \"height_m\": \"tall\"}]}")
expect_exit_2("bad park file" "bad_park.json: /buildings/0/height_m: expected a positive number, got \"tall\""
              ${APP} --park ${WORK}/bad_park.json --screenshot ${WORK}/bad.png)
if(EXISTS ${WORK}/bad.png)
  message(FATAL_ERROR "a screenshot was written for a bad park")
endif()
