execute_process(COMMAND ${APP} --park ${PARK} --lang ${LANG} --size 1280x720
                  --screenshot ${OUT}.png --screenshot-info ${OUT}.json
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 90)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "parktwin --screenshot failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${CHECK} ${OUT}.png ${OUT}.json RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "screenshot check failed: ${err}")
endif()
