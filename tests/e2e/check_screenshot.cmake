# check_screenshot(OUT): runs the independent image checker on OUT.png against OUT.json (the
# window size and where the camera puts each building) and fails the test if it disagrees.
function(check_screenshot out)
  execute_process(COMMAND ${CHECK} ${out}.png ${out}.json RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE err)
  message("${stdout}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "screenshot check failed: ${err}")
  endif()
endfunction()
