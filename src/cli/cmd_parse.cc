// dondoc parse FILE... [--pretty] [--text] [--out DIR]
//
// One JSON object per file on stdout (JSON Lines for several), or DIR/<stem>.json per input
// with --out. A batch goes on past a bad file and exits 1 at the end, naming each failure on
// stderr as "dondoc: FILE: reason".
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/batch.h"
#include "cli/commands.h"
#include "parse/json.h"

namespace dondoc::cli {

int CmdParse(const Args& args) {
  bool pretty = false, with_text = false;
  std::string out_dir;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--pretty") {
      pretty = true;
    } else if (a == "--text") {
      with_text = true;
    } else if (a == "--out") {
      if (i + 1 >= args.size()) {
        std::fputs("dondoc parse: --out needs a directory\n", stderr);
        return 2;
      }
      out_dir = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "dondoc parse: unknown option '%s'\n", a.c_str());
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fputs("usage: dondoc parse FILE... [--pretty] [--text] [--out DIR]\n", stderr);
    return 2;
  }
  if (!out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
      std::fprintf(stderr, "dondoc: %s: cannot create directory: %s\n", out_dir.c_str(),
                   ec.message().c_str());
      return 1;
    }
  }
  return ForEachDocument(files, [&](const std::string& path, const read::Input& in,
                                    const Document& doc) {
    const std::string s = parse::ToJsonString(doc, pretty, with_text ? &in.text : nullptr);
    bool ok = true;
    if (out_dir.empty()) {
      std::fwrite(s.data(), 1, s.size(), stdout);
      std::fputc('\n', stdout);
    } else {
      const auto target =
          std::filesystem::path(out_dir) / (std::filesystem::path(path).stem().string() + ".json");
      std::ofstream f(target, std::ios::binary);
      f << s << '\n';
      if (!f) {
        std::fprintf(stderr, "dondoc: %s: cannot write %s\n", path.c_str(), target.c_str());
        ok = false;
      }
    }
    for (const Warning& w : doc.warnings) {
      std::fprintf(stderr, "dondoc: %s: warning: %s\n", path.c_str(), w.message.c_str());
    }
    return ok;
  });
}

}  // namespace dondoc::cli
