file(WRITE ${WORK}/bad_park.json "{\"format\": \"parktwin-park/1\", \"id\": \"bad\", \"name\": {\"zh\": \"坏\", \"en\": \"Bad\"},
  \"latitude_deg\": 29, \"longitude_deg\": 106, \"land_area_mu\": 10, \"grid_emission_t_per_mwh\": 0.5,
  \"buildings\": [{\"id\": \"b\", \"name\": {\"zh\": \"楼\", \"en\": \"B\"}, \"kind\": \"plant\",
    \"position\": {\"x_m\": 0, \"y_m\": 0}, \"width_m\": 10, \"depth_m\": 10, \"height_m\": \"tall\"}]}")
execute_process(COMMAND ${APP} --park ${WORK}/bad_park.json --screenshot ${WORK}/bad.png
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "expected exit code 2, got ${rc}")
endif()
string(FIND "${err}" "bad_park.json: /buildings/0/height_m: expected a positive number, got \"tall\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "stderr does not name the JSON path: ${err}")
endif()
if(EXISTS ${WORK}/bad.png)
  message(FATAL_ERROR "a screenshot was written for a bad park")
endif()
