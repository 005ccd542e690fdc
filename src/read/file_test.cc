#include <gtest/gtest.h>

#include "read/file.h"
