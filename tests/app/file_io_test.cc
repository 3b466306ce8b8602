#include "app/file_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ocrlint {
namespace {

namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ocrlint-io-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  fs::path dir_;
};

TEST_F(FileIoTest, ReadsBytesExactly) {
  const fs::path path =
      Write("a.txt", std::string("\xEF\xBB\xBF\xE4\xB8\xAD\r\n\xFF", 9) + std::string("\0tail", 5));
  const ReadResult read = ReadFileBytes(path);
  EXPECT_EQ(read.error, "");
  EXPECT_EQ(read.bytes,
            std::string("\xEF\xBB\xBF\xE4\xB8\xAD\r\n\xFF", 9) + std::string("\0tail", 5));
}

TEST_F(FileIoTest, ReadsFilesLongerThanOneChunk) {
  std::string bytes;
  for (int i = 0; bytes.size() < (std::size_t{200} << 10) + 17; ++i) {
    bytes += std::to_string(i) + "中";
  }
  const ReadResult read = ReadFileBytes(Write("long.txt", bytes));
  EXPECT_EQ(read.error, "");
  EXPECT_EQ(read.bytes, bytes);
  EXPECT_EQ(ReadFileBytes(Write("empty.txt", "")).bytes, "");
}

TEST_F(FileIoTest, ReadErrorsNameTheCause) {
  EXPECT_EQ(ReadFileBytes(dir_ / "missing.txt").error, "cannot read: No such file or directory");
  EXPECT_EQ(ReadFileBytes(dir_).error, "is a directory");
}

TEST_F(FileIoTest, ReadsStreams) {
  std::istringstream in("中文\n");
  EXPECT_EQ(ReadAll(in).bytes, "中文\n");
}

TEST_F(FileIoTest, AtomicWriteReplacesContentAndKeepsPermissions) {
  const fs::path path = Write("b.txt", "old content that is longer");
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  EXPECT_EQ(WriteFileAtomic(path, "新"), "");
  EXPECT_EQ(ReadFileBytes(path).bytes, "新");
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0640u);
  // No temporary file is left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(FileIoTest, AtomicWriteFollowsSymlinks) {
  const fs::path target = Write("target.txt", "old");
  const fs::path link = dir_ / "link.txt";
  fs::create_symlink(target, link);
  EXPECT_EQ(WriteFileAtomic(link, "new"), "");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(ReadFileBytes(target).bytes, "new");
}

TEST_F(FileIoTest, AtomicWriteToMissingFileFailsWithoutCreatingIt) {
  EXPECT_EQ(WriteFileAtomic(dir_ / "nope.txt", "x"), "cannot stat: No such file or directory");
  EXPECT_FALSE(fs::exists(dir_ / "nope.txt"));
}

TEST_F(FileIoTest, AtomicWriteIntoReadOnlyFolderLeavesOriginal) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
  const fs::path path = Write("c.txt", "original");
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_NE(WriteFileAtomic(path, "new"), "");
  fs::permissions(dir_, fs::perms::owner_all);
  EXPECT_EQ(ReadFileBytes(path).bytes, "original");
}

}  // namespace
}  // namespace ocrlint
