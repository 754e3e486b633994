# Two stops: hold 1.5 s, fly 1 s, hold 1.5 s = 4 s; at 10 fps that is 40 frames. The tour is
# written for Jiulong and no --park is given: the app opens the tour's park (Beidu, the default,
# has neither object).
file(WRITE ${WORK}/short_tour.json [=[
{"format": "parktwin-tour/1", "park": "jiulong", "name": {"zh": "短", "en": "Short"},
 "stops": [{"focus": "bosch-plant", "distance_m": 800, "hold_s": 1.5, "caption": {"zh": "一", "en": "One"}},
           {"focus": "warehouse-1", "distance_m": 600, "yaw_deg": 40, "fly_s": 1, "hold_s": 1.5,
            "caption": {"zh": "二", "en": "Two"}}]}
]=])
file(REMOVE ${WORK}/short_tour.mp4)
execute_process(COMMAND ${APP} --export-tour ${WORK}/short_tour.json --out ${WORK}/short_tour.mp4
                  --size 640x360 --fps 10
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 150)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "export failed (${rc}): ${err}")
endif()
# Progress in a log (stderr is no terminal here): frames done of the total and the time left.
foreach(expected "exporting tour [" "] 100% 40/40 frames, done in" " left\n")
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "no progress \"${expected}\" on stderr: ${err}")
  endif()
endforeach()
execute_process(COMMAND ffprobe -v error -count_frames -select_streams v:0
                  -show_entries stream=nb_read_frames,width,height:format=duration -of default=nw=1
                  ${WORK}/short_tour.mp4
                OUTPUT_VARIABLE probe RESULT_VARIABLE rc)
message("${probe}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ffprobe cannot read the video")
endif()
foreach(expected "nb_read_frames=40" "width=640" "height=360" "duration=4.0")
  string(FIND "${probe}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "expected ${expected} in: ${probe}")
  endif()
endforeach()

# Asked for another park, the same tour is refused: exit 2, the JSON path named on stderr.
execute_process(COMMAND ${APP} --park beidu --export-tour ${WORK}/short_tour.json --out ${WORK}/wrong.mp4
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
string(FIND "${err}" "/park: this tour is written for the park \"jiulong\", not the open park \"beidu\"" at)
if(NOT rc EQUAL 2 OR at EQUAL -1 OR EXISTS ${WORK}/wrong.mp4)
  message(FATAL_ERROR "a tour for another park: rc ${rc}, stderr: ${err}")
endif()
