# The window's language without --lang (QA: a Chinese desktop, and the menu entry, opened it in
# English): the system's (LANG=zh_CN.UTF-8), English under any other; the one last chosen with
# the window's language button (its settings file) before the system's; --lang before both.
# Seen in a refusal printed before any window opens: a name that is no park, worded by twin/model.
include(${CMAKE_CURRENT_LIST_DIR}/expect_exit_2.cmake)
set(zh "没有名为“nosuchpark”的园区")
set(en "no park named \"nosuchpark\"")
set(settings ${WORK}/language_settings)
file(REMOVE_RECURSE ${settings})
set(run ${CMAKE_COMMAND} -E env --unset=LC_ALL --unset=LC_MESSAGES --unset=LANGUAGE XDG_CONFIG_HOME=${settings})
set(window ${APP} --park nosuchpark --screenshot ${WORK}/language.png)
expect_exit_2("system zh_CN" "${zh}" ${run} LANG=zh_CN.UTF-8 ${window})
expect_exit_2("system C" "${en}" ${run} LANG=C.UTF-8 ${window})
expect_exit_2("system zh_CN, --lang en" "${en}" ${run} LANG=zh_CN.UTF-8 ${window} --lang en)
# QSettings' file for organisation ParkTwin, application parktwin (main.cpp), key "language".
file(WRITE ${settings}/ParkTwin/parktwin.conf "[General]\nlanguage=zh\n")
expect_exit_2("chosen zh, system C" "${zh}" ${run} LANG=C.UTF-8 ${window})
file(WRITE ${settings}/ParkTwin/parktwin.conf "[General]\nlanguage=en\n")
expect_exit_2("chosen en, system zh_CN" "${en}" ${run} LANG=zh_CN.UTF-8 ${window})
