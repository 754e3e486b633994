#include "parktwin/common/system_reason.hpp"

namespace parktwin {

std::string systemReasonText(const std::error_code& reason, std::string_view language) {
  if (language == "zh") {
    if (reason == std::errc::no_such_file_or_directory) return "所在文件夹不存在";
    if (reason == std::errc::permission_denied) return "没有写入权限";
    if (reason == std::errc::is_a_directory) return "这是一个文件夹";
    if (reason == std::errc::not_a_directory) return "路径中有一项不是文件夹";
    if (reason == std::errc::read_only_file_system) return "文件系统只读";
    if (reason == std::errc::no_space_on_device) return "磁盘空间不足";
  }
  return reason.message();
}

}  // namespace parktwin
