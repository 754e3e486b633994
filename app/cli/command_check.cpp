// parktwin-cli check FILE: validate a park file and summarise it, or list every problem.
#include <cstdio>
#include <iostream>

#include "command_registry.hpp"
#include "parktwin/model/park_file.hpp"
#include "terminal.hpp"

namespace parktwin::cli {
namespace {

int runCheck(const std::string& file) {
  auto park = loadParkArgument(file);
  if (!park) {
    std::cerr << park.error().message << "\n";
    return 2;
  }
  const auto s = model::summarize(*park);
  std::cout << park->name.en << " / " << park->name.zh << " (" << park->id << "): ok\n"
            << "  buildings " << s.buildings << ", enterprises " << s.enterprises << ", lines " << s.lines
            << ", machine groups " << s.machine_groups << ", machines " << s.machines << "\n"
            << "  utilities " << s.utilities << ", tags " << s.tags << ", material links " << s.material_links
            << ", energy links " << s.energy_links << "\n";
  return 0;
}

const bool registered = registerCommand({
    "check", "Validate a park file and print a summary, or every problem with its JSON path",
    [](CLI::App& sub) {
      auto file = std::make_shared<std::string>();
      sub.add_option("file", *file, "Park file, or the name of a bundled park (beidu, jiulong)")->required();
      return [file] { return runCheck(*file); };
    }});

}  // namespace
}  // namespace parktwin::cli
