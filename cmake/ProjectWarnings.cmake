# Strict warnings for our own code only: third-party headers come in as SYSTEM, and code Qt
# generates (moc, qmlcachegen) is left alone.
set(PARKTWIN_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
if(PARKTWIN_WERROR)
  list(APPEND PARKTWIN_WARNING_FLAGS -Werror)
endif()

function(parktwin_warnings target)
  target_compile_options(${target} PRIVATE ${PARKTWIN_WARNING_FLAGS})
endfunction()

# For targets that also compile generated sources: warnings on the listed files only.
function(parktwin_source_warnings)
  set_source_files_properties(${ARGN} PROPERTIES COMPILE_OPTIONS "${PARKTWIN_WARNING_FLAGS}")
endfunction()
