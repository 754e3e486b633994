# parktwin_add_gtest(NAME src... LIBS lib...): one GoogleTest executable, tests discovered by ctest.
function(parktwin_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    PARKTWIN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PARKTWIN_BINARY_DIR="${PROJECT_BINARY_DIR}")
  parktwin_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES TIMEOUT 300)
endfunction()
