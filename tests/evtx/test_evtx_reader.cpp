// The EVTX reader on generated files (tests/support/evtx_writer.py, checked by evtxexport and
// python3-evtx), on the real samples, and on damage: bad CRCs, a bad chunk signature, truncation
// at many offsets, zero and huge sizes, malformed binary XML, deep template nesting.
#include <algorithm>
#include <set>

#include "evtx_files.hpp"

namespace {

using namespace evtx_test;
namespace ev = wlancode::evtx;

constexpr std::size_t file_header = 4096, chunk = 65536;

TEST(EvtxReader, TemplateRecordsByName) {
  const result r = read(generated("wifi-template.evtx"));
  EXPECT_FALSE(r.rep.damaged()) << r.rep.describe();
  ASSERT_EQ(r.records.size(), 8u);
  EXPECT_EQ(r.rep.read, 8u);
  const ev::record& e8002 = r.records[1];
  EXPECT_EQ(e8002.id, 101u);
  EXPECT_TRUE(e8002.has_event_id);
  EXPECT_EQ(e8002.event_id, 8002u);
  EXPECT_EQ(e8002.provider, "Microsoft-Windows-WLAN-AutoConfig");
  EXPECT_EQ(e8002.channel, "Microsoft-Windows-WLAN-AutoConfig/Operational");
  EXPECT_EQ(e8002.computer, "LAPTOP-7.example.org");
  EXPECT_EQ(e8002.time, "2026-01-01T00:01:00.0000000Z");
  ASSERT_EQ(e8002.data.size(), 10u);
  EXPECT_EQ(e8002.data[7].name, "ReasonCode");  // its eighth value
  EXPECT_EQ(e8002.data[7].value, "229377");
  EXPECT_EQ(value_of(e8002, "InterfaceGuid"), "{3A4B5C6D-7E8F-4A0B-9C1D-2E3F4A5B6C7D}");
  EXPECT_EQ(value_of(e8002, "RSSI"), "-63");
  EXPECT_EQ(value_of(e8002, "ConnectionId"), "0x7");
  EXPECT_EQ(value_of(r.records[4], "ReasonCode"), "0x48014");
  EXPECT_EQ(value_of(r.records[0], "NonBroadcast"), "true");
  EXPECT_EQ(r.records[6].provider, "Microsoft-Windows-Security-Auditing");
  EXPECT_EQ(r.records[6].event_id, 5632u);
  EXPECT_EQ(value_of(r.records[6], "EapRootCauseString"), "");
}

TEST(EvtxReader, ForwardedShapesGiveTheSameValues) {
  const result t = read(generated("wifi-template.evtx"));
  for (const char* name : {"wifi-forwarded.evtx", "wifi-wec.evtx"}) {
    SCOPED_TRACE(name);
    const result f = read(generated(name));
    EXPECT_FALSE(f.rep.damaged()) << f.rep.describe();
    ASSERT_EQ(f.records.size(), t.records.size());
    for (std::size_t i = 0; i < t.records.size(); ++i) {
      EXPECT_EQ(f.records[i].id, t.records[i].id);
      EXPECT_EQ(f.records[i].event_id, t.records[i].event_id);
      EXPECT_EQ(f.records[i].provider, t.records[i].provider);
      EXPECT_EQ(f.records[i].channel, t.records[i].channel);  // System's, not RenderingInfo's
      EXPECT_EQ(f.records[i].time, t.records[i].time);
      ASSERT_EQ(f.records[i].data.size(), t.records[i].data.size());
      for (std::size_t k = 0; k < t.records[i].data.size(); ++k) {
        EXPECT_EQ(f.records[i].data[k].name, t.records[i].data[k].name);
        EXPECT_EQ(f.records[i].data[k].value, t.records[i].data[k].value);
      }
    }
  }
}

TEST(EvtxReader, ManyChunks) {
  const result r = read(generated("wifi-many.evtx"));
  EXPECT_FALSE(r.rep.damaged()) << r.rep.describe();
  EXPECT_EQ(r.rep.read, 2000u);
  EXPECT_GT(r.rep.chunks, 10u);
  ASSERT_EQ(r.records.size(), 2000u);
  for (std::size_t i = 0; i < r.records.size(); ++i) ASSERT_EQ(r.records[i].id, i + 1);
}

// The real files: at least as many records as evtxexport (INDEX.tsv), the damaged ones said.
TEST(EvtxReader, RealSamples) {
  EVTX_NEED_SAMPLES();
  std::size_t files = 0;
  for (const auto& row : tsv(samples() / "INDEX.tsv")) {
    if (row.size() < 6 || row[0] == "file") continue;
    SCOPED_TRACE(row[0]);
    ++files;
    const result r = read(read_bytes(samples() / row[0]));
    EXPECT_GE(r.rep.read + r.rep.recovered, std::stoull(row[5]));
    EXPECT_EQ(r.records.size(), r.rep.read + r.rep.recovered);
    for (const auto& rec : r.records) {
      EXPECT_FALSE(rec.provider.empty());
      EXPECT_TRUE(rec.has_event_id);
      EXPECT_FALSE(rec.time.empty());
    }
  }
  EXPECT_EQ(files, 15u);
  // libevtx 20181227 reads 337 of CAPI2's 340 records, and none of issue_201's.
  EXPECT_EQ(read(read_bytes(samples() /
                            "omerbenamram__E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx"))
                .rep.read,
            340u);
  const result wec = read(read_bytes(samples() / "omerbenamram__issue_201.evtx"));
  ASSERT_GE(wec.records.size(), 1u);
  EXPECT_EQ(wec.records[0].computer, "WEC.ave.local");
  EXPECT_EQ(wec.records[0].provider, "MSExchange CmdletLogs");
}

TEST(EvtxReader, DamagedSamplesAreReported) {
  EVTX_NEED_SAMPLES();
  const result bad_magic = read(read_bytes(samples() / "omerbenamram__sample_with_a_bad_chunk_magic.evtx"));
  EXPECT_GE(bad_magic.rep.chunks_bad_magic, 1u);
  EXPECT_GT(bad_magic.rep.lost, 0u);
  EXPECT_TRUE(bad_magic.rep.damaged());
  const result no_crc = read(read_bytes(samples() / "omerbenamram__Application_no_crc32.evtx"));
  EXPECT_EQ(no_crc.rep.chunks_bad_crc, 1u);
  EXPECT_EQ(no_crc.rep.recovered, 17u);  // read anyway, counted as recovered
  EXPECT_NE(no_crc.rep.describe().find("CRC32"), std::string::npos);
  const result zero = read(read_bytes(samples() / "omerbenamram__sample-with-zero-data-size-event.evtx"));
  EXPECT_GT(zero.rep.lost, 0u);
  EXPECT_NE(zero.rep.describe().find("lost"), std::string::npos);
  // Control bytes in values come through as bytes: no XML is built from them.
  const result dns = read(read_bytes(samples() / "python-evtx__dns_log_malformed.evtx"));
  EXPECT_EQ(dns.records.size(), 5u);
  bool control = false;
  for (const auto& rec : dns.records)
    for (const auto& f : rec.data) control |= f.value.find('\x01') != std::string::npos;
  EXPECT_TRUE(control);
}

TEST(EvtxReader, RecordsCrcMismatchIsRecovered) {
  std::string f = generated("wifi-many.evtx");
  // A byte inside the first record's values (its UTF-16 computer name): the data CRC fails.
  const std::size_t at = f.find(std::string("L\0A\0P\0T\0O\0P\0", 12), file_header + 512);
  ASSERT_NE(at, std::string::npos);
  f[at] = 'X';
  const result r = read(f);
  EXPECT_EQ(r.rep.chunks_bad_crc, 1u);
  EXPECT_EQ(r.rep.read + r.rep.recovered, 2000u);
  EXPECT_GT(r.rep.recovered, 0u);
  EXPECT_EQ(r.rep.lost, 0u);
}

TEST(EvtxReader, BadChunkSignatureSkipsTheChunk) {
  std::string f = generated("wifi-many.evtx");
  const std::size_t c1 = file_header + chunk;
  const std::size_t in_chunk = get64(f, c1 + 16) - get64(f, c1 + 8) + 1;
  f[c1] = 'X';
  const result r = read(f);
  EXPECT_EQ(r.rep.chunks_bad_magic, 1u);
  EXPECT_EQ(r.rep.lost, in_chunk);
  EXPECT_EQ(r.rep.lost_by[static_cast<std::size_t>(ev::loss::bad_chunk)], in_chunk);
  EXPECT_EQ(r.rep.read, 2000u - in_chunk);  // the chunks after it are read
  EXPECT_NE(r.rep.describe().find("bad signature"), std::string::npos);
}

TEST(EvtxReader, TruncatedAtManyOffsets) {
  const std::string full = generated("wifi-many.evtx");
  // Every 7,919 bytes, and all around the first chunk's header and first records.
  std::vector<std::size_t> cuts;
  for (std::size_t cut = 0; cut < full.size(); cut += 7919) cuts.push_back(cut);
  for (std::size_t cut = file_header - 3; cut < file_header + 1200; cut += 7) cuts.push_back(cut);
  for (const std::size_t cut : cuts) {
    SCOPED_TRACE(cut);
    const result r = read(std::string_view(full).substr(0, cut));
    EXPECT_TRUE(r.rep.damaged());
    for (std::size_t i = 0; i < r.records.size(); ++i) ASSERT_EQ(r.records[i].id, i + 1);  // a prefix
    if (cut >= file_header) {
      // Every record is accounted for: read whole, or lost because the file ends.
      EXPECT_EQ(r.rep.read + r.rep.recovered + r.rep.lost, 2000u) << r.rep.describe();
      EXPECT_EQ(r.rep.lost, r.rep.lost_by[static_cast<std::size_t>(ev::loss::truncated)]);
    }
  }
  // A cut at a chunk boundary: the header's chunk count says chunks are missing.
  const result r = read(std::string_view(full).substr(0, file_header + 3 * chunk));
  EXPECT_TRUE(r.rep.truncated);
  EXPECT_EQ(r.rep.read + r.rep.lost, 2000u);
}

TEST(EvtxReader, ZeroAndHugeRecordSizes) {
  for (std::uint32_t size : {0u, 8u, 0xFFFFFFFFu, 0x10000u}) {
    SCOPED_TRACE(size);
    std::string f = generated("wifi-template.evtx");
    const std::size_t rec2 = file_header + 512 + get32(f, file_header + 512 + 4);
    const std::size_t rec3 = rec2 + get32(f, rec2 + 4);
    put32(f, rec3 + 4, size);
    const result r = read(f);
    EXPECT_EQ(r.rep.read + r.rep.recovered, 2u);  // the two before it
    EXPECT_EQ(r.rep.lost, 6u);                    // it and the rest of the chunk (its header counts 8)
    EXPECT_EQ(r.rep.lost_by[static_cast<std::size_t>(ev::loss::bad_record_header)], 6u);
  }
}

// ---- hand-built chunks -------------------------------------------------------------------------
struct chunk_builder {
  std::string c = std::string(chunk, '\0');
  std::size_t end = 512;
  chunk_builder() {
    c.replace(0, 8, std::string("ElfChnk\0", 8));
    put32(c, 40, 128);
  }
  // A record holding `binxml`, starting at `end`; returns the offset of its binary XML.
  std::size_t record(const std::string& binxml, std::uint64_t id) {
    const std::size_t size = 24 + binxml.size() + 4;
    std::string r(size, '\0');
    r.replace(0, 4, std::string("**\0\0", 4));
    put32(r, 4, static_cast<std::uint32_t>(size));
    put32(r, 8, static_cast<std::uint32_t>(id));
    r.replace(24, binxml.size(), binxml);
    put32(r, size - 4, static_cast<std::uint32_t>(size));
    c.replace(end, size, r);
    const std::size_t at = end + 24;
    end += size;
    put32(c, 8, 1);
    put32(c, 16, static_cast<std::uint32_t>(id));
    put32(c, 24, 1);
    put32(c, 32, static_cast<std::uint32_t>(id));
    put32(c, 48, static_cast<std::uint32_t>(end));
    return at;
  }
  void seal() {
    put32(c, 52, ev::crc32(reinterpret_cast<const unsigned char*>(c.data()) + 512, end - 512));
    std::string h = c.substr(0, 120) + c.substr(128, 384);
    put32(c, 124, ev::crc32(reinterpret_cast<const unsigned char*>(h.data()), h.size()));
  }
  ev::file_report read(std::vector<ev::record>* out = nullptr) {
    seal();
    ev::file_report rep;
    ev::read_chunk(reinterpret_cast<const unsigned char*>(c.data()), c.size(), 0, rep, [&](const ev::record& r) {
      if (out) out->push_back(r);
    });
    return rep;
  }
};

std::string le16s(std::uint16_t v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }
std::string le32s(std::uint32_t v) {
  std::string s(4, '\0');
  put32(s, 0, v);
  return s;
}
std::string u16(std::string_view ascii) {
  std::string s;
  for (char ch : ascii) s += std::string{ch, '\0'};
  return s;
}
// An element name defined inline at chunk offset `at` (where its offset field ends).
std::string inline_name(std::string_view n, std::size_t at) {
  return le32s(static_cast<std::uint32_t>(at)) + le32s(0) + le16s(0) + le16s(static_cast<std::uint16_t>(n.size())) +
         u16(n) + std::string(2, '\0');
}

// <Event><System><EventID>N</EventID></System><EventData><Data Name='ReasonCode'>V</Data>...
// built from plain elements (dependency identifiers present), starting at chunk offset `base`.
struct xml_builder {
  std::size_t base;
  std::string s;
  std::size_t pos() const { return base + s.size(); }
  void open(std::string_view name, bool attrs = false) {
    s += attrs ? '\x41' : '\x01';
    s += "\xff\xff";
    s += le32s(0);  // data size: not needed by the reader
    s += inline_name(name, pos() + 4);
    if (attrs) s += le32s(0);
  }
  void attr(std::string_view name, std::string_view value) {
    s += '\x06';
    s += inline_name(name, pos() + 4);
    text(value);
  }
  void text(std::string_view v) {
    s += '\x05';
    s += '\x01';
    s += le16s(static_cast<std::uint16_t>(v.size()));
    s += u16(v);
  }
  void close_start() { s += '\x02'; }
  void end() { s += '\x04'; }
};

std::string simple_event(std::size_t base, int data_count) {
  xml_builder b{base, std::string("\x0f\x01\x01\x00", 4)};
  b.open("Event");
  b.close_start();
  b.open("System");
  b.close_start();
  b.open("Provider", true);
  b.attr("Name", "Microsoft-Windows-WLAN-AutoConfig");
  b.s += '\x03';
  b.open("EventID");
  b.close_start();
  b.text("8002");
  b.end();
  b.end();
  b.open("EventData");
  b.close_start();
  for (int i = 0; i < data_count; ++i) {
    b.open("Data", true);
    b.attr("Name", "ReasonCode");
    b.close_start();
    b.text("229377");
    b.end();
  }
  b.end();
  b.end();
  b.s += '\x00';
  return b.s;
}

TEST(EvtxReader, HandBuiltRecord) {
  chunk_builder c;
  c.record(simple_event(512 + 24, 1), 1);
  std::vector<ev::record> out;
  const ev::file_report rep = c.read(&out);
  EXPECT_EQ(rep.read, 1u) << rep.describe();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].event_id, 8002u);
  EXPECT_EQ(value_of(out[0], "ReasonCode"), "229377");
  EXPECT_EQ(out[0].time, "1601-01-01T00:00:00.0000000Z");  // no TimeCreated: the record's own time
}

