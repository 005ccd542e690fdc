#include "read/file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "parse/json.h"
#include "parse/parse.h"
#include "text/utf8.h"

namespace dondoc::read {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHeaderOnly =
    "ỦY BAN NHÂN DÂN\nHUYỆN SÔNG MÂY\n-------\nSố: 18/QĐ-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Sông Mây, ngày 3 tháng 4 năm 2031\n";

// Each test gets its own directory under gtest's temp dir, removed afterwards.
class FileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info->name();  // "IsRefused/pdf" for parameterized tests
    for (char& c : name) c = c == '/' ? '_' : c;
    dir_ =
        fs::path(::testing::TempDir()) / ("dondoc_read_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path p = dir_ / name;
    std::ofstream f(p, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

  fs::path dir_;
};

// Every error is a stable code plus a one-line message that does not repeat the path.
void ExpectError(const Result<Input>& r, std::string_view code, const std::string& path = "") {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, code);
  EXPECT_FALSE(r.error().message.empty());
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos) << r.error().message;
  if (!path.empty()) {
    EXPECT_EQ(r.error().message.find(path), std::string::npos);
  }
}

TEST_F(FileTest, ReadsUtf8Document) {
  const std::string path = Write("qd-18.txt", kHeaderOnly);
  auto r = ReadDocument(path);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().text, kHeaderOnly);
  EXPECT_EQ(r.value().source.name, "qd-18.txt");
  EXPECT_EQ(r.value().source.encoding, "utf-8");
  EXPECT_EQ(r.value().source.format, "text");
  EXPECT_EQ(r.value().source.sha256, Sha256Hex(kHeaderOnly));
  EXPECT_TRUE(r.value().warnings.empty());
}

TEST_F(FileTest, NormalizesWhatItReads) {
  const std::string path = Write("crlf.txt",
                                 "Số:\xC2\xA0"
                                 "5/TB\r\n\xC3\x90i\xE1\xBB\x81u 1\r\n");
  auto r = ReadDocument(path);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().text, "Số: 5/TB\nĐiều 1\n");
}

TEST_F(FileTest, EmptyFile) {
  const std::string path = Write("empty.txt", "");
  ExpectError(ReadDocument(path), "empty", path);
}

TEST_F(FileTest, WhitespaceOnlyFile) {
  ExpectError(ReadDocument(Write("blank.txt", "  \r\n\t\n\xC2\xA0\n")), "empty");
}

TEST_F(FileTest, BinaryFile) {
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 131 + 7) & 0xFF));
  const std::string path = Write("blob.bin", bytes);
  ExpectError(ReadDocument(path), "binary_content", path);
}

TEST_F(FileTest, InvalidUtf8IsRepairedWithWarning) {
  const std::string bytes = std::string(kHeaderOnly) + "V/v tri\xEA\xF2n khai\n";
  auto r = ReadDocument(Write("cp1258ish.txt", bytes));
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Input& in = r.value();
  EXPECT_TRUE(text::IsValidUtf8(in.text));
  EXPECT_NE(in.text.find("tri\xEF\xBF\xBD\xEF\xBF\xBDn"), std::string::npos);
  ASSERT_EQ(in.warnings.size(), 1u);
  EXPECT_EQ(in.warnings[0].code, "invalid-utf8");
  EXPECT_EQ(in.warnings[0].message.find('\n'), std::string::npos);
  // Still parsed: the warning travels into the document and JSON is produced.
  const Document doc = parse::Parse(in.text, in.source, in.warnings);
  bool carried = false;
  for (const Warning& w : doc.warnings) carried |= w.code == "invalid-utf8";
  EXPECT_TRUE(carried);
  EXPECT_FALSE(parse::ToJsonString(doc, false).empty());
}

TEST_F(FileTest, Utf16WithoutBomGetsNotice) {
  std::string bytes;
  const std::string_view text = kHeaderOnly;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    const char32_t cp = text::DecodeAt(text, i, &len);
    bytes.push_back(static_cast<char>(cp & 0xFF));
    bytes.push_back(static_cast<char>(cp >> 8));
    i += len;
  }
  auto r = ReadDocument(Write("utf16le.txt", bytes));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().text, kHeaderOnly);
  EXPECT_EQ(r.value().source.encoding, "utf-16");
  ASSERT_EQ(r.value().warnings.size(), 1u);
  EXPECT_EQ(r.value().warnings[0].code, "utf16-no-bom");
  EXPECT_EQ(r.value().source.sha256, Sha256Hex(bytes));  // hash of the bytes, not the text
}

