# Files in the window, pictured by the real app under Xvfb: --open of a file with two defects
# shows the Problems panel (two rows) over Beidu, which stays drawn; --show-menu file shows the
# File menu. check_files_pictures.py looks at the PNGs with Pillow, apart from the app.
file(WRITE ${WORK}/two_defects.park.json "{\"format\": \"parktwin-park/1\", \"id\": \"bad\", \"name\": {\"zh\": \"坏\", \"en\": \"Bad\"},
  \"latitude_deg\": 29, \"longitude_deg\": 106, \"land_area_mu\": 10, \"grid_emission_t_per_mwh\": 0.5,
  \"buildings\": [{\"id\": \"b\", \"name\": {\"zh\": \"楼\", \"en\": \"B\"}, \"kind\": \"castle\",
    \"position\": {\"x_m\": 0, \"y_m\": 0}, \"width_m\": 10, \"depth_m\": 10, \"height_m\": \"tall\"}]}")
foreach(lang IN ITEMS en zh)
  set(problems ${WORK}/files_problems_${lang}.png)
  set(menu ${WORK}/files_menu_${lang}.png)
  execute_process(COMMAND ${APP} --park beidu --lang ${lang} --size 1280x720 --open ${WORK}/two_defects.park.json
                    --screenshot ${problems} RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "parktwin --open --screenshot failed (${rc}): ${err}")
  endif()
  execute_process(COMMAND ${APP} --park beidu --lang ${lang} --size 1280x720 --show-menu file
                    --screenshot ${menu} RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "parktwin --show-menu --screenshot failed (${rc}): ${err}")
  endif()
  foreach(check IN ITEMS "problems;${problems};2" "menu;${menu}")
    execute_process(COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_files_pictures.py ${check}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    message("${out}")
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${err}")
    endif()
  endforeach()
endforeach()