TEST(EvtxReader, FieldsAreCapped) {
  chunk_builder c;
  c.record(simple_event(512 + 24, 1000), 1);
  std::vector<ev::record> out;
  const ev::file_report rep = c.read(&out);
  ASSERT_EQ(out.size(), 1u) << rep.describe();
  EXPECT_EQ(out[0].data.size(), ev::max_fields);
  EXPECT_TRUE(out[0].fields_capped);
}

TEST(EvtxReader, MalformedBinaryXmlIsLostNotFatal) {
  // Each is one record between two sound ones: it is lost, its neighbours are read.
  const std::vector<std::string> bad = {
      std::string("\x0f\x01\x01\x00\x01\xff\xff", 7),                       // element start cut short
      std::string("\x0f\x01\x01\x00\x01\xff\xff\0\0\0\0\xff\xff\0\0", 15),  // name offset past the chunk
      std::string("\x0f\x01\x01\x00\x0c\x01\0\0\0\0\xf0\xff\0\0", 14),      // template definition past the chunk
      std::string("\x0f\x01\x01\x00\x2a", 5),                               // unknown token
      std::string("\x0f\x01\x01\x00\x04", 5),                               // end tag without element
  };
  for (const std::string& b : bad) {
    SCOPED_TRACE(testing::PrintToString(b));
    chunk_builder c;
    c.record(simple_event(512 + 24, 1), 1);
    c.record(b, 2);
    c.record(simple_event(c.end + 24, 1), 3);
    const ev::file_report rep = c.read();
    EXPECT_EQ(rep.read, 2u) << rep.describe();
    EXPECT_EQ(rep.lost, 1u);
    EXPECT_EQ(rep.lost_by[static_cast<std::size_t>(ev::loss::bad_binxml)], 1u);
  }
}

