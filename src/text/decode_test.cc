#include <gtest/gtest.h>

#include "text/decode.h"
