// Errors as values at layer boundaries (style.md habit 3): a bad file or a bad request is an
// Error with a stable code and a one-line human message, never an exception.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace dondoc {

struct Error {
  std::string code;     // stable, snake_case: "not_found", "binary_content", ...
  std::string message;  // one line, for people; does not repeat the file name
};

// Result<T> holds either a value or an Error. Cheap to move; check ok() before value().
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace dondoc
