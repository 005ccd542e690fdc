#include <gtest/gtest.h>

#include "parse/signers.h"
