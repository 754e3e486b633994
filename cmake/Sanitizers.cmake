if(PARKTWIN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# The environment of tests that open a window or start a program that does (the e2e pictures,
# the Quick tests, the server windows, the package's screenshot). Called at the end of each such
# directory's CMakeLists.txt: a test's properties can only be set from the directory that added
# it (CMake 3.25).
# - Settings and data under the build folder, never the user's: a window remembers its language,
#   its server and token and its recent parks (QSettings), and keeps a server's model files; a
#   test run changed the language a plain `parktwin` then opened in (QA). A test that needs its
#   own (e2e.language_default) sets them itself.
# - In the sanitizer build, libraries we do not build (libdbus, Mesa's driver) leak at exit in
#   every such process (tests/sanitizers/lsan.supp and keep_libraries_loaded.cpp say which and
#   why); without this, LeakSanitizer fails each of those tests on them.
function(parktwin_window_tests_environment)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test IN LISTS tests)
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT
      "XDG_CONFIG_HOME=${CMAKE_CURRENT_BINARY_DIR}/user-home/config"
      "XDG_DATA_HOME=${CMAKE_CURRENT_BINARY_DIR}/user-home/data")
  endforeach()
  if(NOT PARKTWIN_SANITIZE OR NOT TARGET parktwin_keep_libraries_loaded)
    return()
  endif()
  foreach(test IN LISTS tests)
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT
      "LD_PRELOAD=$<TARGET_FILE:parktwin_keep_libraries_loaded>"
      "ASAN_OPTIONS=verify_asan_link_order=0"
      "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp")
  endforeach()
endfunction()
