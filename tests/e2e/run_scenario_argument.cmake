# --scenario takes what parktwin-cli scenario run takes: a bundled scenario's name or a file.
# One that cannot be opened exits 2 with the message (it used to open the window and exit 0),
# and with no --park the window opens the scenario's own park.
include(${CMAKE_CURRENT_LIST_DIR}/expect_exit_2.cmake)
expect_exit_2("unknown scenario name" "no scenario named \"heatwave\": bundled scenarios are heat-wave,"
              ${APP} --scenario heatwave --quick --screenshot ${WORK}/no_scenario.png)
expect_exit_2("missing scenario file" "${WORK}/none.json: cannot open the scenario file: there is no such file"
              ${APP} --scenario ${WORK}/none.json --quick)
expect_exit_2("scenario for another park" "scenario huanglin-pv-storage is written for the park \"jiulong\""
              ${APP} --park beidu --scenario huanglin-pv-storage --quick --screenshot ${WORK}/other_park.png)
# The same refusals in Chinese under --lang zh (QA: English).
expect_exit_2("unknown scenario name, --lang zh" "没有名为“heatwave”的情景：内置情景有 heat-wave、"
              ${APP} --lang zh --scenario heatwave --quick --screenshot ${WORK}/no_scenario.png)
expect_exit_2("missing scenario file, --lang zh" "${WORK}/none.json: 无法打开情景文件：没有这个文件"
              ${APP} --lang zh --scenario ${WORK}/none.json --quick)
expect_exit_2("scenario for another park, --lang zh"
              "parktwin: 情景 huanglin-pv-storage 是为园区“jiulong”编写的；请打开该园区（--park jiulong）或去掉 --park"
              ${APP} --lang zh --park beidu --scenario huanglin-pv-storage --quick --screenshot ${WORK}/other_park.png)
# A change aimed at nothing in its park: refused before the window opens, not a failed run in a
# panel behind a headless run that exits 0.
file(WRITE ${WORK}/no_target.json [=[{"format": "parktwin-scenario/1", "id": "no-target", "park": "beidu",
  "name": {"zh": "无目标", "en": "no target"}, "explanation": {"zh": "测试", "en": "test"},
  "start": "2026-07-15T00:00:00+08:00", "duration": "1d", "step": "1m",
  "changes": [{"type": "outage", "target": "potline-9", "at": "2026-07-15T08:00:00+08:00", "duration": "8h"}]}]=])
expect_exit_2("scenario target not in its park" "no_target.json: /changes/0/target: no line, or building with lines, \"potline-9\" in park beidu"
              ${APP} --scenario ${WORK}/no_target.json --quick --screenshot ${WORK}/no_target.png)

file(REMOVE ${WORK}/scenario_park.json)
execute_process(COMMAND ${APP} --scenario huanglin-pv-storage --quick --screenshot ${WORK}/scenario_park.png
                  --screenshot-info ${WORK}/scenario_park.json
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/scenario_park.json)
  message(FATAL_ERROR "--scenario by name: exit ${rc}: ${err}")
endif()
file(READ ${WORK}/scenario_park.json info)
foreach(building IN ITEMS bosch-plant warehouse-1)  # Jiulong's, not the default Beidu's
  string(FIND "${info}" "\"${building}\"" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "--scenario huanglin-pv-storage did not open its park Jiulong: ${info}")
  endif()
endforeach()
