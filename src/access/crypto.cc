// Tested by crypto_test.cc.
#include "access/crypto.h"

#include <sodium.h>

#include <semaphore>

namespace dondoc::access {

PasswordParams DefaultPasswordParams() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordParams TestPasswordParams() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

bool InitCrypto() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

namespace {

std::counting_semaphore<kMaxConcurrentHashes>& HashSlots() {
  static std::counting_semaphore<kMaxConcurrentHashes> slots(kMaxConcurrentHashes);
  return slots;
}

// Holds one of the hash slots for a scope.
class HashSlot {
 public:
  HashSlot() { HashSlots().acquire(); }
  ~HashSlot() { HashSlots().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;
};

}  // namespace

Result<bool> CheckPasswordRules(std::string_view password) {
  if (password.size() < kMinPasswordBytes)
    return Error{"invalid_field", "The password needs at least " +
                                      std::to_string(kMinPasswordBytes) + " characters."};
  if (password.size() > kMaxPasswordBytes)
    return Error{"invalid_field",
                 "The password is longer than " + std::to_string(kMaxPasswordBytes) + " bytes."};
  return true;
}

Result<std::string> HashPassword(std::string_view password, const PasswordParams& params) {
  if (!InitCrypto()) return Error{"internal", "libsodium failed to initialise"};
  char out[crypto_pwhash_STRBYTES];
  HashSlot slot;
  if (crypto_pwhash_str(out, password.data(), password.size(), params.opslimit, params.memlimit) !=
      0)
    return Error{"internal", "password hashing ran out of memory"};
  return std::string(out);
}

bool VerifyPassword(std::string_view phc_hash, std::string_view password) {
  if (!InitCrypto() || phc_hash.empty() || phc_hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string hash(phc_hash);  // NUL-terminated for libsodium
  HashSlot slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view phc_hash, const PasswordParams& params) {
  if (!InitCrypto() || phc_hash.size() >= crypto_pwhash_STRBYTES) return true;
  const std::string hash(phc_hash);
  return crypto_pwhash_str_needs_rehash(hash.c_str(), params.opslimit, params.memlimit) != 0;
}

std::string NewToken() {
  InitCrypto();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, kVariant)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, kVariant);
  return out;
}

std::string TokenHash(std::string_view token) {
  InitCrypto();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return a.size() == b.size() && a.empty();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace dondoc::access
