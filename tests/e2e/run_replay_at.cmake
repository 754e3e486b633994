# --at with --replay: an ISO-8601 instant is taken; something that is no time, or a time the
# file does not hold, exits 2 and says what it expects, instead of silently replaying from the
# start or the end.
include(${CMAKE_CURRENT_LIST_DIR}/expect_exit_2.cmake)
execute_process(COMMAND ${CLI} simulate --park beidu --duration 30m --db ${WORK}/at.db
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "simulate failed (${rc}): ${err}")
endif()
file(REMOVE ${WORK}/at_bad.png ${WORK}/at_good.png)
expect_exit_2("--at tomorrow" "--at expects ISO-8601"
              ${APP} --park beidu --replay ${WORK}/at.db --at tomorrow --screenshot ${WORK}/at_bad.png)
expect_exit_2("--at after the end" "--at 2027-01-01T00:00:00Z is outside the replay file, which holds 20"
              ${APP} --park beidu --replay ${WORK}/at.db --at 2027-01-01T00:00:00Z --screenshot ${WORK}/at_bad.png)
expect_exit_2("--at hours past the end" "--at 5h is outside the replay file"
              ${APP} --park beidu --replay ${WORK}/at.db --at 5h --screenshot ${WORK}/at_bad.png)
# The same refusals in Chinese under --lang zh (QA: English on stderr), and a file that is not
# there named once, not twice with SQLite's English after it.
expect_exit_2("--lang zh --at hours past the end" "parktwin: --at 5h 不在回放文件的时段内，文件的时段为 20"
              ${APP} --lang zh --park beidu --replay ${WORK}/at.db --at 5h --screenshot ${WORK}/at_bad.png)
# --at that is no time and --loop that is no range, in Chinese (QA: English under --lang zh); the
# time reader's reason in Chinese too.
expect_exit_2("--lang zh --at yesterday"
              "parktwin: --at 应为 ISO-8601 时间、纪元秒或毫秒，或开始后的小时数（如 10h）：时间“yesterday”：应为 ISO-8601 时间或纪元秒/毫秒"
              ${APP} --lang zh --park beidu --replay ${WORK}/at.db --at yesterday --screenshot ${WORK}/at_bad.png)
expect_exit_2("--lang zh --at no such date" "：时间“2026-13-01”：没有这一天"
              ${APP} --lang zh --park beidu --replay ${WORK}/at.db --at 2026-13-01 --screenshot ${WORK}/at_bad.png)
expect_exit_2("--lang zh --loop backwards" "parktwin: --loop 应为 FROM-TO 小时数，且 FROM < TO，实际为“8-6”"
              ${APP} --lang zh --park beidu --replay ${WORK}/at.db --loop 8-6 --screenshot ${WORK}/at_bad.png)
expect_exit_2("--loop backwards" "parktwin: --loop must be FROM-TO hours with FROM < TO, got \"8-6\""
              ${APP} --park beidu --replay ${WORK}/at.db --loop 8-6 --screenshot ${WORK}/at_bad.png)
# --loop that is no range: the refusal alone, without "QEventLoop: Cannot be used without
# QApplication" after it (QA pass 3, F21).
expect_exit_2_saying_only("--loop 6to10" "parktwin: --loop must be FROM-TO hours with FROM < TO, got \"6to10\""
                          ${APP} --park beidu --replay ${WORK}/at.db --loop 6to10 --screenshot ${WORK}/at_bad.png)
# --speed that is no multiple of real time was read as 0 and played on at 0.1x (QA pass 3, F21).
expect_exit_2_saying_only("--speed fast"
                          "parktwin: --speed must be a multiple of real time from 0.1 to 10000, like 60, got \"fast\""
                          ${APP} --park beidu --replay ${WORK}/at.db --speed fast --screenshot ${WORK}/at_bad.png)
expect_exit_2_saying_only("--lang zh --speed fast" "parktwin: --speed 应为真实时间的倍数，0.1 到 10000，如 60，实际为“fast”"
                          ${APP} --lang zh --park beidu --replay ${WORK}/at.db --speed fast --screenshot ${WORK}/at_bad.png)
expect_exit_2("--speed 0" "got \"0\"" ${APP} --park beidu --replay ${WORK}/at.db --speed 0 --screenshot ${WORK}/at_bad.png)
expect_exit_2("--speed 20000" "got \"20000\"" ${APP} --park beidu --replay ${WORK}/at.db --speed 20000 --screenshot ${WORK}/at_bad.png)
file(REMOVE ${WORK}/nothere.db)
expect_exit_2("--lang zh, no replay file" "parktwin: ${WORK}/nothere.db 不存在\n"
              ${APP} --lang zh --park beidu --replay ${WORK}/nothere.db --screenshot ${WORK}/at_bad.png)
