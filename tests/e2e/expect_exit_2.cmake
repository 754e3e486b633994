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
