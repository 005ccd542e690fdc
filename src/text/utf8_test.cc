#include <gtest/gtest.h>

#include "text/utf8.h"
