# --at with --replay: an ISO-8601 instant is taken; something that is no time exits 2 and says
# what it expects, instead of silently replaying from the start.
include(${CMAKE_CURRENT_LIST_DIR}/expect_exit_2.cmake)
execute_process(COMMAND ${CLI} simulate --park beidu --duration 30m --db ${WORK}/at.db
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "simulate failed (${rc}): ${err}")
endif()
file(REMOVE ${WORK}/at_bad.png ${WORK}/at_good.png)
expect_exit_2("--at tomorrow" "--at expects ISO-8601"
              ${APP} --park beidu --replay ${WORK}/at.db --at tomorrow --screenshot ${WORK}/at_bad.png)
execute_process(COMMAND ${APP} --park beidu --replay ${WORK}/at.db --at 2026-01-01T00:10:00+08:00 --screenshot ${WORK}/at_good.png
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/at_good.png)
  message(FATAL_ERROR "--at with an ISO-8601 instant: exit ${rc}: ${err}")
endif()
