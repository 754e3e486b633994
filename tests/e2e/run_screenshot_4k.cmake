include(${CMAKE_CURRENT_LIST_DIR}/check_screenshot.cmake)
# --screenshot --size 3840x2160: a picture of exactly that size, the interface drawn at 2x so
# the window is 1920x1080 units (its text as legible as on a 4K screen), checked like the
# other screenshots. On a screen of its own, large enough for the window.
execute_process(COMMAND xvfb-run -a -s "-screen 0 3840x2160x24"
                  ${APP} --park beidu --size 3840x2160 --screenshot ${OUT}.png --screenshot-info ${OUT}.json
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "parktwin --screenshot at 3840x2160 failed (${rc}): ${err}")
endif()
file(READ ${OUT}.json info)
string(JSON ratio GET "${info}" device_pixel_ratio)
if(NOT ratio EQUAL 2)
  message(FATAL_ERROR "a 3840x2160 picture should draw the interface at 2x, got ${ratio}")
endif()
check_screenshot(${OUT})
