#pragma once
// The parameterised edit-command tests' cases, shared: edit_commands_test.cpp holds the tests
// (do, undo, redo restore the park; a refused edit leaves park and history as they were) and
// its own cases, edit_objects_test.cpp instantiates them for the commands of edit_objects.hpp.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>

#include "parktwin/model/edit.hpp"

namespace parktwin::model::test_edits {

struct Case {
  const char* name;
  EditCommand command;
  // Checks the edited park by hand.
  std::function<void(const Park&)> expect;
};
inline void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }
class EditCommandCase : public ::testing::TestWithParam<Case> {};

struct Refusal {
  const char* name;
  EditCommand command;
  const char* message;  // part of the error
};
inline void PrintTo(const Refusal& r, std::ostream* os) { *os << r.name; }
class EditRefusal : public ::testing::TestWithParam<Refusal> {};

}  // namespace parktwin::model::test_edits