TEST_F(FileTest, FiftyMegabytesIsTooLarge) {
  const fs::path p = dir_ / "huge.txt";
  { std::ofstream(p, std::ios::binary) << "Số: 1/TB\n"; }
  fs::resize_file(p, 50u * 1024 * 1024);  // sparse: fast, no 50 MB written
  const auto start = std::chrono::steady_clock::now();
  auto r = ReadDocument(p.string());
  const auto took = std::chrono::steady_clock::now() - start;
  ExpectError(r, "too_large", p.string());
  EXPECT_NE(r.error().message.find("50.0 MB"), std::string::npos) << r.error().message;
  EXPECT_LT(took, std::chrono::seconds(1));  // refused from the size, without reading
}

TEST_F(FileTest, FromBytesRespectsLimit) {
  const std::string bytes(2048, 'a');
  ExpectError(FromBytes(bytes, "a.txt", 1024), "too_large");
  EXPECT_TRUE(FromBytes(bytes, "a.txt", 2048).ok());
}

TEST_F(FileTest, HeaderOnlyDocumentParses) {
  auto r = ReadDocument(Write("header-only.txt", kHeaderOnly));
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Document doc = parse::Parse(r.value().text, r.value().source, r.value().warnings);
  const std::string json = parse::ToJsonString(doc, true);
  EXPECT_NE(json.find(parse::kSchema), std::string::npos);
  EXPECT_NE(json.find("header-only.txt"), std::string::npos);
}

TEST_F(FileTest, TinyDocumentsParse) {
  for (const char* text : {"a", "Số:", "Điều", "\xE1\xBB", "-\n-\n-", "Số: /", "ngày tháng năm"}) {
    auto r = FromBytes(text, "tiny.txt");
    if (!r.ok()) continue;
    const Document doc = parse::Parse(r.value().text, r.value().source, r.value().warnings);
    EXPECT_FALSE(parse::ToJsonString(doc, false).empty()) << text;
  }
}

TEST_F(FileTest, Directory) {
  const fs::path sub = dir_ / "folder.txt";
  fs::create_directories(sub);
  ExpectError(ReadDocument(sub.string()), "is_directory", sub.string());
}

TEST_F(FileTest, MissingPath) {
  const std::string path = (dir_ / "khong-co.txt").string();
  ExpectError(ReadDocument(path), "not_found", path);
  ExpectError(ReadDocument((dir_ / "khong-co" / "x.txt").string()), "not_found");
  // A file used as a directory: ENOTDIR.
  const std::string file = Write("plain.txt", kHeaderOnly);
  ExpectError(ReadDocument(file + "/x.txt"), "not_found");
}

TEST_F(FileTest, NotARegularFile) {
  const fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ExpectError(ReadDocument(fifo.string()), "unreadable");
}

TEST_F(FileTest, UnreadableFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads everything";
  const std::string path = Write("secret.txt", kHeaderOnly);
  fs::permissions(path, fs::perms::none);
  ExpectError(ReadDocument(path), "unreadable", path);
}

struct MagicCase {
  const char* name;
  std::string bytes;
};

class UnsupportedFormatTest : public FileTest, public ::testing::WithParamInterface<MagicCase> {};

TEST_P(UnsupportedFormatTest, IsRefused) {
  const std::string path = Write(GetParam().name, GetParam().bytes + "\nSố: 1/QĐ\n");
  ExpectError(ReadDocument(path), "unsupported_format", path);
}

INSTANTIATE_TEST_SUITE_P(
    Magic, UnsupportedFormatTest,
    ::testing::Values(MagicCase{"docx", std::string("PK\x03\x04\x14\0\x06\0", 8)},
                      MagicCase{"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3"},
                      MagicCase{"png", "\x89PNG\r\n\x1A\n"}, MagicCase{"jpeg", "\xFF\xD8\xFF\xE0"},
                      MagicCase{"doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Sha256Test, KnownVector) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace dondoc::read
