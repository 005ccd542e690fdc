// Tested by graph_test.cc.
#include "store/graph.h"

#include <deque>

namespace dondoc::store {
namespace {

// One direction, breadth first. `edges_of` lists a node's edges that way; `far` is the end
// of an edge away from the node being walked.
template <typename EdgesOf, typename Far>
Result<Ok> Walk(Store& store, Graph& g, int depth, EdgesOf edges_of, Far far,
                std::vector<GraphEdge>& out, std::map<std::int64_t, int>& level) {
  std::deque<std::int64_t> queue = {g.root};
  level[g.root] = 0;
  while (!queue.empty()) {
    const std::int64_t n = queue.front();
    queue.pop_front();
    if (level[n] >= depth) continue;
    auto edges = edges_of(n);
    if (!edges.ok()) return edges.error();
    for (GraphEdge& e : edges.value()) {
      const std::optional<std::int64_t> other = far(e);
      if (other && !level.count(*other)) {
        level[*other] = level[n] + 1;
        queue.push_back(*other);
        if (!g.nodes.count(*other)) {
          auto node = store.GetNode(*other);
          if (!node.ok()) return node.error();
          g.nodes.emplace(*other, std::move(node.value()));
        }
      }
      out.push_back(std::move(e));
    }
  }
  return Ok{};
}

}  // namespace

Result<Graph> BuildGraph(Store& store, std::int64_t id, int depth) {
  auto root = store.GetNode(id);
  if (!root.ok()) return root.error();
  Graph g;
  g.root = root.value().copies.front();
  g.nodes.emplace(g.root, std::move(root.value()));
  auto up = Walk(
      store, g, depth, [&](std::int64_t n) { return store.EdgesFrom(n); },
      [](const GraphEdge& e) { return e.to; }, g.up, g.up_level);
  if (!up.ok()) return up.error();
  auto down = Walk(
      store, g, depth, [&](std::int64_t n) { return store.EdgesTo(n); },
      [](const GraphEdge& e) { return std::optional<std::int64_t>(e.from); }, g.down, g.down_level);
  if (!down.ok()) return down.error();
  return g;
}

}  // namespace dondoc::store
