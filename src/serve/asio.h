// The one place Boost.Asio/Beast are included, with the Debian 12 workarounds:
// - Boost 1.74's asio/awaitable.hpp uses std::exchange without <utility>; GCC 12 in C++20 fails
//   without it (chriskohlhoff/asio#944; stack-notes §1).
// - std::string_view instead of boost::string_view in Beast's API.
// Include only from server.cc and the tests' client (compile time: ~2.5 s per TU).
#pragma once

#include <utility>

// GCC 12 reports -Wmismatched-new-delete on every Asio coroutine frame: a false positive (asio's
// awaitable_frame_base pairs its own operator new/delete; GCC bug 109224). Scoped to the TUs
// that include this header.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

#ifndef BOOST_BEAST_USE_STD_STRING_VIEW
#define BOOST_BEAST_USE_STD_STRING_VIEW
#endif

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
