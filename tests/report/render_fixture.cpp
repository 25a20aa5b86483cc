// Test tool: renders a diagnosis JSON file (a fixture) to an HTML report, as `wlancode report`
// will. Usage: render_fixture IN.json OUT.html [TITLE]
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "report_html.hpp"
#include "wlancode/codes.hpp"

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: render_fixture IN.json OUT.html [TITLE]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "render_fixture: cannot read " << argv[1] << "\n";
    return 2;
  }
  const std::string json{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  wlancode::cli::report_meta meta;
  meta.title = argc == 4 ? argv[3] : "";
  meta.generated_at = "2026-11-21T12:00:00Z";  // fixed: screenshots and tests do not depend on the clock
  meta.version = std::string(wlancode::version());
  meta.inputs = {argv[1]};
  std::ofstream out(argv[2], std::ios::binary);
  out << wlancode::cli::render_report(json, meta);
  out.close();
  if (!out) {
    std::cerr << "render_fixture: cannot write " << argv[2] << "\n";
    return 2;
  }
  return 0;
}