TEST(EvtxReader, HugeCountsAreCheckedBeforeUse) {
  // A template instance (definition inline, empty body) claiming 2^32-1 values.
  chunk_builder c;
  const std::size_t at = 512 + 24;
  std::string b("\x0f\x01\x01\x00\x0c\x01", 6);
  b += le32s(1);
  b += le32s(static_cast<std::uint32_t>(at + b.size() + 4));
  b += le32s(0) + std::string(16, '\x11') + le32s(5) + std::string("\x0f\x01\x01\x00\x00", 5);
  b += le32s(0xFFFFFFFFu);
  c.record(b, 1);
  const ev::file_report rep = c.read();
  EXPECT_EQ(rep.lost, 1u) << rep.describe();
  // A name whose count runs past the chunk.
  chunk_builder d;
  std::string n("\x0f\x01\x01\x00\x01\xff\xff", 7);
  n += le32s(0);
  n += le32s(static_cast<std::uint32_t>(at + n.size() + 4)) + le32s(0) + le16s(0) + le16s(0xFFFF);
  d.record(n, 1);
  EXPECT_EQ(d.read().lost, 1u);
}

TEST(EvtxReader, DeepTemplateNestingIsBounded) {
  // A template whose body is <Event> + a binary XML substitution; each value holds another
  // instance of the same template: 200 levels.
  chunk_builder c;
  const std::size_t def = 40000;  // the definition, outside the records
  std::string body("\x0f\x01\x01\x00", 4);
  xml_builder e{def + 24, body};
  e.open("Event");
  e.close_start();
  e.s += std::string("\x0d\x00\x00\x21", 4);
  e.end();
  e.s += '\x00';
  std::string d = le32s(0) + std::string(16, '\x22') + le32s(static_cast<std::uint32_t>(e.s.size())) + e.s;
  c.c.replace(def, d.size(), d);
  std::string inner;  // innermost: no values
  for (int level = 0; level < 200; ++level) {
    std::string inst("\x0c\x01", 2);
    inst += le32s(1) + le32s(static_cast<std::uint32_t>(def));
    if (inner.empty()) {
      inst += le32s(0);
    } else {
      inst += le32s(1) + le16s(static_cast<std::uint16_t>(inner.size())) + std::string("\x21\x00", 2) + inner;
    }
    inner = inst;
    if (inner.size() > 30000) break;
  }
  c.record(std::string("\x0f\x01\x01\x00", 4) + inner + '\x00', 1);
  const ev::file_report rep = c.read();
  EXPECT_EQ(rep.lost, 1u) << rep.describe();
  EXPECT_EQ(rep.lost_by[static_cast<std::size_t>(ev::loss::over_budget)], 1u);
}

TEST(EvtxReader, NotAnEvtxFile) {
  EXPECT_FALSE(read("").rep.header_ok);
  EXPECT_FALSE(read(std::string(5000, 'x')).rep.header_ok);
  EXPECT_TRUE(read(std::string(5000, 'x')).records.empty());
}

}  // namespace
