#include "eval/score.h"
