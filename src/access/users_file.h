// The users file of `dondoc serve --users FILE`, until users live in the store
// (`dondoc user add|passwd|list` comes with it). One user per line, fields separated by spaces
// or tabs; '#' starts a comment:
//
//   # name     role          unit          password hash (dondoc serve --hash-password)
//   vanphong   office        -             $argon2id$v=19$m=65536,t=2,p=1$…
//   sotc       unit_officer  so-tai-chinh  $argon2id$v=19$m=65536,t=2,p=1$…
//
// The unit is "-" for every role but unit_officer, which must name one. Plain-text passwords
// are refused: the file holds only Argon2id hashes. Tested by users_file_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "access/repos.h"
#include "base/result.h"

namespace dondoc::access {

// The users of `text`, or an Error "bad_users_file" naming the first bad line ("line 3: …").
Result<std::vector<User>> ParseUsersFile(std::string_view text);

}  // namespace dondoc::access
