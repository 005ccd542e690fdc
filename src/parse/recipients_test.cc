#include <gtest/gtest.h>

#include "parse/recipients.h"
