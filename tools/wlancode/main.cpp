// wlancode: explain Windows and IEEE 802.11 Wi-Fi failure codes and find them in logs.
#include <CLI/CLI.hpp>
#include <iostream>

#include "checked_output.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "wlancode/codes.hpp"

namespace {

int run(int argc, char** argv) {
  using namespace wlancode::cli;
  CLI::App app{
      "wlancode: Windows (WLAN_REASON_CODE, WDI_ASSOC_STATUS, WCN_SESSION_STATUS) and IEEE 802.11\n"
      "Wi-Fi failure codes, explained exactly; and found in logs.",
      "wlancode"};
  app.set_version_flag("--version", std::string("wlancode ") + std::string(wlancode::version()));
  app.require_subcommand(1);
  app.footer(
      "Exit status: 0 all found, 1 something unknown or nothing found, 2 usage or I/O error.\n"
      "Run 'wlancode COMMAND --help' for a command's options.");

  const runner explain = add_explain(app);
  const runner list = add_list(app);
  const runner search = add_search(app);
  const runner scan = add_scan(app);
  const runner diagnose = add_diagnose(app);
  const runner report = add_report(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "wlancode: " << terminal_safe(e.what()) << "\n";  // the message may quote arguments
    return exit_usage;
  }
  try {
    if (app.got_subcommand("explain")) return explain();
    if (app.got_subcommand("list")) return list();
    if (app.got_subcommand("search")) return search();
    if (app.got_subcommand("scan")) return scan();
    if (app.got_subcommand("diagnose")) return diagnose();
    if (app.got_subcommand("report")) return report();
  } catch (const std::exception& e) {
    std::cerr << "wlancode: " << terminal_safe(e.what()) << "\n";
    return exit_usage;
  }
  return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  // Every write to standard output, of every command, is checked here: a failed write or flush
  // (a full disk, a closed descriptor, a reader that went away) exits 2.
  wlancode::cli::checked_output out;
  int status = wlancode::cli::exit_usage;
  try {
    status = run(argc, argv);
  } catch (const wlancode::cli::write_failed&) {
    // reported by finish()
  }
  return out.finish(status);
}
