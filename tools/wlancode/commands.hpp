// The CLI's subcommands. Each registers its options on the app and returns its exit status.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace wlancode::cli {

// Exit statuses shared by every command.
inline constexpr int exit_ok = 0;         // everything asked for was found
inline constexpr int exit_not_found = 1;  // something was unknown / nothing found
inline constexpr int exit_usage = 2;      // usage or I/O error

using runner = std::function<int()>;

runner add_explain(CLI::App& app);
runner add_list(CLI::App& app);
runner add_search(CLI::App& app);
runner add_scan(CLI::App& app);
runner add_diagnose(CLI::App& app);
runner add_report(CLI::App& app);

}  // namespace wlancode::cli
