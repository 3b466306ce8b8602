#include "app/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <random>
#include <sstream>

namespace ocrlint {
namespace {

std::string ErrnoMessage(std::string_view what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

// Closes a file descriptor on every path out of WriteFileAtomic.
class FdCloser {
 public:
  explicit FdCloser(int fd) : fd_(fd) {}
  ~FdCloser() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int Release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

std::string TempName(const std::filesystem::path& path) {
  std::random_device device;
  std::ostringstream name;
  name << "." << path.filename().string() << ".ocrlint-" << std::hex << device() << ".tmp";
  return (path.parent_path() / name.str()).string();
}

}  // namespace

ReadResult ReadFileBytes(const std::filesystem::path& path) {
  FdCloser fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return {"", ErrnoMessage("cannot read", errno)};
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return {"", ErrnoMessage("cannot stat", errno)};
  if (S_ISDIR(info.st_mode)) return {"", "is a directory"};
  ReadResult result;
  // Reserve (not resize: that would zero-fill the whole buffer first) and append chunks.
  // Growing files and pipes still work; the reservation is only a hint. The chunk is left
  // uninitialised on the stack: a zeroed 1 MB buffer per file cost more than reading a
  // 50 KB page (a memset of 1 MB and the page faults of a fresh allocation each time).
  if (info.st_size > 0) result.bytes.reserve(static_cast<std::size_t>(info.st_size));
  std::array<char, std::size_t{64} << 10> chunk;
  while (true) {
    const ssize_t n = ::read(fd.get(), chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return {"", ErrnoMessage("cannot read", errno)};
    }
    if (n == 0) break;
    result.bytes.append(chunk.data(), static_cast<std::size_t>(n));
  }
  return result;
}

ReadResult ReadAll(std::istream& in) {
  ReadResult result;
  result.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) result.error = "cannot read standard input";
  return result;
}

std::string WriteFileAtomic(const std::filesystem::path& link, std::string_view bytes) {
  // Write through a symbolic link to its target; renaming over the link would replace it.
  std::filesystem::path path = link;
  std::error_code ec;
  if (std::filesystem::is_symlink(link, ec)) {
    path = std::filesystem::canonical(link, ec);
    if (ec) return "cannot resolve link: " + ec.message();
  }
  struct stat original {};
  if (::stat(path.c_str(), &original) != 0) return ErrnoMessage("cannot stat", errno);
  const std::string temp = TempName(path);
  FdCloser fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  const int raw = fd.get();
  if (raw < 0) return ErrnoMessage("cannot create temporary file", errno);
  auto fail = [&](std::string_view what) {
    const int error = errno;
    ::unlink(temp.c_str());
    return ErrnoMessage(what, error);
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(raw, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write temporary file");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(raw, original.st_mode & 07777) != 0) return fail("cannot set permissions");
  // Keep the owner where we are allowed to (root fixing another user's files).
  if (::fchown(raw, original.st_uid, original.st_gid) != 0 && errno != EPERM) {
    return fail("cannot set owner");
  }
  if (::fsync(raw) != 0) return fail("cannot flush temporary file");
  if (::close(fd.Release()) != 0) return fail("cannot close temporary file");
  if (::rename(temp.c_str(), path.c_str()) != 0) return fail("cannot replace file");
  return "";
}

}  // namespace ocrlint
