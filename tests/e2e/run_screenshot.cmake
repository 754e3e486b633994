include(${CMAKE_CURRENT_LIST_DIR}/check_screenshot.cmake)
execute_process(COMMAND ${APP} --park ${PARK} --lang ${LANG} --size 1280x720
                  --screenshot ${OUT}.png --screenshot-info ${OUT}.json
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 90)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "parktwin --screenshot failed (${rc}): ${err}")
endif()
check_screenshot(${OUT})
