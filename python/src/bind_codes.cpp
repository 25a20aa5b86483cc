// The code tables from Python: Code objects, explain, find, classify, codes, match_text,
// reason_to_string and the family list Family is generated from.
#include <pybind11/stl.h>

#include <string>

#include "args.hpp"
#include "bindings.hpp"
#include "wlancode/explain.hpp"
#include "wlancode/scan_json.hpp"
#include "wlancode/text_match.hpp"

namespace wlancode::py {
namespace {

// A read-only view of one table entry (the tables are static: the pointer outlives any object).
struct code_ref {
  const code_info* c;
};

pyb::object opt_code(const code_info* c) { return c ? pyb::cast(code_ref{c}) : pyb::none(); }

pyb::object hint_of(const code_info& c) {
  if (!c.hint) return pyb::none();
  pyb::dict d;
  d["heuristic"] = true;  // a hint is a guess, never a fact (as in the JSONL record)
  d["cause"] = pyb::str(c.hint->cause.data(), c.hint->cause.size());
  d["action"] = pyb::str(c.hint->action.data(), c.hint->action.size());
  return d;
}

pyb::str sv(std::string_view s) { return pyb::str(s.data(), s.size()); }

pyb::dict to_dict(const code_ref& r) {
  const code_info& c = *r.c;
  pyb::dict d;
  d["family"] = sv(to_string(c.fam));
  d["name"] = sv(c.name);
  d["value"] = c.value;
  d["hex"] = scan::hex(c.fam, c.value);
  d["section"] = sv(c.section->heading);
  d["meaning"] = sv(c.meaning.text);
  d["phase"] = sv(to_string(c.phase));
  d["initiator"] = sv(to_string(c.initiator));
  d["hint"] = hint_of(c);
  return d;
}

std::string text_arg(const pyb::handle& h, const char* what) {
  if (!pyb::isinstance<pyb::str>(h))
    throw pyb::type_error(std::string(what) + " must be a str, not " +
                          std::string(pyb::str(pyb::type::handle_of(h).attr("__name__"))));
  return utf8(h);
}

pyb::list explain_py(const pyb::handle& what, const pyb::handle& fam) {
  std::string input;
  if (pyb::isinstance<pyb::int_>(what) && !pyb::isinstance<pyb::bool_>(what)) {
    value_arg(what);  // range check
    input = std::string(pyb::str(what));
  } else {
    input = text_arg(what, "value_or_name");
  }
  const std::optional<family> only = family_arg(fam);
  explanation e;
  {
    pyb::gil_scoped_release unlocked;
    e = explain(input, only);
  }
  if (!e.error.empty() && e.matches.empty()) throw pyb::value_error(e.error);
  pyb::list out;
  for (const match& m : e.matches) out.append(code_ref{m.code});
  return out;
}

pyb::object find_py(const pyb::handle& fam, const pyb::handle& value) {
  const family f = required_family(fam);
  if (pyb::isinstance<pyb::str>(value)) return opt_code(find(f, std::string_view(text_arg(value, "value"))));
  return opt_code(find(f, value_arg(value)));
}

pyb::dict classify_py(const pyb::handle& fam, const pyb::handle& value) {
  const family f = required_family(fam);
  const std::uint32_t v = value_arg(value);
  const classification c = classify(f, v);
  pyb::dict d;
  d["family"] = family_object(f);
  d["value"] = v;
  d["hex"] = scan::hex(f, v);
  if (c.range) {
    pyb::dict r;
    r["id"] = sv(c.range->id);
    r["label"] = sv(c.range->label);
    r["first"] = c.range->first;
    r["last"] = c.range->last;
    d["range"] = r;
  } else {
    d["range"] = pyb::none();
  }
  d["code"] = opt_code(c.code);
  d["offset"] = c.offset;
  d["inner"] = opt_code(c.inner);
  std::string text(describe(f, v, nullptr, 0), '\0');
  describe(f, v, text.data(), text.size() + 1);
  d["description"] = text;
  return d;
}

pyb::list codes_py(const pyb::handle& fam) {
  pyb::list out;
  for (const code_info& c : codes(required_family(fam))) out.append(code_ref{&c});
  return out;
}

pyb::list match_text_py(const pyb::handle& text, std::size_t max, double min_score) {
  const std::string s = text_arg(text, "text");
  std::vector<text_match> ms;
  {
    pyb::gil_scoped_release unlocked;
    ms = match_text(s, max, min_score);
  }
  pyb::list out;
  for (const text_match& m : ms) out.append(pyb::make_tuple(code_ref{m.code}, m.score, m.exact, sv(m.text)));
  return out;
}

std::string reason_to_string_py(const pyb::handle& value) {
  const std::uint32_t v = value_arg(value);
  std::string text(reason_text(v, nullptr, 0), '\0');
  reason_text(v, text.data(), text.size() + 1);
  return text;
}

}  // namespace

void bind_codes(pyb::module_& m) {
  pyb::class_<code_ref>(m, "Code", "One code of a family, read-only (see wlancode.Code).")
      .def_property_readonly("family", [](const code_ref& r) { return family_object(r.c->fam); })
      .def_property_readonly("name", [](const code_ref& r) { return sv(r.c->name); })
      .def_property_readonly("value", [](const code_ref& r) { return r.c->value; })
      .def_property_readonly("hex", [](const code_ref& r) { return scan::hex(r.c->fam, r.c->value); })
      .def_property_readonly("section", [](const code_ref& r) { return sv(r.c->section->heading); })
      .def_property_readonly("meaning", [](const code_ref& r) { return sv(r.c->meaning.text); })
      .def_property_readonly("phrase", [](const code_ref& r) { return sv(r.c->phrase.text); })
      .def_property_readonly("phase", [](const code_ref& r) { return sv(to_string(r.c->phase)); })
      .def_property_readonly("initiator", [](const code_ref& r) { return sv(to_string(r.c->initiator)); })
      .def_property_readonly("hint", [](const code_ref& r) { return hint_of(*r.c); })
      .def("to_dict", &to_dict)
      .def("__repr__",
           [](const code_ref& r) {
             return "<wlancode.Code " + std::string(to_string(r.c->fam)) + " " + std::string(r.c->name) + " " +
                    scan::hex(r.c->fam, r.c->value) + ">";
           })
      .def("__eq__",
           [](const code_ref& a, const pyb::handle& b) {
             return pyb::isinstance<code_ref>(b) && b.cast<const code_ref&>().c == a.c;
           })
      .def("__hash__", [](const code_ref& r) { return std::hash<const void*>{}(r.c); });

  m.def("explain", &explain_py, pyb::arg("value_or_name"), pyb::arg("family") = pyb::none());
  m.def("find", &find_py, pyb::arg("family"), pyb::arg("value"));
  m.def("classify", &classify_py, pyb::arg("family"), pyb::arg("value"));
  m.def("codes", &codes_py, pyb::arg("family"));
  m.def("match_text", &match_text_py, pyb::arg("text"), pyb::arg("max") = 3, pyb::arg("min_score") = 0.6);
  m.def("reason_to_string", &reason_to_string_py, pyb::arg("value"));
  m.def("families", [] {
    pyb::list out;
    for (const family f : all_families)
      out.append(
          pyb::make_tuple(sv(to_string(f)), static_cast<int>(f), sv(type_name(f)), value_bits(f), sv(header(f))));
    return out;
  });
  m.def("version", [] { return sv(version()); });
}

}  // namespace wlancode::py
