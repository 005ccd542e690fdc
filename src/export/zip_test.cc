// Tests zip.h: a written archive reads back; garbage is an error value.
#include "export/zip.h"

#include <gtest/gtest.h>

namespace dondoc::exports {
namespace {

TEST(Zip, RoundTrip) {
  const std::string big(100000, 'x');
  auto z = WriteZip(
      {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "Độc lập"}, {"big.txt", big}});
  ASSERT_TRUE(z.ok()) << z.error().message;
  EXPECT_EQ(z.value().substr(0, 2), "PK");
  EXPECT_LT(z.value().size(), 5000u);  // deflated
  auto back = ReadZip(z.value());
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back.value().size(), 3u);
  EXPECT_EQ(back.value().at("word/document.xml"), "Độc lập");
  EXPECT_EQ(back.value().at("big.txt"), big);
}

TEST(Zip, GarbageIsAnError) {
  auto r = ReadZip("this is not a zip file at all");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "zip_failed");
  EXPECT_FALSE(ReadZip("").ok());
}

}  // namespace
}  // namespace dondoc::exports
