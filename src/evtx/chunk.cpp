// File header, chunks and records: what is sound is read, what is damaged is counted and said.
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "evtx.hpp"
#include "le.hpp"

namespace wlancode::evtx {
namespace {

constexpr std::size_t records_begin = 512;  // chunk header with its string and template tables
constexpr std::size_t record_header = 24;   // signature, size, identifier, written time
constexpr std::size_t record_min = record_header + 4;
constexpr unsigned char record_magic[4] = {0x2a, 0x2a, 0x00, 0x00};

bool all_zero(const unsigned char* p, std::size_t n) {
  return std::all_of(p, p + n, [](unsigned char b) { return b == 0; });
}

// A record header at `at` that is whole within [at, limit): its size, or 0.
std::size_t record_at(const unsigned char* c, std::size_t at, std::size_t limit) {
  if (at > limit || limit - at < record_min || std::memcmp(c + at, record_magic, 4) != 0) return 0;
  const std::size_t size = le32(c + at + 4);
  if (size < record_min || size > limit - at || le32(c + at + size - 4) != size) return 0;
  return size;
}

// Records that a chunk we cannot read holds, by walking the chain of record headers.
std::uint64_t count_chain(const unsigned char* c, std::size_t len) {
  std::uint64_t n = 0;
  for (std::size_t at = records_begin; std::size_t size = record_at(c, at, len);) {
    ++n;
    at += size;
  }
  return n;
}

void lose(file_report& rep, loss why, std::uint64_t n = 1) {
  rep.lost += n;
  rep.lost_by[static_cast<std::size_t>(why)] += n;
}

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

std::string_view to_string(loss l) noexcept {
  switch (l) {
    case loss::bad_chunk:
      return "in chunks with a bad signature";
    case loss::bad_record_header:
      return "with a bad record header";
    case loss::bad_binxml:
      return "with malformed binary XML";
    case loss::over_budget:
      return "over the per-record limits";
    case loss::truncated:
      return "cut off by the end of the file";
    case loss::count_:
      break;
  }
  return "unknown";
}

std::uint32_t crc32(const unsigned char* p, std::size_t n) noexcept {
  uLong c = ::crc32(0L, Z_NULL, 0);
  while (n > 0) {
    const uInt part = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
    c = ::crc32(c, p, part);
    p += part;
    n -= part;
  }
  return static_cast<std::uint32_t>(c);
}

std::string file_report::describe() const {
  std::string s = plural(read, "record read", "records read");
  if (recovered) s += ", " + std::to_string(recovered) + " recovered from damaged chunks";
  if (lost) {
    s += ", " + std::to_string(lost) + " lost (";
    bool first = true;
    for (std::size_t i = 0; i < lost_by.size(); ++i)
      if (lost_by[i]) {
        s += (first ? "" : ", ") + std::to_string(lost_by[i]) + " " + std::string(to_string(static_cast<loss>(i)));
        first = false;
      }
    s += ")";
  }
  std::vector<std::string> notes;
  if (!header_ok) notes.push_back("file header not valid");
  if (!header_crc_ok) notes.push_back("file header CRC32 mismatch");
  if (chunks_bad_magic) notes.push_back(plural(chunks_bad_magic, "chunk", "chunks") + " with a bad signature skipped");
  if (chunks_bad_crc) notes.push_back(plural(chunks_bad_crc, "chunk", "chunks") + " with a CRC32 mismatch read anyway");
  if (truncated) notes.push_back("file ends inside a chunk");
  if (header_ok && header_chunks > chunks)
    notes.push_back("header lists " + plural(header_chunks, "chunk", "chunks") + ", file holds " +
                    std::to_string(chunks));
  for (std::size_t i = 0; i < notes.size(); ++i) s += (i ? ", " : "; ") + notes[i];
  return s;
}

void read_chunk(const unsigned char* c, std::size_t len, std::uint64_t number, file_report& rep,
                const record_sink& out) {
  (void)number;
  ++rep.chunks;
  const bool partial = len < chunk_size;
  if (partial) rep.truncated = true;
  if (all_zero(c, len)) {
    ++rep.chunks_empty;
    return;
  }
  const bool magic_ok = len >= chunk_magic.size() && std::memcmp(c, chunk_magic.data(), chunk_magic.size()) == 0;
  if (magic_ok && len < records_begin) {
    // The file ends inside this chunk's header: its records are lost, as many as it says (the
    // file's next record identifier accounts for them when the header is shorter still).
    if (len >= 40) {
      const std::uint64_t first = le64(c + 24), last = le64(c + 32);
      if (last >= first && last - first < chunk_size / record_min) lose(rep, loss::truncated, last - first + 1);
    }
    return;
  }
  if (!magic_ok) {
    ++rep.chunks_bad_magic;
    lose(rep, partial ? loss::truncated : loss::bad_chunk, count_chain(c, len));
    return;
  }
  // Header CRC32: bytes 0..120 and 128..512; records CRC32: 512 .. free space offset.
  const std::size_t free_at = le32(c + 48);
  bool crc_ok = true;
  {
    uLong h = ::crc32(0L, Z_NULL, 0);
    h = ::crc32(h, c, 120);
    h = ::crc32(h, c + 128, static_cast<uInt>(records_begin - 128));
    if (static_cast<std::uint32_t>(h) != le32(c + 124)) crc_ok = false;
    if (free_at < records_begin || free_at > chunk_size) {
      crc_ok = false;
    } else if (free_at <= len && crc32(c + records_begin, free_at - records_begin) != le32(c + 52)) {
      crc_ok = false;
    }
  }
  if (!crc_ok) ++rep.chunks_bad_crc;
  const bool sound = crc_ok && !partial;
  // Records run from 512 to the free space offset (the whole chunk when that is not plausible).
  const std::size_t limit = free_at >= records_begin && free_at <= len ? free_at : len;
  std::size_t at = records_begin;
  const std::uint64_t first_number = le64(c + 8), last_number = le64(c + 16);
  std::uint64_t seen = 0;
  record rec;
  name_cache names;
  while (at < limit) {
    const std::size_t size = record_at(c, at, limit);
    if (size == 0) {
      if (all_zero(c + at, std::min<std::size_t>(limit - at, record_min))) break;  // slack after the last record
      // The chain breaks here: what follows is lost. How many, the chunk header says if it is
      // plausible; else at least one.
      std::uint64_t expected = last_number >= first_number && last_number - first_number < chunk_size / record_min
                                   ? last_number - first_number + 1
                                   : 0;
      const bool cut = partial && limit == len && (limit - at < record_min || le32(c + at + 4) > limit - at);
      lose(rep, cut ? loss::truncated : loss::bad_record_header, expected > seen + 1 ? expected - seen : 1);
      return;
    }
    ++seen;
    rec = record{};
    rec.id = le64(c + at + 8);
    rec.written = le64(c + at + 16);
    loss why{};
    if (read_event(c, len, at + record_header, at + size - 4, rec, why, &names)) {
      if (rec.time.empty()) rec.time = filetime_iso(rec.written);
      if (sound)
        ++rep.read;
      else
        ++rep.recovered;
      out(rec);
    } else {
      lose(rep, why);
    }
    at += size;
  }
  // A truncated chunk: the records its header counts but the file no longer holds.
  if (partial && last_number >= first_number && last_number - first_number < chunk_size / record_min &&
      last_number - first_number + 1 > seen)
    lose(rep, loss::truncated, last_number - first_number + 1 - seen);
}

file_report read_file(const std::function<std::size_t(char*, std::size_t)>& read, const record_sink& out) {
  file_report rep;
  std::vector<unsigned char> buf(chunk_size);
  // Fills buf up to `want` bytes; returns what it got (less only at the end of the input).
  const auto fill = [&](std::size_t want) {
    std::size_t got = 0;
    while (got < want) {
      const std::size_t n = read(reinterpret_cast<char*>(buf.data()) + got, want - got);
      if (n == 0) break;
      got += n;
    }
    return got;
  };
  const std::size_t head = fill(file_header_size);
  if (head < 128 || std::memcmp(buf.data(), file_magic.data(), file_magic.size()) != 0) {
    rep.header_ok = false;
    rep.header_crc_ok = false;
    if (head < file_header_size) return rep;
  } else {
    rep.header_crc_ok = crc32(buf.data(), 120) == le32(buf.data() + 124);
    rep.header_chunks = le16(buf.data() + 42);
    if (le16(buf.data() + 38) != 3 || le32(buf.data() + 32) != 128) rep.header_ok = false;
    if (head < file_header_size) {
      rep.truncated = true;
      return rep;
    }
  }
  const std::uint64_t next_id = rep.header_ok ? le64(buf.data() + 24) : 0;
  std::uint64_t highest = 0;  // the highest record identifier a chunk held or claimed
  const record_sink track = [&](const record& r) {
    highest = std::max(highest, r.id);
    out(r);
  };
  for (std::uint64_t number = 0;; ++number) {
    const std::size_t n = fill(chunk_size);
    if (n == 0) break;
    if (n >= 40 && std::memcmp(buf.data(), chunk_magic.data(), chunk_magic.size()) == 0) {
      const std::uint64_t first = le64(buf.data() + 24), last = le64(buf.data() + 32);
      if (last >= first && last - first < chunk_size / record_min) highest = std::max(highest, last);
    }
    read_chunk(buf.data(), n, number, rep, track);
    if (n < chunk_size) break;
  }
  // Chunks the header lists but the file no longer holds: what they held is lost, as far as
  // the header's next record identifier says.
  if (rep.header_ok && rep.chunks < rep.header_chunks) rep.truncated = true;
  if (rep.truncated && next_id > highest + 1 && next_id - highest - 1 < (std::uint64_t{1} << 32))
    lose(rep, loss::truncated, next_id - highest - 1);
  return rep;
}

}  // namespace wlancode::evtx
