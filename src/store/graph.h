// The citation graph around one document: walking up (what it implements, cites, amends,
// replaces) and down (what implements, cites … it), a few levels each way. Only the Store
// interface is used, so any back-end walks alike. Tested by graph_test.cc.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace dondoc::store {

struct Graph {
  std::int64_t root = 0;                             // the root's node id
  std::map<std::int64_t, GraphNode> nodes;           // every node met, the root included
  std::vector<GraphEdge> up, down;                   // in walking order (breadth first)
  std::map<std::int64_t, int> up_level, down_level;  // node → its distance from the root
};

// Walks from the node of document `id` up to `depth` (≥ 1) levels each way. Placeholders
// (pending or ambiguous references) are edges without `to` and are not walked further; a
// node met twice is walked once, so cycles end. Errors: "not_found" for an unknown id, or
// the store's.
Result<Graph> BuildGraph(Store& store, std::int64_t id, int depth);

}  // namespace dondoc::store
