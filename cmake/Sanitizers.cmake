if(PARKTWIN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# The environment of tests that open a window or start a program that does (the e2e pictures,
# the Quick tests, the server windows, the package's screenshot). In the sanitizer build,
# libraries we do not build (libdbus, Mesa's driver) leak at exit in every such process
# (tests/sanitizers/lsan.supp and keep_libraries_loaded.cpp say which and why); without this,
# LeakSanitizer fails each of those tests on them. Called at the end of each such directory's
# CMakeLists.txt: a test's properties can only be set from the directory that added it (CMake 3.25).
function(parktwin_window_tests_environment)
  if(NOT PARKTWIN_SANITIZE OR NOT TARGET parktwin_keep_libraries_loaded)
    return()
  endif()
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test IN LISTS tests)
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT
      "LD_PRELOAD=$<TARGET_FILE:parktwin_keep_libraries_loaded>"
      "ASAN_OPTIONS=verify_asan_link_order=0"
      "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp")
  endforeach()
endfunction()
