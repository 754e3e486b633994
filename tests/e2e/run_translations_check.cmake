# Every user-facing string of the app (qsTr / tr in app/ and qml/) has a Simplified Chinese
# translation: lupdate, run on a copy of the .ts file, must find nothing new to translate.
file(COPY_FILE ${TS} ${WORK}/check_zh_CN.ts)
execute_process(COMMAND ${LUPDATE} ${SOURCE}/qml ${SOURCE}/app -extensions cpp,hpp,qml,js
                  -ts ${WORK}/check_zh_CN.ts -no-obsolete -locations none
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}): ${err}")
endif()
file(READ ${WORK}/check_zh_CN.ts ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" missing "${ts}")
list(LENGTH missing count)
if(count GREATER 0)
  string(REPLACE ";" "\n" missing "${missing}")
  message(FATAL_ERROR "${count} string(s) without a zh_CN translation in ${TS}:\n${missing}")
endif()
message("${out}")
