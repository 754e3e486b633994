# Edit mode pictured by the real app under Xvfb, in en and zh: Beidu with --edit and the cast
# house selected (the editor panel's fields and the palette; the history list under the asset tree), checked by
# check_edit_pictures.py with Pillow. The user guide's pictures come from here.
foreach(lang IN ITEMS en zh)
  set(picture ${WORK}/edit_mode_${lang}.png)
  execute_process(COMMAND ${APP} --park beidu --lang ${lang} --size 1600x900 --edit --select casthouse
                    --screenshot ${picture} RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 90)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "parktwin --edit --screenshot failed (${rc}): ${err}")
  endif()
  execute_process(COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/check_edit_pictures.py ${picture}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${picture}: ${err}")
  endif()
endforeach()