# QA: a CSV given to --replay was refused in SQLite's words ("file is not a database"); the
# window says how to make a historian of it (parktwin-cli import), in English and Chinese.
file(WRITE ${WORK}/day.csv "ts,tag,value\n2026-01-01T00:00:00Z,potline-1.current,400\n")
expect_exit_2("--replay a CSV" "parktwin: ${WORK}/day.csv is a CSV file, not a historian: import it first with parktwin-cli import ${WORK}/day.csv --park PARK --db ${WORK}/day.db, then replay ${WORK}/day.db\n"
              ${APP} --park beidu --replay ${WORK}/day.csv --screenshot ${WORK}/at_bad.png)
expect_exit_2("--lang zh --replay a CSV" "parktwin: ${WORK}/day.csv 是 CSV 文件，不是历史库：请先用 parktwin-cli import ${WORK}/day.csv --park PARK --db ${WORK}/day.db 导入，再回放 ${WORK}/day.db\n"
              ${APP} --lang zh --park beidu --replay ${WORK}/day.csv --screenshot ${WORK}/at_bad.png)
if(EXISTS ${WORK}/at_bad.png)
  message(FATAL_ERROR "a screenshot was written for a time outside the file")
endif()
execute_process(COMMAND ${APP} --park beidu --replay ${WORK}/at.db --at 2026-01-01T00:10:00+08:00 --screenshot ${WORK}/at_good.png
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/at_good.png)
  message(FATAL_ERROR "--at with an ISO-8601 instant: exit ${rc}: ${err}")
endif()
# A time without a zone is the park's clock (Beidu: Asia/Shanghai), as the timeline shows it:
# ten minutes into the simulation that started 2026-01-01 00:00 there (read as UTC it was
# 08:10 in the park, outside the file), and "60x" as the speed box writes a speed.
file(REMOVE ${WORK}/at_good.png)
execute_process(COMMAND ${APP} --park beidu --replay ${WORK}/at.db --at "2026-01-01 00:10:00" --speed 60x --screenshot ${WORK}/at_good.png
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/at_good.png)
  message(FATAL_ERROR "--at in the park's civil time with --speed 60x: exit ${rc}: ${err}")
endif()

# A tag the simulator cannot drive, left out with --skip-unknown-tags, is listed in the file
# without samples. The replay's range is the samples' (from the simulation's start,
# 2026-01-01T00:00+08:00, plus one 1-minute step), not 1970: the window hung stepping through
# 56 years to a time it could not show.
execute_process(COMMAND ${CLI} park edit beidu --out ${WORK}/undriven.park.json --allow-problems
                        --set "/tags/-={\"id\": \"hall-temp\", \"name\": {\"zh\": \"车间温度\", \"en\": \"Hall temperature\"}, \"unit\": \"degC\", \"kind\": \"analog\", \"object\": \"casthouse\"}"
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "park edit failed (${rc}): ${err}")
endif()
file(REMOVE ${WORK}/undriven.db ${WORK}/undriven.png)
execute_process(COMMAND ${CLI} simulate --park ${WORK}/undriven.park.json --duration 30m --step 1m --db ${WORK}/undriven.db --skip-unknown-tags
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "simulate --skip-unknown-tags failed (${rc}): ${err}")
endif()
# The range in the park's clock (QA pass 3, F21: it was UTC): the simulation's first 1-minute
# step after its start, 2026-01-01 00:00 in Asia/Shanghai, to the end of its 30 minutes.
expect_exit_2("--at past the samples of a file with an undriven tag"
              "which holds 2026-01-01 00:01:00 .. 2026-01-01 00:30:00 in the park's time (UTC+08:00; 0h .. 0.4833h)"
              ${APP} --park ${WORK}/undriven.park.json --replay ${WORK}/undriven.db --at 2h --screenshot ${WORK}/undriven.png)
execute_process(COMMAND ${APP} --park ${WORK}/undriven.park.json --replay ${WORK}/undriven.db --at 0.25h --screenshot ${WORK}/undriven.png
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK}/undriven.png)
  message(FATAL_ERROR "a replay with an undriven tag, --at 0.25h: exit ${rc}: ${err}")
endif()
