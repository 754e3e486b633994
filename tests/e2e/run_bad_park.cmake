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
# A park file that cannot be opened, and a name that is no park, in Chinese under --lang zh
# (QA: English); in English otherwise.
file(REMOVE ${WORK}/no_such_park.json)
expect_exit_2("no park file, --lang zh" "${WORK}/no_such_park.json: 无法打开园区文件：没有这个文件"
              ${APP} --lang zh --park ${WORK}/no_such_park.json --screenshot ${WORK}/bad.png)
expect_exit_2("no park file" "${WORK}/no_such_park.json: cannot open the park file: there is no such file"
              ${APP} --park ${WORK}/no_such_park.json --screenshot ${WORK}/bad.png)
expect_exit_2("no such park name, --lang zh" "没有名为“nosuchpark”的园区：内置园区有 beidu、jiulong；也可给出园区文件的路径"
              ${APP} --lang zh --park nosuchpark --screenshot ${WORK}/bad.png)
