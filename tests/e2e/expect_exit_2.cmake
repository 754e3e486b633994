# expect_exit_2(WHAT MESSAGE ARGS...): runs the command ARGS, which must exit 2 and say MESSAGE
# on stderr (how the app refuses bad input). WHAT names the case in the failure.
function(expect_exit_2 what message)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "${what}: expected exit code 2, got ${rc}")
  endif()
  string(FIND "${err}" "${message}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: stderr does not say \"${message}\": ${err}")
  endif()
endfunction()

# expect_exit_2_saying_only(WHAT MESSAGE ARGS...): as expect_exit_2, and stderr is that message
# alone (one line): no warning of the toolkit's after it. Qt's note on a machine without
# XDG_RUNTIME_DIR (a CI container's) is the environment's, not the program's: left out.
function(expect_exit_2_saying_only what message)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "${what}: expected exit code 2, got ${rc}")
  endif()
  string(REGEX REPLACE "QStandardPaths: XDG_RUNTIME_DIR not set[^\n]*\n" "" err "${err}")
  if(NOT err STREQUAL "${message}\n")
    message(FATAL_ERROR "${what}: stderr is not just \"${message}\": ${err}")
  endif()
endfunction()
