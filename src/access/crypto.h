// Passwords and tokens on libsodium (stack-notes §8).
//
// Passwords: Argon2id via crypto_pwhash_str — the PHC string ("$argon2id$v=19$m=…") carries its
// own salt and parameters, so a stronger default later only needs NeedsRehash at login. Each
// hash holds `memlimit` bytes (64 MiB by default) for ~60 ms: HashPassword/VerifyPassword are
// blocking calls for worker threads, never an io thread, and at most kMaxConcurrentHashes run at
// once (a semaphore) so a login flood cannot take the memory of the machine.
//
// Tokens: 32 bytes from randombytes_buf, base64url without padding (43 characters) for the
// cookie; only TokenHash (BLAKE2b-256, hex) is ever stored.
//
// Thread-safe. Tested by crypto_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace dondoc::access {

struct PasswordParams {
  unsigned long long opslimit;
  std::size_t memlimit;
};
// crypto_pwhash INTERACTIVE: t=2, 64 MiB (57 ms here; stack-notes §8).
PasswordParams DefaultPasswordParams();
// The library minimum (t=1, 8 KiB): for tests only, never for real passwords.
PasswordParams TestPasswordParams();

inline constexpr int kMaxConcurrentHashes = 2;
inline constexpr std::size_t kMinPasswordBytes = 8;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// sodium_init once; false when libsodium cannot start (no entropy source).
bool InitCrypto();

// Checks the length rules; an Error "invalid_field" naming them otherwise.
Result<bool> CheckPasswordRules(std::string_view password);
// The PHC string, or Error "internal" (out of memory).
Result<std::string> HashPassword(std::string_view password,
                                 const PasswordParams& params = DefaultPasswordParams());
// Constant-time in the password; false for a wrong password or a malformed hash.
bool VerifyPassword(std::string_view phc_hash, std::string_view password);
// True when the hash was made with other parameters than `params`.
bool NeedsRehash(std::string_view phc_hash, const PasswordParams& params = DefaultPasswordParams());

// 32 random bytes, base64url without padding.
std::string NewToken();
// Lower-case hex BLAKE2b-256 of the token: the stored key of a session.
std::string TokenHash(std::string_view token);
// Constant-time equality (sodium_memcmp); false when the lengths differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace dondoc::access
